import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { WORK_PACKAGES } from '../../../contracts/governance-codes.js';
import { type TVideoSettings, ZVideoSettingsSchema } from '../../../contracts/website-videos.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useVideoSettingsSave } from './video-api.js';
import {
  settingsToInput,
  settingsToValues,
  type VideoSettingsValues,
  workPackageLabel,
} from './video-forms.js';

const shape = ZVideoSettingsSchema.shape;
const resolver = contractResolver<VideoSettingsValues>(ZVideoSettingsSchema, settingsToInput);

/** Where the chapter sits in the manual: the work package it belongs to, the practice, its number. */
export function VideoSettingsForm({ pageId, settings }: { pageId: string; settings: TVideoSettings | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useVideoSettingsSave(pageId);
  const form = useForm<VideoSettingsValues>({ resolver, defaultValues: settingsToValues(settings) });
  const { errors, isSubmitting, isDirty } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    save.reset();
    try {
      const saved = await save.mutateAsync(settingsToInput(values));
      form.reset(settingsToValues(saved.settings));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const numberHint = t('website.video.settings.chapterNumberHint');
  return (
    <section aria-labelledby="site-video-settings-heading" className="mb-5">
      <h3 id="site-video-settings-heading" className="h5">
        {t('website.video.settings.title')}
      </h3>
      {!settings && <p>{t('website.video.settings.notYet')}</p>}
      <form onSubmit={submit} noValidate>
        {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
        {save.isSuccess && !isDirty && (
          <div className="alert alert-success" role="status">
            {t('website.video.settings.saved')}
          </div>
        )}
        <SelectField
          id="site-video-work-package"
          label={t('website.video.settings.workPackage')}
          required
          placeholder={t('common.choose')}
          options={WORK_PACKAGES.map((wp) => ({ value: wp, label: workPackageLabel(wp, locale) }))}
          error={fieldErrorText(t, errors.workPackage)}
          {...form.register('workPackage')}
        />
        <TextField
          id="site-video-practice"
          label={t('website.video.settings.practice')}
          hint={t('website.video.settings.practiceHint')}
          required
          lang="it"
          autoComplete="off"
          maxLength={maxLengthOf(shape.practice)}
          error={fieldErrorText(t, errors.practice)}
          {...form.register('practice')}
        />
        <TextField
          id="site-video-chapter-number"
          type="number"
          inputMode="numeric"
          label={t('website.video.settings.chapterNumber')}
          hint={numberHint}
          required
          {...rangeOf(shape.chapterNumber)}
          error={fieldErrorText(t, errors.chapterNumber, numberHint)}
          {...form.register('chapterNumber')}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('website.video.settings.save')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
