import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZVideoReleaseFieldsSchema } from '../../../contracts/website-videos.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { FileInput } from './VideoFiles.js';
import { useReleaseAdd } from './video-api.js';
import { emptyRelease, type ReleaseValues, releaseToInput } from './video-forms.js';

const shape = ZVideoReleaseFieldsSchema.shape;
const resolver = contractResolver<ReleaseValues>(ZVideoReleaseFieldsSchema, releaseToInput);
const FORM_TYPES = 'application/pdf,image/jpeg,image/png';

/** A release signed by a person filmed: their name, their role in the video, the scanned form if there is one. */
export function ReleaseForm({ pageId, onDone }: { pageId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useReleaseAdd(pageId);
  const heading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const form = useForm<ReleaseValues>({ resolver, defaultValues: emptyRelease() });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync({ fields: releaseToInput(values), file });
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <section aria-labelledby="site-video-release-new-title" className="card shadow-sm p-3 p-md-4 my-4">
      <h4 id="site-video-release-new-title" ref={heading} tabIndex={-1} className="h6 mb-3">
        {t('website.video.releases.add')}
      </h4>
      <form onSubmit={submit} noValidate>
        {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
        <TextField
          id="site-video-release-name"
          label={t('website.video.releases.personName')}
          hint={t('website.video.releases.personNameHint')}
          required
          autoComplete="off"
          maxLength={maxLengthOf(shape.personName)}
          error={fieldErrorText(t, errors.personName)}
          {...form.register('personName')}
        />
        <TextField
          id="site-video-release-role"
          label={t('website.video.releases.personRole')}
          hint={t('website.video.releases.personRoleHint')}
          required
          autoComplete="off"
          maxLength={maxLengthOf(shape.personRole)}
          error={fieldErrorText(t, errors.personRole)}
          {...form.register('personRole')}
        />
        <FileInput
          id="site-video-release-file"
          label={t('website.video.releases.file')}
          hint={t('website.video.releases.fileHint')}
          accept={FORM_TYPES}
          onFile={setFile}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('website.video.releases.save')}
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary"
            onClick={() => {
              add.reset();
              onDone();
            }}
          >
            {t('common.cancel')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
