import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURE_MODULES } from '../../src/web/app/feature-modules.js';
import { type Catalogue, mergeCatalogues } from '../../src/web/i18n/merge.js';

// Italian first, English complete: both catalogues have exactly the same keys, so no screen shows a
// raw key in either language. (i18next plural forms differ by language only in ways both share here.)
// The shared messages live in src/web/i18n/, each feature's in features/<name>/i18n/; the app merges
// them into one catalogue per language (src/web/i18n/index.ts), and so does this test.
function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}
const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../src/web/${path}`, import.meta.url), 'utf8')) as Catalogue;
const shared = (lang: 'it' | 'en') => read(`i18n/${lang}.json`);
const catalogue = (lang: 'it' | 'en') =>
  mergeCatalogues([shared(lang), ...FEATURE_MODULES.map((module) => module.i18n[lang])]) as unknown;

const featuresDir = new URL('../../src/web/features/', import.meta.url);
const bundleFolders = readdirSync(featuresDir).filter((name) =>
  existsSync(new URL(`${name}/i18n/it.json`, featuresDir)),
);
/**
 * A feature's bundle in one language: `i18n/<lang>.json` and any part kept in a file of its own
 * (`i18n/<part>.<lang>.json`, so two people can add messages without editing the same file).
 */
const bundle = (name: string, lang: 'it' | 'en') =>
  mergeCatalogues([
    read(`features/${name}/i18n/${lang}.json`),
    ...readdirSync(new URL(`${name}/i18n/`, featuresDir))
      .filter((file) => file.endsWith(`.${lang}.json`))
      .sort()
      .map((file) => read(`features/${name}/i18n/${file}`)),
  ]);

describe('message catalogues', () => {
  it('have the same keys in Italian and English', () => {
    const it_ = new Set(keys(catalogue('it')));
    const en = new Set(keys(catalogue('en')));
    expect([...it_].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !it_.has(k))).toEqual([]);
  });

  it('have no empty message', () => {
    for (const lang of ['it', 'en'] as const) {
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

  it('have the same keys in each bundle pair (shared and per feature)', () => {
    const pairs = [
      { name: 'shared', it: shared('it'), en: shared('en') },
      ...bundleFolders.map((name) => ({
        name,
        it: bundle(name, 'it'),
        en: bundle(name, 'en'),
      })),
    ];
    expect(pairs.length).toBeGreaterThan(10);
    for (const pair of pairs) {
      const it_ = new Set(keys(pair.it));
      const en = new Set(keys(pair.en));
      expect(
        [...it_].filter((k) => !en.has(k)),
        `${pair.name}: only in it`,
      ).toEqual([]);
      expect(
        [...en].filter((k) => !it_.has(k)),
        `${pair.name}: only in en`,
      ).toEqual([]);
    }
  });

  it('load every feature bundle through its module (a bundle no module hands over is never shown)', () => {
    for (const name of bundleFolders) {
      const module = FEATURE_MODULES.find((m) => m.id === name);
      expect(module, name).toBeDefined();
      expect(module?.i18n.it, name).toEqual(bundle(name, 'it'));
      expect(module?.i18n.en, name).toEqual(bundle(name, 'en'));
    }
  });
});
