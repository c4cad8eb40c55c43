import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_LIMITS, ZHolderPersonInputSchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxField, CheckboxGroup, FormActions, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { type PersonValues, personToInput } from './community-forms.js';
import { useCommunityReference, useCommunityWords } from './community-words.js';

const shape = ZHolderPersonInputSchema.shape;
const resolver = contractResolver<PersonValues>(ZHolderPersonInputSchema, personToInput);

/**
 * A holder's reference person: name, role, how to reach them, and whether they are an opinion
 * leader — then on which topics and in which community their word counts.
 */
export function PersonForm({
  idPrefix,
  defaultValues,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  defaultValues: PersonValues;
  submitLabel: string;
  error: unknown;
  onSubmit: (body: ReturnType<typeof personToInput>) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const reference = useCommunityReference();
  const form = useForm<PersonValues>({ resolver, defaultValues });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const leader = form.watch('opinionLeader');
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(personToInput(values));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <form onSubmit={submit} noValidate>
      {error && Object.keys(errors).length === 0 ? <ActionProblem error={error} /> : null}
      <div className="row">
        <TextField
          id={id('name')}
          className="col-md-6"
          label={t('community.person.fullName')}
          required
          maxLength={maxLengthOf(shape.fullName)}
          error={fieldErrorText(t, errors.fullName)}
          {...register('fullName')}
        />
        <TextField
          id={id('role')}
          className="col-md-6"
          label={t('community.person.roleTitle')}
          hint={t('community.person.roleTitleHint')}
          maxLength={maxLengthOf(shape.roleTitle)}
          error={fieldErrorText(t, errors.roleTitle)}
          {...register('roleTitle')}
        />
        <TextField
          id={id('phone')}
          className="col-md-6"
          type="tel"
          label={t('community.person.phone')}
          maxLength={maxLengthOf(shape.phone)}
          error={fieldErrorText(t, errors.phone)}
          {...register('phone')}
        />
        <TextField
          id={id('email')}
          className="col-md-6"
          type="email"
          label={t('community.person.email')}
          maxLength={COMMUNITY_LIMITS.email}
          error={fieldErrorText(t, errors.email)}
          {...register('email')}
        />
      </div>
      <CheckboxField
        id={id('leader')}
        label={t('community.person.opinionLeader')}
        hint={t('community.person.opinionLeaderHint')}
        {...register('opinionLeader')}
      />
      {leader && (
        <>
          <Controller
            control={control}
            name="influenceTopics"
            render={({ field }) => (
              <CheckboxGroup
                id={id('topics')}
                legend={t('community.person.influenceTopics')}
                options={words.options('needTopic')}
                value={field.value}
                onChange={field.onChange}
                error={fieldErrorText(t, errors.influenceTopics as FieldError | undefined)}
              />
            )}
          />
          <SelectField
            id={id('community')}
            className="col-md-6 px-0"
            label={t('community.person.influenceCommunity')}
            placeholder={t('community.person.anyCommunity')}
            options={reference.countryOptions}
            error={fieldErrorText(t, errors.influenceCommunity)}
            {...register('influenceCommunity')}
          />
        </>
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
