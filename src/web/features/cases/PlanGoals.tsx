import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GOAL_PROGRESS,
  type TCarePlan,
  type TGoal,
  type TPlanVersion,
  ZProgressInputSchema,
} from '../../../contracts/care-plan.js';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { SelectField, TextField } from '../../ui/fields.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { orNull } from '../../ui/forms/values.js';
import { personName } from './AssessmentSection.js';
import { usePlanChange } from './care-plan-api.js';
import { PlanForm } from './PlanForm.js';

/** Who answers for a goal, in words. */
export function responsibleOf(data: TCase, g: TGoal) {
  if (g.responsibleKind === 'user') return g.responsibleUserName ?? '—';
  if (g.responsibleKind === 'outside_service') return g.responsibleService ?? '—';
  return personName(data, g.responsiblePersonId);
}

/**
 * A version's goals as cards (they read on a phone). In a draft the team edits and removes them; on
 * the approved version it records progress (the approval stands) or changes one, which opens a draft.
 */
export function PlanGoals({ data, plan, version }: { data: TCase; plan: TCarePlan; version: TPlanVersion }) {
  const { t } = useTranslation();
  if (version.goals.length === 0) return <p>{t('carePlan.goal.none')}</p>;
  return (
    <ul className="list-unstyled">
      {version.goals.map((g) => (
        <GoalCard key={g.id} data={data} plan={plan} version={version} goal={g} />
      ))}
    </ul>
  );
}

function GoalCard({
  data,
  plan,
  version,
  goal: g,
}: {
  data: TCase;
  plan: TCarePlan;
  version: TPlanVersion;
  goal: TGoal;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const change = usePlanChange(data.id);
  const [editing, setEditing] = useState(false);
  const [progress, setProgress] = useState<string>(g.progress);
  const [note, setNote] = useState('');
  const isDraft = version.status === 'draft' || version.status === 'returned';
  const isApproved = version.status === 'approved';
  const canEdit =
    plan.can.edit && (isDraft || (isApproved && !plan.versions.some((v) => v.status === 'submitted')));
  return (
    <li className="border rounded p-3 mb-2">
      <p className="mb-1">
        <strong>{g.text}</strong>
      </p>
      <p className="small mb-1">
        {personName(data, g.personId)} · {t(`carePlan.dimension.${g.dimension}`)}
      </p>
      <p className="small mb-1">
        {t('carePlan.goal.responsible')}: {responsibleOf(data, g)} (
        {t(`carePlan.responsibleKind.${g.responsibleKind}`)})
      </p>
      <p className="small mb-1">
        {t('carePlan.goal.indicator')}: {g.indicator} · {t('carePlan.goal.due')}: {formatDay(g.dueOn, locale)}
      </p>
      <p className="small mb-2">
        {t('carePlan.goal.progress')}: {t(`carePlan.progress.${g.progress}`)}
        {g.progressNote ? ` — ${g.progressNote}` : ''}
      </p>
      {g.progressLog.length > 0 && (
        <details className="small mb-2">
          <summary>{t('carePlan.goal.progressLog', { count: g.progressLog.length })}</summary>
          <ol className="mb-0">
            {g.progressLog.map((l) => (
              <li key={`${l.recordedAt}-${l.status}`}>
                {formatDateTime(l.recordedAt, locale)} · {l.recordedBy}: {t(`carePlan.progress.${l.status}`)}
                {l.note ? ` — ${l.note}` : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
      {isApproved && plan.can.edit && (
        <div className="row align-items-end">
          <div className="col-md-4">
            <SelectField
              id={`goal-${g.id}-progress`}
              label={t('carePlan.goal.progress')}
              value={progress}
              onChange={(e) => setProgress(e.target.value)}
              options={GOAL_PROGRESS.map((p) => ({ value: p, label: t(`carePlan.progress.${p}`) }))}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id={`goal-${g.id}-note`}
              label={t('carePlan.goal.progressNote')}
              maxLength={maxLengthOf(ZProgressInputSchema.shape.note)}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="col-md-2 mb-4">
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              disabled={change.isPending}
              onClick={() =>
                change.mutate(
                  {
                    method: 'POST',
                    path: `/goals/${g.id}/progress`,
                    body: { status: progress, note: orNull(note) },
                  },
                  { onSuccess: () => setNote('') },
                )
              }
            >
              {t('carePlan.goal.recordProgress')}
            </button>
          </div>
        </div>
      )}
      {canEdit && !editing && (
        <div className="d-flex flex-wrap gap-2">
          <button type="button" className="btn btn-link btn-sm p-0" onClick={() => setEditing(true)}>
            {isApproved ? t('carePlan.goal.changeInDraft') : t('carePlan.goal.edit')}
          </button>
          {isDraft && (
            <button
              type="button"
              className="btn btn-link btn-sm p-0 text-danger"
              onClick={() => change.mutate({ method: 'DELETE', path: `/goals/${g.id}` })}
            >
              {t('carePlan.goal.remove')}
            </button>
          )}
        </div>
      )}
      {editing && <PlanForm data={data} goal={g} onDone={() => setEditing(false)} />}
    </li>
  );
}
