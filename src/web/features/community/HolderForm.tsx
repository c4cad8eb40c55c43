import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_LIMITS, ZHolderInputSchema, ZHolderUpdateSchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxField, FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxItemsOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { MultiSelectField } from '../../ui/MultiSelectField.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { type HolderValues, holderToInput } from './community-forms.js';
import { useCommunityReference, useCommunityWords } from './community-words.js';

const shape = ZHolderInputSchema.shape;
/** E-mail and web addresses are format fields (not plain text) in the contract: their bound is its limit. */
const MAX_LENGTH = {
  name: maxLengthOf(shape.name),
  address: maxLengthOf(shape.address),
  phone: maxLengthOf(shape.phone),
  email: COMMUNITY_LIMITS.email,
  website: COMMUNITY_LIMITS.website,
};
const MAX_LANGUAGES = maxItemsOf(shape.languages);
const MAX_COMMUNITIES = maxItemsOf(shape.communities);
const createResolver = contractResolver<HolderValues>(ZHolderInputSchema, (v) => holderToInput(v, false));
const updateResolver = contractResolver<HolderValues>(ZHolderUpdateSchema, (v) => holderToInput(v, true));
const listError = (e: unknown) => e as FieldError | undefined;

const FIELD_IDS = {
  name: 'holder-name',
  kind: 'holder-kind',
  municipality: 'holder-municipality',
  address: 'holder-address',
  phone: 'holder-phone',
  email: 'holder-email',
  website: 'holder-website',
  languages: 'holder-languages',
  communities: 'holder-communities',
  size: 'holder-size',
  legalForm: 'holder-legal-form',
  keeperOrganisationId: 'holder-keeper',
  notes: 'holder-notes',
  active: 'holder-active',
} as const;

/**
 * A community holder: what it is and where, how to reach it, the languages spoken and the
 * communities it serves, its size and legal form, and the partner who keeps the relationship.
 * `existing`: an edit, which also says whether the holder is still active.
 */
export function HolderForm({
  defaultValues,
  existing,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  defaultValues: HolderValues;
  existing: boolean;
  submitLabel: string;
  error: unknown;
  onSubmit: (body: ReturnType<typeof holderToInput>) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const reference = useCommunityReference();
  const form = useForm<HolderValues>({
    resolver: existing ? updateResolver : createResolver,
    defaultValues,
  });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(holderToInput(values, existing));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const summaryFields = Object.fromEntries(
    Object.entries(FIELD_IDS).map(([name, id]) => [name, { id, label: t(`community.holder.${name}`) }]),
  );
  const multiTexts = (what: 'languages' | 'communities') => ({
    chosen: t(`community.holderForm.${what}Chosen`),
    remove: (label: string) => t('community.holderForm.remove', { label }),
    matches: (count: number) => t('community.holderForm.matches', { count }),
    noMatch: t('community.holderForm.noMatch'),
  });
  const text = (name: 'name' | 'address' | 'phone' | 'email' | 'website', extra: object = {}) => (
    <TextField
      id={FIELD_IDS[name]}
      className="col-md-6"
      label={t(`community.holder.${name}`)}
      maxLength={MAX_LENGTH[name]}
      error={fieldErrorText(t, errors[name])}
      {...extra}
      {...register(name)}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      {error ? <ProblemAlert error={error} fields={summaryFields} /> : null}
      <div className="row">
        {text('name', { required: true, autoComplete: 'organization' })}
        <SelectField
          id={FIELD_IDS.kind}
          className="col-md-6"
          label={t('community.holder.kind')}
          placeholder={t('common.choose')}
          required
          options={words.options('holderKind')}
          error={fieldErrorText(t, errors.kind)}
          {...register('kind')}
        />
        <SelectField
          id={FIELD_IDS.municipality}
          className="col-md-6"
          label={t('community.holder.municipality')}
          placeholder={t('common.choose')}
          required
          options={[]}
          groups={reference.municipalityGroups}
          error={fieldErrorText(t, errors.municipality)}
          {...register('municipality')}
        />
        {text('address', { autoComplete: 'street-address' })}
        {text('phone', { type: 'tel', autoComplete: 'tel' })}
        {text('email', { type: 'email', autoComplete: 'email' })}
        {text('website', { type: 'url', hint: t('community.holderForm.websiteHint') })}
      </div>
      <Controller
        control={control}
        name="languages"
        render={({ field }) => (
          <MultiSelectField
            id={FIELD_IDS.languages}
            label={t('community.holder.languages')}
            hint={t('community.holderForm.languagesHint', { max: MAX_LANGUAGES })}
            options={reference.languageOptions}
            value={field.value}
            onChange={field.onChange}
            max={MAX_LANGUAGES}
            texts={multiTexts('languages')}
            error={fieldErrorText(t, listError(errors.languages))}
          />
        )}
      />
      <Controller
        control={control}
        name="communities"
        render={({ field }) => (
          <MultiSelectField
            id={FIELD_IDS.communities}
            label={t('community.holder.communities')}
            hint={t('community.holderForm.communitiesHint', { max: MAX_COMMUNITIES })}
            options={reference.countryOptions}
            value={field.value}
            onChange={field.onChange}
            max={MAX_COMMUNITIES}
            texts={multiTexts('communities')}
            error={fieldErrorText(t, listError(errors.communities))}
          />
        )}
      />
      <div className="row">
        <SelectField
          id={FIELD_IDS.size}
          className="col-md-6"
          label={t('community.holder.size')}
          placeholder={t('community.holderForm.notStated')}
          options={words.options('size')}
          error={fieldErrorText(t, errors.size)}
          {...register('size')}
        />
        <SelectField
          id={FIELD_IDS.legalForm}
          className="col-md-6"
          label={t('community.holder.legalForm')}
          placeholder={t('community.holderForm.notStated')}
          options={words.options('legalForm')}
          error={fieldErrorText(t, errors.legalForm)}
          {...register('legalForm')}
        />
        <SelectField
          id={FIELD_IDS.keeperOrganisationId}
          className="col-md-6"
          label={t('community.holder.keeperOrganisationId')}
          hint={t('community.holderForm.keeperHint')}
          placeholder={t('community.holderForm.noKeeper')}
          options={reference.organisationOptions}
          error={fieldErrorText(t, errors.keeperOrganisationId)}
          {...register('keeperOrganisationId')}
        />
      </div>
      <TextAreaField
        id={FIELD_IDS.notes}
        label={t('community.holder.notes')}
        rows={3}
        maxLength={maxLengthOf(shape.notes)}
        error={fieldErrorText(t, errors.notes)}
        {...register('notes')}
      />
      {existing && (
        <CheckboxField
          id={FIELD_IDS.active}
          label={t('community.holder.active')}
          hint={t('community.holderForm.activeHint')}
          {...register('active')}
        />
      )}
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
