import type { TFamilyNetwork } from '../../../contracts/tutela.js';

/**
 * Where each person of a family network sits in its genogram: the generations come from the
 * relations (a parent one row above the child, a grandparent two), partners and siblings sit side
 * by side, a child under its parents. A pure function, so the drawing (Genogram.tsx) only draws and
 * the rules are unit-tested. Relations that contradict each other never fail: the first one read
 * wins, the rest are still drawn as links.
 */

type Person = Pick<
  TFamilyNetwork['people'][number],
  'id' | 'givenName' | 'birthYear' | 'gender' | 'livesInHousehold'
>;
type Relation = TFamilyNetwork['relations'][number];
type Kind = Relation['kind'];

/** How many rows below `from` the `to` of a relation sits (`from` is the kind of `to`). */
const ROWS_BELOW: Partial<Record<Kind, number>> = {
  parent: 1,
  step_parent: 1,
  grandparent: 2,
  aunt_uncle: 1,
  sibling: 0,
  half_sibling: 0,
  cousin: 0,
  partner: 0,
  former_partner: 0,
};
/** Relations that say nothing certain about generations: used only to place a group otherwise unplaced. */
const LOOSE_ROWS_BELOW: Partial<Record<Kind, number>> = { significant_adult: 1, other: 0 };
const PARTNERS: readonly Kind[] = ['partner', 'former_partner'];
const ABOVE: readonly Kind[] = ['parent', 'step_parent', 'grandparent', 'aunt_uncle'];

/** The drawing's measures, in the SVG's own units (it scales to the width it is given). */
export const GENOGRAM = {
  symbol: 36,
  slot: 104,
  row: 128,
  margin: 16,
  /** Room under a symbol for the given name and the birth year. */
  label: 38,
} as const;

export type GenogramShape = 'square' | 'circle' | 'diamond';
export type LinkStyle = 'solid' | 'dashed' | 'dotted';

export interface GenogramNode {
  id: string;
  /** The symbol's centre. */
  x: number;
  y: number;
  generation: number;
  shape: GenogramShape;
  /** Lives in another home (a relative or significant adult outside the household). */
  outside: boolean;
  givenName: string;
  birthYear: number | null;
}

export interface GenogramLink {
  id: string;
  kind: Kind;
  style: LinkStyle;
  /** An SVG path (`d`). */
  path: string;
}

export interface GenogramLayout {
  width: number;
  height: number;
  nodes: GenogramNode[];
  links: GenogramLink[];
  /** The people of each generation, top row first, left to right. */
  rows: string[][];
}

export function shapeOf(gender: string): GenogramShape {
  if (gender === 'male') return 'square';
  if (gender === 'female') return 'circle';
  return 'diamond';
}

const STYLE: Record<Kind, LinkStyle> = {
  parent: 'solid',
  sibling: 'solid',
  partner: 'solid',
  step_parent: 'dashed',
  half_sibling: 'dashed',
  former_partner: 'dashed',
  grandparent: 'dotted',
  aunt_uncle: 'dotted',
  cousin: 'dotted',
  significant_adult: 'dotted',
  other: 'dotted',
};

/** Each person's generation, 0 the top row. */
function generations(people: Person[], relations: Relation[]): Map<string, number> {
  const gen = new Map<string, number>();
  const group = new Map<string, number>();
  const edges = new Map<string, { to: string; rows: number }[]>();
  const link = (a: string, b: string, rows: number) => edges.get(a)?.push({ to: b, rows });
  for (const p of people) edges.set(p.id, []);
  for (const r of relations) {
    const rows = ROWS_BELOW[r.kind];
    if (rows === undefined) continue;
    link(r.fromPersonId, r.toPersonId, rows);
    link(r.toPersonId, r.fromPersonId, -rows);
  }
  // Each group of people tied by generational relations, placed relative to its first person.
  let groups = 0;
  for (const start of people) {
    if (gen.has(start.id)) continue;
    const id = groups++;
    gen.set(start.id, 0);
    group.set(start.id, id);
    const queue = [start.id];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      for (const edge of edges.get(next) ?? []) {
        if (gen.has(edge.to)) continue;
        gen.set(edge.to, (gen.get(next) ?? 0) + edge.rows);
        group.set(edge.to, id);
        queue.push(edge.to);
      }
    }
  }
  const members = (id: number) => people.filter((p) => group.get(p.id) === id).map((p) => p.id);
  const join = (keep: number, move: number, shift: number) => {
    for (const pid of members(move)) {
      gen.set(pid, (gen.get(pid) ?? 0) + shift);
      group.set(pid, keep);
    }
  };
  // Loose relations (a significant adult, another relation) bring a separate group alongside.
  for (const r of relations) {
    const rows = LOOSE_ROWS_BELOW[r.kind];
    const a = group.get(r.fromPersonId);
    const b = group.get(r.toPersonId);
    if (rows === undefined || a === undefined || b === undefined || a === b) continue;
    join(a, b, (gen.get(r.fromPersonId) ?? 0) + rows - (gen.get(r.toPersonId) ?? 0));
  }
  // A group tied to nobody goes to the generation of the closest birth years, else the first person's.
  const main = group.get(people[0]?.id ?? '');
  const yearsByGen = new Map<number, number[]>();
  for (const p of people)
    if (group.get(p.id) === main && p.birthYear !== null) {
      const g = gen.get(p.id) ?? 0;
      yearsByGen.set(g, [...(yearsByGen.get(g) ?? []), p.birthYear]);
    }
  const mean = (list: number[]) => list.reduce((s, v) => s + v, 0) / list.length;
  for (let id = 0; id < groups; id++) {
    if (id === main || members(id).length === 0) continue;
    const dated = people.find((p) => group.get(p.id) === id && p.birthYear !== null);
    let target = gen.get(people[0]?.id ?? '') ?? 0;
    if (dated && yearsByGen.size > 0) {
      const year = dated.birthYear ?? 0;
      const nearest = [...yearsByGen.entries()].sort(
        ([ga, a], [gb, b]) => Math.abs(mean(a) - year) - Math.abs(mean(b) - year) || ga - gb,
      )[0];
      if (nearest) target = nearest[0];
    }
    if (main !== undefined) join(main, id, target - (gen.get(dated?.id ?? members(id)[0] ?? '') ?? 0));
  }
  const top = Math.min(...gen.values());
  for (const [pid, g] of gen) gen.set(pid, g - top);
  return gen;
}

