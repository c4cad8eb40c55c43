import { HIDDEN_COUNT } from '../../../contracts/common.js';

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

/**
 * The hidden entries of a grid as a flow network, for `feasibleRange`. Rows and columns are the
 * nodes (column j is node rows + j); each entry is an edge between its row and column. With
 * x = s·change, every line's changes sum to zero exactly when x is a circulation, and an entry
 * may fall to 0 but rise without limit: flow row→column is capped by the value when s = −1,
 * column→row when s = +1, the other direction is free. Only hidden entries carry flow; shown
 * ones are what `widen` may hide to open a path.
 */
class HiddenNetwork {
  private readonly rows: number;
  private readonly cols: number;
  /** Per node, the hidden entries at it, as keys row·cols + col. */
  private readonly adjacency: number[][];
  /** Residual capacities during one `maxFlow`: index 2·key row→column, 2·key + 1 column→row. */
  private readonly residual: Float64Array;
  private readonly touched: number[] = [];
  private readonly via: Int32Array;
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(
    private readonly grid: Grid,
    private readonly hidden: Mask,
  ) {
    this.rows = grid.length;
    this.cols = grid[0]!.length;
    this.adjacency = Array.from({ length: this.rows + this.cols }, () => []);
    this.residual = new Float64Array(2 * this.rows * this.cols).fill(Number.NaN);
    this.via = new Int32Array(this.rows + this.cols);
    this.seen = new Uint32Array(this.rows + this.cols);
    hidden.forEach((line, row) => {
      line.forEach((isHidden, col) => {
        if (isHidden) this.add({ row, col });
      });
    });
  }

  add(entry: Entry) {
    const key = entry.row * this.cols + entry.col;
    this.hidden[entry.row]![entry.col] = true;
    this.adjacency[entry.row]!.push(key);
    this.adjacency[this.rows + entry.col]!.push(key);
  }

  private entryOf(key: number): Entry {
    return { row: Math.floor(key / this.cols), col: key % this.cols };
  }

  /** Capacity of an entry towards its column (or its row) with no flow on it. */
  private initialCapacity(e: Entry, towardsColumn: boolean) {
    return towardsColumn === sign(this.grid, e) < 0 ? this.grid[e.row]![e.col]! : Number.POSITIVE_INFINITY;
  }

  /** The node an entry leads to from `node`. */
  private across(e: Entry, node: number) {
    return node < this.rows ? this.rows + e.col : e.row;
  }

  /** The hidden entry joining a row node and a column node, or −1. */
  private edgeBetween(a: number, b: number) {
    const rows = this.rows;
    if (a < rows === b < rows) return -1;
    const row = a < rows ? a : b;
    const col = (a < rows ? b : a) - rows;
    return this.hidden[row]![col] ? row * this.cols + col : -1;
  }

  private capacity(key: number, towardsColumn: boolean) {
    const value = this.residual[2 * key + (towardsColumn ? 0 : 1)]!;
    if (!Number.isNaN(value)) return value;
    // initialCapacity without building an Entry: this runs for every edge a search looks at.
    const row = Math.floor(key / this.cols);
    const col = key - row * this.cols;
    const negative = (row === this.rows - 1) !== (col === this.cols - 1);
    return towardsColumn === negative ? this.grid[row]![col]! : Number.POSITIVE_INFINITY;
  }

  /**
   * Up to `limit` units of circulation from `from` to `to` through every hidden entry but
   * `skip` (augmenting paths, breadth first, stopping at the limit: only "at least k−1" matters).
   * Returns the flow and the residual capacities it leaves, valid until the next call.
   */
  maxFlow(from: number, to: number, skip: Entry, limit: number) {
    for (const index of this.touched) this.residual[index] = Number.NaN;
    this.touched.length = 0;
    const skipKey = skip.row * this.cols + skip.col;
    const rows = this.rows;
    // Search from the end with fewer hidden entries (backwards along residual capacity when that
    // is `to`): in a wide table one end is a row of hundreds of entries, the other a short column.
    const reverse = this.adjacency[to]!.length < this.adjacency[from]!.length;
    const start = reverse ? to : from;
    const goal = reverse ? from : to;
    let flow = 0;
    while (flow < limit) {
      this.stamp += 1;
      const stamp = this.stamp;
      this.seen[start] = stamp;
      const queue = [start];
      let found = false;
      search: for (let head = 0; head < queue.length; head++) {
        const node = queue[head]!;
        const isRow = node < rows;
        for (const key of this.adjacency[node]!) {
          if (key === skipKey) continue;
          const next = isRow ? rows + (key % this.cols) : Math.floor(key / this.cols);
          // Flow runs node → next searching forwards, next → node backwards.
          if (this.seen[next] === stamp || this.capacity(key, isRow !== reverse) <= 0) continue;
          this.seen[next] = stamp;
          this.via[next] = key;
          if (next === goal) {
            found = true;
            break search;
          }
          // Look one step ahead to the goal: in a wide table most paths are three entries long,
          // and this finds them without scanning a whole row of hidden entries first.
          const ahead = this.edgeBetween(next, goal);
          if (ahead >= 0 && ahead !== skipKey && this.capacity(ahead, next < rows !== reverse) > 0) {
            this.seen[goal] = stamp;
            this.via[goal] = ahead;
            found = true;
            break search;
          }
          queue.push(next);
        }
      }
      if (!found) break;
      const path = this.walkBack((node) => this.entryOf(this.via[node]!), start, goal, reverse);
      let push = limit - flow;
      for (const p of path) push = Math.min(push, this.capacity(p.key, p.towardsColumn));
      for (const { key, towardsColumn } of path) {
        const forward = 2 * key + (towardsColumn ? 0 : 1);
        const backward = 2 * key + (towardsColumn ? 1 : 0);
        const f = this.capacity(key, towardsColumn) - push;
        const b = this.capacity(key, !towardsColumn) + push;
        this.residual[forward] = f;
        this.residual[backward] = b;
        this.touched.push(forward, backward);
      }
      flow += push;
    }
    return flow;
  }

