import { sql } from 'drizzle-orm';
import {
  AGE_BANDS,
  AUTHOR_RELATIONSHIPS,
  CITIZENSHIP_GROUPS,
  CONTEXTS,
  CORE_TYPES,
  GENDERS,
  INTERPRETER_STATUSES,
  PATHWAY_SERVICES,
  RISK_INDICATORS,
  SERVICES_PROVIDED,
  type TPublishedTable,
  type TStatistics,
  VIOLENCE_FORMS,
  YEARS_IN_ITALY,
} from '../../../contracts/observatory.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import {
  namedCategories,
  protectLinkedTables,
  protectShares,
  sliceUnderK,
  tableRule,
} from '../../platform/disclosure/disclosure.js';

/**
 * The dashboard's tables. Crosstabs partition the counted incidents (cells add up); shares count
 * a multi-valued attribute (one incident can have several forms). Every count read here is raw
 * and leaves only through platform/disclosure (docs/adr/0007).
 */
/**
 * Categories: a fixed code list, or 'data' for districts (every district, fixed by the
 * reference), months (the year's twelve) and the open lists of countries and languages, where
 * a category is listed only when at least k incidents have it and the rest are merged into
 * "other": a listed name never says that one or two people of a community were counted.
 */
type Categories = readonly string[] | 'data';
interface CrosstabSpec {
  key: string;
  rowDimension: string;
  columnDimension: string;
  rows: Categories;
  columns: Categories;
}
interface SharesSpec {
  key: string;
  rowDimension: string;
  /** 'all': shares of every counted incident; otherwise of the crosstab margin of that dimension. */
  columnDimension: 'all' | 'firstContact';
  rows: readonly string[];
}

const ALL = ['all'] as const;
export const OTHER = 'other';
const CROSSTABS: CrosstabSpec[] = [
  {
    key: 'type-by-district',
    rowDimension: 'coreType',
    columnDimension: 'district',
    rows: CORE_TYPES,
    columns: 'data',
  },
  { key: 'trend', rowDimension: 'month', columnDimension: 'coreType', rows: 'data', columns: CORE_TYPES },
  {
    key: 'age-by-gender',
    rowDimension: 'ageBand',
    columnDimension: 'gender',
    rows: AGE_BANDS,
    columns: GENDERS,
  },
  // Countries by citizenship group: the groups are this table's column totals, so a hidden
  // country cannot be recovered by subtracting from a separately published group count.
  {
    key: 'country',
    rowDimension: 'country',
    columnDimension: 'citizenshipGroup',
    rows: 'data',
    columns: CITIZENSHIP_GROUPS,
  },
  {
    key: 'years-in-italy',
    rowDimension: 'yearsInItaly',
    columnDimension: 'all',
    rows: YEARS_IN_ITALY,
    columns: ALL,
  },
  {
    key: 'relationship',
    rowDimension: 'authorRelationship',
    columnDimension: 'all',
    rows: AUTHOR_RELATIONSHIPS,
    columns: ALL,
  },
  {
    key: 'first-contact',
    rowDimension: 'firstContact',
    columnDimension: 'all',
    rows: PATHWAY_SERVICES,
    columns: ALL,
  },
  // Children as one partition: "witnessed" is a subset of "present", and two separate shares
  // would let a reader subtract one from the other.
  {
    key: 'children',
    rowDimension: 'children',
    columnDimension: 'all',
    rows: ['witnessed', 'present_not_witnessed', 'not_present'],
    columns: ALL,
  },
  {
    key: 'interpreter-by-district',
    rowDimension: 'interpreter',
    columnDimension: 'district',
    rows: INTERPRETER_STATUSES,
    columns: 'data',
  },
  {
    key: 'language-by-interpreter',
    rowDimension: 'language',
    columnDimension: 'interpreter',
    rows: 'data',
    columns: INTERPRETER_STATUSES,
  },
];
const SHARES: SharesSpec[] = [
  { key: 'forms', rowDimension: 'form', columnDimension: 'all', rows: VIOLENCE_FORMS },
  // Intimate-partner violence is the sum of three relationship rows and early/forced marriage the
  // forced-marriage margin: published again here they would give away hidden cells of those tables.
  {
    key: 'contexts',
    rowDimension: 'context',
    columnDimension: 'all',
    rows: CONTEXTS.filter((c) => c === 'child_sexual_abuse' || c === 'harmful_traditional_practice'),
  },
  { key: 'stalking', rowDimension: 'stalking', columnDimension: 'all', rows: ['stalking'] },
  { key: 'risk', rowDimension: 'riskIndicator', columnDimension: 'all', rows: RISK_INDICATORS },
  { key: 'provided', rowDimension: 'serviceProvided', columnDimension: 'all', rows: SERVICES_PROVIDED },
  { key: 'flows', rowDimension: 'referredTo', columnDimension: 'firstContact', rows: PATHWAY_SERVICES },
];

type Counts = Map<string, Map<string, Map<string, number>>>;