/** Left-to-right order of one row: groups of partners and siblings, each under its elders. */
function orderRow({
  row,
  relations,
  xOf,
  people,
}: {
  row: string[];
  relations: Relation[];
  xOf: Map<string, number>;
  people: Map<string, { index: number; birthYear: number | null }>;
}): string[] {
  const inRow = new Set(row);
  // Partners, siblings and cousins of this row form clusters (union-find).
  const parent = new Map(row.map((id) => [id, id]));
  const find = (id: string): string => {
    const up = parent.get(id) ?? id;
    if (up === id) return id;
    const root = find(up);
    parent.set(id, root);
    return root;
  };
  const partnersOf = new Map<string, string[]>(row.map((id) => [id, []]));
  for (const r of relations) {
    if (!inRow.has(r.fromPersonId) || !inRow.has(r.toPersonId) || ROWS_BELOW[r.kind] !== 0) continue;
    parent.set(find(r.fromPersonId), find(r.toPersonId));
    if (PARTNERS.includes(r.kind)) {
      partnersOf.get(r.fromPersonId)?.push(r.toPersonId);
      partnersOf.get(r.toPersonId)?.push(r.fromPersonId);
    }
  }
  // Under whom each person sits: the mean position of their elders already placed.
  const anchor = new Map<string, number>();
  for (const id of row) {
    const above = relations
      .filter((r) => r.toPersonId === id && (ABOVE.includes(r.kind) || r.kind === 'significant_adult'))
      .map((r) => xOf.get(r.fromPersonId))
      .filter((x): x is number => x !== undefined);
    if (above.length > 0) anchor.set(id, above.reduce((s, v) => s + v, 0) / above.length);
  }
  const index = (id: string) => people.get(id)?.index ?? 0;
  const byAnchorThenAge = (a: string, b: string) =>
    (anchor.get(a) ?? Number.POSITIVE_INFINITY) - (anchor.get(b) ?? Number.POSITIVE_INFINITY) ||
    (people.get(a)?.birthYear ?? 9999) - (people.get(b)?.birthYear ?? 9999) ||
    index(a) - index(b);
  const clusters = new Map<string, string[]>();
  for (const id of row) clusters.set(find(id), [...(clusters.get(find(id)) ?? []), id]);
  const clusterAnchor = (ids: string[]) => {
    const known = ids.map((id) => anchor.get(id)).filter((x): x is number => x !== undefined);
    return known.length > 0 ? known.reduce((s, v) => s + v, 0) / known.length : Number.POSITIVE_INFINITY;
  };
  const ordered = [...clusters.values()].sort(
    (a, b) => clusterAnchor(a) - clusterAnchor(b) || Math.min(...a.map(index)) - Math.min(...b.map(index)),
  );
  const out: string[] = [];
  const placed = new Set<string>();
  const place = (id: string) => {
    if (placed.has(id)) return;
    placed.add(id);
    out.push(id);
    for (const partner of partnersOf.get(id) ?? []) place(partner);
  };
  for (const cluster of ordered) for (const id of [...cluster].sort(byAnchorThenAge)) place(id);
  return out;
}

/**
 * The path of one relation between two placed symbols. `passAt`: where a line that skips a
 * generation (a grandparent's) goes down through the rows between, clear of their symbols.
 */
