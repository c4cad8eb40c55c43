import { HIDDEN_COUNT } from '../../../contracts/common.js';
import { extendedGrid, type Mask, suppressionMask } from './protection-interval.js';

/**
 * Disclosure control for every aggregate that leaves a case team (ARCHITECTURE.md, mechanism 4).
 *
 * A table of counts is published with its row totals, column totals and grand total. Primary
 * suppression hides every entry (cell or total) from 1 to k−1; complementary suppression then
 * hides more entries until every hidden entry can take at least k values consistent with what is
 * shown (`feasibleRange` gives the exact interval; the property tests check it against a linear
 * program). A reader then cannot narrow a hidden count to fewer values than a small cell has.
 * `protectLinkedTables` extends this to the tables of one dashboard, which share margins, and
 * `protectShares` to counts of a multi-valued attribute, each a share of a total.
 *
 * Internally the table and its margins form one (R+1)×(C+1) grid. With each entry multiplied by
 * s = (last column ? −1 : 1)·(last row ? −1 : 1), every line of the grid sums to zero, so adding
 * ±1 around an alternating cycle of hidden entries keeps every total true.
 */
export interface DisclosureRule {
  k: number;
  /** Tables use complementary suppression; shares of a total (`protectShares`) small counts only. */
  method: 'small-cell-and-complementary-suppression' | 'small-count-suppression';
}

/** The rule of tables protected with complementary suppression (protectTable, protectLinkedTables). */
export function tableRule(k: number): DisclosureRule {
  checkK(k);
  return { k, method: 'small-cell-and-complementary-suppression' };
}

/**
 * Whether a slice (a year, a service, a filter) of `population` people is published only as "fewer
 * than k": every table of it would show one hidden cell among zeros, and together they would give
 * its people's common profile. Every output of a slice asks this before building any table.
 */
export function sliceUnderK({ population, k }: { population: number; k: number }): boolean {
  checkK(k);
  return population < k;
}

