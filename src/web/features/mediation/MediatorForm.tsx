import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TMediatorInput, ZMediatorInputSchema } from '../../../contracts/mediation.js';
import { useLocale } from '../../i18n/index.js';
import {
  CheckboxField,
  CheckboxGroup,
  FormActions,
  RadioGroup,
  SelectField,
  TextAreaField,
} from '../../ui/fields.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxItemsOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { MultiSelectField } from '../../ui/MultiSelectField.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { AvailabilityFields, LanguagesFields } from './MediatorFormLists.js';
import { type MediatorValues, mediatorToInput } from './mediator-form.js';
import { useMediationReference } from './reference-names.js';

const shape = ZMediatorInputSchema.shape;
const GENDERS = codesOf(shape.gender);
const MODES = codesOf(shape.modes.element);
const MAX_COUNTRIES = maxItemsOf(shape.countries);
const MAX_MUNICIPALITIES = maxItemsOf(shape.municipalities);
const MAX_CERTIFICATIONS = maxItemsOf(shape.certifications);
const resolver = contractResolver<MediatorValues>(ZMediatorInputSchema, mediatorToInput);
const listError = (e: unknown) => e as FieldError | undefined;

const FIELD_IDS: Record<string, string> = {
  userId: 'mediator-user',
  organisationId: 'mediator-organisation',
  gender: 'mediator-gender',
  modes: 'mediator-modes',
  languages: 'mediator-languages',
  countries: 'mediator-countries',
  ownCommunity: 'mediator-own-community',
  districtIds: 'mediator-districts',
  municipalities: 'mediator-municipalities',
  baseMunicipality: 'mediator-base',
  availability: 'mediator-availability',
  certifications: 'mediator-certifications',
  active: 'mediator-active',
};

/**
 * A mediator's record: the person (an account with the mediator role) and the cooperative, the
 * languages with level, the communities known, where and how they work, their weekly hours.
 */