function pathOf(
  kind: Kind,
  a: GenogramNode,
  b: GenogramNode,
  { adjacent, passAt }: { adjacent: boolean; passAt: number },
): string {
  const { symbol, label } = GENOGRAM;
  const half = symbol / 2;
  if (a.generation < b.generation && ROWS_BELOW[kind] !== undefined) {
    // From under the elder's label down to just above the younger: the drop every genogram uses.
    const bar = b.y - half - 18;
    const start = `M ${a.x} ${a.y + half + label}`;
    if (b.generation - a.generation === 1) return `${start} V ${bar} H ${b.x} V ${b.y - half}`;
    const gap = a.y + half + label + 8;
    return `${start} V ${gap} H ${passAt} V ${bar} H ${b.x} V ${b.y - half}`;
  }
  if (a.generation === b.generation && ROWS_BELOW[kind] === 0) {
    const [l, r] = a.x <= b.x ? [a, b] : [b, a];
    if (PARTNERS.includes(kind)) {
      // Partners: a line between them when side by side, else a bracket under their labels.
      if (adjacent) return `M ${l.x + half} ${l.y} H ${r.x - half}`;
      const under = l.y + half + label + 6;
      return `M ${l.x} ${l.y + half + label} V ${under} H ${r.x} V ${r.y + half + label}`;
    }
    // Siblings and cousins: the bracket above them, where their parents' line comes down.
    const over = l.y - half - 18;
    return `M ${l.x} ${l.y - half} V ${over} H ${r.x} V ${r.y - half}`;
  }
  // Any other relation: a curve between the two symbols.
  const mx = (a.x + b.x) / 2 + (a.y === b.y ? 0 : 24);
  const my = (a.y + b.y) / 2 - (a.y === b.y ? 40 : 0);
  return `M ${a.x} ${a.y} Q ${mx} ${my} ${b.x} ${b.y}`;
}

export function layoutGenogram({
  people,
  relations,
}: {
  people: Person[];
  relations: Relation[];
}): GenogramLayout {
  const known = new Set(people.map((p) => p.id));
  // A relation to someone the viewer does not see is not drawn (nor listed).
  const usable = relations.filter((r) => known.has(r.fromPersonId) && known.has(r.toPersonId));
  const gen = generations(people, usable);
  const depth = people.length === 0 ? 0 : Math.max(...gen.values()) + 1;
  const info = new Map(people.map((p, index) => [p.id, { index, birthYear: p.birthYear }]));
  const unordered: string[][] = Array.from({ length: depth }, () => []);
  for (const p of people) unordered[gen.get(p.id) ?? 0]?.push(p.id);
  const widest = Math.max(1, ...unordered.map((r) => r.length));
  const { slot, row: rowHeight, margin, symbol, label } = GENOGRAM;
  const xOf = new Map<string, number>();
  const rows: string[][] = [];
  for (const row of unordered) {
    const ordered = orderRow({ row, relations: usable, xOf, people: info });
    // Each row is centred on the widest one.
    const offset = ((widest - ordered.length) * slot) / 2;
    ordered.forEach((id, i) => {
      xOf.set(id, margin + offset + slot / 2 + i * slot);
    });
    rows.push(ordered);
  }
  const nodes: GenogramNode[] = people.map((p) => {
    const generation = gen.get(p.id) ?? 0;
    return {
      id: p.id,
      x: xOf.get(p.id) ?? 0,
      y: margin + symbol / 2 + generation * rowHeight,
      generation,
      shape: shapeOf(p.gender),
      outside: !p.livesInHousehold,
      givenName: p.givenName,
      birthYear: p.birthYear,
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const position = new Map(rows.flatMap((r) => r.map((id, i) => [id, i] as const)));
  /** In a row, the free place (between two symbols, or beside the first or last) nearest to `near`. */
  const freeX = (generation: number, near: number) => {
    const xs = (rows[generation] ?? []).map((id) => xOf.get(id) ?? 0);
    if (xs.length === 0) return near;
    const gaps = [xs[0]! - slot / 2, ...xs.slice(1).map((x, i) => (x + xs[i]!) / 2), xs.at(-1)! + slot / 2];
    return gaps.sort((p, q) => Math.abs(p - near) - Math.abs(q - near) || p - q)[0]!;
  };
  const links = usable.map((r) => {
    const a = byId.get(r.fromPersonId)!;
    const b = byId.get(r.toPersonId)!;
    const adjacent =
      a.generation === b.generation && Math.abs((position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)) === 1;
    const passAt = freeX(a.generation + 1, (a.x + b.x) / 2);
    return { id: r.id, kind: r.kind, style: STYLE[r.kind], path: pathOf(r.kind, a, b, { adjacent, passAt }) };
  });
  return {
    width: margin * 2 + widest * slot,
    height: depth === 0 ? 0 : margin * 2 + (depth - 1) * rowHeight + symbol + label + 8,
    nodes,
    links,
    rows,
  };
}
