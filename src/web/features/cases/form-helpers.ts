import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import type { TLocale } from '../../../contracts/index.js';
import { isApiError } from '../../api/problem.js';

/**
 * The case-management forms hold strings and flags (what inputs hold) and build the contract's
 * request body on submit. This resolver validates that body with the contract schema, so the web
 * checks exactly what the server will; the form's field names follow the contract's keys, so each
 * issue lands on its field.
 */
export function contractResolver<TValues extends FieldValues>(
  schema: z.ZodType,
  toInput: (values: TValues) => unknown,
): Resolver<TValues> {
  return async (values, _context, options) => {
    const parsed = await schema.safeParseAsync(toInput(values));
    if (parsed.success) return { values, errors: {} };
    const known = new Set(fieldPaths(values));
    const flat: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      const name = nearestField(issue.path.map(String).join('.'), known) || 'root';
      // Whatever the rule, an empty field that must be filled reads "required".
      const type = isEmpty(valueAt(values, name)) ? 'invalid_value' : issue.code;
      flat[name] ??= { type, message: issue.message };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}

function valueAt(values: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as never)[key] : undefined), values);
}

const isEmpty = (value: unknown) =>
  value === '' ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * Every field path of a form's values, to match error paths with. A list of codes (checkboxes) is
 * one field; a list of records (members, goals) has fields of its own.
 */
export function fieldPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return prefix ? [prefix] : [];
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return prefix ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const nested = entries.flatMap(([key, v]) => fieldPaths(v, prefix ? `${prefix}.${key}` : key));
  return prefix ? [prefix, ...nested] : nested;
}

/** The path itself if the form has that field, else its nearest parent that is one ('' if none). */
function nearestField(path: string, known: Set<string>): string {
  let name = path;
  while (name && !known.has(name)) name = name.split('.').slice(0, -1).join('.');
  return name;
}

/**
 * Puts the server's field errors on the form. A field the form does not have (an element of a list
 * of codes, say) goes to the nearest field it has; true if every error found a field.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  locale: TLocale,
  values: T,
  /** Where the request body sits in the form, when the form holds more than the body. */
  prefix = '',
): boolean {
  if (!isApiError(error)) return false;
  const known = new Set(fieldPaths(values));
  const fieldErrors = error.fieldErrors(locale);
  let matched = 0;
  for (const fieldError of fieldErrors) {
    const name = nearestField(prefix + fieldError.field.replace(/^body\.?/, ''), known);
    if (name) {
      setError(name as Path<T>, { type: 'server', message: fieldError.message });
      matched += 1;
    }
  }
  return fieldErrors.length > 0 && matched === fieldErrors.length;
}

export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Today as YYYY-MM-DD in the user's time zone (a date input's value). */
export function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The problem type of a failed call, for the few answers a screen treats specially. */
export function problemType(error: unknown): string {
  return isApiError(error) ? (error.problem?.type ?? '') : '';
}

export function hasFieldError(error: unknown, field: string): boolean {
  return (
    isApiError(error) && (error.problem?.errors ?? []).some((e) => e.field.replace(/^body\./, '') === field)
  );
}

const DATE_TAGS: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };

/** A calendar date (YYYY-MM-DD) in words, read as a local date so no time zone shifts the day. */
export function formatDay(value: string | null | undefined, locale: TLocale): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return value || '—';
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(DATE_TAGS[locale], { dateStyle: 'medium' }).format(date);
}