  /**
   * The entries of a path found from `start` to `goal`, each with the direction flow takes
   * through it (towards `goal`, or away from it when the search ran backwards).
   */
  private walkBack(via: (node: number) => Entry, start: number, goal: number, reverse = false) {
    const path: { entry: Entry; key: number; towardsColumn: boolean }[] = [];
    for (let node = goal; node !== start; ) {
      const entry = via(node);
      const atColumn = node >= this.rows;
      path.push({ entry, key: entry.row * this.cols + entry.col, towardsColumn: atColumn !== reverse });
      node = atColumn ? entry.row : this.rows + entry.col;
    }
    return path;
  }

  /** Nodes and limits of the two directions: raising an s = +1 entry sends flow row→column through it. */
  private ends(target: Entry): { up: [number, number]; down: [number, number] } {
    const row = target.row;
    const col = this.rows + target.col;
    const positive = sign(this.grid, target) > 0;
    return { up: positive ? [col, row] : [row, col], down: positive ? [row, col] : [col, row] };
  }

  /** How far the hidden `target` can fall and rise with every shown number kept, each capped at `limit`. */
  range(target: Entry, limit: number) {
    const ends = this.ends(target);
    const value = this.grid[target.row]![target.col]!;
    const up = this.maxFlow(ends.up[0], ends.up[1], target, limit);
    const down = this.maxFlow(ends.down[0], ends.down[1], target, Math.min(value, limit));
    return { down, up };
  }

  /** up + down, capped at `limit`: all suppression needs, so down is not searched once up suffices. */
  width(target: Entry, limit: number) {
    const ends = this.ends(target);
    const value = this.grid[target.row]![target.col]!;
    const up = this.maxFlow(ends.up[0], ends.up[1], target, limit);
    if (up >= limit) return up;
    return up + this.maxFlow(ends.down[0], ends.down[1], target, Math.min(value, limit - up));
  }

  /**
   * Hides the cheapest set of shown entries that lets `target` move at least one step further
   * (up while it can, else down): a least-cost augmenting path in the residual network left by
   * the current maximum flow, where hidden entries cost nothing and shown ones what hiding them
   * loses (small cells first, margins dearer, the grand total dearest). Returns the entries hidden.
   */
  widen(target: Entry, limit: number): Entry[] {
    const ends = this.ends(target);
    const value = this.grid[target.row]![target.col]!;
    // The residual capacities stay those of the last maximum flow, the direction to widen.
    const tryUp = this.maxFlow(ends.up[0], ends.up[1], target, limit) < limit;
    const [from, to] = tryUp ? ends.up : ends.down;
    if (!tryUp && value === 0) return [];
    if (!tryUp) this.maxFlow(ends.down[0], ends.down[1], target, value);
    const capacity = (e: Entry, towardsColumn: boolean) =>
      this.capacity(e.row * this.cols + e.col, towardsColumn);
    const lastRow = this.rows - 1;
    const lastCol = this.cols - 1;
    const cost = (e: Entry) => {
      if (this.hidden[e.row]![e.col]) return 0;
      const v = this.grid[e.row]![e.col]!;
      if (e.row === lastRow && e.col === lastCol) return 1e9;
      return e.row === lastRow || e.col === lastCol ? 10 * (v + 1) : v + 1;
    };
    const usable = (e: Entry, towardsColumn: boolean) =>
      this.hidden[e.row]![e.col]
        ? capacity(e, towardsColumn) > 0
        : this.initialCapacity(e, towardsColumn) > 0;
    // Dijkstra over the rows and columns; every entry of the grid is an edge.
    const distance = new Float64Array(this.rows + this.cols).fill(Number.POSITIVE_INFINITY);
    const via = new Map<number, Entry | null>([[from, null]]);
    const done = new Uint8Array(this.rows + this.cols);
    distance[from] = 0;
    const heap = new MinHeap();
    heap.push(0, from);
    while (heap.size > 0) {
      const node = heap.pop()!;
      if (done[node]) continue;
      done[node] = 1;
      if (node === to) break;
      const isRow = node < this.rows;
      const count = isRow ? this.cols : this.rows;
      for (let i = 0; i < count; i++) {
        const e = isRow ? { row: node, col: i } : { row: i, col: node - this.rows };
        if (e.row === target.row && e.col === target.col) continue;
        const next = this.across(e, node);
        if (done[next] || !usable(e, isRow)) continue;
        const d = distance[node]! + cost(e);
        if (d < distance[next]!) {
          distance[next] = d;
          via.set(next, e);
          heap.push(d, next);
        }
      }
    }
    if (!done[to]) return [];
    const added = this.walkBack((node) => via.get(node)!, from, to)
      .map((p) => p.entry)
      .filter((e) => !this.hidden[e.row]![e.col]);
    for (const e of added) this.add(e);
    return added;
  }
}

