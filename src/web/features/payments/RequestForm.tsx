import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZLandlordSchema, ZRentRequestInputSchema } from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { FormActions, RadioGroup, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useOrganisations } from '../structure/structure-api.js';
import { useBudgets, useUnits } from './payments-api.js';
import { formatEuro, newRequestValues, type RequestValues, requestToInput } from './payments-forms.js';

const shape = ZRentRequestInputSchema.shape;
const landlordShape = ZLandlordSchema.shape;
const PAYEE_KINDS = codesOf(shape.payeeKind);
const resolver = contractResolver<RequestValues>(ZRentRequestInputSchema, requestToInput);

/** Each field's element, for the error summary (in the form's order). */
const FIELD_IDS: Record<string, string> = {
  budgetId: 'rent-budget',
  householdCode: 'rent-household',
  unitId: 'rent-unit',
  amountCents: 'rent-amount',
  periodFrom: 'rent-period-from',
  periodTo: 'rent-period-to',
  payeeKind: 'rent-payee-kind',
  payeeOrganisationId: 'rent-partner',
  'landlord.name': 'rent-landlord-name',
  'landlord.taxCode': 'rent-landlord-tax-code',
  'landlord.iban': 'rent-landlord-iban',
  'landlord.leaseNote': 'rent-landlord-lease',
  note: 'rent-note',
};

/**
 * A request for rent support: the funding line, the household (by its code) and, for the housing
 * team, the apartment it stays in; the amount in euro and the period; the payee, normally the
 * partner managing the apartment, or a private landlord whose details are kept sealed.
 */