export interface ProtectedTable {
  /** R×C published cells; null where suppressed. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
  rule: DisclosureRule;
  suppressed: number;
}

/**
 * Entries to hide whatever their value: a number another output already hides (a linked table's
 * margin), or one the caller must not publish. Indices are of the table without totals.
 */
export interface HiddenEntries {
  cells?: [row: number, col: number][];
  rowTotals?: number[];
  columnTotals?: number[];
  total?: boolean;
}

function checkK(k: number) {
  if (!Number.isInteger(k) || k < 2) throw new RangeError('k must be an integer of at least 2');
}

/** The (R+1)×(C+1) mask of `hide`, the totals in the last row and column; bad indices are refused. */
function forcedMask(rows: number, cols: number, hide: HiddenEntries): Mask {
  const mask: Mask = Array.from({ length: rows + 1 }, () => Array<boolean>(cols + 1).fill(false));
  const index = (i: number, length: number, what: string) => {
    if (!Number.isInteger(i) || i < 0 || i >= length) throw new RangeError(`hide: no ${what} ${i}`);
    return i;
  };
  for (const [r, c] of hide.cells ?? []) mask[index(r, rows, 'row')]![index(c, cols, 'column')] = true;
  for (const r of hide.rowTotals ?? []) mask[index(r, rows, 'row')]![cols] = true;
  for (const c of hide.columnTotals ?? []) mask[rows]![index(c, cols, 'column')] = true;
  if (hide.total) mask[rows]![cols] = true;
  return mask;
}

/**
 * Protects a table of counts (rows × columns, no totals) for publication with threshold k.
 * `hide` names entries to suppress whatever their value; they are protected like small ones.
 */
export function protectTable({
  counts,
  k = 5,
  hide = {},
  previous,
  structuralZeros,
}: {
  counts: number[][];
  k?: number;
  hide?: HiddenEntries;
  /**
   * Cells every reader knows are 0 whatever the data (a country outside a citizenship group):
   * a hidden one would hide nothing, so they are never chosen to protect another cell.
   */
  structuralZeros?: boolean[][];
  /**
   * This table protected before with fewer forced entries (a linked table's next round): its
   * hidden entries stay hidden and, already protected, are not checked again.
   */
  previous?: ProtectedTable;
}): ProtectedTable {
  const rule = tableRule(k);
  if (
    counts.some((row) => row.length !== counts[0]!.length || row.some((v) => !Number.isInteger(v) || v < 0))
  ) {
    throw new RangeError('counts must be a rectangular table of non-negative integers');
  }
  const R = counts.length;
  const C = counts[0]?.length ?? 0;
  const forced = forcedMask(R, C, hide);
  if (R === 0 || C === 0) {
    // Every total of an empty table is 0 by construction: nothing to protect, only forced ones to blank.
    return {
      cells: counts.map(() => []),
      rowTotals: counts.map((_, r) => (forced[r]![C] ? null : 0)),
      columnTotals: [],
      total: forced[R]![C] ? null : 0,
      rule,
      suppressed: forced.flat().filter(Boolean).length,
    };
  }
  const grid = extendedGrid(counts);
  const checked = previous
    ? [
        ...previous.cells.map((row, r) => [...row, previous.rowTotals[r]!].map((v) => v === null)),
        [...previous.columnTotals, previous.total].map((v) => v === null),
      ]
    : undefined;
  if (structuralZeros?.some((row, r) => row.some((zero, c) => zero && counts[r]?.[c] !== 0))) {
    throw new RangeError('a structural zero holds a count');
  }
  const hidden = suppressionMask(grid, k, forced, checked, structuralZeros);
  const shown = (r: number, c: number) => (hidden[r]![c] ? null : grid[r]![c]!);
  return {
    cells: counts.map((row, r) => row.map((_, c) => shown(r, c))),
    rowTotals: counts.map((_, r) => shown(r, C)),
    columnTotals: counts[0]!.map((_, c) => shown(R, c)),
    total: shown(R, C),
    rule,
    suppressed: hidden.flat().filter(Boolean).length,
  };
}

/** One table of a dashboard: counts of one population by two dimensions (or by one and 'all'). */
export interface LinkedTable {
  key: string;
  rowDimension: string;
  columnDimension: string;
  rows: string[];
  columns: string[];
  counts: number[][];
  /** Cells known to be 0 whatever the data (see protectTable). */
  structuralZeros?: boolean[][];
}

export type LinkedProtectedTable = ProtectedTable & { rows: string[]; columns: string[] };

/** The placeholder dimension of a one-column (or one-row) table: its single margin is not shared. */
export const WHOLE_POPULATION = 'all';

/** Where a shared number appears in one table: a row total, a column total, or the grand total. */
interface Publication {
  table: number;
  margin: 'row' | 'column' | 'total';
  index: number;
}

/**
 * Every number published by more than one table, keyed by dimension and category label (the grand
 * total under its own key), with each place it appears. Refuses tables whose shared numbers differ:
 * they would not describe the same population, and linking them would protect nothing.
 */
function sharedEntries(tables: LinkedTable[]): Publication[][] {
  const byKey = new Map<string, { value: number; at: Publication[] }>();
  const add = (key: string, value: number, at: Publication) => {
    const entry = byKey.get(key);
    if (!entry) byKey.set(key, { value, at: [at] });
    else if (entry.value !== value) throw new RangeError(`linked tables disagree on ${key}`);
    else entry.at.push(at);
  };
  tables.forEach((t, table) => {
    const grid = extendedGrid(t.counts);
    const R = t.rows.length;
    const C = t.columns.length;
    if (t.rowDimension !== WHOLE_POPULATION) {
      for (const [index, label] of t.rows.entries()) {
        add(`${t.rowDimension} = ${label}`, grid[index]![C]!, { table, margin: 'row', index });
      }
    }
    if (t.columnDimension !== WHOLE_POPULATION) {
      for (const [index, label] of t.columns.entries()) {
        add(`${t.columnDimension} = ${label}`, grid[R]![index]!, { table, margin: 'column', index });
      }
    }
    add('the grand total', grid[R]![C]!, { table, margin: 'total', index: 0 });
  });
  return [...byKey.values()].map((entry) => entry.at).filter((at) => at.length > 1);
}

function checkLinkedTables(tables: LinkedTable[]) {
  const keys = new Set(tables.map((t) => t.key));
  if (keys.size !== tables.length) throw new RangeError('linked tables need distinct keys');
  for (const t of tables) {
    const shapeOk =
      t.rows.length > 0 &&
      t.columns.length > 0 &&
      t.counts.length === t.rows.length &&
      t.counts.every((row) => row.length === t.columns.length);
    if (!shapeOk) throw new RangeError(`table ${t.key}: counts must be rows × columns, at least 1 × 1`);
    if (new Set(t.rows).size !== t.rows.length || new Set(t.columns).size !== t.columns.length) {
      throw new RangeError(`table ${t.key}: category labels must be distinct`);
    }
    if (t.rowDimension === t.columnDimension && t.rowDimension !== WHOLE_POPULATION) {
      throw new RangeError(`table ${t.key}: rows and columns are the same dimension`);
    }
  }
}

function isHidden(out: ProtectedTable, { margin, index }: Publication) {
  if (margin === 'row') return out.rowTotals[index] === null;
  if (margin === 'column') return out.columnTotals[index] === null;
  return out.total === null;
}

/** Adds one publication to a table's forced entries; true when it was not there yet. */
function force(hide: Required<HiddenEntries>, { margin, index }: Publication) {
  if (margin === 'total') {
    if (hide.total) return false;
    hide.total = true;
    return true;
  }
  const list = margin === 'row' ? hide.rowTotals : hide.columnTotals;
  if (list.includes(index)) return false;
  list.push(index);
  return true;
}

/**
 * Protects the tables of one dashboard, which count the same population by different dimensions:
 * a margin that one table hides must not be shown by another (the same category of the same
 * dimension, or the grand total). Each table is protected, every shared number hidden anywhere is
 * forced hidden everywhere it appears, and the tables are protected again until nothing changes.
 * Forced sets only grow and are finite, so the loop ends.
 */
export function protectLinkedTables({
  tables,
  k = 5,
}: {
  tables: LinkedTable[];
  k?: number;
}): Record<string, LinkedProtectedTable> {
  checkK(k);
  checkLinkedTables(tables);
  const shared = sharedEntries(tables);
  const forced: Required<HiddenEntries>[] = tables.map(() => ({
    cells: [],
    rowTotals: [],
    columnTotals: [],
    total: false,
  }));
  const cache: ({ key: string; out: ProtectedTable } | undefined)[] = [];
  for (;;) {
    // A table whose forced entries did not change protects to the same result: keep it.
    const out = tables.map((t, i) => {
      const key = JSON.stringify(forced[i]);
      const kept = cache[i];
      if (kept?.key === key) return kept.out;
      const result = protectTable({
        counts: t.counts,
        k,
        hide: forced[i]!,
        previous: kept?.out,
        ...(t.structuralZeros ? { structuralZeros: t.structuralZeros } : {}),
      });
      cache[i] = { key, out: result };
      return result;
    });
    let grew = false;
    for (const at of shared) {
      if (!at.some((p) => isHidden(out[p.table]!, p))) continue;
      for (const p of at) grew = force(forced[p.table]!, p) || grew;
    }
    if (!grew) {
      return Object.fromEntries(
        tables.map((t, i) => [t.key, { ...out[i]!, rows: [...t.rows], columns: [...t.columns] }]),
      );
    }
  }
}

/**
 * A dashboard's breakdowns of one population (residents reached by gender, age band and
 * citizenship; placements by kind and by outcome): one-column tables protected together with
 * `protectLinkedTables`. A population of 1 to k−1 publishes no breakdown at all — one hidden cell
 * among zeros would name its people's profile (`sliceUnderK`) —; nobody counted hides nothing.
 * Returns each breakdown's cells by its key, in its categories' order, null where hidden.
 */
export function protectBreakdowns({
  population,
  breakdowns,
  k = 5,
}: {
  population: number;
  /** Each dimension's categories and the population's count in each, in the same order. */
  breakdowns: { key: string; categories: readonly string[]; counts: number[] }[];
  k?: number;
}): Record<string, (number | null)[]> {
  const tables: LinkedTable[] = breakdowns.map(({ key, categories, counts }) => ({
    key,
    rowDimension: key,
    columnDimension: WHOLE_POPULATION,
    rows: [...categories],
    columns: [WHOLE_POPULATION],
    counts: counts.map((n) => [n]),
  }));
  const shown = population > 0 && sliceUnderK({ population, k }) ? null : protectLinkedTables({ tables, k });
  return Object.fromEntries(
    tables.map((t) => [t.key, t.rows.map((_, r) => (shown ? (shown[t.key]!.cells[r]![0] ?? null) : null))]),
  );
}

export interface ProtectedShares {
  /** One per count; null where suppressed. */
  cells: (number | null)[];
  rule: DisclosureRule;
}

/**
 * Protects counts of a multi-valued attribute (an incident can have several forms of violence, so
 * the counts do not add up): each count is a share of its published total. A count is hidden when
 * it is 1..k−1, or when its total is itself hidden (null). Counts do not sum to anything
 * published, so no hidden count can be worked out; the few *without* an attribute (total − count)
 * are not protected: lacking a form of violence or a referral names nothing sensitive, and hiding
 * "59 of 60 suffered psychological violence" made the commonest finding disappear.
 */
export function protectShares({
  counts,
  totals,
  k = 5,
}: {
  counts: number[];
  totals: (number | null)[];
  k?: number;
}): ProtectedShares {
  checkK(k);
  if (totals.length !== counts.length) throw new RangeError('every count needs its total');
  const small = (v: number) => v > 0 && v < k;
  const cells = counts.map((count, i) => {
    const total = totals[i] ?? null;
    if (!Number.isInteger(count) || count < 0) throw new RangeError('counts must be non-negative integers');
    if (total !== null && (!Number.isInteger(total) || total < count)) {
      throw new RangeError('a total must be an integer no smaller than its count');
    }
    return total === null || small(count) ? null : count;
  });
  return { cells, rule: { k, method: 'small-count-suppression' } };
}

/**
 * Global recoding of an open list (countries, languages): only categories with at least k behind
 * them are named, the rest are published together as `other`, so a listed name never says that
 * one or two people of a community were counted. Returns the categories to publish, `other` last.
 */
export function namedCategories({
  totals,
  k = 5,
  other = 'other',
}: {
  totals: ReadonlyMap<string, number>;
  k?: number;
  other?: string;
}) {
  checkK(k);
  const named = [...totals]
    .filter(([category, total]) => category !== other && total >= k)
    .map(([category]) => category)
    .sort();
  return [...named, other];
}

/**
 * How a hidden entry is written in a file: one neutral word whatever the reason it is hidden.
 * A complementary cell may be large, so "< k" would be false for it, and two marks would tell a
 * small cell from the one protecting it.
 */
export function formatCount(value: number | null) {
  return value === null ? HIDDEN_COUNT.it : String(value);
}
