import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SITE_LANGUAGES } from '../../../contracts/website.js';
import { MEDIA_LIMITS, type TMedia, ZMediaAltsInputSchema } from '../../../contracts/website-media.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useMediaAltsSave } from './media-api.js';
import { type AltValues, altsToInput, altsToValues } from './media-forms.js';
import { textAttrs, useLanguageInSentence } from './website-words.js';

const resolver = contractResolver<AltValues>(ZMediaAltsInputSchema, altsToInput);

/**
 * An image's alternative text in the ten languages, saved at once: each field in its language
 * (Arabic and Urdu right to left), Italian required. Focus goes to the heading when it opens.
 */
export function MediaAltsEditor({ media, onDone }: { media: TMedia; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const inSentence = useLanguageInSentence();
  const save = useMediaAltsSave(media.id);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<AltValues>({ resolver, defaultValues: altsToValues(media.alts) });
  const { errors, isSubmitting } = form.formState;
  const prefix = `media-${media.id}-alts`;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const submit = form.handleSubmit(async (values) => {
    save.reset();
    try {
      await save.mutateAsync(values);
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <section aria-labelledby={`${prefix}-title`} className="border-top pt-3 mt-3">
      <h4 id={`${prefix}-title`} ref={heading} tabIndex={-1} className="h6">
        {t('website.media.alts.title', { name: media.name })}
      </h4>
      <p className="small">{t('website.media.alts.intro')}</p>
      <form onSubmit={submit} noValidate>
        {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
        <div className="row">
          {SITE_LANGUAGES.map((lang) => (
            <div key={lang} className="col-md-6">
              <TextField
                id={`${prefix}-${lang}`}
                label={t('website.media.alts.field', { language: inSentence(lang) })}
                hint={lang === 'it' ? t('website.media.upload.altItHint') : undefined}
                required={lang === 'it'}
                autoComplete="off"
                maxLength={MEDIA_LIMITS.alt}
                error={fieldErrorText(t, errors.alts?.[lang])}
                {...textAttrs(lang)}
                {...form.register(`alts.${lang}`)}
              />
            </div>
          ))}
        </div>
        <FormActions>
          <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
            {t('website.media.alts.save')}
          </button>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
