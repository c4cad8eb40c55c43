import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_CHANNELS,
  type TSafetyDetails,
  ZSafeContactSchema,
  ZSafetyDetailsSchema,
} from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxGroup, FormActions, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull } from '../../ui/forms/values.js';
import { useHouseholdMutations } from './households-api.js';

interface SafetyFormValues {
  address: string;
  phone: string;
  shelter: string;
  safeContact: {
    channels: string[];
    fromTime: string;
    toTime: string;
    codeWord: string;
    email: string;
    /** One recipient per line. */
    neverWriteTo: string;
  };
}

function toValues(details: TSafetyDetails | null): SafetyFormValues {
  const contact = details?.safeContact;
  return {
    address: details?.address ?? '',
    phone: details?.phone ?? '',
    shelter: details?.shelter ?? '',
    safeContact: {
      channels: [...(contact?.channels ?? [])],
      fromTime: contact?.fromTime ?? '',
      toTime: contact?.toTime ?? '',
      codeWord: contact?.codeWord ?? '',
      email: contact?.email ?? '',
      neverWriteTo: (contact?.neverWriteTo ?? []).join('\n'),
    },
  };
}

function toInput(v: SafetyFormValues) {
  return {
    address: orNull(v.address),
    phone: orNull(v.phone),
    shelter: orNull(v.shelter),
    safeContact: {
      channels: v.safeContact.channels,
      fromTime: orNull(v.safeContact.fromTime),
      toTime: orNull(v.safeContact.toTime),
      codeWord: orNull(v.safeContact.codeWord),
      email: orNull(v.safeContact.email),
      neverWriteTo: v.safeContact.neverWriteTo
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    },
  };
}

const resolver = contractResolver<SafetyFormValues>(ZSafetyDetailsSchema, toInput);

/**
 * Editing replaces the whole record, so an existing one is edited only after it was revealed
 * (`details`); with no details on record the form starts empty.
 */
export function SafetyForm({
  householdId,
  personId,
  details,
  onSaved,
  onCancel,
}: {
  householdId: string;
  personId: string;
  details: TSafetyDetails | null;
  onSaved: (saved: TSafetyDetails) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { saveSafety } = useHouseholdMutations(householdId);
  const form = useForm<SafetyFormValues>({ resolver, defaultValues: toValues(details) });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const contactErrors = errors.safeContact;

  const onSubmit = form.handleSubmit(async (values) => {
    const body = ZSafetyDetailsSchema.parse(toInput(values));
    try {
      await saveSafety.mutateAsync({ personId, body });
      onSaved(body);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card shadow-sm p-4" aria-labelledby="safety-form-heading">
      <h4 id="safety-form-heading" className="h6 mb-3">
        {t('households.safety.formTitle')}
      </h4>
      {saveSafety.error && Object.keys(errors).length === 0 ? (
        <ActionProblem error={saveSafety.error} />
      ) : null}
      <TextField
        id="safety-address"
        label={t('households.safety.address')}
        autoComplete="off"
        maxLength={maxLengthOf(ZSafetyDetailsSchema.shape.address)}
        error={fieldErrorText(t, errors.address)}
        {...register('address')}
      />
      <div className="row">
        <TextField
          id="safety-phone"
          className="col-md-6"
          type="tel"
          label={t('households.safety.phone')}
          hint={t('households.safety.phoneHint')}
          autoComplete="off"
          error={fieldErrorText(t, errors.phone, t('households.safety.phoneHint'))}
          {...register('phone')}
        />
        <TextField
          id="safety-shelter"
          className="col-md-6"
          label={t('households.safety.shelter')}
          autoComplete="off"
          maxLength={maxLengthOf(ZSafetyDetailsSchema.shape.shelter)}
          error={fieldErrorText(t, errors.shelter)}
          {...register('shelter')}
        />
      </div>
      <fieldset className="mb-2">
        <legend className="h6 fw-semibold text-body mb-3 px-0">{t('households.safety.safeContact')}</legend>
        <Controller
          control={control}
          name="safeContact.channels"
          render={({ field }) => (
            <CheckboxGroup
              id="safety-channels"
              legend={t('households.safety.channels')}
              hint={t('households.safety.channelsHint')}
              inline
              options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`enums.contactChannel.${c}`) }))}
              value={field.value}
              onChange={field.onChange}
              error={fieldErrorText(t, contactErrors?.channels as FieldError | undefined)}
            />
          )}
        />
        <div className="row">
          <TextField
            id="safety-from-time"
            className="col-md-3"
            type="time"
            label={t('households.safety.fromTime')}
            error={fieldErrorText(t, contactErrors?.fromTime)}
            {...register('safeContact.fromTime')}
          />
          <TextField
            id="safety-to-time"
            className="col-md-3"
            type="time"
            label={t('households.safety.toTime')}
            error={fieldErrorText(t, contactErrors?.toTime)}
            {...register('safeContact.toTime')}
          />
          <TextField
            id="safety-code-word"
            className="col-md-6"
            label={t('households.safety.codeWord')}
            hint={t('households.safety.codeWordHint')}
            autoComplete="off"
            maxLength={maxLengthOf(ZSafeContactSchema.shape.codeWord)}
            error={fieldErrorText(t, contactErrors?.codeWord)}
            {...register('safeContact.codeWord')}
          />
        </div>
        <TextField
          id="safety-email"
          type="email"
          label={t('households.safety.email')}
          autoComplete="off"
          error={fieldErrorText(t, contactErrors?.email, t('validation.email'))}
          {...register('safeContact.email')}
        />
        <TextAreaField
          id="safety-never-write-to"
          label={t('households.safety.neverWriteTo')}
          hint={t('households.safety.neverWriteToHint')}
          rows={3}
          error={fieldErrorText(t, contactErrors?.neverWriteTo, t('households.safety.neverWriteToHint'))}
          {...register('safeContact.neverWriteTo')}
        />
      </fieldset>
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
