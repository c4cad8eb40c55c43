import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  DATA_SECTIONS,
  REFERRAL_PURPOSES,
  type THousehold,
  URGENCIES,
  ZReferralCreateSchema,
} from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import {
  CheckboxField,
  CheckboxGroup,
  FormActions,
  RadioGroup,
  SelectField,
  TextAreaField,
} from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { type ReferralFormValues, referralToInput } from './referral-form.js';
import { useServiceGroups } from './service-options.js';

const ZFieldsSchema = ZReferralCreateSchema.omit({ householdId: true });
const resolver = contractResolver<ReferralFormValues>(ZFieldsSchema, referralToInput);
export type ReferralFields = z.output<typeof ZFieldsSchema>;

/**
 * Who is referred, to which service, what for, how urgently, which parts of the file are shared,
 * and the message. Used for a new draft and to change a draft before sending it.
 */
export function ReferralForm({
  household,
  defaultValues,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  household: THousehold;
  defaultValues: ReferralFormValues;
  submitLabel: string;
  error: unknown;
  onSubmit: (body: ReferralFields) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const serviceGroups = useServiceGroups();
  const form = useForm<ReferralFormValues>({ resolver, defaultValues });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const listError = (e: unknown) => e as FieldError | undefined;

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(ZFieldsSchema.parse(referralToInput(values)));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="col-xl-10">
      {error && Object.keys(errors).length === 0 ? <ActionProblem error={error} /> : null}
      <Controller
        control={control}
        name="personIds"
        render={({ field }) => (
          <CheckboxGroup
            id="referral-people"
            legend={t('referrals.form.people')}
            hint={t('referrals.form.peopleHint')}
            required
            options={household.members.map((m) => ({
              value: m.id,
              label: `${m.givenName} ${m.familyName}`,
              note: t(`enums.caseRole.${m.caseRole}`),
            }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, listError(errors.personIds), t('referrals.form.peopleHint'))}
          />
        )}
      />
      <div className="row">
        <SelectField
          id="referral-service"
          className="col-md-8"
          label={t('referrals.form.toService')}
          placeholder={t('common.choose')}
          options={[]}
          groups={serviceGroups}
          required
          error={fieldErrorText(t, errors.toServiceId)}
          {...register('toServiceId')}
        />
      </div>
      <Controller
        control={control}
        name="purpose"
        render={({ field }) => (
          <RadioGroup
            id="referral-purpose"
            name="purpose"
            legend={t('referrals.fields.purpose')}
            options={REFERRAL_PURPOSES.map((p) => ({ value: p, label: t(`enums.referralPurpose.${p}`) }))}
            value={field.value}
            onChange={field.onChange}
            required
            error={fieldErrorText(t, errors.purpose)}
          />
        )}
      />
      <CheckboxField
        id="referral-court"
        label={t('referrals.form.courtInvestigation')}
        hint={t('referrals.form.courtInvestigationHint')}
        error={fieldErrorText(t, errors.courtInvestigation)}
        {...register('courtInvestigation')}
      />
      <Controller
        control={control}
        name="urgency"
        render={({ field }) => (
          <RadioGroup
            id="referral-urgency"
            name="urgency"
            legend={t('referrals.fields.urgency')}
            hint={t('referrals.form.urgencyHint')}
            options={URGENCIES.map((u) => ({ value: u, label: t(`enums.urgency.${u}`) }))}
            value={field.value}
            onChange={field.onChange}
            required
            error={fieldErrorText(t, errors.urgency)}
          />
        )}
      />
      <Controller
        control={control}
        name="sections"
        render={({ field }) => (
          <CheckboxGroup
            id="referral-sections"
            legend={t('referrals.form.sections')}
            hint={t('referrals.form.sectionsHint')}
            options={DATA_SECTIONS.map((s) => ({ value: s, label: t(`enums.dataSection.${s}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, listError(errors.sections))}
          />
        )}
      />
      <TextAreaField
        id="referral-message"
        label={t('referrals.form.message')}
        hint={t('referrals.form.messageHint')}
        required
        rows={6}
        maxLength={maxLengthOf(ZFieldsSchema.shape.message)}
        error={fieldErrorText(t, errors.message)}
        {...register('message')}
      />
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