export function MediatorForm({
  defaultValues,
  accounts,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  defaultValues: MediatorValues;
  /** The accounts to choose the person from; null when the record's person is fixed (an edit). */
  accounts: { value: string; label: string }[] | null;
  submitLabel: string;
  error: unknown;
  onSubmit: (body: TMediatorInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reference = useMediationReference({ organisations: true });
  const form = useForm<MediatorValues>({ resolver, defaultValues });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(ZMediatorInputSchema.parse(mediatorToInput(values)));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const summaryFields = Object.fromEntries(
    Object.entries(FIELD_IDS).map(([name, id]) => [name, { id, label: t(`mediation.mediator.${name}`) }]),
  );
  const multiTexts = (what: 'countries' | 'municipalities') => ({
    chosen: t(`mediation.mediatorForm.${what}.chosen`),
    remove: (label: string) => t('mediation.mediatorForm.remove', { label }),
    matches: (count: number) => t('mediation.mediatorForm.matches', { count }),
    noMatch: t('mediation.mediatorForm.noMatch'),
  });

  return (
    <form onSubmit={submit} noValidate className="col-xl-10">
      {error ? <ProblemAlert error={error} fields={summaryFields} /> : null}
      <div className="row">
        {accounts && (
          <SelectField
            id={FIELD_IDS.userId as string}
            className="col-md-6"
            label={t('mediation.mediator.userId')}
            hint={t('mediation.mediatorForm.userHint')}
            placeholder={t('common.choose')}
            required
            options={accounts}
            error={fieldErrorText(t, errors.userId)}
            {...register('userId')}
          />
        )}
        <SelectField
          id={FIELD_IDS.organisationId as string}
          className="col-md-6"
          label={t('mediation.mediator.organisationId')}
          hint={t('mediation.mediatorForm.organisationHint')}
          placeholder={t('common.choose')}
          required
          options={reference.organisationOptions}
          error={fieldErrorText(t, errors.organisationId)}
          {...register('organisationId')}
        />
      </div>
      <Controller
        control={control}
        name="gender"
        render={({ field }) => (
          <RadioGroup
            id={FIELD_IDS.gender as string}
            name="gender"
            legend={t('mediation.mediator.gender')}
            required
            options={GENDERS.map((g) => ({ value: g, label: t(`mediationWords.gender.${g}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, errors.gender)}
          />
        )}
      />
      <Controller
        control={control}
        name="modes"
        render={({ field }) => (
          <CheckboxGroup
            id={FIELD_IDS.modes as string}
            legend={t('mediation.mediator.modes')}
            required
            inline
            options={MODES.map((m) => ({ value: m, label: t(`mediationWords.mode.${m}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, listError(errors.modes))}
          />
        )}
      />
      <LanguagesFields form={form} id={FIELD_IDS.languages as string} options={reference.languageOptions} />
      <Controller
        control={control}
        name="countries"
        render={({ field }) => (
          <MultiSelectField
            id={FIELD_IDS.countries as string}
            label={t('mediation.mediator.countries')}
            hint={t('mediation.mediatorForm.countriesHint', { max: MAX_COUNTRIES })}
            options={reference.countryOptions}
            value={field.value}
            onChange={field.onChange}
            max={MAX_COUNTRIES}
            texts={multiTexts('countries')}
            error={fieldErrorText(t, listError(errors.countries))}
          />
        )}
      />
      <SelectField
        id={FIELD_IDS.ownCommunity as string}
        className="col-md-6 px-0"
        label={t('mediation.mediator.ownCommunity')}
        hint={t('mediation.mediatorForm.ownCommunityHint')}
        placeholder={t('mediation.mediatorForm.notStated')}
        options={reference.countryOptions}
        error={fieldErrorText(t, errors.ownCommunity)}
        {...register('ownCommunity')}
      />
      <Controller
        control={control}
        name="districtIds"
        render={({ field }) => (
          <CheckboxGroup
            id={FIELD_IDS.districtIds as string}
            legend={t('mediation.mediator.districtIds')}
            hint={t('mediation.mediatorForm.districtsHint')}
            inline
            options={reference.districtOptions}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, listError(errors.districtIds))}
          />
        )}
      />
      <Controller
        control={control}
        name="municipalities"
        render={({ field }) => (
          <MultiSelectField
            id={FIELD_IDS.municipalities as string}
            label={t('mediation.mediator.municipalities')}
            hint={t('mediation.mediatorForm.municipalitiesHint', { max: MAX_MUNICIPALITIES })}
            options={reference.municipalityOptions}
            value={field.value}
            onChange={field.onChange}
            max={MAX_MUNICIPALITIES}
            texts={multiTexts('municipalities')}
            error={fieldErrorText(t, listError(errors.municipalities))}
          />
        )}
      />
      <SelectField
        id={FIELD_IDS.baseMunicipality as string}
        className="col-md-6 px-0"
        label={t('mediation.mediator.baseMunicipality')}
        hint={t('mediation.mediatorForm.baseHint')}
        placeholder={t('common.choose')}
        required
        options={[]}
        groups={reference.municipalityGroups}
        error={fieldErrorText(t, errors.baseMunicipality)}
        {...register('baseMunicipality')}
      />
      <AvailabilityFields form={form} id={FIELD_IDS.availability as string} />
      <TextAreaField
        id={FIELD_IDS.certifications as string}
        label={t('mediation.mediator.certifications')}
        hint={t('mediation.mediatorForm.certificationsHint', {
          max: MAX_CERTIFICATIONS,
          length: maxLengthOf(shape.certifications.unwrap().element),
        })}
        rows={3}
        error={fieldErrorText(t, errors.certifications)}
        {...register('certifications')}
      />
      <CheckboxField
        id={FIELD_IDS.active as string}
        label={t('mediation.mediator.active')}
        hint={t('mediation.mediatorForm.activeHint')}
        {...register('active')}
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
