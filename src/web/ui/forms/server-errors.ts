import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { TLocale } from '../../../contracts/index.js';
import { isApiError } from '../../api/problem.js';
import { fieldPaths, nearestField } from './field-paths.js';

/** A field error's name as the form knows it: the problem's `body.` prefix dropped. */
const fieldName = (field: string) => field.replace(/^body\.?/, '');

/**
 * Puts the server's field errors (problem+json `errors`, already localised) on the form's fields.
 * `fields` is the list of the form's field names, or the form's values (each of their paths is a
 * field). An error on a field the form does not have (an element of a list of codes, say) goes to
 * the nearest field it has; `prefix` says where the request body sits in the form, when the form
 * holds more than the body. True if any error found a field: otherwise the caller shows the problem.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  locale: TLocale,
  fields: readonly string[] | T,
  prefix = '',
): boolean {
  if (!isApiError(error)) return false;
  const known = new Set<string>(isFieldList(fields) ? fields : fieldPaths(fields));
  let matched = false;
  for (const fieldError of error.fieldErrors(locale)) {
    const name = nearestField(prefix + fieldName(fieldError.field), known);
    if (name) {
      setError(name as Path<T>, { type: 'server', message: fieldError.message });
      matched = true;
    }
  }
  return matched;
}

function isFieldList(fields: readonly string[] | FieldValues): fields is readonly string[] {
  return Array.isArray(fields);
}

/** The server's (localised) message about one field of the request, if it sent one. */
export function serverFieldError(error: unknown, locale: TLocale, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  return error.fieldErrors(locale).find((e) => fieldName(e.field) === field)?.message;
}

export function hasFieldError(error: unknown, field: string): boolean {
  return isApiError(error) && (error.problem?.errors ?? []).some((e) => fieldName(e.field) === field);
}

/** The problem type of a failed call, for the few answers a screen treats specially. */
export function problemType(error: unknown): string {
  return isApiError(error) ? (error.problem?.type ?? '') : '';
}
