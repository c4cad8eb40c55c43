import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PERIOD_REASON_MIN,
  type TImpactPeriod,
  ZPeriodReasonSchema,
} from '../../../contracts/impact-periods.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import type { PeriodMutations } from './periods-api.js';

/** The panel open under the buttons: a reason to give, or the approval to confirm. */
type Panel = 'returnIt' | 'unlock' | 'approve';

/**
 * Submit, approve, return and reopen: only the buttons the server's `can` allows. Returning and
 * reopening need a reason (the contract's bounds), approving a confirmation, since it freezes the
 * values; submitting is undone by a return, so it asks nothing.
 */
export function PeriodActions({
  period,
  mutations,
  onDone,
  onStart,
}: {
  period: TImpactPeriod;
  mutations: PeriodMutations;
  onDone: (message: string) => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const { submit, approve, returnIt, unlock } = mutations;
  const [open, setOpen] = useState<Panel | null>(null);
  const { can } = period;
  if (!can.submit && !can.approve && !can.returnIt && !can.unlock) return null;

  // Each new attempt clears what the last one said, so an old refusal is not read as the new one.
  const clear = () => {
    onStart();
    for (const m of [submit, approve, returnIt, unlock]) m.reset();
  };
  const openPanel = (panel: Panel) => {
    clear();
    setOpen(panel);
  };
  const finish = (what: 'submit' | 'approve' | 'returnIt' | 'unlock') => () => {
    setOpen(null);
    onDone(t(`impact.periods.done.${what}`));
  };
  const reasonHint = (what: 'returnIt' | 'unlock') =>
    t(`impact.periods.actions.${what}Hint`, { min: PERIOD_REASON_MIN });
  // The errors of the actions without a form; a reason form shows its own.
  const error = submit.error ?? approve.error;

  return (
    <div className="mb-2">
      {error ? <ActionProblem error={error} /> : null}
      <div className="d-flex flex-wrap gap-2">
        {can.submit && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={submit.isPending}
            onClick={() => {
              clear();
              setOpen(null);
              submit.mutate(undefined, { onSuccess: finish('submit') });
            }}
          >
            {t('impact.periods.actions.submit')}
          </button>
        )}
        {can.approve && open !== 'approve' && (
          <button type="button" className="btn btn-primary btn-sm" onClick={() => openPanel('approve')}>
            {t('impact.periods.actions.approve')}
          </button>
        )}
        {can.returnIt && open !== 'returnIt' && (
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => openPanel('returnIt')}
          >
            {t('impact.periods.actions.returnIt')}
          </button>
        )}
        {can.unlock && open !== 'unlock' && (
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => openPanel('unlock')}>
            {t('impact.periods.actions.unlock')}
          </button>
        )}
      </div>
      {open === 'approve' && can.approve && (
        <ConfirmPanel
          className="mt-3"
          message={t('impact.periods.actions.approveConfirm')}
          confirmLabel={t('impact.periods.actions.approveSubmit')}
          pending={approve.isPending}
          onConfirm={() => approve.mutate(undefined, { onSuccess: finish('approve') })}
          onCancel={() => setOpen(null)}
        />
      )}
      {(open === 'returnIt' || open === 'unlock') && can[open] && (
        <ReasonForm
          key={open}
          id={`period-${period.key}-${open}`}
          label={t(`impact.periods.actions.${open}Label`)}
          hint={reasonHint(open)}
          schema={ZPeriodReasonSchema.shape.reason}
          submitLabel={t(`impact.periods.actions.${open}Submit`)}
          tone={open === 'unlock' ? 'danger' : 'primary'}
          pending={(open === 'unlock' ? unlock : returnIt).isPending}
          error={(open === 'unlock' ? unlock : returnIt).error}
          onSubmit={(reason) =>
            (open === 'unlock' ? unlock : returnIt).mutate(reason, { onSuccess: finish(open) })
          }
          onCancel={() => setOpen(null)}
        />
      )}
    </div>
  );
}
