import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TCourseInput, ZCourseInputSchema } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import {
  CheckboxField,
  CheckboxGroup,
  FormActions,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxItemsOf, maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { type CourseValues, courseToInput } from './course-form.js';
import { useTrainingFindings } from './training-api.js';
import { findingKey, findingSubject } from './training-words.js';

const shape = ZCourseInputSchema.shape;
const STRANDS = codesOf(shape.strand);
const SERVICE_KINDS = codesOf(shape.targetServiceKinds.unwrap().element);
const PROFESSIONS = codesOf(shape.targetProfessions.unwrap().element);
const CREDIT_SCHEMES = codesOf(shape.creditScheme);
const resolver = contractResolver<CourseValues>(ZCourseInputSchema, courseToInput);
const listError = (e: unknown) => e as FieldError | undefined;

/** Every field of a course: what it teaches, to whom, for how long, its credits, the findings it answers. */
export function CourseForm({
  defaultValues,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  defaultValues: CourseValues;
  submitLabel: string;
  error: unknown;
  onSubmit: (body: TCourseInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<CourseValues>({ resolver, defaultValues });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const report = useTrainingFindings();

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(ZCourseInputSchema.parse(courseToInput(values)));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="col-xl-10">
      {error && Object.keys(errors).length === 0 ? <ActionProblem error={error} /> : null}
      <TextField
        id="course-title"
        label={t('courses.fields.title')}
        required
        maxLength={maxLengthOf(shape.title)}
        error={fieldErrorText(t, errors.title)}
        {...register('title')}
      />
      <div className="row">
        <SelectField
          id="course-strand"
          className="col-md-6"
          label={t('courses.fields.strand')}
          hint={t('courses.form.strandHint')}
          required
          options={STRANDS.map((s) => ({ value: s, label: t(`enums.strand.${s}`) }))}
          error={fieldErrorText(t, errors.strand)}
          {...register('strand')}
        />
        <TextField
          id="course-hours"
          className="col-md-3"
          type="number"
          inputMode="decimal"
          step="0.5"
          label={t('courses.fields.hours')}
          required
          {...rangeOf(shape.hours)}
          error={fieldErrorText(t, errors.hours)}
          {...register('hours')}
        />
        <TextField
          id="course-threshold"
          className="col-md-3"
          type="number"
          inputMode="numeric"
          label={t('courses.fields.attendanceThreshold')}
          hint={t('courses.form.thresholdHint')}
          required
          {...rangeOf(shape.attendanceThreshold)}
          error={fieldErrorText(t, errors.attendanceThreshold)}
          {...register('attendanceThreshold')}
        />
      </div>
      <TextAreaField
        id="course-objectives"
        label={t('courses.fields.objectives')}
        required
        rows={5}
        maxLength={maxLengthOf(shape.objectives)}
        error={fieldErrorText(t, errors.objectives)}
        {...register('objectives')}
      />
      <TextField
        id="course-trainers"
        label={t('courses.fields.trainers')}
        hint={t('courses.form.trainersHint')}
        required
        maxLength={maxLengthOf(shape.trainers)}
        error={fieldErrorText(t, errors.trainers)}
        {...register('trainers')}
      />
      <Controller
        control={control}
        name="targetServiceKinds"
        render={({ field }) => (
          <CheckboxGroup
            id="course-service-kinds"
            legend={t('courses.fields.targetServiceKinds')}
            hint={t('courses.form.noneMeansAll')}
            options={SERVICE_KINDS.map((k) => ({ value: k, label: t(`enums.serviceKind.${k}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, listError(errors.targetServiceKinds))}
          />
        )}
      />
      <Controller
        control={control}
        name="targetProfessions"
        render={({ field }) => (
          <CheckboxGroup
            id="course-professions"
            legend={t('courses.fields.targetProfessions')}
            hint={t('courses.form.noneMeansAll')}
            options={PROFESSIONS.map((p) => ({ value: p, label: t(`enums.profession.${p}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, listError(errors.targetProfessions))}
          />
        )}
      />
      <CheckboxField
        id="course-approval"
        label={t('courses.fields.approvalRequired')}
        hint={t('courses.form.approvalHint')}
        error={fieldErrorText(t, errors.approvalRequired)}
        {...register('approvalRequired')}
      />
      <div className="row">
        <SelectField
          id="course-credit-scheme"
          className="col-md-5"
          label={t('courses.fields.creditScheme')}
          placeholder={t('courses.form.noCredits')}
          options={CREDIT_SCHEMES.map((c) => ({ value: c, label: t(`enums.creditScheme.${c}`) }))}
          error={fieldErrorText(t, errors.creditScheme)}
          {...register('creditScheme')}
        />
        <TextField
          id="course-credits"
          className="col-md-3"
          type="number"
          inputMode="decimal"
          step="0.5"
          label={t('courses.fields.credits')}
          hint={t('courses.form.creditsHint')}
          {...rangeOf(shape.credits)}
          error={fieldErrorText(t, errors.credits)}
          {...register('credits')}
        />
        <TextField
          id="course-accreditation"
          className="col-md-4"
          label={t('courses.fields.accreditationRef')}
          maxLength={maxLengthOf(shape.accreditationRef)}
          error={fieldErrorText(t, errors.accreditationRef)}
          {...register('accreditationRef')}
        />
      </div>
      <AsyncContent query={report}>
        {(data) => (
          <Controller
            control={control}
            name="findings"
            render={({ field }) => (
              <CheckboxGroup
                id="course-findings"
                legend={t('courses.fields.findings')}
                hint={t('courses.form.findingsHint', {
                  year: data.year,
                  max: maxItemsOf(shape.findings),
                })}
                inline={false}
                options={data.findings.map((f) => ({
                  value: findingKey(f),
                  label: t('courses.finding', {
                    topic: t(`courses.topics.${f.topic}`),
                    subject: findingSubject(t, locale, data, f),
                    value: f.evidence.value,
                  }),
                }))}
                value={field.value}
                onChange={field.onChange}
                error={fieldErrorText(t, listError(errors.findings))}
              />
            )}
          />
        )}
      </AsyncContent>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
