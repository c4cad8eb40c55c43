import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCommAction } from '../../../contracts/website-plan.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { PlanActionForm } from './PlanActionForm.js';
import { usePlanActionDelete, usePlanActionSave } from './plan-api.js';

/** What the page says once the editor closes after a change. */
export type PlanOutcome = 'saved' | 'done' | 'deleted';

/**
 * A new action, or one chosen in the calendar: its form (focus moves to the heading when it opens)
 * and, for an action already in the plan, its deletion after a confirmation.
 */
export function PlanActionEditor({
  action,
  day,
  onDone,
}: {
  action: TCommAction | null;
  day: string;
  onDone: (outcome: PlanOutcome | null) => void;
}) {
  const { t } = useTranslation();
  const save = usePlanActionSave(action?.id ?? null);
  return (
    <EditorCard
      id="plan-action-editor"
      title={action ? t('website.plan.form.editTitle', { title: action.title }) : t('website.plan.new')}
    >
      <PlanActionForm
        action={action}
        day={day}
        error={save.error}
        onSubmit={async (body) => {
          await save.mutateAsync(body);
          onDone(action && !action.doneOn && body.doneOn ? 'done' : 'saved');
        }}
        onCancel={() => onDone(null)}
      />
      {action && <DeleteAction action={action} onDeleted={() => onDone('deleted')} />}
    </EditorCard>
  );
}

function DeleteAction({ action, onDeleted }: { action: TCommAction; onDeleted: () => void }) {
  const { t } = useTranslation();
  const remove = usePlanActionDelete(action.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="border-top mt-4 pt-3">
      <button type="button" className="btn btn-outline-danger" onClick={() => setConfirming(true)}>
        {t('website.plan.form.delete')}
      </button>
      {confirming && (
        <ConfirmPanel
          className="mt-3"
          message={t('website.plan.form.confirmDelete', { title: action.title })}
          confirmLabel={t('website.plan.form.confirmDeleteButton')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(undefined, { onSuccess: onDeleted })}
          onCancel={() => {
            remove.reset();
            setConfirming(false);
          }}
        />
      )}
      {remove.error ? <ActionProblem error={remove.error} className="mt-2" /> : null}
    </div>
  );
}
