import highsLoader from 'highs';
import type { TStatistics } from '../../src/contracts/observatory.js';

/**
 * An attacker's audit of a published dashboard: every number of every table (crosstabs and
 * shares) as one linear system, shown numbers as equalities, hidden ones as non-negative
 * unknowns, and for each hidden number the least and largest value it can take (a linear
 * program each way, solved with HiGHS). Crosstab cells add up to their row and column totals and
 * those to the grand total; a margin that several tables publish (the same category of the same
 * dimension, or the grand total, of the same unit) is one unknown; a share count lies between 0
 * and its population; and what a reader knows of how the numbers relate (`SUBSETS`) bounds them.
 * `values` = floor(max) − ceil(min) + 1 is how many values a reader cannot tell apart.
 */
export interface HiddenInterval {
  name: string;
  min: number;
  max: number;
  values: number;
}

const WHOLE_POPULATION = 'all';

class LinearSystem {
  private readonly names = new Map<string, string>();
  readonly fixed = new Map<string, number>();
  readonly hidden = new Set<string>();
  readonly constraints: string[] = [];

  /** The LP variable of a published number; the same `name` is the same unknown everywhere. */
  variable(name: string, value: number | null) {
    let id = this.names.get(name);
    if (!id) {
      id = `x${this.names.size}`;
      this.names.set(name, id);
    }
    if (value === null) this.hidden.add(name);
    else {
      const known = this.fixed.get(name);
      if (known !== undefined && known !== value)
        throw new Error(`${name} published as ${known} and ${value}`);
      this.fixed.set(name, value);
    }
    return id;
  }

  /** The variable of a number published under `name`; undefined when no table publishes it. */
  idOf(name: string) {
    return this.names.get(name);
  }

  /** Σ terms (variables, +1 each) − Σ minus = 0, or ≤ 0 with `atMost`. */
  relate(plus: string[], minus: string[], atMost = false) {
    const terms = [...plus.map((v) => `+ ${v}`), ...minus.map((v) => `- ${v}`)].join(' ');
    this.constraints.push(` c${this.constraints.length}: ${terms} ${atMost ? '<=' : '='} 0`);
  }

  program(objective: string, sense: 'Minimize' | 'Maximize') {
    const bounds = [...this.names].map(([name, id]) => {
      const value = this.fixed.get(name);
      return value === undefined ? ` ${id} >= 0` : ` ${id} = ${value}`;
    });
    return [sense, ` obj: ${objective}`, 'Subject To', ...this.constraints, 'Bounds', ...bounds, 'End'].join(
      '\n',
    );
  }
}

/**
 * What a reader knows besides the tables (docs/observatory-data.md, ADR 0018): a context counts a
 * subset of some core-type and age-band margins, a core type implies its form, and each survivor
 * of a year had at least one counted incident that year. Each is an inequality
 * between published numbers: `count` is at most the sum of `margins`.
 */
const MINORS = ['ageBand = 0-11', 'ageBand = 12-17'];
const SEXUAL_TYPES = ['coreType = rape', 'coreType = sexual_assault'];
const SUBSETS: { count: string; margins: string[] }[] = [
  { count: 'contexts: child_sexual_abuse × all', margins: SEXUAL_TYPES },
  { count: 'contexts: child_sexual_abuse × all', margins: MINORS },
  { count: 'contexts: early_marriage × all', margins: ['coreType = forced_marriage'] },
  { count: 'contexts: early_marriage × all', margins: MINORS },
  { count: 'contexts: possible_sexual_exploitation × all', margins: SEXUAL_TYPES },
  { count: 'contexts: possible_sexual_slavery × all', margins: SEXUAL_TYPES },
  { count: 'coreType = physical_assault', margins: ['forms: physical × all'] },
  { count: 'coreType = psychological_abuse', margins: ['forms: psychological × all'] },
  { count: 'coreType = rape', margins: ['forms: sexual × all'] },
  { count: 'coreType = sexual_assault', margins: ['forms: sexual × all'] },
  // The people followed are at most the incidents (each had at least one counted incident).
  { count: 'survivors: the grand total', margins: ['the grand total'] },
];

