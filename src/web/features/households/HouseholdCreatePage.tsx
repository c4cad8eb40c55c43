import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZHouseholdCreateSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { DuplicateWarning, isPossibleDuplicate } from './DuplicateWarning.js';
import { useHouseholdCreate } from './households-api.js';
import { PersonFields } from './PersonFields.js';
import { newPersonValues, type PeopleFormValues, peopleToInput } from './person-form.js';
import { useReferenceOptions, WhenReferenceLoaded } from './reference-options.js';

const MAX_MEMBERS = 20;
const resolver = contractResolver<PeopleFormValues>(ZHouseholdCreateSchema, peopleToInput);

export function HouseholdCreatePage() {
  return <WhenReferenceLoaded>{() => <HouseholdForm />}</WhenReferenceLoaded>;
}

/** A new household: its comune and its members, the first being the reference person. */
function HouseholdForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const create = useHouseholdCreate();
  const { municipalityGroups } = useReferenceOptions();
  const form = useForm<PeopleFormValues>({
    resolver,
    defaultValues: { municipality: '', members: [newPersonValues(true)] },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'members' });
  const { errors, isSubmitting } = form.formState;

  // A member's comune follows the household's until the user picks another one for them.
  useEffect(() => {
    let previous = form.getValues('municipality');
    const subscription = form.watch((values, { name }) => {
      if (name !== 'municipality') return;
      const next = values.municipality ?? '';
      form.getValues('members').forEach((member, index) => {
        if (member.municipality === previous) form.setValue(`members.${index}.municipality`, next);
      });
      previous = next;
    });
    return () => subscription.unsubscribe();
  }, [form]);

  /** `acknowledgeDuplicates`: the operator has said the people the server warned about are others. */
  const submit = (acknowledgeDuplicates: boolean) =>
    form.handleSubmit(async (values) => {
      try {
        const body = { ...ZHouseholdCreateSchema.parse(peopleToInput(values)), acknowledgeDuplicates };
        const household = await create.mutateAsync(body);
        await navigate({ to: '/households/$householdId', params: { householdId: household.id } });
      } catch (e) {
        // A possible duplicate is a question to the operator (the warning), not a field to correct.
        if (!isPossibleDuplicate(e)) applyServerFieldErrors(e, form.setError, locale, values);
      }
    });

  /** "Fatima Zahra" for a finding about `members.0.…`. */
  const who = (field: string) => {
    const index = /^members\.(\d+)\./.exec(field)?.[1];
    const member = index === undefined ? undefined : form.getValues('members')[Number(index)];
    const name = member ? `${member.givenName} ${member.familyName}`.trim() : '';
    return name || undefined;
  };

  return (
    <>
      <PageHeading title={t('households.create.title')}>
        <p className="mb-2">{t('households.create.intro')}</p>
        <Link to="/households">{t('households.create.back')}</Link>
      </PageHeading>
      <form onSubmit={submit(false)} noValidate className="col-xl-10">
        <DuplicateWarning
          error={create.error}
          who={who}
          confirmLabel={t('households.duplicates.registerAnyway')}
          onConfirm={submit(true)}
          pending={isSubmitting}
        />
        {create.error && !isPossibleDuplicate(create.error) && Object.keys(errors).length === 0 ? (
          <ActionProblem error={create.error} />
        ) : null}
        <div className="row">
          <SelectField
            id="household-municipality"
            className="col-md-6"
            label={t('households.fields.municipality')}
            hint={t('households.create.municipalityHint')}
            placeholder={t('common.choose')}
            options={[]}
            groups={municipalityGroups}
            required
            error={fieldErrorText(t, errors.municipality)}
            {...form.register('municipality')}
          />
        </div>
        {fields.map((field, index) => (
          <fieldset key={field.id} className="border-top pt-4 mb-4">
            <legend className="h4">
              {index === 0
                ? t('households.create.referencePerson')
                : t('households.create.member', { n: index + 1 })}
            </legend>
            <PersonFields form={form} index={index} idPrefix={`member-${index}`} />
            {index > 0 && (
              <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(index)}>
                {t('households.create.removeMember', { n: index + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {errors.members?.root?.message || errors.members?.message ? (
          <p className="text-danger" role="alert">
            {t('households.create.membersError')}
          </p>
        ) : null}
        <FormActions>
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={fields.length >= MAX_MEMBERS}
            onClick={() => append(newPersonValues(false, form.getValues('municipality')))}
          >
            {t('households.create.addMember')}
          </button>
        </FormActions>
        <hr />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('households.create.submit')}
          </button>
          <Link to="/households" className="btn btn-outline-secondary">
            {t('common.cancel')}
          </Link>
        </FormActions>
      </form>
    </>
  );
}
