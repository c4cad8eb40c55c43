import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TActivity, TMilestone, TPlan } from '../../../contracts/governance-plan.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { OpenButton, Opener } from './ChangeForm.js';
import { ActivityEdit, MilestoneEdit } from './PlanEditForms.js';
import { PlanForms } from './PlanForms.js';
import { progressReportUrl, usePlan } from './project-plan-api.js';
import { usePlanWords } from './project-plan-words.js';
import { NewRisk, RiskTable } from './RiskSection.js';

const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  return d.toISOString().slice(0, 7);
};

/** The plan by work package: activities, milestones (late ones in words and colour), risks; the monthly PDF. */
export function PlanPage() {
  const { t } = useTranslation();
  const plan = usePlan();
  const [month, setMonth] = useState(lastMonth());
  return (
    <>
      <PageHeading title={t('projectPlan.plan.title')} />
      <section aria-labelledby="plan-report" className="mb-4">
        <h2 id="plan-report" className="h5">
          {t('projectPlan.plan.report')}
        </h2>
        <div className="d-flex flex-wrap gap-3 align-items-end">
          <TextField
            id="plan-month"
            label={t('projectPlan.plan.month')}
            type="month"
            value={month}
            max={lastMonth()}
            onChange={(e) => setMonth(e.target.value)}
          />
          <a className="btn btn-primary mb-3" href={progressReportUrl(month)} download>
            {t('projectPlan.plan.download')}
          </a>
        </div>
      </section>
      <AsyncContent query={plan}>{(data) => <PlanBody plan={data} />}</AsyncContent>
    </>
  );
}

function PlanBody({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  return (
    <>
      <p role="status">{t('projectPlan.plan.lateCount', { count: plan.lateMilestones })}</p>
      {plan.canEdit && (
        <>
          <PlanForms plan={plan} />
          <div className="mb-4">
            <NewRisk plan={plan} />
          </div>
        </>
      )}
      {plan.workPackages.map((wp) => (
        <section key={wp.code} aria-labelledby={`wp-${wp.code}`} className="mb-5">
          <h2 id={`wp-${wp.code}`}>{words.workPackage(wp.code)}</h2>
          <ActivityTable activities={wp.activities} plan={plan} />
          <h3 className="h5 mt-3">{t('projectPlan.plan.milestones')}</h3>
          <MilestoneList milestones={wp.milestones} plan={plan} />
          <RiskTable risks={wp.risks} caption={t('projectPlan.plan.risks')} plan={plan} />
        </section>
      ))}
      <section aria-labelledby="project-risks">
        <h2 id="project-risks">{t('projectPlan.plan.projectRisks')}</h2>
        <RiskTable risks={plan.projectRisks} caption={t('projectPlan.plan.projectRisks')} plan={plan} />
      </section>
    </>
  );
}

/** A work package's activities; a coordinator opens a row's form below it. */
function ActivityTable({ activities, plan }: { activities: TActivity[]; plan: TPlan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = usePlanWords();
  const day = (d: string | null) => formatDay(d, locale);
  // The form opens below the table: a row of its own would stack as a card on a phone.
  const [editing, setEditing] = useState<string | null>(null);
  const editorId = useId();
  const current = activities.find((x) => x.id === editing);
  return (
    <>
      <DataTable caption={t('projectPlan.plan.activities')}>
        <thead>
          <tr>
            <th scope="col">{t('projectPlan.fields.title')}</th>
            <th scope="col">{t('projectPlan.fields.responsible')}</th>
            <th scope="col">{t('projectPlan.fields.dates')}</th>
            <th scope="col">{t('projectPlan.fields.status')}</th>
            <th scope="col">{t('projectPlan.fields.latestUpdate')}</th>
            {plan.canEdit && <th scope="col">{t('projectPlan.forms.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {activities.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.title}</th>
              <td>{a.responsible?.name ?? '—'}</td>
              <td>{`${day(a.startsOn)} – ${day(a.endsOn)}`}</td>
              <td className={a.status === 'delayed' ? 'text-danger fw-bold' : undefined}>
                {words.code('activity', a.status)}
              </td>
              <td>
                {a.latestUpdate
                  ? `${day(a.latestUpdate.updatedOn)}: ${a.latestUpdate.note} (${a.latestUpdate.updatedBy})`
                  : '—'}
              </td>
              {plan.canEdit && (
                <td>
                  <OpenButton
                    label={t('projectPlan.forms.edit')}
                    about={a.title}
                    open={editing === a.id}
                    controls={editorId}
                    onClick={() => setEditing(editing === a.id ? null : a.id)}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div id={editorId}>
        {current ? (
          <ActivityEdit key={current.id} activity={current} plan={plan} close={() => setEditing(null)} />
        ) : null}
      </div>
    </>
  );
}

/** Milestones, late ones in words and colour; a coordinator edits one in place. */
function MilestoneList({ milestones, plan }: { milestones: TMilestone[]; plan: TPlan }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const day = (d: string | null) => formatDay(d, locale);
  if (milestones.length === 0) return <p>{t('projectPlan.plan.none')}</p>;
  return (
    <ul>
      {milestones.map((m) => (
        <li key={m.id} className={m.late ? 'text-danger mb-2' : 'mb-2'}>
          <strong>{m.title}</strong> — {t('projectPlan.plan.due', { date: day(m.dueOn) })}
          {m.reachedOn ? `, ${t('projectPlan.plan.reached', { date: day(m.reachedOn) })}` : ''}
          {m.late && <strong>{` — ${t('projectPlan.plan.late')}`}</strong>}
          {m.responsible ? ` (${m.responsible.name})` : ''}
          {plan.canEdit && (
            <div className="mt-1">
              <Opener id={`ms-open-${m.id}`} label={t('projectPlan.forms.edit')} about={m.title}>
                {(close) => <MilestoneEdit milestone={m} plan={plan} close={close} />}
              </Opener>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
