import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_MONTHS } from '../../../contracts/autonomy-codes.js';
import { HIDDEN_COUNT, type TLocale } from '../../../contracts/common.js';
import {
  DASHBOARD_OUTCOME_KEYS,
  type TAutonomyDashboard,
  ZAutonomyDashboardQuerySchema,
} from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { TextField } from '../../ui/fields.js';
import { formatDay, formatNumber } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useAutonomyDashboard } from './autonomy-dashboard-api.js';

const LOCALE_TAG: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };

/** Euro cents as the accounts office reads them: `€ 1.234,56` (`€ 1,234.56` in English). */
function formatEuroCents(cents: number, locale: TLocale) {
  const value = new Intl.NumberFormat(LOCALE_TAG[locale], {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: 'always',
  }).format(cents / 100);
  return `€ ${value}`;
}

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
  const [values, setValues] = useState({ from: from ?? '', to: to ?? '' });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZAutonomyDashboardQuerySchema.safeParse({
      from: values.from || undefined,
      to: values.to || undefined,
    });
    void navigate({ to: '/autonomy/dashboard', search: parsed.success ? parsed.data : {} });
  };
  return (
    <form
      onSubmit={apply}
      className="d-flex flex-wrap align-items-end gap-3"
      aria-label={t('autonomyDashboard.period')}
    >
      <TextField
        id="autonomy-dashboard-from"
        type="date"
        label={t('autonomyDashboard.from')}
        value={values.from}
        onChange={(e) => setValues({ ...values, from: e.target.value })}
      />
      <TextField
        id="autonomy-dashboard-to"
        type="date"
        label={t('autonomyDashboard.to')}
        value={values.to}
        onChange={(e) => setValues({ ...values, to: e.target.value })}
      />
      <button type="submit" className="btn btn-outline-primary mb-4">
        {t('autonomyDashboard.apply')}
      </button>
    </form>
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
        <ProgressBar
          id="job-orientation"
          label={t('autonomyDashboard.jobOrientation')}
          text={t('autonomyDashboard.ofTarget', {
            label: t('autonomyDashboard.jobOrientation'),
            value: n(data.jobOrientation.value),
            target: n(data.jobOrientation.target),
            unit: t('autonomyDashboard.adults'),
          })}
          value={data.jobOrientation.value}
          max={data.jobOrientation.target}
        />
        <ProgressBar
          id="placed"
          label={t('autonomyDashboard.placed')}
          text={t('autonomyDashboard.ofTarget', {
            label: t('autonomyDashboard.placed'),
            value: n(data.placedInSocialEnterprises.value),
            target: n(data.placedInSocialEnterprises.target),
            unit: t('autonomyDashboard.adults'),
          })}
          value={data.placedInSocialEnterprises.value}
          max={data.placedInSocialEnterprises.target}
        />
        <ProgressBar
          id="families"
          label={t('autonomyDashboard.families')}
          text={t('autonomyDashboard.ofTarget', {
            label: t('autonomyDashboard.families'),
            value: n(data.familiesHosted.value),
            target: n(data.familiesHosted.target),
            unit: t('autonomyDashboard.familiesUnit'),
          })}
          value={data.familiesHosted.value}
          max={data.familiesHosted.target}
        />
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
          <ProgressBar
            id="rent"
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

/** A number against its target, as a bar with the numbers in words above it (what screen readers read too). */
function ProgressBar({
  id,
  label,
  text,
  value,
  max,
}: {
  id: string;
  label: string;
  text: string;
  value: number;
  max: number;
}) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="mb-3" id={`autonomy-progress-${id}`}>
      <p className="mb-1 fw-semibold">{text}</p>
      <div
        className="progress mb-1"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={text}
      >
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
