import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_RECORD_TYPES } from '../../src/contracts/audit.js';
import { MODULES } from '../../src/server/app.js';
import { PLATFORM_RECORD_TABLES } from '../../src/server/platform/access/not-found.js';
import { auditActionsOf, auditLabelsOf, recordTablesOf } from '../../src/server/platform/module.js';

// The DPO reads the audit trail in words (issue 13, point 7): every action is declared with its
// Italian and English label beside it (platform/audit/audit-events.ts, each module's
// `<name>.audit.ts`), and every kind of record the events name has its words in the audit feature.
const labels = auditLabelsOf(MODULES);
const actions = auditActionsOf(MODULES);

const server = fileURLToPath(new URL('../../src/server/', import.meta.url));
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
const feature = (lang: 'it' | 'en') =>
  JSON.parse(
    readFileSync(new URL(`../../src/web/features/audit/i18n/${lang}.json`, import.meta.url), 'utf8'),
  ) as { audit: { recordTypes: Record<string, string>; records: Record<string, string> } };

describe('audit actions in words', () => {
  it('give every registered action an Italian and an English label that is not its code', () => {
    const missing = actions.filter((action) => {
      const label = labels[action];
      return !label?.it?.trim() || !label.en?.trim() || label.it === action || label.en === action;
    });
    expect(missing).toEqual([]);
  });

  it('never give two actions the same words, so the DPO can tell every action apart', () => {
    for (const lang of ['it', 'en'] as const) {
      const seen = new Map<string, string>();
      const twice = actions.flatMap((action) => {
        const text = labels[action]![lang].toLowerCase();
        const other = seen.get(text);
        seen.set(text, action);
        return other ? [`${other} / ${action}: ${text}`] : [];
      });
      expect(twice, lang).toEqual([]);
    }
  });
});

describe('audit record types in words', () => {
  it('list every record type the server writes or looks up', () => {
    const written = new Set<string>([
      ...Object.keys(PLATFORM_RECORD_TABLES),
      ...Object.keys(recordTablesOf(MODULES)),
    ]);
    for (const file of sourceFiles(server))
      for (const match of readFileSync(file, 'utf8').matchAll(/\brecordType: '([a-z_]+)'/g))
        written.add(match[1]!);
    expect(written.size).toBeGreaterThan(10);
    expect([...written].filter((type) => !(AUDIT_RECORD_TYPES as readonly string[]).includes(type))).toEqual(
      [],
    );
  });

  it('have their words in both languages of the audit feature', () => {
    for (const lang of ['it', 'en'] as const) {
      const { recordTypes, records } = feature(lang).audit;
      expect(
        AUDIT_RECORD_TYPES.filter((type) => !recordTypes[type]?.trim()),
        lang,
      ).toEqual([]);
      // "Nucleo {{label}}": a record read by its code keeps the code in its words.
      expect(
        Object.entries(records).filter(([, text]) => !text.includes('{{label}}')),
        lang,
      ).toEqual([]);
    }
  });
});
