import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPerson } from '../../../contracts/index.js';
import { useCan } from '../../session/session.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { useHouseholdMutations } from './households-api.js';

/**
 * Whether the person is at risk from the household's perpetrator. Marking protects at once: whoever
 * follows the perpetrator can no longer reach this person. Set or cleared with a reason (audited).
 * Victims and minors are protected by their role and age already, so they are not offered the mark.
 */
export function AtRiskPanel({ householdId, person }: { householdId: string; person: TPerson }) {
  const { t } = useTranslation();
  const canWrite = useCan()('households.write');
  const { setAtRisk } = useHouseholdMutations(householdId);
  const [open, setOpen] = useState(false);
  const [changed, setChanged] = useState(false);
  const stateRef = useRef<HTMLParagraphElement>(null);
  const protectedAnyway = person.caseRole === 'victim' || person.minor;
  const next = !person.atRisk;

  // After a change, the new state is where the focus goes (the button that was used is gone).
  useEffect(() => {
    if (changed) stateRef.current?.focus();
  }, [changed]);

  const state = person.atRisk
    ? t('households.atRisk.marked')
    : protectedAnyway
      ? t('households.atRisk.protectedAnyway')
      : t('households.atRisk.notMarked');

  return (
    <section aria-labelledby="at-risk-heading" className="mb-4">
      <h3 id="at-risk-heading" className="h5 mb-3">
        {t('households.atRisk.title')}
      </h3>
      <p ref={stateRef} tabIndex={-1} role="status">
        {state}
      </p>
      {canWrite && !open && (person.atRisk || !protectedAnyway) && (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() => {
            setChanged(false);
            setOpen(true);
          }}
        >
          {next ? t('households.atRisk.mark') : t('households.atRisk.clear')}
        </button>
      )}
      {open && (
        <ReasonForm
          id="at-risk-reason"
          label={t('households.atRisk.reason')}
          hint={t('households.atRisk.reasonHint')}
          submitLabel={next ? t('households.atRisk.mark') : t('households.atRisk.clear')}
          tone="primary"
          pending={setAtRisk.isPending}
          error={setAtRisk.error}
          onSubmit={(reason) =>
            setAtRisk.mutate(
              { personId: person.id, body: { atRisk: next, reason } },
              {
                onSuccess: () => {
                  setOpen(false);
                  setChanged(true);
                },
              },
            )
          }
          onCancel={() => {
            setAtRisk.reset();
            setOpen(false);
          }}
        />
      )}
    </section>
  );
}
