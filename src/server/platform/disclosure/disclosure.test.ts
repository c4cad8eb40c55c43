import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternativeTable, extendedGrid, formatCount, protectTable, suppressionMask } from './disclosure.js';

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

  it('shows shown values unchanged and suppressed ones as "< k", never 0', () => {
    const out = protectTable({
      counts: [
        [2, 30, 40],
        [40, 50, 60],
        [70, 80, 90],
      ],
      k: 5,
    });
    expect(out.cells[0]![0]).toBeNull();
    expect(formatCount(out.cells[0]![0]!, out.rule)).toBe('< 5');
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
  });
});
