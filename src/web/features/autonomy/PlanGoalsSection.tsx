import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type TGoal,
  type TPlan,
  ZGoalInputSchema,
  ZGoalUpdateSchema,
  ZStepInputSchema,
} from '../../../contracts/autonomy.js';
import type { TLocale } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { CheckboxField, FormActions, SelectField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';
import { useGoalAdd, useGoalUpdate, useStepAdd, useStepRemove, useStepUpdate } from './autonomy-api.js';
import {
  type GoalValues,
  goalDefaults,
  goalResolver,
  goalToInput,
  type StepValues,
  stepDefaults,
  stepResolver,
  stepToInput,
} from './autonomy-forms.js';
import { PlanSection, planWritable } from './PlanSection.js';

const AREAS = codesOf(ZGoalInputSchema.shape.area);
const GOAL_STATUSES = codesOf(ZGoalUpdateSchema.shape.status);
type StatusValues = { status: string };
const statusResolver = contractResolver<StatusValues>(ZGoalUpdateSchema, (v) => ({ status: v.status }));

/** The plan's goals, each with its steps: added, ticked done, removed while the plan is open. */
export function PlanGoalsSection({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const writable = planWritable(plan);

  return (
    <PlanSection
      id="plan-goals"
      title={t('autonomy.goals.title')}
      action={writable && !adding && t('autonomy.goals.add')}
      onAction={() => {
        setNotice('');
        setAdding(true);
      }}
      notice={notice}
    >
      {adding && (
        <EditorCard id="plan-goal-add" title={t('autonomy.goals.add')}>
          <GoalForm
            planId={plan.id}
            onDone={(saved) => {
              setAdding(false);
              setNotice(saved ? t('autonomy.goals.added') : '');
            }}
          />
        </EditorCard>
      )}
      {plan.goals.length === 0 ? (
        <p>{t('autonomy.goals.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {plan.goals.map((goal) => (
            <GoalItem key={goal.id} goal={goal} writable={writable} onNotice={setNotice} />
          ))}
        </ul>
      )}
    </PlanSection>
  );
}

function GoalItem({
  goal,
  writable,
  onNotice,
}: {
  goal: TGoal;
  writable: boolean;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [addingStep, setAddingStep] = useState(false);
  const tick = useStepUpdate();
  const remove = useStepRemove();
  const done = goal.steps.filter((s) => s.doneOn).length;
  const title = `${t(`autonomy.area.${goal.area}`)}: ${goal.description}`;

  return (
    <li className="card shadow-sm p-3 mb-3">
      <h3 className="h5">{title}</h3>
      <p className="small mb-2">
        {t(`autonomy.goalStatus.${goal.status}`)}
        {goal.targetOn && ` · ${t('autonomy.goals.targetLine', { date: formatDay(goal.targetOn, locale) })}`}
        {goal.steps.length > 0 && ` · ${t('autonomy.goals.stepsDone', { done, count: goal.steps.length })}`}
      </p>
      {writable && <GoalStatusForm goal={goal} onSaved={() => onNotice(t('autonomy.goals.statusSaved'))} />}
      <ActionProblem error={tick.error ?? remove.error} />
      {goal.steps.length === 0 ? (
        <p className="small">{t('autonomy.goals.noSteps')}</p>
      ) : (
        <ul className="list-unstyled ms-2">
          {goal.steps.map((step) => (
            <li key={step.id} className="d-flex flex-wrap align-items-start gap-2">
              {writable ? (
                <CheckboxField
                  id={`step-${step.id}`}
                  className="mb-2"
                  label={step.description}
                  hint={stepHint(step, t, locale)}
                  checked={step.doneOn !== null}
                  disabled={tick.isPending}
                  onChange={(e) => {
                    const checked = e.target.checked;
                    tick.mutate(
                      { stepId: step.id, body: { doneOn: checked ? todayLocal() : null } },
                      {
                        onSuccess: () =>
                          onNotice(t(checked ? 'autonomy.goals.stepDone' : 'autonomy.goals.stepUndone')),
                      },
                    );
                  }}
                />
              ) : (
                <p className="mb-2">
                  {step.description}
                  <small className="d-block">{stepHint(step, t, locale)}</small>
                </p>
              )}
              {writable && (
                <button
                  type="button"
                  className="btn btn-outline-danger btn-xs"
                  aria-label={t('autonomy.goals.removeStepNamed', { step: step.description })}
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate(step.id, { onSuccess: () => onNotice(t('autonomy.goals.stepRemoved')) })
                  }
                >
                  {t('autonomy.goals.removeStep')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {writable &&
        (addingStep ? (
          <StepForm
            goal={goal}
            onDone={(saved) => {
              setAddingStep(false);
              onNotice(saved ? t('autonomy.goals.stepAdded') : '');
            }}
          />
        ) : (
          <div>
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              aria-label={t('autonomy.goals.addStepNamed', { goal: title })}
              onClick={() => setAddingStep(true)}
            >
              {t('autonomy.goals.addStep')}
            </button>
          </div>
        ))}
    </li>
  );
}

function stepHint(step: TGoal['steps'][number], t: TFunction, locale: TLocale) {
  if (step.doneOn) return t('autonomy.goals.doneOn', { date: formatDay(step.doneOn, locale) });
  if (step.dueOn) return t('autonomy.goals.dueOn', { date: formatDay(step.dueOn, locale) });
  return undefined;
}

function GoalStatusForm({ goal, onSaved }: { goal: TGoal; onSaved: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useGoalUpdate();
  const form = useForm<StatusValues>({ resolver: statusResolver, defaultValues: { status: goal.status } });
  const submit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync({ goalId: goal.id, body: { status: values.status as TGoal['status'] } });
      onSaved();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="d-flex flex-wrap align-items-end gap-2 mb-2">
      <SelectField
        id={`goal-status-${goal.id}`}
        className="mb-0"
        label={t('autonomy.goals.status')}
        options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`autonomy.goalStatus.${s}`) }))}
        error={fieldErrorText(t, form.formState.errors.status)}
        {...form.register('status')}
      />
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={form.formState.isSubmitting}>
        {t('autonomy.goals.saveStatus')}
      </button>
      <ActionProblem error={update.error} className="w-100" />
    </form>
  );
}

function GoalForm({ planId, onDone }: { planId: string; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useGoalAdd(planId);
  const form = useForm<GoalValues>({ resolver: goalResolver, defaultValues: goalDefaults });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(goalToInput(values));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <SelectField
        id="goal-area"
        label={t('autonomy.goals.area')}
        placeholder={t('common.choose')}
        required
        options={AREAS.map((a) => ({ value: a, label: t(`autonomy.area.${a}`) }))}
        error={fieldErrorText(t, errors.area)}
        {...form.register('area')}
      />
      <TextField
        id="goal-description"
        label={t('autonomy.goals.description')}
        required
        maxLength={maxLengthOf(ZGoalInputSchema.shape.description)}
        error={fieldErrorText(t, errors.description)}
        {...form.register('description')}
      />
      <TextField
        id="goal-target"
        type="date"
        label={t('autonomy.goals.targetOn')}
        error={fieldErrorText(t, errors.targetOn)}
        {...form.register('targetOn')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('autonomy.goals.add')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

function StepForm({ goal, onDone }: { goal: TGoal; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useStepAdd();
  const form = useForm<StepValues>({ resolver: stepResolver, defaultValues: stepDefaults });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync({ goalId: goal.id, body: stepToInput(values) });
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="border-start border-3 ps-3 mt-2">
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <TextField
        id={`step-description-${goal.id}`}
        label={t('autonomy.goals.stepDescription')}
        required
        maxLength={maxLengthOf(ZStepInputSchema.shape.description)}
        error={fieldErrorText(t, errors.description)}
        {...form.register('description')}
      />
      <TextField
        id={`step-due-${goal.id}`}
        type="date"
        label={t('autonomy.goals.stepDueOn')}
        error={fieldErrorText(t, errors.dueOn)}
        {...form.register('dueOn')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('autonomy.goals.addStep')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
