import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  SITE_LANGUAGES,
  type THelpServiceInput,
  ZHelpServiceInputSchema,
} from '../../../contracts/website.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxGroup, FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { Loading } from '../../ui/Loading.js';
import { useDistricts, useMunicipalities } from '../structure/structure-api.js';
import { type HelpServiceValues, serviceToInput } from './website-forms.js';

const shape = ZHelpServiceInputSchema.shape;
const resolver = contractResolver<HelpServiceValues>(ZHelpServiceInputSchema, serviceToInput);

/** The comuni of the project's districts, grouped by district, by name (the select's option groups). */
function useMunicipalityGroups() {
  const locale = useLocale();
  const districts = useDistricts();
  const municipalities = useMunicipalities();
  const groups = (districts.data ?? [])
    .map((district) => ({
      label: district.name,
      options: (municipalities.data ?? [])
        .filter((m) => m.districtId === district.id)
        .map((m) => ({ value: m.istatCode, label: m.name }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    }))
    .filter((g) => g.options.length > 0);
  return { groups, pending: districts.isPending || municipalities.isPending };
}

interface FormProps {
  defaultValues: HelpServiceValues;
  error: unknown;
  onSubmit: (body: THelpServiceInput) => Promise<unknown>;
  onCancel: () => void;
}

/**
 * A service of "where to get help": name, what it does, phone, hours, languages spoken, comune.
 * The form opens once the comuni are there, so a service's own comune shows selected.
 */
export function HelpServiceForm(props: FormProps) {
  const { groups, pending } = useMunicipalityGroups();
  return pending ? <Loading /> : <ServiceFields {...props} groups={groups} />;
}

function ServiceFields({
  defaultValues,
  error,
  onSubmit,
  onCancel,
  groups,
}: FormProps & { groups: { label: string; options: { value: string; label: string }[] }[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<HelpServiceValues>({ resolver, defaultValues });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(serviceToInput(values));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {error && Object.keys(errors).length === 0 ? <ActionProblem error={error} /> : null}
      <TextField
        id="help-service-name"
        label={t('website.help.name')}
        required
        maxLength={maxLengthOf(shape.name)}
        error={fieldErrorText(t, errors.name)}
        {...form.register('name')}
      />
      <TextAreaField
        id="help-service-description"
        label={t('website.help.description')}
        hint={t('website.help.descriptionHint')}
        rows={3}
        maxLength={maxLengthOf(shape.description)}
        error={fieldErrorText(t, errors.description)}
        {...form.register('description')}
      />
      <TextField
        id="help-service-phone"
        type="tel"
        label={t('website.help.phone')}
        required
        autoComplete="off"
        maxLength={maxLengthOf(shape.phone)}
        error={fieldErrorText(t, errors.phone)}
        {...form.register('phone')}
      />
      <TextField
        id="help-service-hours"
        label={t('website.help.hours')}
        hint={t('website.help.hoursHint')}
        required
        maxLength={maxLengthOf(shape.hours)}
        error={fieldErrorText(t, errors.hours)}
        {...form.register('hours')}
      />
      <Controller
        control={form.control}
        name="languages"
        render={({ field }) => (
          <CheckboxGroup
            id="help-service-languages"
            legend={t('website.help.languages')}
            required
            inline
            options={SITE_LANGUAGES.map((l) => ({ value: l, label: t(`website.languages.${l}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, errors.languages as FieldError | undefined)}
          />
        )}
      />
      <SelectField
        id="help-service-municipality"
        label={t('website.help.municipality')}
        hint={t('website.help.municipalityHint')}
        required
        placeholder={t('common.choose')}
        options={[]}
        groups={groups}
        error={fieldErrorText(t, errors.municipality)}
        {...form.register('municipality')}
      />
      <TextField
        id="help-service-order"
        type="number"
        inputMode="numeric"
        label={t('website.help.order')}
        hint={t('website.help.orderHint')}
        {...rangeOf(shape.menuOrder)}
        error={fieldErrorText(t, errors.menuOrder, t('website.help.orderHint'))}
        {...form.register('menuOrder')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
