import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type THousehold, ZPersonInputSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { DuplicateWarning, isPossibleDuplicate } from './DuplicateWarning.js';
import { useHouseholdMutations } from './households-api.js';
import { PersonFields } from './PersonFields.js';
import { newPersonValues, type PeopleFormValues, peopleResolver, personToInput } from './person-form.js';

export function AddPersonForm({ household, onDone }: { household: THousehold; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { addPerson } = useHouseholdMutations(household.id);
  const form = useForm<PeopleFormValues>({
    resolver: peopleResolver,
    defaultValues: {
      municipality: household.municipality,
      members: [newPersonValues(false, household.municipality)],
    },
  });

  /** `acknowledgeDuplicates`: the operator has said the person the server warned about is someone else. */
  const submit = (acknowledgeDuplicates: boolean) =>
    form.handleSubmit(async (values) => {
      const person = values.members[0];
      if (!person) return;
      try {
        await addPerson.mutateAsync({
          ...ZPersonInputSchema.parse(personToInput(person)),
          acknowledgeDuplicates,
        });
        onDone();
      } catch (e) {
        if (!isPossibleDuplicate(e)) applyServerFieldErrors(e, form.setError, locale, values, 'members.0.');
      }
    });

  return (
    <form onSubmit={submit(false)} noValidate>
      <DuplicateWarning
        error={addPerson.error}
        confirmLabel={t('households.duplicates.registerAnyway')}
        onConfirm={submit(true)}
        pending={form.formState.isSubmitting}
        level={4}
      />
      {addPerson.error &&
      !isPossibleDuplicate(addPerson.error) &&
      Object.keys(form.formState.errors).length === 0 ? (
        <ActionProblem error={addPerson.error} />
      ) : null}
      <PersonFields form={form} index={0} idPrefix="new-person" withLivesElsewhere />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
          {t('households.members.addSubmit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
