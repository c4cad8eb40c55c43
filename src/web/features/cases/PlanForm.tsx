import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_DIMENSIONS,
  RESPONSIBLE_KINDS,
  type TGoal,
  ZGoalInputSchema,
} from '../../../contracts/care-plan.js';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { orNull } from '../../ui/forms/values.js';
import { personName } from './AssessmentSection.js';
import { usePlanChange } from './care-plan-api.js';

const shape = ZGoalInputSchema.shape;

/**
 * A goal of the plan: for a child, on one side of the triangle, with who answers for it, an
 * indicator and a date. Changing a goal of the approved plan saves it in a new draft beside it.
 */
export function PlanForm({ data, goal, onDone }: { data: TCase; goal?: TGoal; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const change = usePlanChange(data.id);
  const members = data.members ?? [];
  const children = members.filter((m) => m.caseRole === 'child' || m.relationship === 'child');
  const team = (data.team ?? []).filter((m) => m.teamRole !== 'referrer');
  const [v, setV] = useState({
    personId: goal?.personId ?? children[0]?.id ?? '',
    dimension: goal?.dimension ?? 'child_needs',
    text: goal?.text ?? '',
    responsibleKind: goal?.responsibleKind ?? 'user',
    responsibleUserId: goal?.responsibleUserId ?? team[0]?.userId ?? '',
    responsibleService: goal?.responsibleService ?? '',
    responsiblePersonId: goal?.responsiblePersonId ?? members[0]?.id ?? '',
    indicator: goal?.indicator ?? '',
    dueOn: goal?.dueOn ?? '',
  });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [key]: e.target.value });
  const err = (field: string) => serverFieldError(change.error, locale, field);
  const prefix = goal ? `goal-${goal.id}` : 'goal-new';

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      personId: v.personId,
      dimension: v.dimension,
      text: v.text,
      responsibleKind: v.responsibleKind,
      responsibleUserId: v.responsibleKind === 'user' ? v.responsibleUserId || null : null,
      responsibleService: v.responsibleKind === 'outside_service' ? orNull(v.responsibleService) : null,
      responsiblePersonId: v.responsibleKind === 'family_member' ? v.responsiblePersonId || null : null,
      indicator: v.indicator,
      dueOn: v.dueOn || null,
    };
    change.mutate(
      goal ? { method: 'PUT', path: `/goals/${goal.id}`, body } : { method: 'POST', path: '/goals', body },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="mt-3">
      {change.error ? <ActionProblem error={change.error} /> : null}
      <SelectField
        id={`${prefix}-person`}
        label={t('carePlan.child')}
        required
        value={v.personId}
        onChange={set('personId')}
        options={children.map((m) => ({ value: m.id, label: personName(data, m.id) }))}
        error={err('personId')}
      />
      <SelectField
        id={`${prefix}-dimension`}
        label={t('carePlan.goal.dimension')}
        required
        value={v.dimension}
        onChange={set('dimension')}
        options={ASSESSMENT_DIMENSIONS.map((d) => ({ value: d, label: t(`carePlan.dimension.${d}`) }))}
      />
      <TextAreaField
        id={`${prefix}-text`}
        label={t('carePlan.goal.text')}
        required
        rows={2}
        maxLength={maxLengthOf(shape.text)}
        value={v.text}
        onChange={set('text')}
        error={err('text')}
      />
      <SelectField
        id={`${prefix}-kind`}
        label={t('carePlan.goal.responsibleKind')}
        required
        value={v.responsibleKind}
        onChange={set('responsibleKind')}
        options={RESPONSIBLE_KINDS.map((k) => ({ value: k, label: t(`carePlan.responsibleKind.${k}`) }))}
      />
      {v.responsibleKind === 'user' && (
        <SelectField
          id={`${prefix}-user`}
          label={t('carePlan.goal.responsible')}
          required
          value={v.responsibleUserId}
          onChange={set('responsibleUserId')}
          options={team.map((m) => ({ value: m.userId, label: m.displayName }))}
          error={err('responsibleUserId')}
        />
      )}
      {v.responsibleKind === 'outside_service' && (
        <TextField
          id={`${prefix}-service`}
          label={t('carePlan.goal.responsibleService')}
          required
          maxLength={maxLengthOf(shape.responsibleService)}
          value={v.responsibleService}
          onChange={set('responsibleService')}
          error={err('responsibleService')}
        />
      )}
      {v.responsibleKind === 'family_member' && (
        <SelectField
          id={`${prefix}-family`}
          label={t('carePlan.goal.responsible')}
          required
          value={v.responsiblePersonId}
          onChange={set('responsiblePersonId')}
          options={members.map((m) => ({ value: m.id, label: personName(data, m.id) }))}
          error={err('responsiblePersonId')}
        />
      )}
      <TextField
        id={`${prefix}-indicator`}
        label={t('carePlan.goal.indicator')}
        required
        maxLength={maxLengthOf(shape.indicator)}
        value={v.indicator}
        onChange={set('indicator')}
        error={err('indicator')}
      />
      <TextField
        id={`${prefix}-due`}
        type="date"
        label={t('carePlan.goal.due')}
        value={v.dueOn}
        onChange={set('dueOn')}
        error={err('dueOn')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={change.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
