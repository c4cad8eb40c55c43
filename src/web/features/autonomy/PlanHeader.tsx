import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TPlan } from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { usePlanUpdate, useTutors } from './autonomy-api.js';
import {
  type PlanUpdateValues,
  planUpdateResolver,
  planUpdateToInput,
  planUpdateToValues,
} from './autonomy-forms.js';
import { PlanSection, planWritable } from './PlanSection.js';

/** Who the plan is for, its tutor and service, status, dates and where it comes from; the tutor and review changed. */
export function PlanHeader({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');

  return (
    <PlanSection
      id="plan-summary"
      title={t('autonomy.plan.summary')}
      action={planWritable(plan) && !editing && t('autonomy.plan.edit')}
      outline
      onAction={() => {
        setNotice('');
        setEditing(true);
      }}
      notice={notice}
    >
      <Facts>
        <Fact label={t('autonomy.fields.person')}>{plan.person.name}</Fact>
        <Fact label={t('autonomy.fields.household')}>
          <span className="font-monospace">{plan.household.code}</span>
        </Fact>
        <Fact label={t('autonomy.fields.code')}>
          <span className="font-monospace">{plan.code}</span>
        </Fact>
        <Fact label={t('autonomy.fields.tutor')}>{plan.tutor.name}</Fact>
        <Fact label={t('autonomy.fields.service')}>{plan.service.name}</Fact>
        <Fact label={t('autonomy.fields.status')}>
          {t(`autonomy.planStatus.${plan.status}`)}
          {plan.exit && (
            <span className="d-block">
              {t('autonomy.plan.exitLine', {
                reason: t(`autonomy.exitReason.${plan.exit.reason}`),
                date: formatDay(plan.exit.exitOn, locale),
              })}
            </span>
          )}
          {plan.exit?.note && <span className="d-block small">{plan.exit.note}</span>}
        </Fact>
        <Fact label={t('autonomy.fields.startedOn')}>{formatDay(plan.startedOn, locale)}</Fact>
        <Fact label={t('autonomy.fields.nextReviewOn')}>
          {plan.nextReviewOn ? formatDay(plan.nextReviewOn, locale) : t('autonomy.plan.noReview')}
        </Fact>
        <Fact label={t('autonomy.fields.origin')}>
          {t(`autonomy.origin.${plan.origin}`)}
          {plan.originCase && (
            <>
              {' '}
              <Link
                to="/cases/$caseId"
                params={{ caseId: plan.originCase.id }}
                className="font-monospace"
                aria-label={t('autonomy.plan.originCaseNamed', { code: plan.originCase.code })}
              >
                {plan.originCase.code}
              </Link>
            </>
          )}
        </Fact>
      </Facts>
      {editing && (
        <EditorCard id="plan-edit" title={t('autonomy.plan.edit')}>
          <PlanEditForm
            plan={plan}
            onDone={(saved) => {
              setEditing(false);
              setNotice(saved ? t('autonomy.plan.saved') : '');
            }}
          />
        </EditorCard>
      )}
    </PlanSection>
  );
}

function PlanEditForm({ plan, onDone }: { plan: TPlan; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tutors = useTutors();
  const update = usePlanUpdate(plan.id);
  const form = useForm<PlanUpdateValues>({
    resolver: planUpdateResolver,
    defaultValues: planUpdateToValues(plan),
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(planUpdateToInput(values));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  // The current tutor stays a choice even when outside the list (a colleague of another organisation).
  const options = tutors.data?.items ?? [];
  const withCurrent = options.some((o) => o.id === plan.tutor.id)
    ? options
    : [{ id: plan.tutor.id, name: plan.tutor.name, service: '' }, ...options];

  return (
    <form onSubmit={submit} noValidate>
      {update.error && Object.keys(errors).length === 0 ? <ActionProblem error={update.error} /> : null}
      <SelectField
        id="plan-edit-tutor"
        label={t('autonomy.create.tutorUserId')}
        hint={t('autonomy.plan.tutorChangeHint')}
        required
        options={withCurrent.map((u) => ({
          value: u.id,
          label: u.service ? t('autonomy.create.tutorOption', { name: u.name, service: u.service }) : u.name,
        }))}
        error={fieldErrorText(t, errors.tutorUserId)}
        {...form.register('tutorUserId')}
      />
      <TextField
        id="plan-edit-review"
        type="date"
        label={t('autonomy.fields.nextReviewOn')}
        hint={t('autonomy.create.nextReviewHint')}
        error={fieldErrorText(t, errors.nextReviewOn)}
        {...form.register('nextReviewOn')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