function systemOf(statistics: TStatistics, countryGroup?: ReadonlyMap<string, string>) {
  const system = new LinearSystem();
  // Each unit is its own population: the survivors' margins and total are other numbers than the
  // incidents' of the same category (incident names keep no prefix).
  const scope = (unit: string) => (unit === 'incidents' ? '' : `${unit}: `);
  const margin = (unit: string, table: string, dimension: string, label: string) =>
    dimension === WHOLE_POPULATION
      ? `${table}: ${dimension} ${label}`
      : `${scope(unit)}${dimension} = ${label}`;
  for (const t of statistics.tables.filter((table) => table.kind === 'crosstab')) {
    const cell = (r: number, c: number) =>
      system.variable(`${t.key}: ${t.rows[r]} × ${t.columns[c]}`, t.cells[r]![c] ?? null);
    const rowTotal = (r: number) =>
      system.variable(margin(t.unit, t.key, t.rowDimension, t.rows[r]!), t.rowTotals![r] ?? null);
    const columnTotal = (c: number) =>
      system.variable(margin(t.unit, t.key, t.columnDimension, t.columns[c]!), t.columnTotals[c] ?? null);
    const total = system.variable(`${scope(t.unit)}the grand total`, t.total);
    t.rows.forEach((_, r) => {
      system.relate(
        t.columns.map((_, c) => cell(r, c)),
        [rowTotal(r)],
      );
    });
    t.columns.forEach((_, c) => {
      system.relate(
        t.rows.map((_, r) => cell(r, c)),
        [columnTotal(c)],
      );
    });
    system.relate(
      t.rows.map((_, r) => rowTotal(r)),
      [total],
    );
    system.relate(
      t.columns.map((_, c) => columnTotal(c)),
      [total],
    );
  }
  for (const t of statistics.tables.filter((table) => table.kind === 'shares')) {
    t.columns.forEach((column, c) => {
      const population =
        t.columnDimension === WHOLE_POPULATION
          ? system.variable(`${scope(t.unit)}the grand total`, t.columnTotals[c] ?? null)
          : system.variable(margin(t.unit, t.key, t.columnDimension, column), t.columnTotals[c] ?? null);
      t.rows.forEach((row, r) => {
        const count = system.variable(`${t.key}: ${row} × ${column}`, t.cells[r]![c] ?? null);
        system.relate([count], [population], true);
      });
    });
  }
  for (const { count, margins } of SUBSETS) {
    const ids = [count, ...margins].map((name) => system.idOf(name));
    if (ids.some((id) => id === undefined)) continue;
    system.relate([ids[0]!], ids.slice(1) as string[], true);
  }
  // A reader knows each named country's citizenship group: its other cells are 0.
  const country = statistics.tables.find((t) => t.key === 'country');
  for (const row of countryGroup ? (country?.rows ?? []) : []) {
    const own = row === 'unknown' ? 'unknown' : countryGroup?.get(row);
    if (row === 'other' || !own) continue;
    for (const column of country!.columns) {
      if (column !== own) system.relate([system.idOf(`country: ${row} × ${column}`)!], []);
    }
  }
  return system;
}

/** Every hidden number's interval, narrowest first. */
export async function hiddenIntervals(
  statistics: TStatistics,
  /** What a reader knows of the world: each country's citizenship group (Italy → italian). */
  countryGroup?: ReadonlyMap<string, string>,
): Promise<HiddenInterval[]> {
  const highs = await highsLoader();
  const system = systemOf(statistics, countryGroup);
  const solve = (name: string, sense: 'Minimize' | 'Maximize') => {
    const result = highs.solve(system.program(system.idOf(name)!, sense), { output_flag: false });
    if (result.Status === 'Unbounded') return Number.POSITIVE_INFINITY;
    if (result.Status !== 'Optimal') throw new Error(`${name}: ${result.Status}`);
    return result.ObjectiveValue;
  };
  const intervals = [...system.hidden].map((name) => {
    const min = solve(name, 'Minimize');
    const max = solve(name, 'Maximize');
    // The LP bounds, rounded inward to the integers a count can take.
    const values = Math.floor(max + 1e-6) - Math.ceil(min - 1e-6) + 1;
    return { name, min, max, values };
  });
  return intervals.sort((a, b) => a.values - b.values);
}
