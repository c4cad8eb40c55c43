import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { fieldPaths, nearestField } from './field-paths.js';

/**
 * The resolver of a form whose values are not the request body: the form holds strings and flags
 * (what inputs hold) and builds the contract's request body on submit. This resolver validates that
 * body with the contract schema, so the web checks exactly what the server will; the form's field
 * names follow the contract's keys, so each issue lands on its field. A form whose values are the
 * body itself uses `zodResolver(<contract schema>)` instead.
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
