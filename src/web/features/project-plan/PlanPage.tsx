import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlan } from '../../../contracts/governance-plan.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { PlanForms } from './PlanForms.js';
import { progressReportUrl, usePlan } from './project-plan-api.js';
import { usePlanWords } from './project-plan-words.js';

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
  const locale = useLocale();
  const words = usePlanWords();
  const day = (d: string | null) => formatDay(d, locale);
  return (
    <>
      <p role="status">{t('projectPlan.plan.lateCount', { count: plan.lateMilestones })}</p>
      {plan.canEdit && <PlanForms plan={plan} />}
      {plan.workPackages.map((wp) => (
        <section key={wp.code} aria-labelledby={`wp-${wp.code}`} className="mb-5">
          <h2 id={`wp-${wp.code}`}>{words.workPackage(wp.code)}</h2>
          <DataTable caption={t('projectPlan.plan.activities')}>
            <thead>
              <tr>
                <th scope="col">{t('projectPlan.fields.title')}</th>
                <th scope="col">{t('projectPlan.fields.responsible')}</th>
                <th scope="col">{t('projectPlan.fields.dates')}</th>
                <th scope="col">{t('projectPlan.fields.status')}</th>
                <th scope="col">{t('projectPlan.fields.latestUpdate')}</th>
              </tr>
            </thead>
            <tbody>
              {wp.activities.map((a) => (
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
                </tr>
              ))}
            </tbody>
          </DataTable>
          <h3 className="h5 mt-3">{t('projectPlan.plan.milestones')}</h3>
          {wp.milestones.length === 0 ? (
            <p>{t('projectPlan.plan.none')}</p>
          ) : (
            <ul>
              {wp.milestones.map((m) => (
                <li key={m.id} className={m.late ? 'text-danger' : undefined}>
                  <strong>{m.title}</strong> — {t('projectPlan.plan.due', { date: day(m.dueOn) })}
                  {m.reachedOn ? `, ${t('projectPlan.plan.reached', { date: day(m.reachedOn) })}` : ''}
                  {m.late && <strong>{` — ${t('projectPlan.plan.late')}`}</strong>}
                  {m.responsible ? ` (${m.responsible.name})` : ''}
                </li>
              ))}
            </ul>
          )}
          <RiskTable risks={wp.risks} caption={t('projectPlan.plan.risks')} />
        </section>
      ))}
      <section aria-labelledby="project-risks">
        <h2 id="project-risks">{t('projectPlan.plan.projectRisks')}</h2>
        <RiskTable risks={plan.projectRisks} caption={t('projectPlan.plan.projectRisks')} />
      </section>
    </>
  );
}

function RiskTable({ risks, caption }: { risks: TPlan['projectRisks']; caption: string }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  if (risks.length === 0) return null;
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('projectPlan.fields.title')}</th>
          <th scope="col">{t('projectPlan.fields.kind')}</th>
          <th scope="col">{t('projectPlan.fields.likelihood')}</th>
          <th scope="col">{t('projectPlan.fields.impact')}</th>
          <th scope="col">{t('projectPlan.fields.mitigation')}</th>
          <th scope="col">{t('projectPlan.fields.owner')}</th>
          <th scope="col">{t('projectPlan.fields.status')}</th>
        </tr>
      </thead>
      <tbody>
        {risks.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.title}</th>
            <td>{words.code('riskKind', r.kind)}</td>
            <td>{words.code('level', r.likelihood)}</td>
            <td>{words.code('level', r.impact)}</td>
            <td>{r.mitigation}</td>
            <td>{r.owner?.name ?? '—'}</td>
            <td>{words.code('riskStatus', r.status)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