export async function readCounts({ tx, year }: { tx: Tx; year: number }) {
  const rows = await queryRows<{
    table_key: string;
    row_category: string;
    column_category: string;
    count: number;
  }>(
    tx,
    sql`select table_key, row_category, column_category, count from incident_counts
        where year = ${year} and count > 0`,
  );
  const counts: Counts = new Map();
  for (const row of rows) {
    const table = counts.get(row.table_key) ?? new Map<string, Map<string, number>>();
    counts.set(row.table_key, table);
    const line = table.get(row.row_category) ?? new Map<string, number>();
    table.set(row.row_category, line);
    line.set(row.column_category, Number(row.count));
  }
  return counts;
}

/** Years with at least k counted incidents: a year listed never says "one or two this year". */
export async function countedYears({ tx, k }: { tx: Tx; k: number }) {
  const rows = await queryRows<{ year: number }>(
    tx,
    sql`select year from incident_counts where table_key = 'age-by-gender'
        group by year having sum(count) >= ${k} order by year desc`,
  );
  return rows.map((r) => Number(r.year));
}

function monthsOf(year: number) {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** The categories of an open list to publish (platform/disclosure recodes the rare ones). */
function openListCategories(table: Map<string, Map<string, number>> | undefined, k: number) {
  const totals = new Map(
    [...(table ?? [])].map(([category, line]) => [category, [...line.values()].reduce((a, b) => a + b, 0)]),
  );
  return namedCategories({ totals, k, other: OTHER });
}

/** A table's counts with every category not listed merged into "other". */
function countsFor({
  table,
  rows,
  columns,
}: {
  table: Map<string, Map<string, number>> | undefined;
  rows: string[];
  columns: string[];
}) {
  const rowIndex = new Map(rows.map((row, i) => [row, i]));
  const counts = rows.map(() => columns.map(() => 0));
  for (const [row, line] of table ?? []) {
    const r = rowIndex.get(row) ?? rowIndex.get(OTHER);
    if (r === undefined) continue;
    columns.forEach((column, c) => {
      counts[r]![c]! += line.get(column) ?? 0;
    });
  }
  return counts;
}

/**
 * The published statistics of one calendar year: every table protected with rule k, linked
 * tables protected together so a margin hidden in one is hidden in all (docs/adr/0006, 0007).
 */
export function buildStatistics({
  counts,
  year,
  years,
  k,
  districtIds,
}: {
  counts: Counts;
  year: number;
  years: number[];
  k: number;
  districtIds: string[];
}): Omit<TStatistics, 'labels'> {
  const rule = tableRule(k);
  const population = [...(counts.get('age-by-gender')?.values() ?? [])]
    .flatMap((line) => [...line.values()])
    .reduce((a, b) => a + b, 0);
  if (sliceUnderK({ population, k })) {
    return { year, years, rule, underK: true, generatedAt: new Date().toISOString(), tables: [] };
  }
  const dataCategories: Record<string, string[]> = {
    district: [...districtIds, 'unknown'],
    month: monthsOf(year),
    country: openListCategories(counts.get('country'), k),
    language: openListCategories(counts.get('language-by-interpreter'), k),
  };
  const resolve = (spec: Categories, dimension: string) =>
    spec === 'data' ? (dataCategories[dimension] ?? []) : [...spec];
  const crosstabs = CROSSTABS.map((spec) => {
    const rows = resolve(spec.rows, spec.rowDimension);
    const columns = resolve(spec.columns, spec.columnDimension);
    return {
      key: spec.key,
      rowDimension: spec.rowDimension,
      columnDimension: spec.columnDimension,
      rows,
      columns,
      counts: countsFor({ table: counts.get(spec.key), rows, columns }),
    };
  });
  const protectedTables = protectLinkedTables({ tables: crosstabs, k });
  const published: TPublishedTable[] = crosstabs.map((table) => {
    const p = protectedTables[table.key]!;
    return {
      key: table.key,
      kind: 'crosstab',
      rowDimension: table.rowDimension,
      columnDimension: table.columnDimension,
      rows: table.rows,
      columns: table.columns,
      cells: p.cells,
      rowTotals: p.rowTotals,
      columnTotals: p.columnTotals,
      total: p.total,
    };
  });
  const total = published[0]?.total ?? null;
  const firstContact = published.find((t) => t.key === 'first-contact')!;
  for (const spec of SHARES) {
    const table = counts.get(spec.key);
    const columns = spec.columnDimension === 'all' ? ['all'] : firstContact.rows;
    const populations =
      spec.columnDimension === 'all' ? [total] : firstContact.cells.map((row) => row[0] ?? null);
    const cells = spec.rows.map(() => [] as (number | null)[]);
    columns.forEach((column, c) => {
      const shares = protectShares({
        counts: spec.rows.map((row) => table?.get(row)?.get(column) ?? 0),
        totals: spec.rows.map(() => populations[c] ?? null),
        k,
      });
      shares.cells.forEach((value, r) => {
        cells[r]!.push(value);
      });
    });
    published.push({
      key: spec.key,
      kind: 'shares',
      rowDimension: spec.rowDimension,
      columnDimension: spec.columnDimension,
      rows: [...spec.rows],
      columns,
      cells,
      rowTotals: null,
      columnTotals: populations,
      total,
    });
  }
  return {
    year,
    years,
    rule,
    underK: false,
    generatedAt: new Date().toISOString(),
    tables: published,
  };
}
