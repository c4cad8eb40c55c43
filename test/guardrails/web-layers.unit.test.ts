import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The web app is layered: `app/` composes (router, shell, providers), `features/` hold the screens,
// and what every feature needs (api, session, routing, ui, i18n) lives below them. A feature that
// reaches up into `app/` ties itself to the composition; a shared layer that reaches up into a
// feature or `app/` makes the layers circular.
const web = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/web');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** Static imports, re-exports and dynamic `import()`s, as written. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) {
    if (match[1]) found.push(match[1]);
  }
  return found;
}

/** The top folder of src/web a relative import lands in ('app', 'features', …), or null outside. */
function layerOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = relative(web, resolve(dirname(file), specifier));
  if (target.startsWith('..')) return null;
  return target.split(sep)[0] ?? null;
}

function importsInto(dir: string, layers: string[]): string[] {
  return sourceFiles(join(web, dir)).flatMap((file) =>
    specifiers(file)
      .filter((s) => layers.includes(layerOf(file, s) ?? ''))
      .map((s) => `${relative(web, file)} -> ${s}`),
  );
}

describe('web layers', () => {
  it('sees the imports it checks (the scan itself works)', () => {
    const page = join(web, 'features/home/HomePage.tsx');
    expect(specifiers(page).map((s) => layerOf(page, s))).toContain('session');
    expect(importsInto('features', ['session']).length).toBeGreaterThan(10);
  });

  it('no feature imports from app/', () => {
    expect(importsInto('features', ['app'])).toEqual([]);
  });

  it('the shared layers import nothing from features/ or app/', () => {
    for (const dir of ['api', 'session', 'routing', 'ui', 'i18n']) {
      expect(importsInto(dir, ['features', 'app']), dir).toEqual([]);
    }
  });
});
