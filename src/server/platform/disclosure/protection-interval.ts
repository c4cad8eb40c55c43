/**
 * The arithmetic under disclosure control: a table with its margins as one grid whose lines sum to
 * zero, the exact interval a hidden entry can take given what is shown (maximum flow over the hidden
 * entries), and complementary suppression until every hidden entry's interval is k values wide.
 * disclosure.ts builds the published tables on it.
 */
export type Grid = number[][];
export type Mask = boolean[][];
export interface Entry {
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
    /** Structural zeros: entries every reader knows are 0 (Italy × EU); never hidden to widen. */
    private readonly fixed?: Mask,
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
    if (this.fixed?.[e.row]?.[e.col]) return 0;
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
export function suppressionMask(grid: Grid, k: number, forced?: Mask, checked?: Mask, fixed?: Mask): Mask {
  const hidden: Mask = grid.map((row, r) =>
    row.map((v, c) => (v > 0 && v < k) || forced?.[r]?.[c] === true || checked?.[r]?.[c] === true),
  );
  const network = new HiddenNetwork(grid, hidden, fixed);
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
