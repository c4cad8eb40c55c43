import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_MONTHS } from '../../../contracts/autonomy-codes.js';
import { HIDDEN_COUNT } from '../../../contracts/common.js';
import {
  DASHBOARD_OUTCOME_KEYS,
  type TAutonomyDashboard,
  ZAutonomyDashboardQuerySchema,
} from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DashboardPeriodForm, TargetBar } from '../../ui/DashboardParts.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDay, formatNumber } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { formatEuroCents } from '../community/community-words.js';
import { useAutonomyDashboard } from './autonomy-dashboard-api.js';

type Counted = TAutonomyDashboard['familiesHosted'];

/**
 * WP5 at a glance, for the steering committee and the finance officers: progress towards the
 * project's targets as it is (bars with their numbers in words), enterprises, jobs, rent support
 * against the budget; placements by kind and by outcome, and exits to autonomy, where a number too
 * small to publish shows the one neutral mark.
 */
export function AutonomyDashboardPage({ from, to }: { from?: string | undefined; to?: string | undefined }) {
  const { t } = useTranslation();
  const dashboard = useAutonomyDashboard(from, to);
  return (
    <>
      <PageHeading title={t('autonomyDashboard.title')}>
        <p className="mb-0">{t('autonomyDashboard.intro')}</p>
      </PageHeading>
      <PeriodForm from={from} to={to} />
      <AsyncContent query={dashboard}>{(data) => <Dashboard data={data} />}</AsyncContent>
    </>
  );
}

function PeriodForm({ from, to }: { from?: string | undefined; to?: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <DashboardPeriodForm
      idPrefix="autonomy-dashboard"
      from={from}
      to={to}
      texts={{
        period: t('autonomyDashboard.period'),
        from: t('autonomyDashboard.from'),
        to: t('autonomyDashboard.to'),
        apply: t('autonomyDashboard.apply'),
      }}
      onApply={(period) => {
        const parsed = ZAutonomyDashboardQuerySchema.safeParse(period);
        void navigate({ to: '/autonomy/dashboard', search: parsed.success ? parsed.data : {} });
      }}
    />
  );
}

function Dashboard({ data }: { data: TAutonomyDashboard }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const hidden = HIDDEN_COUNT[locale];
  const outcome = (months: number, key: string) =>
    data.placementsByOutcome.find((c) => c.months === months && c.key === key)?.value ?? null;
  const shown = (value: number | null) => (value === null ? hidden : n(value));
  return (
    <>
      <p className="mb-4">
        {t('autonomyDashboard.periodShown', {
          from: formatDay(data.from, locale),
          to: formatDay(data.to, locale),
        })}
      </p>
      <section aria-labelledby="autonomy-targets" className="mb-4">
        <h2 id="autonomy-targets" className="h4">
          {t('autonomyDashboard.targets')}
        </h2>
        <Target id="job-orientation" label="jobOrientation" counted={data.jobOrientation} unit="adults" />
        <Target id="placed" label="placed" counted={data.placedInSocialEnterprises} unit="adults" />
        <Target id="families" label="families" counted={data.familiesHosted} unit="familiesUnit" />
        <p className="small">{t('autonomyDashboard.countingRule')}</p>
      </section>
      <section aria-labelledby="autonomy-totals" className="mb-4">
        <h2 id="autonomy-totals" className="h4">
          {t('autonomyDashboard.totals')}
        </h2>
        <ul>
          <li>
            {t('autonomyDashboard.enterprises', {
              count: data.enterprisesSupported,
              n: n(data.enterprisesSupported),
            })}
          </li>
          <li>{t('autonomyDashboard.jobsCreated', { count: data.jobsCreated, n: n(data.jobsCreated) })}</li>
          <li>
            {data.exitsToAutonomy === null
              ? t('autonomyDashboard.exitsHidden', { mark: hidden })
              : t('autonomyDashboard.exits', { count: data.exitsToAutonomy, n: n(data.exitsToAutonomy) })}
          </li>
        </ul>
        {data.rentBudgetCents > 0 ? (
          <TargetBar
            id="autonomy-progress-rent"
            label={t('autonomyDashboard.rent')}
            text={t('autonomyDashboard.rentOfBudget', {
              spent: formatEuroCents(data.rentSpentCents, locale),
              budget: formatEuroCents(data.rentBudgetCents, locale),
            })}
            value={Math.max(data.rentSpentCents, 0)}
            max={data.rentBudgetCents}
          />
        ) : (
          <p>{t('autonomyDashboard.noBudget', { spent: formatEuroCents(data.rentSpentCents, locale) })}</p>
        )}
      </section>
      <p className="small">{t('autonomyDashboard.hiddenNote', { mark: hidden })}</p>
      <section aria-labelledby="autonomy-by-kind" className="mb-4">
        <h2 id="autonomy-by-kind" className="h4">
          {t('autonomyDashboard.byKind')}
        </h2>
        <DataTable caption={t('autonomyDashboard.byKind')} captionClassName="visually-hidden">
          <thead>
            <tr>
              <th scope="col">{t('autonomyDashboard.kind')}</th>
              <th scope="col">{t('autonomyDashboard.placements')}</th>
            </tr>
          </thead>
          <tbody>
            {data.placementsByKind.map((row) => (
              <tr key={row.key}>
                <th scope="row">{t(`autonomyDashboard.kinds.${row.key}`)}</th>
                <td>{shown(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
      <section aria-labelledby="autonomy-by-outcome" className="mb-4">
        <h2 id="autonomy-by-outcome" className="h4">
          {t('autonomyDashboard.byOutcome')}
        </h2>
        <DataTable caption={t('autonomyDashboard.byOutcome')} captionClassName="visually-hidden">
          <thead>
            <tr>
              <th scope="col">{t('autonomyDashboard.outcome')}</th>
              {FOLLOW_UP_MONTHS.map((months) => (
                <th scope="col" key={months}>
                  {t('autonomyDashboard.atMonths', { months })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DASHBOARD_OUTCOME_KEYS.map((key) => (
              <tr key={key}>
                <th scope="row">{t(`autonomyDashboard.outcomes.${key}`)}</th>
                {FOLLOW_UP_MONTHS.map((months) => (
                  <td key={months}>{shown(outcome(months, key))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
    </>
  );
}

/** A count of the project's against its target (`autonomyDashboard.<label>`, counted in `<unit>`). */
function Target({
  id,
  label,
  counted,
  unit,
}: {
  id: string;
  label: 'jobOrientation' | 'placed' | 'families';
  counted: Counted;
  unit: 'adults' | 'familiesUnit';
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = t(`autonomyDashboard.${label}`);
  return (
    <TargetBar
      id={`autonomy-progress-${id}`}
      label={name}
      text={t('autonomyDashboard.ofTarget', {
        label: name,
        value: formatNumber(counted.value, locale),
        target: formatNumber(counted.target, locale),
        unit: t(`autonomyDashboard.${unit}`),
      })}
      value={counted.value}
      max={counted.target}
    />
  );
}
