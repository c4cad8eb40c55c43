import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../../src/server/app.js';
import { auditActionsOf } from '../../src/server/platform/module.js';

// Every module lives in its own folder with one descriptor, a README that says what it must never
// do, and integration tests named there; and every folder under modules/ is a listed module.
const root = new URL('../../', import.meta.url);
const modulesDir = new URL('src/server/modules/', root);

describe('modules', () => {
  it('are exactly the folders under src/server/modules, each with its descriptor file', () => {
    const folders = readdirSync(modulesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders);
    for (const name of folders)
      expect(existsSync(new URL(`${name}/${name}.module.ts`, modulesDir)), name).toBe(true);
  });

  it('each have a README that says what must never happen and names integration tests that exist', () => {
    const problems: string[] = [];
    for (const { name } of MODULES) {
      const readme = new URL(`${name}/README.md`, modulesDir);
      if (!existsSync(readme)) {
        problems.push(`${name}: no README.md`);
        continue;
      }
      const text = readFileSync(readme, 'utf8');
      if (!/Must never/i.test(text)) problems.push(`${name}: README says nothing it must never do`);
      const tests = [...text.matchAll(/`(test\/[\w./-]+\.int\.test\.ts)`/g)].map((m) => m[1]!);
      if (tests.length === 0) problems.push(`${name}: README names no integration test`);
      for (const test of tests)
        if (!existsSync(new URL(test, root))) problems.push(`${name}: ${test} does not exist`);
    }
    expect(problems).toEqual([]);
  });

  it('give audit actions that are unique and read as resource.verb', () => {
    const actions = auditActionsOf(MODULES);
    expect(actions.length).toBeGreaterThan(80);
    expect(actions.filter((a, i) => actions.indexOf(a) !== i)).toEqual([]);
    expect(actions.filter((a) => !/^[a-z_]+\.[a-z_]+$/.test(a))).toEqual([]);
  });
});
