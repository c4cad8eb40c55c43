import highsLoader from 'highs';
import type { ProtectedTable } from './disclosure.js';

/** A protected table as one grid, totals last, with null where hidden (for the tests). */
export function publishedGrid(out: ProtectedTable) {
  const rows = out.cells.map((row, r) => [...row, out.rowTotals[r]!]);
  return [...rows, [...out.columnTotals, out.total]];
}

/** The interval of one hidden entry by linear programming (HiGHS), independent of the flow search. */
const highsReady = highsLoader();
export async function intervalByLp(
  grid: number[][],
  hidden: boolean[][],
  target: { row: number; col: number },
) {
  const highs = await highsReady;
  const R = grid.length - 1;
  const C = grid[0]!.length - 1;
  const v = (r: number, c: number) => `x${r}_${c}`;
  const constraints: string[] = [];
  for (let r = 0; r <= R; r++) {
    constraints.push(
      ` r${r}: ${Array.from({ length: C }, (_, c) => `+ ${v(r, c)}`).join(' ')} - ${v(r, C)} = 0`,
    );
  }
  for (let c = 0; c <= C; c++) {
    constraints.push(
      ` c${c}: ${Array.from({ length: R }, (_, r) => `+ ${v(r, c)}`).join(' ')} - ${v(R, c)} = 0`,
    );
  }
  const bounds = grid.flatMap((row, r) =>
    row.map((value, c) => (hidden[r]![c] ? ` ${v(r, c)} >= 0` : ` ${v(r, c)} = ${value}`)),
  );
  const solve = (sense: string) => {
    const lp = [
      sense,
      ` obj: ${v(target.row, target.col)}`,
      'Subject To',
      ...constraints,
      'Bounds',
      ...bounds,
      'End',
    ];
    const result = highs.solve(lp.join('\n'), { output_flag: false });
    return result.Status === 'Optimal' ? result.ObjectiveValue : Number.POSITIVE_INFINITY;
  };
  return { min: solve('Minimize'), max: solve('Maximize') };
}
