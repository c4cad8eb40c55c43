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
import { useDistricts, useOrganisations } from '../structure/structure-api.js';
import { useUnitCreate, useUnitUpdate } from './housing-api.js';
import {
  type UnitValues,
  unitResolver,
  unitToInput,
  unitToUpdate,
  unitToValues,
  unitUpdateResolver,
} from './housing-forms.js';

const FIELDS = ZUnitInputSchema.shape;

/**
 * A protected apartment. New: its label, partner, district, capacity, accessibility and address.
 * Changed (`unit`): label, capacity (never below what is booked: the server says how many),
 * accessibility, notes, in use; the address is changed apart, after a second factor.
 */
export function UnitForm({ unit, onDone }: { unit?: TUnit; onDone: (saved: TUnit | null) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useUnitCreate();
  const update = useUnitUpdate(unit?.id ?? '');
  const save = unit ? update : create;
  const organisations = useOrganisations();
  const districts = useDistricts();
  const form = useForm<UnitValues>({
    resolver: unit ? unitUpdateResolver : unitResolver,
    defaultValues: unitToValues(unit),
  });
  const { errors, isSubmitting } = form.formState;
  const id = (name: string) => (unit ? `unit-edit-${name}` : `unit-${name}`);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      onDone(
        unit
          ? await update.mutateAsync(ZUnitUpdateSchema.parse(unitToUpdate(values)))
          : await create.mutateAsync(ZUnitInputSchema.parse(unitToInput(values))),
      );
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {save.error && Object.keys(errors).length === 0 ? <ActionProblem error={save.error} /> : null}
      <div className="row">
        <TextField
          id={id('label')}
          className="col-md-6"
          label={t('housing.unit.label')}
          hint={unit ? undefined : t('housing.unit.labelHint')}
          autoComplete="off"
          required
          maxLength={maxLengthOf(FIELDS.label)}
          error={fieldErrorText(t, errors.label)}
          {...form.register('label')}
        />
        <TextField
          id={id('capacity')}
          className="col-md-6"
          type="number"
          label={t('housing.unit.capacity')}
          hint={unit ? t('housing.unit.capacityEditHint') : t('housing.unit.capacityHint')}
          required
          {...rangeOf(FIELDS.capacity)}
          error={fieldErrorText(t, errors.capacity)}
          {...form.register('capacity')}
        />
      </div>
      {!unit && (
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
      )}
      <Controller
        control={form.control}
        name="accessibility"
        render={({ field }) => (
          <CheckboxGroup
            id={id('accessibility')}
            legend={t('housing.unit.accessibility')}
            options={UNIT_ACCESSIBILITY.map((a) => ({ value: a, label: t(`housing.accessibility.${a}`) }))}
            inline
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, errors.accessibility as FieldError | undefined)}
          />
        )}
      />
      {!unit && (
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
      )}
      <TextAreaField
        id={id('notes')}
        label={t('housing.unit.notes')}
        hint={t('housing.unit.notesHint')}
        rows={2}
        maxLength={maxLengthOf(FIELDS.notes)}
        error={fieldErrorText(t, errors.notes)}
        {...form.register('notes')}
      />
      {unit && (
        <CheckboxField
          id="unit-edit-active"
          label={t('housing.unit.activeField')}
          hint={t('housing.unit.activeHint')}
          {...form.register('active')}
        />
      )}
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {unit ? t('housing.unit.save') : t('housing.unit.create')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
