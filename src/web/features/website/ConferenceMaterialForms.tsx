import { type FormEvent, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type TConferenceDetail,
  ZConferenceMaterialFieldsSchema,
  ZConferenceRecordingInputSchema,
} from '../../../contracts/website-conferences.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors, hasFieldError } from '../../ui/forms/server-errors.js';
import { useMaterialUpload, useRecordingAdd } from './conference-api.js';
import {
  emptyMaterial,
  emptyRecording,
  MATERIAL_ACCEPT,
  type MaterialValues,
  materialFileProblem,
  materialToInput,
  type RecordingValues,
} from './conference-forms.js';
import { serverFileError } from './media-forms.js';
import { FileInput } from './VideoFiles.js';
import { useSitePages } from './website-api.js';

type Material = TConferenceDetail['materials'][number];

const shape = ZConferenceMaterialFieldsSchema.shape;
const materialResolver = contractResolver<MaterialValues>(ZConferenceMaterialFieldsSchema, materialToInput);
const recordingResolver = contractResolver<RecordingValues>(ZConferenceRecordingInputSchema, (v) => v);
const FILE_ID = 'site-conference-material-file';
const FIELDS = ['titleIt', 'file'] as const;

/** A document of the conference: its Italian title and the PDF. */
export function MaterialUploadForm({ pageId }: { pageId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const upload = useMaterialUpload(pageId);
  const form = useForm<MaterialValues>({ resolver: materialResolver, defaultValues: emptyMaterial() });
  const { errors, isSubmitting } = form.formState;
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<'missing' | 'type' | null>(null);
  const [round, setRound] = useState(0);

  const submit = (event: FormEvent) => {
    const found = materialFileProblem(file);
    setProblem(found);
    upload.reset();
    return form.handleSubmit(async (values) => {
      if (found || !file) {
        document.getElementById(FILE_ID)?.focus();
        return;
      }
      try {
        await upload.mutateAsync({ fields: values, file });
        form.reset(emptyMaterial());
        setFile(null);
        setRound((n) => n + 1);
      } catch (e) {
        applyServerFieldErrors(e, form.setError, locale, ['titleIt']);
        if (hasFieldError(e, 'file')) document.getElementById(FILE_ID)?.focus();
      }
    })(event);
  };

  const fileError = problem
    ? t(`website.conference.materials.upload.${problem}`)
    : serverFileError(upload.error, locale);
  const namedField = FIELDS.some((field) => hasFieldError(upload.error, field));
  return (
    <section aria-labelledby="site-conference-upload-heading" className="card shadow-sm p-3 p-md-4 h-100">
      <h4 id="site-conference-upload-heading" className="h6 mb-3">
        {t('website.conference.materials.upload.title')}
      </h4>
      <form onSubmit={submit} noValidate>
        {upload.error && !namedField ? <ActionProblem error={upload.error} /> : null}
        <div role="status">
          {upload.isSuccess && (
            <p className="alert alert-success">{t('website.conference.materials.upload.saved')}</p>
          )}
        </div>
        <TextField
          id="site-conference-material-title"
          label={t('website.conference.materials.upload.titleIt')}
          hint={t('website.conference.materials.upload.titleItHint')}
          required
          autoComplete="off"
          lang="it"
          maxLength={maxLengthOf(shape.titleIt)}
          error={fieldErrorText(t, errors.titleIt)}
          {...form.register('titleIt')}
        />
        <FileInput
          key={round}
          id={FILE_ID}
          label={t('website.conference.materials.upload.file')}
          hint={t('website.conference.materials.upload.fileHint')}
          error={fileError}
          accept={MATERIAL_ACCEPT}
          required
          onFile={(chosen) => {
            setFile(chosen);
            setProblem(chosen ? materialFileProblem(chosen) : null);
            upload.reset();
          }}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting || upload.isPending}>
            {t('website.conference.materials.upload.submit')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}

/** A recording: one of the video manual's chapters not yet among the conference's materials. */
export function RecordingForm({ pageId, materials }: { pageId: string; materials: Material[] }) {
  const { t } = useTranslation();
  const chapters = useSitePages('video');
  return (
    <section aria-labelledby="site-conference-recording-heading" className="card shadow-sm p-3 p-md-4 h-100">
      <h4 id="site-conference-recording-heading" className="h6 mb-3">
        {t('website.conference.materials.recording.title')}
      </h4>
      <AsyncContent query={chapters}>
        {(pages) => {
          const taken = new Set(materials.map((m) => m.videoPageId));
          const options = pages.filter((p) => !taken.has(p.id)).map((p) => ({ value: p.id, label: p.title }));
          return options.length === 0 ? (
            <p className="mb-0">{t('website.conference.materials.recording.none')}</p>
          ) : (
            <RecordingFields pageId={pageId} options={options} />
          );
        }}
      </AsyncContent>
    </section>
  );
}

function RecordingFields({
  pageId,
  options,
}: {
  pageId: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useRecordingAdd(pageId);
  const form = useForm<RecordingValues>({ resolver: recordingResolver, defaultValues: emptyRecording() });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    add.reset();
    try {
      await add.mutateAsync(values.videoPageId);
      form.reset(emptyRecording());
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <div role="status">
        {add.isSuccess && !form.formState.isDirty && (
          <p className="alert alert-success">{t('website.conference.materials.recording.saved')}</p>
        )}
      </div>
      <SelectField
        id="site-conference-recording-chapter"
        label={t('website.conference.materials.recording.chapter')}
        hint={t('website.conference.materials.recording.chapterHint')}
        required
        placeholder={t('common.choose')}
        options={options}
        error={fieldErrorText(t, errors.videoPageId)}
        {...form.register('videoPageId')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('website.conference.materials.recording.submit')}
        </button>
      </FormActions>
    </form>
  );
}
