import { suppressedCount } from '../../../contracts/common.js';

/**
 * Disclosure control for every aggregate that leaves a case team (ARCHITECTURE.md, mechanism 4).
 *
 * A table of counts is published with its row totals, column totals and grand total. Primary
 * suppression hides every entry (cell or total) from 1 to k−1; complementary suppression then
 * hides more entries until no hidden entry can be worked out from what is shown: for each hidden
 * entry there is another table of non-negative counts that agrees with every shown number but
 * differs in that entry (`alternativeTable` builds it; the property tests check it independently).
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

type Grid = number[][];
type Mask = boolean[][];
interface Entry {
  row: number;
  col: number;
}

export function extendedGrid(counts: number[][]): Grid {
  const columns = counts[0]?.length ?? 0;
  const rows = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: columns + 1 }, (_, j) => rows.reduce((a, row) => a + row[j]!, 0));
  return [...rows, totals];
}

function sign(grid: Grid, { row, col }: Entry) {
  const lastRow = row === grid.length - 1;
  const lastCol = col === grid[0]!.length - 1;
  return (lastRow ? -1 : 1) * (lastCol ? -1 : 1);
}

/**
 * Another grid of non-negative integers that keeps every line's total and every shown entry but
 * changes `target`, or null when the shown numbers determine it. Searches alternating cycles of
 * hidden entries through `target` (rows and columns as the two sides of a bipartite graph).
 */
export function alternativeTable(grid: Grid, hidden: Mask, target: Entry): Grid | null {
  for (const delta of [1, -1]) {
    const path = feasiblePath(grid, hidden, target, delta);
    if (!path) continue;
    const next = grid.map((row) => [...row]);
    const cycle = [target, ...path];
    cycle.forEach((entry, index) => {
      const dy = index % 2 === 0 ? delta : -delta;
      next[entry.row]![entry.col]! += dy * sign(grid, entry);
    });
    if (
      cycle.every((e) => next[e.row]![e.col]! >= 0) &&
      next[target.row]![target.col] !== grid[target.row]![target.col]
    ) {
      return next;
    }
  }
  return null;
}

/**
 * A path of hidden entries from target's column back to target's row, alternating column and row
 * moves, whose changes keep every entry non-negative. Breadth-first over (entry, parity) states.
 */
function feasiblePath(grid: Grid, hidden: Mask, target: Entry, delta: number): Entry[] | null {
  const rows = grid.length;
  const cols = grid[0]!.length;
  const ok = (e: Entry, dy: number) => grid[e.row]![e.col]! + dy * sign(grid, e) >= 0;
  if (!ok(target, delta)) return null;
  // Step 1 moves along target's column (to another row); then along that row; and so on.
  type State = { entry: Entry; along: 'column' | 'row'; dy: number; prev: State | null };
  const seen = new Set<string>();
  const queue: State[] = [];
  for (let r = 0; r < rows; r++) {
    const e = { row: r, col: target.col };
    if (r !== target.row && hidden[r]![target.col] && ok(e, -delta))
      queue.push({ entry: e, along: 'column', dy: -delta, prev: null });
  }
  while (queue.length > 0) {
    const state = queue.shift()!;
    const key = `${state.entry.row},${state.entry.col},${state.along}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (state.along === 'column') {
      if (state.entry.row === target.row) {
        // Back in target's row: the cycle closes through target itself.
        const path: Entry[] = [];
        for (let s: State | null = state; s; s = s.prev) path.unshift(s.entry);
        return path;
      }
      // Next move: along this entry's row to another column.
      for (let c = 0; c < cols; c++) {
        if (c === state.entry.col || !hidden[state.entry.row]![c]) continue;
        const e = { row: state.entry.row, col: c };
        if (!ok(e, -state.dy)) continue;
        queue.push({ entry: e, along: 'row', dy: -state.dy, prev: state });
      }
    } else {
      for (let r = 0; r < rows; r++) {
        if (r === state.entry.row || !hidden[r]![state.entry.col]) continue;
        const e = { row: r, col: state.entry.col };
        if (e.row === target.row && e.col === target.col) continue;
        if (!ok(e, -state.dy)) continue;
        queue.push({ entry: e, along: 'column', dy: -state.dy, prev: state });
      }
    }
  }
  return null;
}

/** The entry to hide next in a line: the smallest positive shown entry, cells before totals. */
function complementIn(grid: Grid, hidden: Mask, line: Entry[]): Entry | null {
  const shown = line.filter((e) => !hidden[e.row]![e.col]);
  const lastRow = grid.length - 1;
  const lastCol = grid[0]!.length - 1;
  const isTotal = (e: Entry) => e.row === lastRow || e.col === lastCol;
  const value = (e: Entry) => grid[e.row]![e.col]!;
  shown.sort(
    (a, b) =>
      Number(value(a) === 0) - Number(value(b) === 0) ||
      Number(isTotal(a)) - Number(isTotal(b)) ||
      value(a) - value(b),
  );
  return shown[0] ?? null;
}

/**
 * Primary suppression (1..k−1) plus the `forced` entries, then complementary suppression. Forced
 * entries are protected like primary ones: they start hidden, whatever their value (even 0).
 */
export function suppressionMask(grid: Grid, k: number, forced?: Mask): Mask {
  const rows = grid.length;
  const cols = grid[0]!.length;
  const hidden: Mask = grid.map((row, r) => row.map((v, c) => (v > 0 && v < k) || forced?.[r]?.[c] === true));
  const lines: Entry[][] = [
    ...Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => ({ row: r, col: c }))),
    ...Array.from({ length: cols }, (_, c) => Array.from({ length: rows }, (_, r) => ({ row: r, col: c }))),
  ];
  // Each pass hides at least one more entry or ends; a grid has finitely many entries.
  for (let pass = 0; pass <= rows * cols; pass++) {
    let changed = false;
    for (const line of lines) {
      if (line.filter((e) => hidden[e.row]![e.col]).length === 1) {
        const extra = complementIn(grid, hidden, line);
        if (extra) {
          hidden[extra.row]![extra.col] = true;
          changed = true;
        }
      }
    }
    for (let r = 0; r < rows && !changed; r++) {
      for (let c = 0; c < cols && !changed; c++) {
        if (!hidden[r]![c] || alternativeTable(grid, hidden, { row: r, col: c })) continue;
        // Determined through a chain of totals: hide one more entry in its row, then its column.
        const extra = complementIn(grid, hidden, lines[r]!) ?? complementIn(grid, hidden, lines[rows + c]!);
        if (extra) {
          hidden[extra.row]![extra.col] = true;
          changed = true;
        }
      }
    }
    if (!changed) return hidden;
  }
  return hidden;
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
}: {
  counts: number[][];
  k?: number;
  hide?: HiddenEntries;
}): ProtectedTable {
  checkK(k);
  if (
    counts.some((row) => row.length !== counts[0]!.length || row.some((v) => !Number.isInteger(v) || v < 0))
  ) {
    throw new RangeError('counts must be a rectangular table of non-negative integers');
  }
  const rule: DisclosureRule = { k, method: 'small-cell-and-complementary-suppression' };
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
  const hidden = suppressionMask(grid, k, forced);
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
  for (;;) {
    const out = tables.map((t, i) => protectTable({ counts: t.counts, k, hide: forced[i]! }));
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

/** How a suppressed entry is shown: "< k", never 0. */
export function formatCount(value: number | null, rule: Pick<DisclosureRule, 'k'>) {
  return value === null ? suppressedCount(rule.k) : String(value);
}
