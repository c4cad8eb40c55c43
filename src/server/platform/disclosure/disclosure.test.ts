import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  type LinkedTable,
  namedCategories,
  type ProtectedTable,
  protectBreakdowns,
  protectLinkedTables,
  protectShares,
  protectTable,
  sliceUnderK,
} from './disclosure.js';
import { alternativeTable, extendedGrid, feasibleRange, suppressionMask } from './protection-interval.js';
import { intervalByLp, publishedGrid } from './test-support.js';

/** Checks a claimed alternative independently: same shown entries, true totals, non-negative, different. */
function isValidAlternative(
  original: number[][],
  hidden: boolean[][],
  alternative: number[][],
  target: { row: number; col: number },
) {
  const R = original.length - 1;
  const C = original[0]!.length - 1;
  for (let r = 0; r <= R; r++) {
    for (let c = 0; c <= C; c++) {
      if (alternative[r]![c]! < 0 || !Number.isInteger(alternative[r]![c])) return false;
      if (!hidden[r]![c] && alternative[r]![c] !== original[r]![c]) return false;
    }
  }
  for (let r = 0; r <= R; r++) {
    if (alternative[r]!.slice(0, C).reduce((a, b) => a + b, 0) !== alternative[r]![C]) return false;
  }
  for (let c = 0; c <= C; c++) {
    if (alternative.slice(0, R).reduce((a, row) => a + row[c]!, 0) !== alternative[R]![c]) return false;
  }
  return alternative[target.row]![target.col] !== original[target.row]![target.col];
}

// Small counts make suppression frequent; zeros and larger counts keep the tables realistic.
const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 }));
const table = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, cols]) =>
    fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
  );
const k = fc.integer({ min: 2, max: 10 });

/** The published table as a grid (cells, then totals) with its mask of suppressed entries. */

/** Both guarantees, checked on a published table against the counts it came from. */
function expectProtected(counts: number[][], out: ProtectedTable, threshold: number) {
  const grid = extendedGrid(counts);
  const published = publishedGrid(out);
  const hidden = published.map((row) => row.map((v) => v === null));
  for (const [r, row] of published.entries()) {
    for (const [c, value] of row.entries()) {
      if (value !== null) {
        expect(value).toBe(grid[r]![c]);
        expect(value === 0 || value >= threshold, `shown ${value} at ${r},${c}`).toBe(true);
        continue;
      }
      const alternative = alternativeTable(grid, hidden, { row: r, col: c });
      expect(alternative, `entry ${r},${c} of ${JSON.stringify(grid)} is determined`).not.toBeNull();
      expect(isValidAlternative(grid, hidden, alternative!, { row: r, col: c })).toBe(true);
    }
  }
}

// Entries to force hidden, in range of the table they go with.
const tableWithHide = table.chain((counts) => {
  const row = fc.nat(counts.length - 1);
  const col = fc.nat(counts[0]!.length - 1);
  return fc.record({
    counts: fc.constant(counts),
    hide: fc.record(
      {
        cells: fc.array(fc.tuple(row, col), { maxLength: 3 }),
        rowTotals: fc.array(row, { maxLength: 2 }),
        columnTotals: fc.array(col, { maxLength: 2 }),
        total: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  });
});

// A dashboard: one random population of records over 2–3 dimensions, counted by 2–4 tables (some
// one-column, some with their categories in another order, so margins must match by label).
const dimensionNames = ['coreType', 'district', 'gender'];
const dashboard = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 3 })
  .chain((sizes) =>
    fc.record({
      sizes: fc.constant(sizes),
      records: fc.array(fc.tuple(...sizes.map((n) => fc.nat(n - 1))), { maxLength: 80 }),
      specs: fc.array(
        fc.record({
          row: fc.nat(sizes.length - 1),
          offset: fc.integer({ min: 1, max: sizes.length }),
          reversed: fc.boolean(),
        }),
        { minLength: 2, maxLength: 4 },
      ),
    }),
  )
  .map(({ sizes, records, specs }): LinkedTable[] =>
    specs.map(({ row, offset, reversed }, i) => {
      // offset = number of dimensions means a one-column table; otherwise another dimension.
      const col = offset === sizes.length ? null : (row + offset) % sizes.length;
      const labels = (d: number) => {
        const all = Array.from({ length: sizes[d]! }, (_, c) => `${dimensionNames[d]}-${c}`);
        return reversed ? all.reverse() : all;
      };
      const rows = labels(row);
      const columns = col === null ? ['all'] : labels(col);
      const counts = rows.map(() => columns.map(() => 0));
      for (const record of records) {
        const r = rows.indexOf(`${dimensionNames[row]}-${record[row]}`);
        const c = col === null ? 0 : columns.indexOf(`${dimensionNames[col]}-${record[col]}`);
        counts[r]![c]! += 1;
      }
      return {
        key: `t${i}`,
        rowDimension: dimensionNames[row]!,
        columnDimension: col === null ? 'all' : dimensionNames[col]!,
        rows,
        columns,
        counts,
      };
    }),
  );

