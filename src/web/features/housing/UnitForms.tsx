import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { UNIT_ACCESSIBILITY } from '../../../contracts/autonomy-codes.js';
import { type TUnit, ZUnitInputSchema, ZUnitUpdateSchema } from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import {
  CheckboxField,
  CheckboxGroup,
  FormActions,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useUnitCreate, useUnitReference, useUnitUpdate } from './housing-api.js';
import {
  emptyUnit,
  type UnitEditValues,
  type UnitValues,
  unitEditResolver,
  unitEditToInput,
  unitEditValues,
  unitResolver,
  unitToInput,
} from './housing-forms.js';

const FIELDS = ZUnitInputSchema.shape;

function useAccessibilityOptions() {
  const { t } = useTranslation();
  return UNIT_ACCESSIBILITY.map((a) => ({ value: a, label: t(`housing.accessibility.${a}`) }));
}

/** A new protected apartment: its label, partner, district, capacity, accessibility and address. */
export function UnitCreateForm({ onDone }: { onDone: (unit: TUnit | null) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useUnitCreate();
  const { organisations, districts } = useUnitReference();
  const accessibility = useAccessibilityOptions();
  const form = useForm<UnitValues>({ resolver: unitResolver, defaultValues: emptyUnit() });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      onDone(await create.mutateAsync(ZUnitInputSchema.parse(unitToInput(values))));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {create.error && Object.keys(errors).length === 0 ? <ActionProblem error={create.error} /> : null}
      <div className="row">
        <TextField
          id="unit-label"
          className="col-md-6"
          label={t('housing.unit.label')}
          hint={t('housing.unit.labelHint')}
          autoComplete="off"
          required
          maxLength={maxLengthOf(FIELDS.label)}
          error={fieldErrorText(t, errors.label)}
          {...form.register('label')}
        />
        <TextField
          id="unit-capacity"
          className="col-md-6"
          type="number"
          label={t('housing.unit.capacity')}
          hint={t('housing.unit.capacityHint')}
          required
          {...rangeOf(FIELDS.capacity)}
          error={fieldErrorText(t, errors.capacity)}
          {...form.register('capacity')}
        />
      </div>
      <div className="row">
        <SelectField
          id="unit-organisation"
          className="col-md-6"
          label={t('housing.unit.organisation')}
          placeholder={t('common.choose')}
          options={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          required
          error={fieldErrorText(t, errors.managingOrganisationId)}
          {...form.register('managingOrganisationId')}
        />
        <SelectField
          id="unit-district"
          className="col-md-6"
          label={t('housing.unit.district')}
          placeholder={t('common.choose')}
          options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          required
          error={fieldErrorText(t, errors.districtId)}
          {...form.register('districtId')}
        />
      </div>
      <Controller
        control={form.control}
        name="accessibility"
        render={({ field }) => (
          <CheckboxGroup
            id="unit-accessibility"
            legend={t('housing.unit.accessibility')}
            options={accessibility}
            inline
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, errors.accessibility as FieldError | undefined)}
          />
        )}
      />
      <TextAreaField
        id="unit-address"
        label={t('housing.unit.address')}
        hint={t('housing.unit.addressHint')}
        rows={2}
        autoComplete="off"
        required
        maxLength={maxLengthOf(FIELDS.address)}
        error={fieldErrorText(t, errors.address)}
        {...form.register('address')}
      />
      <TextAreaField
        id="unit-notes"
        label={t('housing.unit.notes')}
        hint={t('housing.unit.notesHint')}
        rows={2}
        maxLength={maxLengthOf(FIELDS.notes)}
        error={fieldErrorText(t, errors.notes)}
        {...form.register('notes')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('housing.unit.create')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

/** Label, capacity (never below what is booked: the server says how many), accessibility, notes, in use. */
export function UnitEditForm({ unit, onDone }: { unit: TUnit; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUnitUpdate(unit.id);
  const accessibility = useAccessibilityOptions();
  const form = useForm<UnitEditValues>({ resolver: unitEditResolver, defaultValues: unitEditValues(unit) });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(ZUnitUpdateSchema.parse(unitEditToInput(values)));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {update.error && Object.keys(errors).length === 0 ? <ActionProblem error={update.error} /> : null}
      <div className="row">
        <TextField
          id="unit-edit-label"
          className="col-md-6"
          label={t('housing.unit.label')}
          autoComplete="off"
          required
          maxLength={maxLengthOf(FIELDS.label)}
          error={fieldErrorText(t, errors.label)}
          {...form.register('label')}
        />
        <TextField
          id="unit-edit-capacity"
          className="col-md-6"
          type="number"
          label={t('housing.unit.capacity')}
          hint={t('housing.unit.capacityEditHint')}
          required
          {...rangeOf(FIELDS.capacity)}
          error={fieldErrorText(t, errors.capacity)}
          {...form.register('capacity')}
        />
      </div>
      <Controller
        control={form.control}
        name="accessibility"
        render={({ field }) => (
          <CheckboxGroup
            id="unit-edit-accessibility"
            legend={t('housing.unit.accessibility')}
            options={accessibility}
            inline
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, errors.accessibility as FieldError | undefined)}
          />
        )}
      />
      <TextAreaField
        id="unit-edit-notes"
        label={t('housing.unit.notes')}
        hint={t('housing.unit.notesHint')}
        rows={2}
        maxLength={maxLengthOf(FIELDS.notes)}
        error={fieldErrorText(t, errors.notes)}
        {...form.register('notes')}
      />
      <CheckboxField
        id="unit-edit-active"
        label={t('housing.unit.activeField')}
        hint={t('housing.unit.activeHint')}
        {...form.register('active')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('housing.unit.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
