import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TSiteLanguage } from '../../../contracts/website.js';
import { type TVideoTrackKind, ZVideoTrackInputSchema } from '../../../contracts/website-videos.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { FormActions, TextAreaField } from '../../ui/fields.js';
import { formatNumber } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { FileInput } from './VideoFiles.js';
import { useTrackDelete, useTrackSave, useTrackText } from './video-api.js';
import { EMPTY_VTT, fitsTrack } from './video-forms.js';
import { textAttrs, useLanguageInSentence } from './website-words.js';

interface TrackValues {
  vtt: string;
}

const VTT_MAX = maxLengthOf(ZVideoTrackInputSchema.shape.vtt);
const resolver = contractResolver<TrackValues>(ZVideoTrackInputSchema, (v) => ({ vtt: v.vtt }));

interface Props {
  pageId: string;
  lang: TSiteLanguage;
  kind: TVideoTrackKind;
  /** Whether the track has been written (it can then be deleted). */
  exists: boolean;
  onClose: (deleted?: boolean) => void;
}

/** One track's WebVTT text, in the language it is written in: typed, pasted or read from a .vtt file. */
export function TrackEditor(props: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const language = useLanguageInSentence()(props.lang);
  const text = useTrackText(props.pageId, props.lang, props.kind);
  // Focus moves to the editor it opens, so keyboard and screen-reader users land on it.
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section
      id="site-video-track-editor"
      aria-labelledby="site-video-track-editor-title"
      className="card shadow-sm p-3 p-md-4 my-4"
    >
      <h4 id="site-video-track-editor-title" ref={heading} tabIndex={-1} className="h6 mb-3">
        {t('website.video.tracks.editorTitle', {
          kind: t(`website.video.tracks.kinds.${props.kind}`),
          language,
        })}
      </h4>
      <AsyncContent query={text}>
        {(vtt) => <TrackForm {...props} initial={vtt ?? EMPTY_VTT} language={language} />}
      </AsyncContent>
    </section>
  );
}

function TrackForm({
  pageId,
  lang,
  kind,
  exists,
  onClose,
  initial,
  language,
}: Props & { initial: string; language: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useTrackSave(pageId, lang, kind);
  const remove = useTrackDelete(pageId, lang, kind);
  const [confirming, setConfirming] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>();
  const form = useForm<TrackValues>({ resolver, defaultValues: { vtt: initial } });
  const { errors, isSubmitting, isDirty } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    save.reset();
    try {
      await save.mutateAsync(values.vtt);
      form.reset(values);
    } catch (e) {
      // The parser's objections come back on the field `vtt`, with their line numbers.
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const readFile = async (file: File | null) => {
    setFileError(undefined);
    if (!file) return;
    const content = (await file.text()).replace(/^\uFEFF/, '');
    if (!fitsTrack(content)) {
      setFileError(t('website.video.tracks.fileTooLong', { max: formatNumber(VTT_MAX, locale) }));
      return;
    }
    form.setValue('vtt', content, { shouldDirty: true });
    form.clearErrors('vtt');
    save.reset();
  };
  const textareaId = `site-video-track-${lang}-${kind}`;
  return (
    <form onSubmit={submit} noValidate>
      {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
      {save.isSuccess && !isDirty && (
        <div className="alert alert-success" role="status">
          {t('website.video.tracks.saved')}
        </div>
      )}
      <FileInput
        id={`${textareaId}-file`}
        label={t('website.video.tracks.readFile')}
        hint={t('website.video.tracks.readFileHint')}
        error={fileError}
        accept=".vtt,text/vtt"
        onFile={(file) => void readFile(file)}
      />
      <TextAreaField
        id={textareaId}
        label={t('website.video.tracks.text', { language })}
        hint={t('website.video.tracks.textHint')}
        rows={14}
        spellCheck={false}
        maxLength={VTT_MAX}
        {...textAttrs(lang)}
        error={fieldErrorText(t, errors.vtt)}
        {...form.register('vtt')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('website.video.tracks.save')}
        </button>
        {exists && (
          <button
            type="button"
            className="btn btn-outline-danger"
            disabled={remove.isPending}
            onClick={() => setConfirming(true)}
          >
            {t('website.video.tracks.delete')}
          </button>
        )}
        <button type="button" className="btn btn-outline-secondary" onClick={() => onClose()}>
          {t('website.video.tracks.close')}
        </button>
      </FormActions>
      {remove.error ? <ActionProblem error={remove.error} className="mt-3" /> : null}
      {confirming && (
        <ConfirmPanel
          className="mt-3"
          message={t('website.video.tracks.confirmDelete', {
            kind: t(`website.video.tracks.kindsInSentence.${kind}`),
            language,
          })}
          confirmLabel={t('website.video.tracks.delete')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => onClose(true) })}
          onCancel={() => setConfirming(false)}
        />
      )}
    </form>
  );
}
