import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Italian first, English complete: both catalogues have exactly the same keys, so no screen shows a
// raw key in either language. (i18next plural forms differ by language only in ways both share here.)
function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}
const catalogue = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../src/web/i18n/${lang}.json`, import.meta.url), 'utf8')) as unknown;

describe('message catalogues', () => {
  it('have the same keys in Italian and English', () => {
    const it_ = new Set(keys(catalogue('it')));
    const en = new Set(keys(catalogue('en')));
    expect([...it_].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !it_.has(k))).toEqual([]);
  });

  it('have no empty message', () => {
    for (const lang of ['it', 'en']) {
      const flat = keys(catalogue(lang));
      expect(flat.length).toBeGreaterThan(500);
      const json = catalogue(lang) as Record<string, unknown>;
      const empty = flat.filter((path) => {
        const value = path
          .split('.')
          .reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], json);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, lang).toEqual([]);
    }
  });
});
