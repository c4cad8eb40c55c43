import type { TLocalizedText } from '../../../contracts/common.js';
import { problems } from '../http/problem.js';

/** The SQLSTATE of a database error, whichever driver raised it (Drizzle wraps it in `cause`). */
export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.cause?.code ?? e?.code;
}

interface Violation {
  field: string;
  message?: TLocalizedText;
}

/**
 * Turns a unique or foreign-key violation into a problem naming the field (409 for a duplicate,
 * 400 for an unknown reference); any other error is rethrown untouched.
 */
export function rethrowConstraintViolation(
  error: unknown,
  { unique, reference }: { unique?: Violation; reference?: Violation },
): never {
  const code = pgErrorCode(error);
  if (code === '23505' && unique) {
    throw problems.field(
      unique.field,
      'taken',
      unique.message ?? { it: 'Valore già in uso.', en: 'Value already in use.' },
      409,
    );
  }
  if (code === '23503' && reference) {
    throw problems.field(
      reference.field,
      'unknown',
      reference.message ?? { it: 'Riferimento inesistente.', en: 'Unknown reference.' },
    );
  }
  throw error;
}
