import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type TSiteLanguage,
  type TSitePageDetail,
  type TSiteVersion,
  ZSiteTranslationInputSchema,
} from '../../../contracts/website.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { PreviewButton } from './PreviewButton.js';
import { TextFields } from './TextFields.js';
import { useTranslationSave } from './website-api.js';
import { currentOf, type TextValues, textToInput, versionToText } from './website-forms.js';
import { useLanguageInSentence } from './website-words.js';

const resolver = contractResolver<TextValues>(ZSiteTranslationInputSchema, textToInput);

/**
 * The text of one language: saving it makes a new version and takes the page back to draft. A
 * translation is written beside the current Italian text, and says when that text changed since.
 */
export function TranslationEditor({
  page,
  lang,
  linkProblems,
  onSaved,
}: {
  page: TSitePageDetail;
  lang: TSiteLanguage;
  /** The server's objections to this language's links, from the last attempt to publish. */
  linkProblems: string[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const current = currentOf(page, lang);
  const italian = currentOf(page, 'it');
  const status = page.translations.find((tr) => tr.lang === lang)?.status ?? 'missing';
  const language = useLanguageInSentence()(lang);
  const save = useTranslationSave(page.id, lang);
  const form = useForm<TextValues>({ resolver, defaultValues: versionToText(current) });
  const { errors, isSubmitting, isDirty } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    save.reset();
    try {
      const saved = await save.mutateAsync(textToInput(values));
      // What the server kept (its allow-list may have removed tags) is what the form shows now.
      form.reset(versionToText(currentOf(saved, lang)));
      onSaved();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const translation = lang !== 'it';
  const bodyEmpty = form.watch('body').trim() === '';
  const errorOf = (name: keyof TextValues) =>
    fieldErrorText(t, errors[name]) ??
    (name === 'body' && linkProblems.length ? linkProblems.join(' ') : undefined);
  return (
    <section aria-labelledby="site-editor-heading" className="card shadow-sm p-3 p-md-4 mb-4">
      <h3 id="site-editor-heading" className="h5">
        {t('website.editor.title', { language })}
      </h3>
      <p className="small mb-3">
        {current
          ? t('website.editor.version', {
              number: current.number,
              author: current.author,
              at: formatDateTime(current.createdAt, locale),
            })
          : t('website.editor.none')}
      </p>
      {translation && status === 'outdated' && (
        <div className="alert alert-warning" role="note">
          {t('website.editor.outdated', {
            basedOn: current?.basedOn ?? '—',
            italian: italian?.number ?? '—',
          })}
        </div>
      )}
      <div className="row g-4">
        {translation && italian && (
          <div className="col-lg-6">
            <ItalianReference
              version={italian}
              onCopy={
                bodyEmpty ? () => form.setValue('body', italian.body, { shouldDirty: true }) : undefined
              }
            />
          </div>
        )}
        <div className={translation && italian ? 'col-lg-6' : 'col-12'}>
          <form onSubmit={submit} noValidate>
            {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
            {save.isSuccess && !isDirty && (
              <div className="alert alert-success" role="status">
                {t('website.editor.saved', { number: currentOf(page, lang)?.number ?? '' })}
              </div>
            )}
            <TextFields
              idPrefix={`site-text-${lang}`}
              lang={lang}
              field={(name) => form.register(name)}
              error={errorOf}
            />
            <p className="small">{t('website.editor.saveHint')}</p>
            <FormActions>
              <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
                {t('website.editor.save', { language })}
              </button>
              <PreviewButton pageId={page.id} lang={lang} disabled={!current || isDirty} />
            </FormActions>
            {current && isDirty && <p className="small mt-2">{t('website.preview.saveFirst')}</p>}
          </form>
        </div>
      </div>
    </section>
  );
}

/** The current Italian text, to translate from: its HTML as written, so the tags can be kept. */
function ItalianReference({ version, onCopy }: { version: TSiteVersion; onCopy: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="border rounded p-3 bg-light h-100" lang="it" dir="ltr">
      <h4 className="h6">{t('website.editor.italian', { number: version.number })}</h4>
      <p className="fw-bold mb-1">{version.title}</p>
      {version.summary && <p className="mb-2">{version.summary}</p>}
      {version.share && (
        <p className="small mb-2">
          <span className="fw-semibold">{t('website.editor.italianShare')}</span> {version.share}
        </p>
      )}
      <p className="small mb-1">{t('website.editor.italianBody')}</p>
      <pre className="small mb-2" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {version.body}
      </pre>
      {onCopy && (
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCopy}>
          {t('website.editor.copyItalian')}
        </button>
      )}
    </div>
  );
}
