import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TImpactDashboard, TImpactRow } from '../../../contracts/impact.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime, formatNumber } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useImpactDashboard } from './impact-api.js';
import {
  barWidth,
  formatImpactValue,
  formatLongDay,
  groupByKind,
  percentOf,
  workPackageName,
} from './impact-format.js';

/**
 * The project's impact (issue 25, part one): every indicator's value computed now by its module,
 * the project's targets with their progress, their projection at the project's end and their
 * status (late first), then the outcomes and the context. Numbers only, never typed in.
 */
export function ImpactPage() {
  const { t } = useTranslation();
  const dashboard = useImpactDashboard();
  return (
    <>
      <PageHeading title={t('impact.title')}>
        <p className="mb-0">
          <Link to="/impact/periodi">{t('impact.periodsLink')}</Link>
        </p>
      </PageHeading>
      <AsyncContent query={dashboard}>{(data) => <Dashboard data={data} />}</AsyncContent>
    </>
  );
}

function Dashboard({ data }: { data: TImpactDashboard }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const groups = groupByKind(data.rows);
  return (
    <>
      <p>
        {t('impact.intro', {
          from: formatLongDay(data.period.from, locale),
          elapsed: formatNumber(percentOf(data.elapsed), locale),
          end: formatLongDay(data.projectEnd, locale),
        })}
      </p>
      <p className="small mb-4">{t('impact.computedAt', { at: formatDateTime(data.computedAt, locale) })}</p>

      <section aria-labelledby="impact-targets" className="mb-5">
        <h2 id="impact-targets" className="h4">
          {t('impact.targets')}
        </h2>
        <p className="small">{t('impact.targetsNote')}</p>
        {groups.target.length === 0 ? <p>{t('impact.empty')}</p> : <TargetsTable rows={groups.target} />}
      </section>

      <ValuesSection
        id="impact-outcomes"
        title={t('impact.outcomes')}
        caption={t('impact.outcomesCaption')}
        rows={groups.outcome}
      />
      <ValuesSection
        id="impact-context"
        title={t('impact.context')}
        caption={t('impact.contextCaption')}
        rows={groups.context}
      />
    </>
  );
}

function TargetsTable({ rows }: { rows: readonly TImpactRow[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable caption={t('impact.targetsCaption')} captionClassName="visually-hidden">
      <thead>
        <tr>
          <th scope="col">{t('impact.columns.indicator')}</th>
          <th scope="col">{t('impact.columns.workPackage')}</th>
          <th scope="col">{t('impact.columns.value')}</th>
          <th scope="col">{t('impact.columns.target')}</th>
          <th scope="col">{t('impact.columns.progress')}</th>
          <th scope="col">{t('impact.columns.projected')}</th>
          <th scope="col">{t('impact.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <IndicatorCell row={row} />
            <td>{workPackageName(row.workPackage, locale)}</td>
            <td>
              <ValueText row={row} />
            </td>
            <td>
              <Amount value={row.target} unit={row.unit} />
            </td>
            <td>{row.progress === null ? <NoData /> : <Progress share={row.progress} />}</td>
            <td>
              <Amount value={row.projected} unit={row.unit} />
            </td>
            <td className={row.status === 'late' ? 'fw-semibold' : undefined}>
              {t(`impact.statuses.${row.status}`)}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function ValuesSection({
  id,
  title,
  caption,
  rows,
}: {
  id: string;
  title: string;
  caption: string;
  rows: readonly TImpactRow[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby={id} className="mb-5">
      <h2 id={id} className="h4">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p>{t('impact.empty')}</p>
      ) : (
        <DataTable caption={caption} captionClassName="visually-hidden">
          <thead>
            <tr>
              <th scope="col">{t('impact.columns.indicator')}</th>
              <th scope="col">{t('impact.columns.workPackage')}</th>
              <th scope="col">{t('impact.columns.value')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <IndicatorCell row={row} />
                <td>{workPackageName(row.workPackage, locale)}</td>
                <td>
                  <ValueText row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

/** The indicator's name in the interface's language, with the project's words for its target (Italian). */
function IndicatorCell({ row }: { row: TImpactRow }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <th scope="row">
      {row.label[locale]}
      {row.targetSource && (
        <span className="d-block small text-muted fw-normal mt-1">
          {t('impact.source')} <span lang={locale === 'it' ? undefined : 'it'}>{row.targetSource}</span>
        </span>
      )}
    </th>
  );
}

/** The value so far: not available (the module's function failed, with why) is never shown as zero. */
function ValueText({ row }: { row: TImpactRow }) {
  const { t } = useTranslation();
  if (row.value === null && row.error !== null) {
    return (
      <>
        {t('impact.notAvailable')}
        <span className="d-block small text-muted mt-1">{t('impact.error', { error: row.error })}</span>
      </>
    );
  }
  return <Amount value={row.value} unit={row.unit} />;
}

function Amount({ value, unit }: { value: number | null; unit: TImpactRow['unit'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (value === null) return <NoData />;
  return <span className="text-nowrap">{formatImpactValue(value, unit, locale, t)}</span>;
}

/** A dash for the eye, words for screen readers. */
function NoData() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('impact.noData')}</span>
    </>
  );
}

/** The share of the target reached: the percentage in words, the bar beside it only for the eye. */
function Progress({ share }: { share: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="d-flex align-items-center gap-2">
      <div className="progress flex-grow-1" style={{ minWidth: '4rem', maxWidth: '8rem' }} aria-hidden="true">
        <div className="progress-bar" style={{ width: `${barWidth(share)}%` }} />
      </div>
      <span className="text-nowrap">
        {t('impact.percent', { n: formatNumber(percentOf(share), locale) })}
      </span>
    </div>
  );
}