/** A binary heap of nodes by distance, for the least-cost path. */
class MinHeap {
  private readonly items: [number, number][] = [];
  get size() {
    return this.items.length;
  }
  push(priority: number, node: number) {
    const items = this.items;
    items.push([priority, node]);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (items[parent]![0] <= items[i]![0]) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }
  pop() {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && items[l]![0] < items[m]![0]) m = l;
        if (r < items.length && items[r]![0] < items[m]![0]) m = r;
        if (m === i) break;
        [items[m], items[i]] = [items[i]!, items[m]!];
        i = m;
      }
    }
    return top?.[1];
  }
}

/**
 * The interval a hidden entry can take, given everything shown and the other hidden entries
 * non-negative: [value − down, value + up], each side capped at `limit` (default: unbounded
 * search). In a table with its margins every integer in it is reachable (a transportation
 * polytope has integer vertices), so up + down + 1 is the number of values a reader cannot
 * tell apart.
 */
export function feasibleRange(
  grid: Grid,
  hidden: Mask,
  target: Entry,
  limit = Number.POSITIVE_INFINITY,
): { down: number; up: number } {
  return new HiddenNetwork(
    grid,
    hidden.map((line) => [...line]),
  ).range(target, limit);
}

/**
 * Primary suppression (1..k−1) plus the `forced` entries, then complementary suppression until
 * every hidden entry can take at least k values (a protection interval of width k−1) given all
 * that is shown. Forced entries are protected like primary ones: they start hidden, whatever
 * their value (even 0). Hiding more only widens intervals, so an entry checked once stays
 * protected: each is checked again only after entries were hidden for it, and `checked` (the
 * mask of an earlier run on the same grid with fewer forced entries) starts hidden, unchecked.
 */
export function suppressionMask(grid: Grid, k: number, forced?: Mask, checked?: Mask): Mask {
  const hidden: Mask = grid.map((row, r) =>
    row.map((v, c) => (v > 0 && v < k) || forced?.[r]?.[c] === true || checked?.[r]?.[c] === true),
  );
  const network = new HiddenNetwork(grid, hidden);
  const queue: Entry[] = [];
  hidden.forEach((line, row) => {
    line.forEach((isHidden, col) => {
      if (isHidden && !checked?.[row]?.[col]) queue.push({ row, col });
    });
  });
  const want = k - 1;
  while (queue.length > 0) {
    const entry = queue.pop()!;
    if (network.width(entry, want) >= want) continue;
    const added = network.widen(entry, want);
    // Nothing left to hide that would help (a zero cannot fall): the entry keeps what it has.
    if (added.length === 0) continue;
    queue.push(...added, entry);
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
  previous,
}: {
  counts: number[][];
  k?: number;
  hide?: HiddenEntries;
  /**
   * This table protected before with fewer forced entries (a linked table's next round): its
   * hidden entries stay hidden and, already protected, are not checked again.
   */
  previous?: ProtectedTable;
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
  const checked = previous
    ? [
        ...previous.cells.map((row, r) => [...row, previous.rowTotals[r]!].map((v) => v === null)),
        [...previous.columnTotals, previous.total].map((v) => v === null),
      ]
    : undefined;
  const hidden = suppressionMask(grid, k, forced, checked);
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
  const cache: ({ key: string; out: ProtectedTable } | undefined)[] = [];
  for (;;) {
    // A table whose forced entries did not change protects to the same result: keep it.
    const out = tables.map((t, i) => {
      const key = JSON.stringify(forced[i]);
      const kept = cache[i];
      if (kept?.key === key) return kept.out;
      const result = protectTable({ counts: t.counts, k, hide: forced[i]!, previous: kept?.out });
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
