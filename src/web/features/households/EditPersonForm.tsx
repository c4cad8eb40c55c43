import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type THousehold, type TPerson, ZPersonUpdateSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { FormActions } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { DuplicateWarning, isPossibleDuplicate } from './DuplicateWarning.js';
import { useHouseholdMutations } from './households-api.js';
import { PersonFields } from './PersonFields.js';
import { type PeopleFormValues, peopleResolver, personFormValues, personToUpdate } from './person-form.js';

/**
 * Correcting a member's details: the registration form, filled in, without the at-risk mark (it has
 * its own panel, with a reason). The server keeps each change in the person's history and warns, as
 * at registration, when the corrected identity matches someone already registered.
 */
export function EditPersonForm({
  household,
  person,
  onSaved,
  onRemoved,
  onCancel,
}: {
  household: THousehold;
  person: TPerson;
  /** With the person as saved (their name may be what changed). */
  onSaved: (saved: TPerson) => void;
  onRemoved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { updatePerson } = useHouseholdMutations(household.id);
  const form = useForm<PeopleFormValues>({
    resolver: peopleResolver,
    defaultValues: { municipality: household.municipality, members: [personFormValues(person)] },
  });

  /** `acknowledgeDuplicates`: the operator has said the person the server warned about is someone else. */
  const submit = (acknowledgeDuplicates: boolean) =>
    form.handleSubmit(async (values) => {
      const edited = values.members[0];
      if (!edited) return;
      try {
        const saved = await updatePerson.mutateAsync({
          personId: person.id,
          body: ZPersonUpdateSchema.parse(personToUpdate(edited, acknowledgeDuplicates)),
        });
        onSaved(saved);
      } catch (e) {
        if (!isPossibleDuplicate(e)) applyServerFieldErrors(e, form.setError, locale, values, 'members.0.');
      }
    });

  return (
    <>
      <form onSubmit={submit(false)} noValidate>
        <DuplicateWarning
          error={updatePerson.error}
          confirmLabel={t('households.duplicates.saveAnyway')}
          onConfirm={submit(true)}
          pending={form.formState.isSubmitting}
          level={4}
        />
        {updatePerson.error &&
        !isPossibleDuplicate(updatePerson.error) &&
        Object.keys(form.formState.errors).length === 0 ? (
          <ActionProblem error={updatePerson.error} />
        ) : null}
        <PersonFields form={form} index={0} idPrefix="edit-person" withAtRisk={false} withLivesElsewhere />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
            {t('households.edit.submit')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </FormActions>
      </form>
      <RemoveFromHousehold household={household} person={person} onRemoved={onRemoved} />
    </>
  );
}

/**
 * Removing a member registered by mistake: a stated reason, then a confirmation. The server refuses
 * when something refers to the person (a consent, a referral, a session, a message) or when they are
 * the only member; its explanation is shown as it is.
 */
function RemoveFromHousehold({
  household,
  person,
  onRemoved,
}: {
  household: THousehold;
  person: TPerson;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const { removePerson } = useHouseholdMutations(household.id);
  const [step, setStep] = useState<'idle' | 'reason' | 'confirm'>('idle');
  const [reason, setReason] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const name = `${person.givenName} ${person.familyName}`;

  // The form that was used is gone at each step: the focus goes to what replaces it.
  useEffect(() => {
    if (step === 'confirm') confirmRef.current?.querySelector('button')?.focus();
  }, [step]);

  return (
    <section aria-labelledby="remove-person-heading" className="border-top pt-4 mt-4">
      <h4 id="remove-person-heading" ref={headingRef} tabIndex={-1} className="h6">
        {t('households.remove.title')}
      </h4>
      <p>{t('households.remove.intro')}</p>
      {removePerson.error && step === 'idle' ? <ActionProblem error={removePerson.error} /> : null}
      {step === 'idle' && (
        <button
          type="button"
          className="btn btn-outline-danger btn-sm"
          onClick={() => {
            removePerson.reset();
            setStep('reason');
          }}
        >
          {t('households.remove.start', { name })}
        </button>
      )}
      {step === 'reason' && (
        <ReasonForm
          id="remove-person-reason"
          label={t('households.remove.reason')}
          submitLabel={t('households.remove.next')}
          pending={false}
          error={null}
          onSubmit={(stated) => {
            setReason(stated);
            setStep('confirm');
          }}
          onCancel={() => setStep('idle')}
        />
      )}
      {step === 'confirm' && (
        <div ref={confirmRef}>
          <ConfirmPanel
            message={t('households.remove.confirm', { name })}
            confirmLabel={t('households.remove.submit', { name })}
            pending={removePerson.isPending}
            onConfirm={() =>
              removePerson.mutate(
                { personId: person.id, reason },
                {
                  onSuccess: onRemoved,
                  onError: () => {
                    setStep('idle');
                    headingRef.current?.focus();
                  },
                },
              )
            }
            onCancel={() => setStep('idle')}
          />
        </div>
      )}
    </section>
  );
}
