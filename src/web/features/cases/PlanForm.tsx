import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TCase, type TPlan, ZPlanSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull } from '../../ui/forms/values.js';
import { useCaseMutations } from './cases-api.js';
import { SavedNote } from './SavedNote.js';

interface PlanValues {
  goals: { title: string; targetDate: string; status: string }[];
  interventions: { description: string; responsible: string; frequency: string }[];
}

const goal = ZPlanSchema.shape.goals.element.shape;
const intervention = ZPlanSchema.shape.interventions.unwrap().element.shape;
const GOAL_STATUSES = codesOf(goal.status);
const MAX_GOALS = 20;
const MAX_INTERVENTIONS = 30;
const newGoal = () => ({ title: '', targetDate: '', status: 'open' });
const newIntervention = () => ({ description: '', responsible: '', frequency: '' });

function toValues(plan: TPlan | null | undefined): PlanValues {
  return {
    goals: plan?.goals.map((g) => ({ title: g.title, targetDate: g.targetDate ?? '', status: g.status })) ?? [
      newGoal(),
    ],
    interventions:
      plan?.interventions.map((i) => ({
        description: i.description,
        responsible: i.responsible ?? '',
        frequency: i.frequency ?? '',
      })) ?? [],
  };
}

const toInput = (v: PlanValues) => ({
  goals: v.goals.map((g) => ({ title: g.title, targetDate: orNull(g.targetDate), status: g.status })),
  interventions: v.interventions.map((i) => ({
    description: i.description,
    responsible: orNull(i.responsible),
    frequency: orNull(i.frequency),
  })),
});
const resolver = contractResolver<PlanValues>(ZPlanSchema, toInput);

export function PlanForm({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { plan } = useCaseMutations(data.id);
  const form = useForm<PlanValues>({ resolver, defaultValues: toValues(data.file?.plan) });
  const goals = useFieldArray({ control: form.control, name: 'goals' });
  const interventions = useFieldArray({ control: form.control, name: 'interventions' });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await plan.mutateAsync(ZPlanSchema.parse(toInput(values)));
      form.reset(values);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="col-xl-10">
      {plan.error && Object.keys(errors).length === 0 ? <ActionProblem error={plan.error} /> : null}
      {data.planStatus === 'approved' && <p className="fw-semibold">{t('cases.plan.editApprovedNote')}</p>}
      <h3 className="h5">{t('cases.plan.goals')}</h3>
      {goals.fields.map((field, index) => (
        <fieldset key={field.id} className="border-bottom mb-3">
          <legend className="h6 fw-semibold text-body mb-4 px-0">
            {t('cases.plan.goalN', { n: index + 1 })}
          </legend>
          <div className="row align-items-end">
            <TextField
              id={`goal-${index}-title`}
              className="col-md-6"
              label={t('cases.plan.goalTitle')}
              required
              maxLength={maxLengthOf(goal.title)}
              error={fieldErrorText(t, errors.goals?.[index]?.title)}
              {...form.register(`goals.${index}.title`)}
            />
            <TextField
              id={`goal-${index}-target`}
              className="col-md-3"
              type="date"
              label={t('cases.plan.targetDate')}
              error={fieldErrorText(t, errors.goals?.[index]?.targetDate)}
              {...form.register(`goals.${index}.targetDate`)}
            />
            <SelectField
              id={`goal-${index}-status`}
              className="col-md-3"
              label={t('cases.plan.goalStatus')}
              options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`enums.goalStatus.${s}`) }))}
              error={fieldErrorText(t, errors.goals?.[index]?.status)}
              {...form.register(`goals.${index}.status`)}
            />
          </div>
          {goals.fields.length > 1 && (
            <button
              type="button"
              className="btn btn-outline-danger btn-xs mb-3"
              onClick={() => goals.remove(index)}
            >
              {t('cases.plan.removeGoal', { n: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm mb-4"
        disabled={goals.fields.length >= MAX_GOALS}
        onClick={() => goals.append(newGoal())}
      >
        {t('cases.plan.addGoal')}
      </button>

      <h3 className="h5">{t('cases.plan.interventions')}</h3>
      {interventions.fields.length === 0 && <p>{t('cases.plan.noInterventions')}</p>}
      {interventions.fields.map((field, index) => (
        <fieldset key={field.id} className="border-bottom mb-3">
          <legend className="h6 fw-semibold text-body mb-4 px-0">
            {t('cases.plan.interventionN', { n: index + 1 })}
          </legend>
          <div className="row">
            <TextField
              id={`intervention-${index}-description`}
              className="col-md-6"
              label={t('cases.plan.description')}
              required
              maxLength={maxLengthOf(intervention.description)}
              error={fieldErrorText(t, errors.interventions?.[index]?.description)}
              {...form.register(`interventions.${index}.description`)}
            />
            <TextField
              id={`intervention-${index}-responsible`}
              className="col-md-3"
              label={t('cases.plan.responsible')}
              maxLength={maxLengthOf(intervention.responsible)}
              error={fieldErrorText(t, errors.interventions?.[index]?.responsible)}
              {...form.register(`interventions.${index}.responsible`)}
            />
            <TextField
              id={`intervention-${index}-frequency`}
              className="col-md-3"
              label={t('cases.plan.frequency')}
              hint={t('cases.plan.frequencyHint')}
              maxLength={maxLengthOf(intervention.frequency)}
              error={fieldErrorText(t, errors.interventions?.[index]?.frequency)}
              {...form.register(`interventions.${index}.frequency`)}
            />
          </div>
          <button
            type="button"
            className="btn btn-outline-danger btn-xs mb-3"
            onClick={() => interventions.remove(index)}
          >
            {t('cases.plan.removeIntervention', { n: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm mb-4"
        disabled={interventions.fields.length >= MAX_INTERVENTIONS}
        onClick={() => interventions.append(newIntervention())}
      >
        {t('cases.plan.addIntervention')}
      </button>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('cases.plan.save')}
        </button>
      </FormActions>
      <SavedNote show={plan.isSuccess && !isDirty} />
    </form>
  );
}
