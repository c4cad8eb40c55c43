import { describe, expect, it } from 'vitest';
import type { TFamilyNetwork } from '../../../contracts/tutela.js';
import { GENOGRAM, layoutGenogram, shapeOf } from './genogram-layout.js';

type Person = TFamilyNetwork['people'][number];
type Relation = TFamilyNetwork['relations'][number];

const person = (id: string, gender: string, birthYear: number | null, livesInHousehold = true): Person => ({
  id,
  givenName: id,
  familyName: 'Diallo',
  birthYear,
  gender,
  livesInHousehold,
});
let next = 0;
const rel = (fromPersonId: string, kind: Relation['kind'], toPersonId: string): Relation => ({
  id: `r${next++}`,
  fromPersonId,
  toPersonId,
  kind,
});

/** The demo's Diallo household: a mother, two children, the grandmother living elsewhere. */
const diallo = {
  people: [
    person('fatou', 'female', 1989),
    person('aminata', 'female', 2014),
    person('moussa', 'male', 2017),
    person('mariama', 'female', 1962, false),
  ],
  relations: [
    rel('fatou', 'parent', 'aminata'),
    rel('fatou', 'parent', 'moussa'),
    rel('aminata', 'sibling', 'moussa'),
    rel('mariama', 'grandparent', 'aminata'),
    rel('mariama', 'grandparent', 'moussa'),
  ],
};

const nodeOf = (layout: ReturnType<typeof layoutGenogram>, id: string) =>
  layout.nodes.find((n) => n.id === id)!;

describe('genogram layout', () => {
  it('puts a grandparent above the parent, the parent above the children', () => {
    const layout = layoutGenogram(diallo);
    expect(layout.rows).toEqual([['mariama'], ['fatou'], ['aminata', 'moussa']]);
    expect(nodeOf(layout, 'mariama').y).toBeLessThan(nodeOf(layout, 'fatou').y);
    expect(nodeOf(layout, 'fatou').y).toBeLessThan(nodeOf(layout, 'moussa').y);
    expect(nodeOf(layout, 'aminata').y).toBe(nodeOf(layout, 'moussa').y);
  });

  it('takes a grandparent’s line down beside the parent, not through her', () => {
    const layout = layoutGenogram(diallo);
    const fatou = nodeOf(layout, 'fatou');
    const lines = layout.links.filter((l) => l.kind === 'grandparent');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      // The second horizontal move is where it passes the parent's row.
      const passAt = Number(/ H ([\d.]+) V /.exec(line.path)?.[1]);
      expect(Math.abs(passAt - fatou.x)).toBeGreaterThanOrEqual(GENOGRAM.slot / 2);
      expect(passAt).toBeGreaterThanOrEqual(0);
      expect(passAt).toBeLessThanOrEqual(layout.width);
    }
  });

  it('draws a shape per gender and a dashed outline for who lives elsewhere', () => {
    const layout = layoutGenogram(diallo);
    expect(nodeOf(layout, 'moussa').shape).toBe('square');
    expect(nodeOf(layout, 'fatou').shape).toBe('circle');
    expect(shapeOf('other')).toBe('diamond');
    expect(shapeOf('not_stated')).toBe('diamond');
    expect(nodeOf(layout, 'mariama').outside).toBe(true);
    expect(nodeOf(layout, 'fatou').outside).toBe(false);
  });

  it('keeps partners side by side, and siblings together under their parents', () => {
    const layout = layoutGenogram({
      people: [
        person('mother', 'female', 1985),
        person('uncle', 'male', 1980),
        person('child2', 'male', 2015),
        person('father', 'male', 1983),
        person('child1', 'female', 2010),
        person('cousin', 'female', 2012),
      ],
      relations: [
        rel('mother', 'parent', 'child1'),
        rel('father', 'parent', 'child1'),
        rel('mother', 'parent', 'child2'),
        rel('child1', 'sibling', 'child2'),
        rel('mother', 'partner', 'father'),
        rel('uncle', 'sibling', 'mother'),
        rel('uncle', 'parent', 'cousin'),
        rel('cousin', 'cousin', 'child1'),
      ],
    });
    const [elders, children] = layout.rows as [string[], string[]];
    expect(elders).toHaveLength(3);
    expect(Math.abs(elders.indexOf('mother') - elders.indexOf('father'))).toBe(1);
    expect(Math.abs(children.indexOf('child1') - children.indexOf('child2'))).toBe(1);
    // The elder sibling first; the cousin sits at the side of her own parent.
    expect(children.indexOf('child1')).toBeLessThan(children.indexOf('child2'));
    const x = (id: string) => nodeOf(layout, id).x;
    expect(Math.sign(x('cousin') - x('child1'))).toBe(Math.sign(x('uncle') - x('mother')));
  });

  it('lays out an aunt one row above and a significant adult with the child’s elders', () => {
    const layout = layoutGenogram({
      people: [person('child', 'male', 2016), person('aunt', 'female', 1979), person('coach', 'male', null)],
      relations: [rel('aunt', 'aunt_uncle', 'child'), rel('coach', 'significant_adult', 'child')],
    });
    expect(layout.rows).toEqual([['aunt', 'coach'], ['child']]);
  });

  it('places someone tied to nobody in the generation of the closest birth years', () => {
    const layout = layoutGenogram({
      people: [...diallo.people, person('neighbour', 'other', 1960, false)],
      relations: diallo.relations,
    });
    expect(nodeOf(layout, 'neighbour').generation).toBe(nodeOf(layout, 'mariama').generation);
  });

  it('survives relations that contradict each other and relations to people it does not see', () => {
    const layout = layoutGenogram({
      people: [person('a', 'female', 1990), person('b', 'male', 1991)],
      relations: [rel('a', 'parent', 'b'), rel('b', 'parent', 'a'), rel('a', 'sibling', 'hidden')],
    });
    expect(layout.rows.flat().sort()).toEqual(['a', 'b']);
    // Both recorded relations between a and b are drawn; the one to a hidden person is not.
    expect(layout.links.map((l) => l.kind)).toEqual(['parent', 'parent']);
    for (const link of layout.links) expect(link.path).not.toMatch(/NaN|undefined/);
  });

  it('fits every symbol inside its box, whose size follows the widest generation', () => {
    const layout = layoutGenogram(diallo);
    expect(layout.width).toBe(GENOGRAM.margin * 2 + 2 * GENOGRAM.slot);
    for (const node of layout.nodes) {
      expect(node.x - GENOGRAM.symbol / 2).toBeGreaterThanOrEqual(0);
      expect(node.x + GENOGRAM.symbol / 2).toBeLessThanOrEqual(layout.width);
      expect(node.y + GENOGRAM.symbol / 2 + GENOGRAM.label).toBeLessThanOrEqual(layout.height);
    }
    // The parent's line comes down from under her label to above the child.
    const parent = layout.links.find((l) => l.kind === 'parent')!;
    expect(parent.path).toMatch(/^M [\d.]+ [\d.]+ V [\d.]+ H [\d.]+ V [\d.]+$/);
    expect(parent.style).toBe('solid');
  });

  it('is empty for an empty network, and the same for the same input', () => {
    expect(layoutGenogram({ people: [], relations: [] })).toMatchObject({ nodes: [], links: [], height: 0 });
    expect(layoutGenogram(diallo)).toEqual(layoutGenogram(diallo));
  });
});
