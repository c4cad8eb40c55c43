import { type FormEvent, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZMediaFieldsSchema } from '../../../contracts/website-media.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors, hasFieldError } from '../../ui/forms/server-errors.js';
import { useMediaUpload } from './media-api.js';
import {
  emptyUpload,
  type FileProblem,
  fileProblem,
  MEDIA_ACCEPT,
  serverFileError,
  type UploadValues,
  uploadToInput,
} from './media-forms.js';
import { FileInput } from './VideoFiles.js';

const shape = ZMediaFieldsSchema.shape;
const resolver = contractResolver<UploadValues>(ZMediaFieldsSchema, uploadToInput);
const FILE_ID = 'media-upload-file';
const FIELDS = ['name', 'altIt', 'file'] as const;

/** A new image: its name for the editors, its Italian alternative text, the file. */
export function MediaUploadForm({ onUploaded }: { onUploaded: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const upload = useMediaUpload();
  const form = useForm<UploadValues>({ resolver, defaultValues: emptyUpload() });
  const { errors, isSubmitting } = form.formState;
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [round, setRound] = useState(0);

  const submit = (event: FormEvent) => {
    const found = fileProblem(file);
    setProblem(found);
    upload.reset();
    return form.handleSubmit(async (values) => {
      if (found || !file) {
        document.getElementById(FILE_ID)?.focus();
        return;
      }
      try {
        await upload.mutateAsync({ fields: values, file });
        form.reset(emptyUpload());
        setFile(null);
        setRound((n) => n + 1);
        onUploaded();
      } catch (e) {
        applyServerFieldErrors(e, form.setError, locale, ['name', 'altIt']);
        if (hasFieldError(e, 'file')) document.getElementById(FILE_ID)?.focus();
      }
    })(event);
  };

  const fileError = problem ? t(`website.media.upload.${problem}`) : serverFileError(upload.error, locale);
  const namedField = FIELDS.some((field) => hasFieldError(upload.error, field));
  return (
    <section aria-labelledby="media-upload-heading" className="card shadow-sm p-3 p-md-4 mb-5">
      <h2 id="media-upload-heading" className="h4 mb-3">
        {t('website.media.upload.title')}
      </h2>
      <form onSubmit={submit} noValidate>
        {upload.error && !namedField ? <ActionProblem error={upload.error} /> : null}
        <div role="status">
          {upload.isSuccess && (
            <p className="alert alert-success">
              {t('website.media.upload.saved', { name: upload.data.name })}
            </p>
          )}
        </div>
        <TextField
          id="media-upload-name"
          label={t('website.media.upload.name')}
          hint={t('website.media.upload.nameHint')}
          required
          autoComplete="off"
          maxLength={maxLengthOf(shape.name)}
          error={fieldErrorText(t, errors.name)}
          {...form.register('name')}
        />
        <TextField
          id="media-upload-alt"
          label={t('website.media.upload.altIt')}
          hint={t('website.media.upload.altItHint')}
          required
          autoComplete="off"
          lang="it"
          maxLength={maxLengthOf(shape.altIt)}
          error={fieldErrorText(t, errors.altIt)}
          {...form.register('altIt')}
        />
        <FileInput
          key={round}
          id={FILE_ID}
          label={t('website.media.upload.file')}
          hint={t('website.media.upload.fileHint')}
          error={fileError}
          accept={MEDIA_ACCEPT}
          required
          onFile={(chosen) => {
            setFile(chosen);
            setProblem(chosen ? fileProblem(chosen) : null);
            upload.reset();
          }}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting || upload.isPending}>
            {t('website.media.upload.submit')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
