import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// One form pattern on the web (docs/adding-a-module.md, Web): the contract's schema is the resolver
// (`zodResolver`, or `contractResolver` when the form holds strings and builds the body on
// submit), the server's field errors go back on the fields through `ui/forms/server-errors`, and
// limits and code lists are read from the contract. The helpers live once, in `ui/forms`; a
// feature that writes its own copy, or repeats a limit the contract already sets, fails here.
const web = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/web');
const forms = join(web, 'ui/forms');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

const HELPERS = ['applyServerFieldErrors', 'serverFieldError', 'contractResolver', 'fieldErrorText'];

/**
 * Limits a contract cannot give: its rule is a pattern, not a length (a six-digit code, an
 * identifier checked per type, a register number), so the input's length is the web's own.
 */
const OWN_LIMITS = new Set([
  'features/auth/MfaVerifyPage.tsx: maxLength: 6',
  'features/auth/MfaEnrolmentPage.tsx: maxLength={6}',
  'features/auth/ReauthDialog.tsx: maxLength={6}',
  'ui/forms/StepUpCodeForm.tsx: maxLength={6}',
  'features/households/PersonFields.tsx: maxLength={16}',
  'features/incidents/IncidentSurvivorSection.tsx: maxLength={40}',
]);

describe('web forms', () => {
  it('finds the shared helpers in ui/forms (the scan itself works)', () => {
    const defined = sourceFiles(forms)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const name of HELPERS) expect(defined, name).toMatch(new RegExp(`export function ${name}\\b`));
  });

  it('no other module defines its own form helper or resolver', () => {
    const copies = sourceFiles(web)
      .filter((file) => !file.startsWith(forms))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        const found = HELPERS.filter((name) =>
          new RegExp(`(function|const|let)\\s+${name}\\b`).test(text),
        ).map((name) => `${relative(web, file)}: ${name}`);
        // A hand-made resolver nests its own errors; the contract's resolvers do that.
        if (/from '@hookform\/resolvers'/.test(text)) found.push(`${relative(web, file)}: toNestErrors`);
        return found;
      });
    expect(copies).toEqual([]);
  });

  it('features read lengths and number bounds from the contracts', () => {
    const repeated = sourceFiles(join(web, 'features')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(maxLength|minLength)(=\{|:\s*)\d+\}?|\b(min|max)=\{\d+\}/g)]
        .map((match) => `${relative(web, file)}: ${match[0]}`)
        .filter((found) => !OWN_LIMITS.has(found)),
    );
    expect(repeated).toEqual([]);
  });
});
