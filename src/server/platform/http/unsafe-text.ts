import type { TLocalizedText } from '../../../contracts/common.js';
import type { FieldError } from './problem.js';

/**
 * Text no request may carry, whatever its schema says (ASVS 2.2.1, 16.4.1): NUL, which
 * PostgreSQL refuses in text (a 500 before this check) and which cuts strings in C libraries;
 * other control characters, which forge log lines and terminal output; and lone UTF-16
 * surrogates, which are not text at all and turn into U+FFFD or errors further down.
 *
 * - `multiline` (bodies) keeps TAB, LF and CR: a multi-line field is a body field, and the
 *   schema's `text()` helper refuses them where a field is one line;
 * - `line` (paths, query strings) never holds multi-line text: every control character goes;
 * - `header` is what HTTP itself allows (RFC 9110: TAB, no other C0 control, no DEL). Header
 *   bytes 0x80–0xFF arrive as Latin-1 characters, so C1 there is a UTF-8 user agent, not a control.
 */
// Character classes only (no lookahead): V8 then scans a 60 KiB body in well under a millisecond.
const CONTROLS_BY_KIND = {
  multiline: /[^\P{Cc}\t\n\r]/u,
  line: /\p{Cc}/u,
  header: /[^\P{Cc}\t\u0080-\u009f]/u,
} as const;
export type TextKind = keyof typeof CONTROLS_BY_KIND;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Keys that would reach an object's prototype if a later copy assigned them. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

/** Beyond this, a request is refused rather than walked: no contract is a tenth as deep. */
export const MAX_NESTING = 32;

/** More failing fields than this are not listed: the first ones are enough to fix the request. */
const MAX_ERRORS = 20;

export type UnsafeTextCode = 'control_character' | 'invalid_unicode' | 'forbidden_key' | 'too_deep';

export const UNSAFE_TEXT_MESSAGES: Record<UnsafeTextCode, TLocalizedText> = {
  // The same wording as the `text()` schema helper, so a user sees one message for one mistake.
  control_character: {
    it: 'caratteri di controllo non ammessi',
    en: 'control characters are not allowed',
  },
  invalid_unicode: {
    it: 'testo Unicode non valido (surrogato isolato)',
    en: 'invalid Unicode text (lone surrogate)',
  },
  forbidden_key: {
    it: 'nome di campo non ammesso',
    en: 'field name not allowed',
  },
  too_deep: {
    it: `annidamento oltre ${MAX_NESTING} livelli`,
    en: `nested more than ${MAX_NESTING} levels deep`,
  },
};

export function unsafeTextCode(value: string, kind: TextKind) {
  if (CONTROLS_BY_KIND[kind].test(value)) return 'control_character';
  if (LONE_SURROGATE.test(value)) return 'invalid_unicode';
  return undefined;
}

/** A key as it can be shown in a field name: its control characters and surrogates escaped. */
function printableKey(key: string) {
  return key.replace(/[\p{Cc}\p{Cs}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Every string (and key) in a parsed request part that breaks the rules above, as field errors
 * named like the schema's (`prefix.a.0.b`). Walks with its own stack, so a deep input cannot
 * exhaust the call stack, and stops at MAX_NESTING.
 */
export function unsafeTextErrors(
  value: unknown,
  { prefix, kind }: { prefix: string; kind: TextKind },
): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (path: string[], code: UnsafeTextCode) =>
    errors.push({
      field: [prefix, ...path].filter(Boolean).join('.') || prefix || 'body',
      code,
      message: UNSAFE_TEXT_MESSAGES[code],
    });
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const code = unsafeTextCode(current, kind);
      if (code) fail(path, code);
      continue;
    }
    if (current === null || typeof current !== 'object' || Buffer.isBuffer(current)) continue;
    if (path.length >= MAX_NESTING) {
      fail(path, 'too_deep');
      continue;
    }
    for (const key of Object.keys(current)) {
      const keyPath = [...path, printableKey(key)];
      const keyCode = FORBIDDEN_KEYS.has(key) ? 'forbidden_key' : unsafeTextCode(key, 'line');
      if (keyCode) fail(keyPath, keyCode);
      else stack.push({ value: (current as Record<string, unknown>)[key], path: keyPath });
    }
  }
  return errors;
}

const JSON_STRUCTURE = /"[^"\\]*(?:\\.[^"\\]*)*"|[[\]{}]/g;

/**
 * Whether JSON text opens more than `max` arrays or objects inside each other, read before
 * parsing so that nothing (parser, schema, walker, serialiser) ever meets a 10,000-deep value.
 */
export function jsonNestedDeeperThan(json: string, max: number) {
  let depth = 0;
  // Strings are matched whole (escapes included) and skipped: a bracket inside one is not nesting.
  for (const [token] of json.matchAll(JSON_STRUCTURE)) {
    if (token === '[' || token === '{') {
      if (++depth > max) return true;
    } else if (token === ']' || token === '}') depth--;
  }
  return false;
}

/**
 * The cells of an uploaded table (CSV, XLSX) that break the same rules, for the routes whose body
 * is a file rather than JSON: named by row (from 1, the header included) and by the column's
 * header when that header is itself clean.
 */
export function unsafeCellErrors(table: readonly (readonly string[])[]): FieldError[] {
  const header = table[0] ?? [];
  const errors: FieldError[] = [];
  for (const [r, cells] of table.entries()) {
    for (const [c, cell] of cells.entries()) {
      const code = typeof cell === 'string' ? unsafeTextCode(cell, 'multiline') : undefined;
      if (!code) continue;
      if (errors.length >= MAX_ERRORS) return errors;
      const name = header[c];
      const column = r > 0 && name && !unsafeTextCode(name, 'line') ? name.trim() : `column ${c + 1}`;
      errors.push({ field: `row ${r + 1}: ${column}`, code, message: UNSAFE_TEXT_MESSAGES[code] });
    }
  }
  return errors;
}
