import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATISTICS_GROUPS, type TPublishedTable, type TStatistics } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { SelectField } from '../../ui/fields.js';
import { formatNumber } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ExportEntryLink } from '../exports/ExportEntryLink.js';
import { exportUrl, useStatistics } from './observatory-api.js';
import { StatTable } from './StatTable.js';

/** The tables in the dashboard's sections (the contract's order, which the files follow too). */
function grouped(tables: TPublishedTable[]) {
  const placed = new Set<string>(STATISTICS_GROUPS.flatMap((g) => g.tables));
  const byKey = new Map(tables.map((table) => [table.key, table]));
  const groups: { key: string; tables: TPublishedTable[] }[] = STATISTICS_GROUPS.map((group) => ({
    key: group.key,
    tables: group.tables.map((key) => byKey.get(key)).filter((table) => table !== undefined),
  }));
  groups.push({ key: 'other', tables: tables.filter((table) => !placed.has(table.key)) });
  return groups.filter((group) => group.tables.length > 0);
}

export function ObservatoryPage({
  year,
  onYearChange,
}: {
  year: number | undefined;
  onYearChange: (year: number) => void;
}) {
  const { t } = useTranslation();
  const statistics = useStatistics(year);

  return (
    <>
      <PageHeading title={t('observatory.title')}>
        <p className="mb-0">{t('observatory.intro')}</p>
      </PageHeading>
      <AsyncContent query={statistics}>
        {(data) => <Dashboard key={data.year} statistics={data} onYearChange={onYearChange} />}
      </AsyncContent>
    </>
  );
}

function Dashboard({
  statistics,
  onYearChange,
}: {
  statistics: TStatistics;
  onYearChange: (year: number) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [selected, setSelected] = useState(String(statistics.year));
  const k = statistics.rule.k;
  const year = statistics.year;
  const total = statistics.tables.find((table) => table.unit === 'incidents')?.total ?? null;
  const survivors = statistics.tables.find((table) => table.unit === 'survivors')?.total ?? null;
  const years = statistics.years.includes(statistics.year)
    ? statistics.years
    : [statistics.year, ...statistics.years];

  // The year is applied with a button, so moving through the options does not reload the page.
  function apply(event: FormEvent) {
    event.preventDefault();
    const next = Number(selected);
    if (Number.isInteger(next)) onYearChange(next);
  }

  return (
    <>
      <p className="alert alert-info" id="disclosure-rule">
        {t('observatory.rule', { k })}
      </p>
      <div className="d-flex flex-wrap align-items-end justify-content-between gap-3 mb-4">
        <form onSubmit={apply} className="d-flex flex-wrap align-items-end gap-3">
          <SelectField
            id="observatory-year"
            label={t('observatory.year')}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
            value={selected}
            onChange={(event) => setSelected(event.target.value)}
          />
          <button type="submit" className="btn btn-outline-primary mb-4">
            {t('observatory.show')}
          </button>
        </form>
        <div className="d-flex flex-wrap gap-2 mb-4">
          <a className="btn btn-primary" href={exportUrl({ format: 'csv', year, locale })} download>
            {t('observatory.downloadCsv')}
          </a>
          <a className="btn btn-primary" href={exportUrl({ format: 'xlsx', year, locale })} download>
            {t('observatory.downloadXlsx')}
          </a>
          <Link
            to="/observatory/training"
            search={{ year: statistics.year }}
            className="btn btn-outline-primary"
          >
            {t('observatory.trainingLink')}
          </Link>
          <ExportEntryLink kind="observatory.incidents" year={statistics.year} />
        </div>
      </div>
      <p className="small">
        {t('observatory.downloadNote')} {t('observatory.analysts')}{' '}
        <a href={exportUrl({ format: 'csv', year, layout: 'long', locale })} download>
          {t('observatory.downloadLongCsv')}
        </a>
        ,{' '}
        <a href={exportUrl({ format: 'xlsx', year, layout: 'long', locale })} download>
          {t('observatory.downloadLongXlsx')}
        </a>
        .
      </p>
      <p className="lead" role="status">
        {statistics.underK
          ? t('observatory.underK', { year: statistics.year, k })
          : total === null
            ? t('observatory.summaryHidden', { year: statistics.year })
            : t('observatory.summary', { year: statistics.year, total: formatNumber(total, locale) })}
        {!statistics.underK && total !== null && total > 0 && survivors !== null
          ? ` ${t('observatory.summarySurvivors', { count: survivors, formatted: formatNumber(survivors, locale) })}`
          : null}
      </p>
      {statistics.underK ? null : total === 0 ? (
        <p>{t('observatory.noData')}</p>
      ) : (
        grouped(statistics.tables).map((group) => (
          <section key={group.key} aria-labelledby={`group-${group.key}`} className="mb-4">
            <h2 id={`group-${group.key}`} className="h3 border-bottom pb-2 mb-4">
              {t(`observatory.groups.${group.key}`)}
            </h2>
            {group.tables.map((table) => (
              <StatTable key={table.key} table={table} statistics={statistics} />
            ))}
          </section>
        ))
      )}
    </>
  );
}