export function RequestForm({
  error,
  onSubmit,
  onCancel,
}: {
  error: unknown;
  onSubmit: (body: z.output<typeof ZRentRequestInputSchema>) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const budgets = useBudgets();
  const organisations = useOrganisations();
  const units = useUnits(can('housing.read'));
  const form = useForm<RequestValues>({ resolver, defaultValues: newRequestValues() });
  const { register, control, setValue, getValues } = form;
  const { errors, isSubmitting } = form.formState;
  const [payeeKind, householdCode] = useWatch({ control, name: ['payeeKind', 'householdCode'] });

  const code = householdCode.trim().toUpperCase();
  const unitsOfHousehold = (units.data?.items ?? []).filter((u) =>
    u.occupancies.some((o) => o.householdCode === code),
  );

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(ZRentRequestInputSchema.parse(requestToInput(values)));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  const summaryFields = Object.fromEntries(
    Object.entries(FIELD_IDS).map(([name, id]) => [name, { id, label: t(`payments.form.${name}`) }]),
  );
  const id = (name: string) => FIELD_IDS[name] as string;

  return (
    <form onSubmit={submit} noValidate className="col-xl-10">
      {error ? <ProblemAlert error={error} fields={summaryFields} /> : null}
      <div className="row">
        <SelectField
          id={id('budgetId')}
          className="col-md-6"
          label={t('payments.form.budgetId')}
          placeholder={t('payments.form.choose')}
          required
          options={(budgets.data?.items ?? []).map((b) => ({
            value: b.id,
            label: t('payments.form.budgetOption', {
              year: b.year,
              line: b.fundingLine,
              remaining: formatEuro(b.remainingCents, locale),
            }),
          }))}
          error={fieldErrorText(t, errors.budgetId)}
          {...register('budgetId')}
        />
        <TextField
          id={id('householdCode')}
          className="col-md-6"
          label={t('payments.form.householdCode')}
          hint={t('payments.form.householdCodeHint')}
          required
          autoComplete="off"
          error={fieldErrorText(t, errors.householdCode)}
          {...register('householdCode')}
        />
      </div>
      {can('housing.read') && (
        <SelectField
          id={id('unitId')}
          label={t('payments.form.unitId')}
          hint={t('payments.form.unitIdHint')}
          placeholder={t('payments.form.noUnit')}
          options={unitsOfHousehold.map((u) => ({
            value: u.id,
            label: t('payments.form.unitOption', { label: u.label, district: u.district.name }),
          }))}
          error={fieldErrorText(t, errors.unitId)}
          {...register('unitId', {
            onChange: (event: { target: { value: string } }) => {
              // The payee is normally the partner that manages the apartment.
              const unit = unitsOfHousehold.find((u) => u.id === event.target.value);
              if (unit && !getValues('payeeOrganisationId'))
                setValue('payeeOrganisationId', unit.managingOrganisation.id);
            },
          })}
        />
      )}
      <div className="row">
        <TextField
          id={id('amountCents')}
          className="col-md-4"
          label={t('payments.form.amountCents')}
          hint={t('payments.form.amountHint')}
          inputMode="decimal"
          required
          error={fieldErrorText(t, errors.amountCents)}
          {...register('amountCents')}
        />
        <TextField
          id={id('periodFrom')}
          className="col-md-4"
          type="date"
          label={t('payments.form.periodFrom')}
          required
          error={fieldErrorText(t, errors.periodFrom)}
          {...register('periodFrom')}
        />
        <TextField
          id={id('periodTo')}
          className="col-md-4"
          type="date"
          label={t('payments.form.periodTo')}
          required
          error={fieldErrorText(t, errors.periodTo)}
          {...register('periodTo')}
        />
      </div>
      <Controller
        control={control}
        name="payeeKind"
        render={({ field }) => (
          <RadioGroup
            id={id('payeeKind')}
            name="payeeKind"
            legend={t('payments.form.payeeKind')}
            required
            options={PAYEE_KINDS.map((k) => ({ value: k, label: t(`payments.payeeKind.${k}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, errors.payeeKind)}
          />
        )}
      />
      {payeeKind === 'partner' ? (
        <SelectField
          id={id('payeeOrganisationId')}
          label={t('payments.form.payeeOrganisationId')}
          placeholder={t('payments.form.choose')}
          required
          options={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          error={fieldErrorText(t, errors.payeeOrganisationId)}
          {...register('payeeOrganisationId')}
        />
      ) : (
        <fieldset className="mb-3">
          <legend className="h6">{t('payments.form.landlordLegend')}</legend>
          <p className="small">{t('payments.form.landlordNotice')}</p>
          <div className="row">
            <TextField
              id={id('landlord.name')}
              className="col-md-6"
              label={t('payments.form.landlord.name')}
              required
              autoComplete="off"
              maxLength={maxLengthOf(landlordShape.name)}
              error={fieldErrorText(t, errors.landlord?.name)}
              {...register('landlord.name')}
            />
            <TextField
              id={id('landlord.taxCode')}
              className="col-md-6"
              label={t('payments.form.landlord.taxCode')}
              autoComplete="off"
              error={fieldErrorText(t, errors.landlord?.taxCode)}
              {...register('landlord.taxCode')}
            />
          </div>
          <TextField
            id={id('landlord.iban')}
            label={t('payments.form.landlord.iban')}
            required
            autoComplete="off"
            error={fieldErrorText(t, errors.landlord?.iban)}
            {...register('landlord.iban')}
          />
          <TextAreaField
            id={id('landlord.leaseNote')}
            label={t('payments.form.landlord.leaseNote')}
            hint={t('payments.form.leaseNoteHint')}
            rows={2}
            maxLength={maxLengthOf(landlordShape.leaseNote)}
            error={fieldErrorText(t, errors.landlord?.leaseNote)}
            {...register('landlord.leaseNote')}
          />
        </fieldset>
      )}
      <TextAreaField
        id={id('note')}
        label={t('payments.form.note')}
        hint={t('payments.form.noteHint')}
        rows={3}
        maxLength={maxLengthOf(shape.note)}
        error={fieldErrorText(t, errors.note)}
        {...register('note')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('payments.form.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