/** Visibility of every shared number, per dimension category (and the grand total), per table. */
function sharedVisibility(tables: LinkedTable[], out: Record<string, ProtectedTable>) {
  const seen = new Map<string, boolean[]>();
  const note = (key: string, shown: boolean) => seen.set(key, [...(seen.get(key) ?? []), shown]);
  for (const t of tables) {
    const o = out[t.key]!;
    for (const [r, label] of t.rows.entries()) {
      if (t.rowDimension !== 'all') note(`${t.rowDimension}/${label}`, o.rowTotals[r] !== null);
    }
    for (const [c, label] of t.columns.entries()) {
      if (t.columnDimension !== 'all') note(`${t.columnDimension}/${label}`, o.columnTotals[c] !== null);
    }
    note('total', o.total !== null);
  }
  return seen;
}

// Multi-valued attribute: each count with its true total, the total sometimes already hidden.
const shares = fc.array(
  fc
    .integer({ min: 0, max: 40 })
    .chain((total) =>
      fc.record({ total: fc.constant(total), count: fc.nat(total), totalHidden: fc.boolean() }),
    ),
  { maxLength: 8 },
);

describe('disclosure control', () => {
  it('publishes no cell or total between 1 and k−1', () => {
    fc.assert(
      fc.property(table, k, (counts, threshold) => {
        const out = protectTable({ counts, k: threshold });
        const shown = [...out.cells.flat(), ...out.rowTotals, ...out.columnTotals, out.total].filter(
          (v): v is number => v !== null,
        );
        expect(shown.every((v) => v === 0 || v >= threshold)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('leaves no suppressed entry recoverable from the shown cells and totals', () => {
    fc.assert(
      fc.property(table, k, (counts, threshold) => {
        const grid = extendedGrid(counts);
        const hidden = suppressionMask(grid, threshold);
        for (const [r, row] of hidden.entries()) {
          for (const [c, isHidden] of row.entries()) {
            if (!isHidden) continue;
            const alternative = alternativeTable(grid, hidden, { row: r, col: c });
            expect(alternative, `entry ${r},${c} of ${JSON.stringify(grid)} is determined`).not.toBeNull();
            expect(isValidAlternative(grid, hidden, alternative!, { row: r, col: c })).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('hides forced entries and still protects every hidden entry', () => {
    fc.assert(
      fc.property(tableWithHide, k, ({ counts, hide }, threshold) => {
        const out = protectTable({ counts, k: threshold, hide });
        for (const [r, c] of hide.cells ?? []) expect(out.cells[r]![c]).toBeNull();
        for (const r of hide.rowTotals ?? []) expect(out.rowTotals[r]).toBeNull();
        for (const c of hide.columnTotals ?? []) expect(out.columnTotals[c]).toBeNull();
        if (hide.total) expect(out.total).toBeNull();
        expectProtected(counts, out, threshold);
      }),
      { numRuns: 200 },
    );
  });

  it('protects every table of a dashboard and hides a shared number everywhere or nowhere', () => {
    fc.assert(
      fc.property(dashboard, k, (tables, threshold) => {
        const out = protectLinkedTables({ tables, k: threshold });
        expect(Object.keys(out).sort()).toEqual(tables.map((t) => t.key).sort());
        for (const t of tables) {
          expect(out[t.key]!.rows).toEqual(t.rows);
          expect(out[t.key]!.columns).toEqual(t.columns);
          expectProtected(t.counts, out[t.key]!, threshold);
        }
        for (const [key, shown] of sharedVisibility(tables, out)) {
          expect(new Set(shown).size, `${key} shown in some tables, hidden in others`).toBe(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('hides a count of a multi-valued attribute when it is small or its total hidden', () => {
    fc.assert(
      fc.property(shares, k, (items, threshold) => {
        const totals = items.map((i) => (i.totalHidden ? null : i.total));
        const out = protectShares({ counts: items.map((i) => i.count), totals, k: threshold });
        const small = (v: number) => v > 0 && v < threshold;
        expect(out.cells).toHaveLength(items.length);
        for (const [i, item] of items.entries()) {
          const cell = out.cells[i] ?? null;
          if (cell === null) {
            expect(item.totalHidden || small(item.count)).toBe(true);
            continue;
          }
          expect(cell).toBe(item.count);
          expect(item.totalHidden).toBe(false);
          expect(small(cell)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('carries a margin hidden in one dashboard table into the others', () => {
    // District B has 3 people: hidden in the district × type table, so hidden in the by-district one too.
    const tables: LinkedTable[] = [
      {
        key: 'byType',
        rowDimension: 'district',
        columnDimension: 'coreType',
        rows: ['A', 'B'],
        columns: ['x', 'y'],
        counts: [
          [20, 30],
          [1, 2],
        ],
      },
      {
        key: 'byDistrict',
        rowDimension: 'all',
        columnDimension: 'district',
        rows: ['all'],
        columns: ['B', 'A'],
        counts: [[3, 50]],
      },
    ];
    const out = protectLinkedTables({ tables, k: 5 });
    expect(out.byType!.rowTotals[1]).toBeNull();
    expect(out.byDistrict!.columnTotals[0]).toBeNull();
    // With B hidden, A would give B away from the grand total: both go, in both tables.
    expect(out.byDistrict!.columnTotals[1] === null || out.byDistrict!.total === null).toBe(true);
    expect(out.byType!.rowTotals[0] === null).toBe(out.byDistrict!.columnTotals[1] === null);
    expect(out.byType!.total === null).toBe(out.byDistrict!.total === null);
    expect(out.byType!.rule.method).toBe('small-cell-and-complementary-suppression');
  });

  it('publishes shares of a total with their own rule', () => {
    const out = protectShares({ counts: [0, 2, 18, 20, 10], totals: [20, 20, 20, 20, null], k: 5 });
    expect(out.cells).toEqual([0, null, 18, 20, null]);
    expect(out.rule).toEqual({ k: 5, method: 'small-count-suppression' });
  });

  it('shows shown values unchanged and every hidden one as one neutral word, never 0 or "< k"', () => {
    const out = protectTable({
      counts: [
        [2, 30, 40],
        [40, 50, 60],
        [70, 80, 90],
      ],
      k: 5,
    });
    expect(out.cells[0]![0]).toBeNull();
    expect(formatCount(out.cells[0]![0]!)).toBe('riservato');
    // The cell hidden to protect the small one gets the same word, whatever its size.
    const partner = out.cells[0]!.findIndex((v, c) => c > 0 && v === null);
    expect(formatCount(out.cells[0]![partner]!)).toBe('riservato');
    expect(out.cells[2]![2]).toBe(90);
    expect(out.total).toBe(462);
    expect(out.rule).toEqual({ k: 5, method: 'small-cell-and-complementary-suppression' });
    // The lone small cell forces a partner in its row and its column.
    expect(out.cells.flat().filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses bad input', () => {
    expect(() => protectTable({ counts: [[1, -1]] })).toThrow(RangeError);
    expect(() => protectTable({ counts: [[1, 2], [3]] })).toThrow(RangeError);
    expect(() => protectTable({ counts: [[1]], k: 1 })).toThrow(RangeError);
    expect(() => protectTable({ counts: [[10, 10]], hide: { cells: [[0, 2]] } })).toThrow(RangeError);
    expect(() => protectTable({ counts: [[10, 10]], hide: { rowTotals: [-1] } })).toThrow(RangeError);
    expect(() => protectShares({ counts: [3], totals: [2] })).toThrow(RangeError);
    expect(() => protectShares({ counts: [3, 4], totals: [10] })).toThrow(RangeError);
    const table = (key: string, rows: string[], counts: number[][]): LinkedTable => ({
      key,
      rowDimension: 'district',
      columnDimension: 'all',
      rows,
      columns: ['all'],
      counts,
    });
    // Same district, different numbers: not the same population.
    expect(() =>
      protectLinkedTables({ tables: [table('a', ['A'], [[10]]), table('b', ['A'], [[11]])] }),
    ).toThrow(RangeError);
    expect(() =>
      protectLinkedTables({ tables: [table('a', ['A'], [[10]]), table('a', ['A'], [[10]])] }),
    ).toThrow(RangeError);
    expect(() => protectLinkedTables({ tables: [table('a', ['A', 'A'], [[10], [10]])] })).toThrow(RangeError);
  });
});

describe('open lists', () => {
  it('name only categories with at least k behind them; the rest go to "other", listed last', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[A-Z]{2}$/), fc.nat(12)),
        fc.integer({ min: 2, max: 10 }),
        (raw, k) => {
          const totals = new Map(Object.entries(raw));
          const named = namedCategories({ totals, k });
          expect(named.at(-1)).toBe('other');
          for (const category of named.slice(0, -1)) expect(totals.get(category)!).toBeGreaterThanOrEqual(k);
          for (const [category, total] of totals) if (total >= k) expect(named).toContain(category);
        },
      ),
    );
  });
});

describe('protection intervals', () => {
  it('finds each hidden entry\u2019s exact interval (checked by linear programming)', async () => {
    await fc.assert(
      fc.asyncProperty(
        table.chain((counts) =>
          fc.record({
            counts: fc.constant(counts),
            mask: fc.array(
              fc.array(fc.boolean(), { minLength: counts[0]!.length + 1, maxLength: counts[0]!.length + 1 }),
              {
                minLength: counts.length + 1,
                maxLength: counts.length + 1,
              },
            ),
          }),
        ),
        async ({ counts, mask }) => {
          const grid = extendedGrid(counts);
          for (const [r, row] of mask.entries()) {
            for (const [c, isHidden] of row.entries()) {
              if (!isHidden) continue;
              const { down, up } = feasibleRange(grid, mask, { row: r, col: c });
              const { min, max } = await intervalByLp(grid, mask, { row: r, col: c });
              expect([grid[r]![c]! - down, grid[r]![c]! + up]).toEqual([
                Math.round(min),
                max === Infinity ? Infinity : Math.round(max),
              ]);
            }
          }
        },
      ),
      { numRuns: 50 },
    );
  }, 30_000);

  it('widens a cell the old cycle search left at three possible values', () => {
    // Found by measuring the previous suppression: the 1 in the first row could only be 0, 1 or 2.
    const counts = [
      [3, 5, 1, 5],
      [0, 3, 8, 17],
      [21, 1, 3, 23],
      [28, 15, 11, 6],
      [10, 26, 1, 2],
    ];
    const out = protectTable({ counts, k: 5 });
    const grid = extendedGrid(counts);
    const hidden = publishedGrid(out).map((row) => row.map((value) => value === null));
    const { down, up } = feasibleRange(grid, hidden, { row: 0, col: 2 });
    expect(down + up + 1).toBeGreaterThanOrEqual(5);
  });

  it('leaves every hidden entry at least k possible values', () => {
    fc.assert(
      fc.property(tableWithHide, k, ({ counts, hide }, threshold) => {
        const out = protectTable({ counts, k: threshold, hide });
        const grid = extendedGrid(counts);
        const hidden = publishedGrid(out).map((row) => row.map((value) => value === null));
        for (const [r, row] of hidden.entries()) {
          for (const [c, isHidden] of row.entries()) {
            if (!isHidden) continue;
            const { down, up } = feasibleRange(grid, hidden, { row: r, col: c });
            expect(down + up + 1, `entry ${r},${c} of ${JSON.stringify(grid)}`).toBeGreaterThanOrEqual(
              threshold,
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('sliceUnderK', () => {
  it('publishes a slice of fewer than k people only as that, from k on its tables; k below 2 is refused', () => {
    expect(sliceUnderK({ population: 0, k: 5 })).toBe(true);
    expect(sliceUnderK({ population: 4, k: 5 })).toBe(true);
    expect(sliceUnderK({ population: 5, k: 5 })).toBe(false);
    expect(() => sliceUnderK({ population: 10, k: 1 })).toThrow(RangeError);
  });
});

describe('protectBreakdowns', () => {
  const breakdowns = (a: number[], b: number[]) => [
    { key: 'a', categories: ['x', 'y', 'z'], counts: a },
    { key: 'b', categories: ['u', 'v'], counts: b },
  ];
  it('hides every breakdown of a population under k, none of an empty one, and protects the others together', () => {
    expect(protectBreakdowns({ population: 3, breakdowns: breakdowns([3, 0, 0], [1, 2]) })).toEqual({
      a: [null, null, null],
      b: [null, null],
    });
    expect(protectBreakdowns({ population: 0, breakdowns: breakdowns([0, 0, 0], [0, 0]) })).toEqual({
      a: [0, 0, 0],
      b: [0, 0],
    });
    const shown = protectBreakdowns({ population: 12, breakdowns: breakdowns([8, 2, 2], [6, 6]) });
    expect(shown).toEqual({ a: [8, null, null], b: [6, 6] });
  });
});
