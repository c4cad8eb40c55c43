import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HIDDEN_COUNT } from '../../../contracts/common.js';
import { type TCommunityDashboard, ZDashboardQuerySchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { TextField } from '../../ui/fields.js';
import { formatDay, formatNumber } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { formatEuroCents, useCommunityWords } from '../community/community-words.js';
import { useCommunityDashboard } from './community-events-api.js';
import { type TParticipantList, useParticipantWords } from './participant-words.js';

type Reach = TCommunityDashboard['workshops'];
type Row = { key: string; label: string; value: number | null };

/**
 * WP3 at a glance, for the coordinators: residents reached against the targets (each person once;
 * head counts added and said to be not de-duplicated), professionals apart, who was reached by
 * group (a hidden value shows the one neutral mark), the registry, meetings and needs.
 */
export function CommunityDashboardPage({ from, to }: { from?: string | undefined; to?: string | undefined }) {
  const { t } = useTranslation();
  const dashboard = useCommunityDashboard(from, to);
  return (
    <>
      <PageHeading title={t('communityEvents.dashboard.title')}>
        <p className="mb-2">{t('communityEvents.dashboard.intro')}</p>
        <Link to="/community/events">{t('communityEvents.backToList')}</Link>
      </PageHeading>
      <PeriodForm from={from} to={to} />
      <AsyncContent query={dashboard}>{(data) => <Dashboard data={data} />}</AsyncContent>
    </>
  );
}

function PeriodForm({ from, to }: { from?: string | undefined; to?: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState({ from: from ?? '', to: to ?? '' });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZDashboardQuerySchema.safeParse({
      from: values.from || undefined,
      to: values.to || undefined,
    });
    void navigate({ to: '/community/dashboard', search: parsed.success ? parsed.data : {} });
  };
  return (
    <form
      onSubmit={apply}
      className="d-flex flex-wrap align-items-end gap-3"
      aria-label={t('communityEvents.dashboard.period')}
    >
      <TextField
        id="dashboard-from"
        type="date"
        label={t('communityEvents.dashboard.from')}
        value={values.from}
        onChange={(e) => setValues({ ...values, from: e.target.value })}
      />
      <TextField
        id="dashboard-to"
        type="date"
        label={t('communityEvents.dashboard.to')}
        value={values.to}
        onChange={(e) => setValues({ ...values, to: e.target.value })}
      />
      <button type="submit" className="btn btn-outline-primary mb-4">
        {t('communityEvents.dashboard.apply')}
      </button>
    </form>
  );
}

function Dashboard({ data }: { data: TCommunityDashboard }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const participant = useParticipantWords();
  const n = (value: number) => formatNumber(value, locale);
  const cells = (list: TParticipantList, rows: TCommunityDashboard['byGender']): Row[] =>
    rows.map((row) => ({ key: row.key, label: participant.word(list, row.key), value: row.value }));
  return (
    <>
      <p className="mb-4">
        {t('communityEvents.dashboard.periodShown', {
          from: formatDay(data.from, locale),
          to: formatDay(data.to, locale),
        })}
      </p>
      <section aria-labelledby="dashboard-targets" className="mb-4">
        <h2 id="dashboard-targets" className="h4">
          {t('communityEvents.dashboard.targets')}
        </h2>
        <ReachBar id="workshops" label={t('communityEvents.dashboard.workshops')} reach={data.workshops} />
        <ReachBar id="labs" label={t('communityEvents.dashboard.labs')} reach={data.labs} />
        <p className="small">{t('communityEvents.dashboard.countingRule')}</p>
      </section>
      <section aria-labelledby="dashboard-totals" className="mb-4">
        <h2 id="dashboard-totals" className="h4">
          {t('communityEvents.dashboard.totals')}
        </h2>
        <ul>
          <li>
            {t('communityEvents.dashboard.meetingsHeld', {
              count: data.meetingsHeld,
              n: n(data.meetingsHeld),
            })}
          </li>
          <li>
            {t('communityEvents.dashboard.sessionsHeld', {
              count: data.sessionsHeld,
              n: n(data.sessionsHeld),
            })}
          </li>
          <li>
            {t('communityEvents.dashboard.opinionLeaders', {
              count: data.opinionLeadersEngaged,
              n: n(data.opinionLeadersEngaged),
            })}
          </li>
          <li>
            {t('communityEvents.dashboard.resources', {
              value: formatEuroCents(data.resourcesValueCents, locale),
            })}
          </li>
        </ul>
      </section>
      <p className="small">{t('communityEvents.dashboard.hiddenNote', { mark: HIDDEN_COUNT[locale] })}</p>
      <CountTable
        id="by-gender"
        title={t('communityEvents.dashboard.byGender')}
        rows={cells('gender', data.byGender)}
      />
      <CountTable
        id="by-age"
        title={t('communityEvents.dashboard.byAgeBand')}
        rows={cells('ageBand', data.byAgeBand)}
      />
      <CountTable
        id="by-citizenship"
        title={t('communityEvents.dashboard.byCitizenshipGroup')}
        rows={cells('citizenshipGroup', data.byCitizenshipGroup)}
      />
      <CountTable
        id="holders-by-municipality"
        title={t('communityEvents.dashboard.holdersByMunicipality')}
        group={t('communityEvents.dashboard.municipality')}
        people={t('communityEvents.dashboard.holders')}
        rows={data.holdersByMunicipality.map((r) => ({ key: r.municipality, label: r.name, value: r.count }))}
      />
      <CountTable
        id="holders-by-kind"
        title={t('communityEvents.dashboard.holdersByKind')}
        group={t('communityEvents.dashboard.kind')}
        people={t('communityEvents.dashboard.holders')}
        rows={data.holdersByKind.map((r) => ({
          key: r.kind,
          label: words.holderKind(r.kind),
          value: r.count,
        }))}
      />
      <CountTable
        id="needs"
        title={t('communityEvents.dashboard.needs')}
        group={t('communityEvents.dashboard.topic')}
        people={t('communityEvents.dashboard.times')}
        rows={data.needsMostExpressed.map((r) => ({
          key: r.topic,
          label: words.needTopic(r.topic),
          value: r.count,
        }))}
      />
    </>
  );
}

/** Residents reached against a target, as a bar with its numbers in words beside it. */
function ReachBar({ id, label, reach }: { id: string; label: string; reach: Reach }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const percent = reach.target > 0 ? Math.min(100, Math.round((reach.residents / reach.target) * 100)) : 0;
  const text = t('communityEvents.dashboard.reached', {
    label,
    residents: n(reach.residents),
    target: n(reach.target),
  });
  return (
    <div className="mb-3" id={`reach-${id}`}>
      <p className="mb-1 fw-semibold">{text}</p>
      <div
        className="progress mb-1"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={reach.target}
        aria-valuenow={Math.min(reach.residents, reach.target)}
        aria-valuetext={text}
      >
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="small mb-0">
        {t('communityEvents.dashboard.headCounted', { count: reach.headCounted, n: n(reach.headCounted) })}
        {' · '}
        {t('communityEvents.dashboard.professionals', {
          count: reach.professionals,
          n: n(reach.professionals),
        })}
      </p>
    </div>
  );
}

function CountTable({
  id,
  title,
  rows,
  group,
  people,
}: {
  id: string;
  title: string;
  rows: Row[];
  group?: string;
  people?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby={id} className="mb-4">
      <h2 id={id} className="h4">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p>{t('communityEvents.dashboard.noRows')}</p>
      ) : (
        <DataTable caption={title} captionClassName="visually-hidden">
          <thead>
            <tr>
              <th scope="col">{group ?? t('communityEvents.dashboard.group')}</th>
              <th scope="col">{people ?? t('communityEvents.dashboard.residents')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.value === null ? HIDDEN_COUNT[locale] : formatNumber(row.value, locale)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
