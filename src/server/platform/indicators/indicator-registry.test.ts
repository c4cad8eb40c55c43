import { describe, expect, it } from 'vitest';
import type { Indicator } from './indicator.js';
import { indicatorLabels, registerIndicators } from './indicator-registry.js';

const indicator = (key: string, it: string): Indicator => ({
  key,
  label: { it, en: `${it} (en)` },
  unit: 'records',
  compute: async () => ({ value: 0, recordIds: [] }),
});

describe('indicator registry', () => {
  it('is filled with the module list as soon as app.ts is loaded (the demo seed builds no app)', async () => {
    const { MODULES } = await import('../../app.js');
    const { indicatorsOf } = await import('../module.js');
    const keys = indicatorsOf(MODULES).map((i) => i.key);
    expect(keys.length).toBeGreaterThan(3);
    expect([...indicatorLabels().keys()].sort()).toEqual([...keys].sort());
  }, 60_000); // app.ts loads every module

  it('holds the labels of the last modules mounted, by key, and nothing else', () => {
    registerIndicators([indicator('a.one', 'Uno'), indicator('b.two', 'Due')]);
    expect(indicatorLabels().get('b.two')).toEqual({ it: 'Due', en: 'Due (en)' });
    registerIndicators([indicator('c.three', 'Tre')]);
    expect([...indicatorLabels().keys()]).toEqual(['c.three']);
    expect(indicatorLabels().has('a.one')).toBe(false);
  });
});
