import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useCaseMutations } from './cases-api.js';
import { PlanForm } from './PlanForm.js';
import { StatusBadge } from './StatusBadge.js';

/**
 * The care plan: goals and interventions. The team writes it and submits it; a supervisor
 * approves it, and it is reviewed (approved again) at least every PLAN_REVIEW_DAYS.
 */
export function PlanSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { submitPlan, approvePlan } = useCaseMutations(data.id);
  const plan = data.file?.plan ?? null;
  const problem = submitPlan.error ?? approvePlan.error;

  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading" className="h4">
        {t('cases.tabs.plan')}
      </h2>
      <Facts>
        <Fact label={t('cases.fields.planStatus')}>
          <StatusBadge kind="planStatus" value={data.planStatus} />
        </Fact>
        <Fact label={t('cases.plan.approvedAt')}>{formatDateTime(data.planApprovedAt, locale)}</Fact>
        <Fact label={t('cases.fields.planReviewDue')}>{formatDateTime(data.planReviewDue, locale)}</Fact>
      </Facts>
      {problem ? <ActionProblem error={problem} /> : null}
      {(submitPlan.isSuccess || approvePlan.isSuccess) && (
        <div className="alert alert-success" role="status">
          {approvePlan.isSuccess ? t('cases.plan.approved') : t('cases.plan.submitted')}
        </div>
      )}
      <div className="d-flex flex-wrap gap-2 mb-4">
        {data.can.edit && data.planStatus === 'draft' && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={submitPlan.isPending}
            onClick={() => submitPlan.mutate(undefined)}
          >
            {t('cases.plan.submit')}
          </button>
        )}
        {data.can.supervise && data.planStatus === 'submitted' && (
          <button
            type="button"
            className="btn btn-success btn-sm"
            disabled={approvePlan.isPending}
            onClick={() => approvePlan.mutate(undefined)}
          >
            {t('cases.plan.approve')}
          </button>
        )}
      </div>
      {data.can.edit ? (
        <PlanForm key={data.planApprovedAt ?? 'none'} data={data} />
      ) : plan ? (
        <PlanView plan={plan} />
      ) : (
        <p>{t('cases.plan.empty')}</p>
      )}
    </section>
  );
}

function PlanView({ plan }: { plan: NonNullable<NonNullable<TCase['file']>['plan']> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <DataTable className="table-sm" caption={t('cases.plan.goalsCaption', { count: plan.goals.length })}>
        <thead>
          <tr>
            <th scope="col">{t('cases.plan.goalTitle')}</th>
            <th scope="col">{t('cases.plan.targetDate')}</th>
            <th scope="col">{t('cases.plan.goalStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.goals.map((goal) => (
            <tr key={goal.title}>
              <th scope="row">{goal.title}</th>
              <td>{formatDay(goal.targetDate, locale)}</td>
              <td>{t(`enums.goalStatus.${goal.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {plan.interventions.length === 0 ? (
        <p>{t('cases.plan.noInterventions')}</p>
      ) : (
        <DataTable
          className="table-sm"
          caption={t('cases.plan.interventionsCaption', { count: plan.interventions.length })}
        >
          <thead>
            <tr>
              <th scope="col">{t('cases.plan.description')}</th>
              <th scope="col">{t('cases.plan.responsible')}</th>
              <th scope="col">{t('cases.plan.frequency')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.interventions.map((intervention) => (
              <tr key={intervention.description}>
                <th scope="row">{intervention.description}</th>
                <td>{intervention.responsible ?? '—'}</td>
                <td>{intervention.frequency ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
