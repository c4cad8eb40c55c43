import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPublishedTable, TStatistics } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatNumber } from '../../ui/format.js';
import { codeLabel, percentLabel } from './codes.js';

/**
 * One published table, twice: a bar chart with a text label and value on every bar, and the
 * table itself (caption, header cells with scope, totals). A hidden count (null) is written with
 * one neutral word, whatever the reason it is hidden, and has no bar: never 0, blank or "< k".
 */
export function StatTable({
  table,
  statistics,
  headingLevel = 3,
}: {
  table: TPublishedTable;
  statistics: TStatistics;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const title = t(`observatory.tables.${table.key}`, { defaultValue: table.key });
  const id = `table-${table.key}`;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const wide = table.columns.length > 3;

  return (
    <section aria-labelledby={`${id}-heading`} className="mb-5">
      <Heading id={`${id}-heading`} className="h5">
        {title}
      </Heading>
      {/* What the table counts, in words: incidents, or people followed (ADR 0018). */}
      <p className="small mb-2">{t(`observatory.unit.${table.unit}`)}</p>
      {table.kind === 'shares' && <p className="small">{t('observatory.sharesNote')}</p>}
      <div className="row g-4">
        <div className={wide ? 'col-12' : 'col-xl-5'}>
          <StatChart table={table} statistics={statistics} title={title} />
        </div>
        <div className={wide ? 'col-12' : 'col-xl-7'}>
          <Crosstab table={table} statistics={statistics} title={title} />
        </div>
      </div>
    </section>
  );
}

/** A hidden count reads the same wherever it is: a small cell and the one protecting it alike. */
export function Count({ value }: { value: number | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (value !== null) return <>{formatNumber(value, locale)}</>;
  return <span className="suppressed">{t('observatory.hidden')}</span>;
}

function useLabel(statistics: TStatistics) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (dimension: string, code: string) =>
    codeLabel({ t, locale, labels: statistics.labels, dimension, code });
}

interface Bar {
  key: string;
  label: string;
  value: number | null;
  /** What the bar is measured against: the population of a share, else the largest value. */
  of: number | null;
}

function BarList({ bars, showShare }: { bars: Bar[]; showShare: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="bar-list list-unstyled mb-3">
      {bars.map((bar) => {
        const width = bar.value && bar.of ? Math.min(100, (bar.value / bar.of) * 100) : 0;
        return (
          <li key={bar.key} className="bar-row">
            <span className="bar-label">{bar.label}</span>
            <span className="bar-track" aria-hidden="true">
              {/* A hidden value is drawn as hidden (hatched across the track), never as an empty bar. */}
              {bar.value === null ? (
                <span className="bar bar-hidden" />
              ) : (
                width > 0 && <span className="bar" style={{ width: `${width}%` }} />
              )}
            </span>
            <span className="bar-value">
              {bar.value !== null && showShare && bar.of ? (
                t('observatory.chartShare', {
                  value: formatNumber(bar.value, locale),
                  share: percentLabel((bar.value / bar.of) * 100, locale),
                })
              ) : (
                <Count value={bar.value} />
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function StatChart({
  table,
  statistics,
  title,
}: {
  table: TPublishedTable;
  statistics: TStatistics;
  title: string;
}) {
  const { t } = useTranslation();
  const label = useLabel(statistics);
  const single = table.columns.length === 1;
  const largest = (values: (number | null)[]) => Math.max(1, ...values.map((v) => v ?? 0));
  // Zeros add nothing to a chart (the table lists them); hidden values stay, with the neutral word.
  const barsOf = (values: (number | null)[], of: (max: number) => number | null): Bar[] => {
    const max = largest(values);
    return table.rows
      .map((row, r) => ({
        key: row,
        label: label(table.rowDimension, row),
        value: values[r] ?? null,
        of: of(max),
      }))
      .filter((bar) => bar.value !== 0);
  };

  let content: ReactNode;
  if (single) {
    const values = table.cells.map((row) => row[0] ?? null);
    const population = table.columnTotals[0] ?? null;
    const shares = table.kind === 'shares';
    // A share is drawn against its population; a count against the largest count.
    content = <BarList bars={barsOf(values, (max) => (shares ? population : max))} showShare={shares} />;
  } else if (table.rowTotals && table.rowDimension === 'month') {
    // A time series reads best as one bar per month.
    const values = table.rowTotals;
    content = (
      <>
        <p className="small fw-semibold mb-2">
          {t('observatory.chartTotals', { dimension: t('observatory.dimensions.month').toLowerCase() })}
        </p>
        <BarList bars={barsOf(values, (max) => max)} showShare={false} />
      </>
    );
  } else {
    // One group of bars per column with incidents, on one scale so groups compare.
    const max = largest(table.cells.flat());
    content = table.columns.map((column, c) => {
      const population = table.columnTotals[c] ?? null;
      if (population === 0) return null;
      const values = table.cells.map((row) => row[c] ?? null);
      const bars = barsOf(values, () => (table.kind === 'shares' ? population : max));
      if (bars.length === 0) return null;
      return (
        <div key={column}>
          <p className="small fw-semibold mb-2">
            {t(`observatory.dimensions.${table.columnDimension}`)}: {label(table.columnDimension, column)}
          </p>
          <BarList bars={bars} showShare={table.kind === 'shares'} />
        </div>
      );
    });
  }

  return (
    <figure className="stat-chart mb-0">
      <figcaption className="visually-hidden">{t('observatory.chartOf', { title })}</figcaption>
      {content}
    </figure>
  );
}

function Crosstab({
  table,
  statistics,
  title,
}: {
  table: TPublishedTable;
  statistics: TStatistics;
  title: string;
}) {
  const { t } = useTranslation();
  const label = useLabel(statistics);
  const single = table.columns.length === 1;
  // A one-column table's row totals repeat its cells; only a real crosstab gets a total column.
  const rowTotals = !single && table.rowTotals ? table.rowTotals : null;

  return (
    <DataTable
      className="table-sm stat-table"
      caption={t('observatory.caption', {
        title,
        year: statistics.year,
        unit: t(`observatory.unitShort.${table.unit}`),
      })}
    >
      <thead>
        <tr>
          <th scope="col">{t(`observatory.dimensions.${table.rowDimension}`, { defaultValue: '' })}</th>
          {table.columns.map((column) => (
            <th scope="col" key={column} className="text-end">
              {label(table.columnDimension, column)}
            </th>
          ))}
          {rowTotals && (
            <th scope="col" className="text-end">
              {t('observatory.total')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={row}>
            <th scope="row" className="fw-normal">
              {label(table.rowDimension, row)}
            </th>
            {table.columns.map((column, c) => (
              <td key={column} className="text-end">
                <Count value={table.cells[r]?.[c] ?? null} />
              </td>
            ))}
            {rowTotals && (
              <td className="text-end fw-semibold">
                <Count value={rowTotals[r] ?? null} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">
            {table.kind === 'shares' ? t('observatory.population') : t('observatory.total')}
          </th>
          {table.columns.map((column, c) => (
            <td key={column} className="text-end fw-semibold">
              <Count value={table.columnTotals[c] ?? null} />
            </td>
          ))}
          {rowTotals && (
            <td className="text-end fw-semibold">
              <Count value={table.total} />
            </td>
          )}
        </tr>
      </tfoot>
    </DataTable>
  );
}
