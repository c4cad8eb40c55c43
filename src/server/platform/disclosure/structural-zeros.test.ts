import { describe, expect, it } from 'vitest';
import { protectTable } from './disclosure.js';
import { extendedGrid } from './protection-interval.js';
import { intervalByLp, publishedGrid } from './test-support.js';

describe('structural zeros', () => {
  // Countries by citizenship group: Italy is only Italian, Morocco only a third country; "other
  // countries" mixes groups. A reader knows the zeros, so hiding one protects nothing.
  const counts = [
    [15, 0, 0],
    [0, 0, 50],
    [0, 4, 3],
  ];
  const structuralZeros = [
    [false, true, true],
    [true, true, false],
    [false, false, false],
  ];

  it('never hides a cell every reader knows is 0, and still leaves every hidden entry k values', async () => {
    const out = protectTable({ counts, k: 5, structuralZeros });
    structuralZeros.forEach((row, r) => {
      row.forEach((zero, c) => {
        if (zero) expect(out.cells[r]![c], `cell ${r},${c}`).toBe(0);
      });
    });
    const grid = extendedGrid(counts);
    const hidden = publishedGrid(out).map((row) => row.map((value) => value === null));
    expect(hidden.flat().some(Boolean)).toBe(true);
    for (const [r, row] of hidden.entries()) {
      for (const [c, isHidden] of row.entries()) {
        if (!isHidden) continue;
        const { min, max } = await intervalByLp(grid, hidden, { row: r, col: c });
        expect(max - min + 1, `entry ${r},${c}`).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('refuses a structural zero that holds a count', () => {
    expect(() => protectTable({ counts, k: 5, structuralZeros: [[true, false, false], [], []] })).toThrow(
      RangeError,
    );
  });
});
