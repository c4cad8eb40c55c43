/**
 * Disclosure control for every aggregate that leaves a case team (ARCHITECTURE.md, mechanism 4).
 *
 * A table of counts is published with its row totals, column totals and grand total. Primary
 * suppression hides every entry (cell or total) from 1 to k−1; complementary suppression then
 * hides more entries until no hidden entry can be worked out from what is shown: for each hidden
 * entry there is another table of non-negative counts that agrees with every shown number but
 * differs in that entry (`alternativeTable` builds it; the property tests check it independently).
 *
 * Internally the table and its margins form one (R+1)×(C+1) grid. With each entry multiplied by
 * s = (last column ? −1 : 1)·(last row ? −1 : 1), every line of the grid sums to zero, so adding
 * ±1 around an alternating cycle of hidden entries keeps every total true.
 */
export interface DisclosureRule {
  k: number;
  method: 'small-cell-and-complementary-suppression';
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

export function suppressionMask(grid: Grid, k: number): Mask {
  const rows = grid.length;
  const cols = grid[0]!.length;
  const hidden: Mask = grid.map((row) => row.map((v) => v > 0 && v < k));
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

/** Protects a table of counts (rows × columns, no totals) for publication with threshold k. */
export function protectTable({ counts, k = 5 }: { counts: number[][]; k?: number }): ProtectedTable {
  if (!Number.isInteger(k) || k < 2) throw new RangeError('k must be an integer of at least 2');
  if (
    counts.some((row) => row.length !== counts[0]!.length || row.some((v) => !Number.isInteger(v) || v < 0))
  ) {
    throw new RangeError('counts must be a rectangular table of non-negative integers');
  }
  const rule: DisclosureRule = { k, method: 'small-cell-and-complementary-suppression' };
  if (counts.length === 0 || counts[0]!.length === 0) {
    return {
      cells: counts.map(() => []),
      rowTotals: counts.map(() => 0),
      columnTotals: [],
      total: 0,
      rule,
      suppressed: 0,
    };
  }
  const grid = extendedGrid(counts);
  const hidden = suppressionMask(grid, k);
  const shown = (r: number, c: number) => (hidden[r]![c] ? null : grid[r]![c]!);
  const R = counts.length;
  const C = counts[0]!.length;
  return {
    cells: counts.map((row, r) => row.map((_, c) => shown(r, c))),
    rowTotals: counts.map((_, r) => shown(r, C)),
    columnTotals: counts[0]!.map((_, c) => shown(R, c)),
    total: shown(R, C),
    rule,
    suppressed: hidden.flat().filter(Boolean).length,
  };
}

/** How a suppressed entry is shown: "< k", never 0. */
export function formatCount(value: number | null, rule: DisclosureRule) {
  return value === null ? `< ${rule.k}` : String(value);
}
