import { sql } from 'drizzle-orm';
import {
  AGE_BANDS,
  AUTHOR_RELATIONSHIPS,
  CITIZENSHIP_GROUPS,
  CORE_TYPES,
  GENDERS,
  HELP_SOURCES,
  INTERPRETER_STATUSES,
  MINOR_AGE_BANDS,
  PATHWAY_SERVICES,
  REFERRERS,
  RISK_FACTORS,
  SERVICES_PROVIDED,
  type TContext,
  type TPublishedTable,
  type TStatistics,
  VIOLENCE_FORMS,
  YEARS_IN_ITALY,
  YES_NO_UNKNOWN,
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
 * and leaves only through platform/disclosure (docs/adr/0007). Each table counts one unit: the
 * incidents (recorded, with consent, one of the six GBVIMS types: `observatory_contributions`,
 * migration 0025), or the survivors (distinct survivor codes per service and year, docs/adr/0018).
 */
/**
 * Categories: a fixed code list, or 'data' for districts (every district, fixed by the
 * reference), months (the year's twelve) and the open lists of countries and languages, where
 * a category is listed only when at least k incidents have it and the rest are merged into
 * "other": a listed name never says that one or two people of a community were counted.
 */
type Categories = readonly string[] | 'data';
type Unit = TPublishedTable['unit'];
interface CrosstabSpec {
  key: string;
  rowDimension: string;
  columnDimension: string;
  rows: Categories;
  columns: Categories;
}
/** Margins of the incident crosstabs that hold every incident a share row counts (and more). */
interface Containing {
  table: string;
  rows: readonly string[];
}
interface SharesSpec {
  key: string;
  rowDimension: string;
  rows: readonly string[];
  /**
   * A row that counts a subset of crosstab margins: it is published only while every one of them
   * is, since a count of the subset is a lower bound of the margins' sum and would narrow a hidden
   * margin to fewer than k values (early marriage, say, of a forced-marriage row kept hidden).
   * Each entry is one group of margins (rows of one table) whose sum contains the row.
   */
  within?: Partial<Record<string, readonly Containing[]>>;
}

const ALL = ['all'] as const;
export const OTHER = 'other';
/** Not answered: records made before the question was asked (migration 0025), never a guess. */
const NOT_RECORDED = 'not_recorded';
/** The incidents' crosstabs: one population, protected together. */
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
    key: 'disability',
    rowDimension: 'disability',
    columnDimension: 'all',
    rows: [...YES_NO_UNKNOWN, NOT_RECORDED],
    columns: ALL,
  },
  {
    key: 'relationship',
    rowDimension: 'authorRelationship',
    columnDimension: 'all',
    rows: AUTHOR_RELATIONSHIPS,
    columns: ALL,
  },
  // Children at the scene and children who witnessed are two independent facts (law 53/2022):
  // one partition of the incidents by both, never two overlapping shares a reader could subtract.
  {
    key: 'children',
    rowDimension: 'childrenPresent',
    columnDimension: 'childrenWitnessed',
    rows: ['present', 'not_present'],
    columns: ['witnessed', 'not_witnessed'],
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

/**
 * The people followed in the year (distinct survivor codes per service): one number beside the
 * incidents, hidden when 1 to k−1. Not broken down: the survivors of a category are at most its
 * incidents, and such inequalities between two differently protected populations narrow hidden
 * cells of either (a shown "women followed: 6" bounds a hidden incidents margin from below). The
 * counts by ISTAT age class and gender stay in incident_counts for the ISTAT file of each service.
 */
const SURVIVORS: CrosstabSpec = {
  key: 'survivors',
  rowDimension: 'survivors',
  columnDimension: 'people',
  rows: ['followed'],
  columns: ['all'],
};
/** The survivors' kept counts (ISTAT age class × gender) folded into the one published number. */
function survivorsFollowed(counts: Counts): Counts {
  const total = [...(counts.get('survivors')?.values() ?? [])]
    .flatMap((line) => [...line.values()])
    .reduce((a, b) => a + b, 0);
  return new Map([['survivors', new Map([['followed', new Map([['all', total]])]])]]);
}

const SEXUAL_TYPES: Containing = { table: 'type-by-district', rows: ['rape', 'sexual_assault'] };
const MINORS: Containing = { table: 'age-by-gender', rows: MINOR_AGE_BANDS };
/**
 * The contexts published. Intimate-partner violence is the sum of three relationship rows: published
 * again it would give away hidden cells of that table, so it is left out (ADR 0007). Early marriage
 * is no longer the forced-marriage margin but the part of it with a minor (ADR 0018): a count of
 * its own, published like child sexual abuse and sexual exploitation or slavery only while the
 * margins that contain it are shown. Harmful practices are contained in no published margin.
 */
const CONTEXT_ROWS: readonly TContext[] = [
  'child_sexual_abuse',
  'early_marriage',
  'harmful_traditional_practice',
  'possible_sexual_exploitation',
  'possible_sexual_slavery',
];
const SHARES: SharesSpec[] = [
  { key: 'forms', rowDimension: 'form', rows: VIOLENCE_FORMS },
  {
    key: 'contexts',
    rowDimension: 'context',
    rows: CONTEXT_ROWS,
    within: {
      child_sexual_abuse: [SEXUAL_TYPES, MINORS],
      early_marriage: [{ table: 'type-by-district', rows: ['forced_marriage'] }, MINORS],
      possible_sexual_exploitation: [SEXUAL_TYPES],
      possible_sexual_slavery: [SEXUAL_TYPES],
    },
  },
  { key: 'stalking', rowDimension: 'stalking', rows: ['stalking'] },
  // A factor present or possibly present, now or in the past (migration 0025).
  { key: 'risk', rowDimension: 'riskFactor', rows: RISK_FACTORS },
  {
    key: 'author',
    rowDimension: 'author',
    rows: ['addiction', 'previous_complaints', 'protection_order'],
  },
  { key: 'sought-help', rowDimension: 'helpSource', rows: HELP_SOURCES },
  // Who sent her here: herself, relatives or friends, or the services named.
  {
    key: 'referred-by',
    rowDimension: 'referredBy',
    rows: [...REFERRERS.filter((r) => r !== 'service'), ...PATHWAY_SERVICES],
  },
  { key: 'referred-to', rowDimension: 'referredTo', rows: PATHWAY_SERVICES },
  { key: 'provided', rowDimension: 'serviceProvided', rows: SERVICES_PROVIDED },
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
 * The country table's cells every reader knows are 0: a named country belongs to one citizenship
 * group (Italy is Italian, Egypt a third country), and "not known" citizenship is the unknown
 * group. Only "other countries" mixes groups. Hiding a known zero hides nothing, so protection
 * must never lean on one (a leak a walkthrough found: Italy × EU hidden "protected" the EU total).
 */
function countryStructuralZeros(rows: string[], columns: string[], counts: number[][]) {
  return rows.map((row, r) => {
    if (row === OTHER) return columns.map(() => false);
    const own = row === 'unknown' ? columns.indexOf('unknown') : counts[r]!.findIndex((v) => v > 0);
    return columns.map((_, c) => own >= 0 && c !== own);
  });
}

/** A crosstab's counts, ready for protection. */
function crosstabOf(spec: CrosstabSpec, counts: Counts, resolve: (c: Categories, d: string) => string[]) {
  const rows = resolve(spec.rows, spec.rowDimension);
  const columns = resolve(spec.columns, spec.columnDimension);
  const cells = countsFor({ table: counts.get(spec.key), rows, columns });
  return {
    key: spec.key,
    rowDimension: spec.rowDimension,
    columnDimension: spec.columnDimension,
    rows,
    columns,
    counts: cells,
    ...(spec.key === 'country' ? { structuralZeros: countryStructuralZeros(rows, columns, cells) } : {}),
  };
}

/** One group of linked crosstabs of one unit, protected together, as published tables. */
function protectedCrosstabs({
  tables,
  unit,
  k,
}: {
  tables: ReturnType<typeof crosstabOf>[];
  unit: Unit;
  k: number;
}): TPublishedTable[] {
  const protectedTables = protectLinkedTables({ tables, k });
  return tables.map((table) => {
    const p = protectedTables[table.key]!;
    return {
      key: table.key,
      unit,
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
}

/**
 * How a share row that counts a subset of crosstab margins may be published: 'shown' when every
 * margin that contains it is shown (the count bounds nothing hidden); 'zero' when a shown group of
 * margins adds up to 0, so the count is 0 and a reader knows it anyway; else 'hidden'.
 */
function subsetRule(crosstabs: TPublishedTable[], containing: readonly Containing[] = []) {
  const sums = containing.map(({ table, rows }) => {
    const published = crosstabs.find((t) => t.key === table);
    const values = rows.map((row) => {
      const r = published?.rows.indexOf(row) ?? -1;
      return r >= 0 ? (published?.rowTotals?.[r] ?? null) : null;
    });
    return values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0);
  });
  if (sums.every((sum) => sum !== null)) return 'shown';
  return sums.includes(0) ? 'zero' : 'hidden';
}

/**
 * The published statistics of one calendar year: every table protected with rule k, linked
 * tables protected together so a margin hidden in one is hidden in all (docs/adr/0006, 0007).
 * The incident tables are one linked group, the survivors' table another (docs/adr/0018).
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
  // A year of fewer than k counted incidents publishes nothing, the survivors' table included.
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
  const incidents = protectedCrosstabs({
    tables: CROSSTABS.map((spec) => crosstabOf(spec, counts, resolve)),
    unit: 'incidents',
    k,
  });
  // Every incident crosstab has the same grand total (linked, so shown or hidden everywhere).
  const total = incidents[0]?.total ?? null;
  const shares: TPublishedTable[] = SHARES.map((spec) => {
    const table = counts.get(spec.key);
    const protectedShares = protectShares({
      counts: spec.rows.map((row) => table?.get(row)?.get('all') ?? 0),
      totals: spec.rows.map(() => total),
      k,
    });
    const cells = spec.rows.map((row, r) => {
      const rule = subsetRule(incidents, spec.within?.[row]);
      if (rule === 'zero') return 0;
      return rule === 'shown' ? (protectedShares.cells[r] ?? null) : null;
    });
    return {
      key: spec.key,
      unit: 'incidents',
      kind: 'shares',
      rowDimension: spec.rowDimension,
      columnDimension: 'all',
      rows: [...spec.rows],
      columns: ['all'],
      cells: cells.map((value) => [value]),
      rowTotals: null,
      columnTotals: [total],
      total,
    };
  });
  const survivors = protectedCrosstabs({
    tables: [crosstabOf(SURVIVORS, survivorsFollowed(counts), resolve)],
    unit: 'survivors',
    k,
  });
  return {
    year,
    years,
    rule,
    underK: false,
    generatedAt: new Date().toISOString(),
    tables: [...incidents, ...shares, ...survivors],
  };
}
