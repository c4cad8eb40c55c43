import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  DATA_SECTIONS,
  ZConsentCreateSchema,
} from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxGroup, FormActions, RadioGroup, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull, todayLocal } from '../../ui/forms/values.js';
import { useServiceGroups } from '../referrals/service-options.js';
import { useHouseholdMutations } from './households-api.js';

interface ConsentFormValues {
  givenBy: string;
  representativeName: string;
  purpose: string;
  recipientServiceId: string;
  sections: string[];
  givenOn: string;
  expiresOn: string;
  method: string;
  witnessName: string;
  courtOrderReference: string;
}

/** Only what the chosen way of consenting needs is sent (a witness for oral consent, and so on). */
function toInput(v: ConsentFormValues) {
  return {
    givenBy: v.givenBy,
    representativeName: v.givenBy === 'legal_representative' ? orNull(v.representativeName) : null,
    purpose: v.purpose,
    recipientServiceId: v.purpose === 'research' ? null : orNull(v.recipientServiceId),
    sections: v.sections,
    givenOn: v.givenOn,
    expiresOn: orNull(v.expiresOn),
    method: v.method,
    witnessName: v.method === 'oral_witnessed' ? orNull(v.witnessName) : null,
    courtOrderReference: v.method === 'court_order' ? orNull(v.courtOrderReference) : null,
  };
}

const resolver = contractResolver<ConsentFormValues>(ZConsentCreateSchema, toInput);

export function ConsentForm({
  householdId,
  personId,
  onDone,
}: {
  householdId: string;
  personId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { recordConsent } = useHouseholdMutations(householdId);
  const serviceGroups = useServiceGroups();
  const form = useForm<ConsentFormValues>({
    resolver,
    defaultValues: {
      givenBy: 'self',
      representativeName: '',
      purpose: 'taking_into_care',
      recipientServiceId: '',
      sections: [],
      givenOn: todayLocal(),
      expiresOn: '',
      method: 'written',
      witnessName: '',
      courtOrderReference: '',
    },
  });
  const { register, control, watch } = form;
  const { errors, isSubmitting } = form.formState;
  const givenBy = watch('givenBy');
  const purpose = watch('purpose');
  const method = watch('method');

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await recordConsent.mutateAsync({ personId, body: ZConsentCreateSchema.parse(toInput(values)) });
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {recordConsent.error && Object.keys(errors).length === 0 ? (
        <ActionProblem error={recordConsent.error} />
      ) : null}
      <Controller
        control={control}
        name="givenBy"
        render={({ field }) => (
          <RadioGroup
            id="consent-given-by"
            name="givenBy"
            legend={t('households.consents.givenBy')}
            options={codesOf(ZConsentCreateSchema.shape.givenBy).map((v) => ({
              value: v,
              label: t(`enums.consentGivenBy.${v}`),
            }))}
            value={field.value}
            onChange={field.onChange}
            required
            error={fieldErrorText(t, errors.givenBy)}
          />
        )}
      />
      {givenBy === 'legal_representative' && (
        <TextField
          id="consent-representative"
          label={t('households.consents.representativeName')}
          required
          maxLength={maxLengthOf(ZConsentCreateSchema.shape.representativeName)}
          autoComplete="off"
          error={fieldErrorText(t, errors.representativeName)}
          {...register('representativeName')}
        />
      )}
      <div className="row">
        <SelectField
          id="consent-purpose"
          className="col-md-6"
          label={t('households.consents.purpose')}
          options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`enums.consentPurpose.${p}`) }))}
          required
          error={fieldErrorText(t, errors.purpose)}
          {...register('purpose')}
        />
        {purpose !== 'research' && (
          <SelectField
            id="consent-recipient"
            className="col-md-6"
            label={t('households.consents.recipient')}
            placeholder={t('common.choose')}
            options={[]}
            groups={serviceGroups}
            required
            error={fieldErrorText(t, errors.recipientServiceId)}
            {...register('recipientServiceId')}
          />
        )}
      </div>
      <Controller
        control={control}
        name="sections"
        render={({ field }) => (
          <CheckboxGroup
            id="consent-sections"
            legend={t('households.consents.sections')}
            hint={t('households.consents.sectionsHint')}
            options={DATA_SECTIONS.map((s) => ({ value: s, label: t(`enums.dataSection.${s}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, errors.sections as FieldError | undefined)}
          />
        )}
      />
      <div className="row">
        <TextField
          id="consent-given-on"
          className="col-md-6"
          type="date"
          label={t('households.consents.givenOn')}
          required
          max={todayLocal()}
          error={fieldErrorText(t, errors.givenOn, t('households.consents.givenOnHint'))}
          {...register('givenOn')}
        />
        <TextField
          id="consent-expires-on"
          className="col-md-6"
          type="date"
          label={t('households.consents.expiresOn')}
          hint={t('households.consents.expiresOnHint')}
          error={fieldErrorText(t, errors.expiresOn, t('households.consents.expiresOnHint'))}
          {...register('expiresOn')}
        />
      </div>
      <div className="row">
        <SelectField
          id="consent-method"
          className="col-md-6"
          label={t('households.consents.method')}
          options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`enums.consentMethod.${m}`) }))}
          required
          error={fieldErrorText(t, errors.method)}
          {...register('method')}
        />
        {method === 'oral_witnessed' && (
          <TextField
            id="consent-witness"
            className="col-md-6"
            label={t('households.consents.witnessName')}
            required
            maxLength={maxLengthOf(ZConsentCreateSchema.shape.witnessName)}
            autoComplete="off"
            error={fieldErrorText(t, errors.witnessName)}
            {...register('witnessName')}
          />
        )}
        {method === 'court_order' && (
          <TextField
            id="consent-court-order"
            className="col-md-6"
            label={t('households.consents.courtOrderReference')}
            required
            maxLength={maxLengthOf(ZConsentCreateSchema.shape.courtOrderReference)}
            autoComplete="off"
            error={fieldErrorText(t, errors.courtOrderReference)}
            {...register('courtOrderReference')}
          />
        )}
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('households.consents.recordSubmit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
