import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAction } from '../../../contracts/governance-minutes.js';
import { FormActions, SelectField, TextAreaField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useMoveAction } from './governance-actions-api.js';

/** Start, or close (done / cancelled, with an optional note), an action the caller may move. */
export function ActionControls({ action }: { action: TAction }) {
  const { t } = useTranslation();
  const move = useMoveAction();
  const [closing, setClosing] = useState(false);
  const [outcome, setOutcome] = useState<'done' | 'cancelled'>('done');
  const [note, setNote] = useState('');
  if (!action.canMove) return null;
  const id = `close-${action.id}`;
  return (
    <div>
      <ActionProblem error={move.error} className="mb-2" />
      {closing ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            move.mutate({ id: action.id, input: { status: outcome, note: note.trim() || null } });
          }}
        >
          <SelectField
            id={`${id}-outcome`}
            label={t('governanceActions.actions.outcome')}
            options={[
              { value: 'done', label: t('governanceActions.actions.status.done') },
              { value: 'cancelled', label: t('governanceActions.actions.status.cancelled') },
            ]}
            value={outcome}
            onChange={(event) => setOutcome(event.target.value as 'done' | 'cancelled')}
          />
          <TextAreaField
            id={`${id}-note`}
            label={t('governanceActions.actions.note')}
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <FormActions>
            <button type="submit" className="btn btn-primary btn-sm" disabled={move.isPending}>
              {t('governanceActions.actions.confirmClose')}
            </button>
            <button
              type="button"
              className="btn btn-outline-secondary btn-sm"
              onClick={() => setClosing(false)}
            >
              {t('common.cancel')}
            </button>
          </FormActions>
        </form>
      ) : (
        <div className="d-flex flex-wrap gap-2">
          {action.status === 'open' && (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              disabled={move.isPending}
              onClick={() => move.mutate({ id: action.id, input: { status: 'in_progress' } })}
            >
              {t('governanceActions.actions.start', { title: action.title })}
            </button>
          )}
          <button type="button" className="btn btn-primary btn-sm" onClick={() => setClosing(true)}>
            {t('governanceActions.actions.close', { title: action.title })}
          </button>
        </div>
      )}
    </div>
  );
}
