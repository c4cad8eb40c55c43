import type { TLocalizedText } from '../../../contracts/common.js';
import { HttpProblem, problems } from '../http/problem.js';

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

/** SQLSTATE 22007 (invalid datetime format) and 22008 (datetime field overflow). */
const BAD_DATETIME = new Set(['22007', '22008']);

/**
 * A date or time the schema let through but PostgreSQL refuses (year 0000, an overflowing
 * timestamp): the client's input, so a 400 and not a 500. Which field it was the database does not
 * say, so none is named; the contracts bound their dates (`isoDate()`) to name it where they can.
 */
export function databaseInputProblem(error: unknown) {
  const code = pgErrorCode(error);
  if (!code || !BAD_DATETIME.has(code)) return undefined;
  return new HttpProblem(
    400,
    'invalid-date',
    { it: 'Data non valida', en: 'Invalid date' },
    {
      it: 'Una data o un orario non è valido: controlla le date inserite.',
      en: 'A date or time is not valid: check the dates entered.',
    },
  );
}

/** SQLSTATE the restriction trigger raises (migration 0052): a person whose processing is restricted. */
export const PROCESSING_RESTRICTED = 'TR018';

/**
 * A write the database refuses because the person asked for their processing to be restricted
 * (GDPR art. 18): a conflict with the record's state, said in words, whichever path wrote.
 */
/** SQLSTATE the website's triggers raise (migration 0053): a second editor is needed. */
export const SECOND_EDITOR_NEEDED = 'TR019';
/** SQLSTATE of migration 0054: a video chapter is not ready to go public. */
export const VIDEO_NOT_READY = 'TR020';

/**
 * The refusals of the triggers that hold a rule on every path, in words: a conflict with the
 * record's state, whichever path wrote. A service says the same first; this is what a path that
 * skipped the service gets instead of a 500.
 */
const TRIGGER_REFUSALS: Record<string, { it: string; en: string }> = {
  // The person asked for their processing to be restricted (GDPR art. 18).
  [PROCESSING_RESTRICTED]: {
    it: 'La persona ha chiesto la limitazione del trattamento dei suoi dati (art. 18 GDPR): la scheda non si modifica e non entra in nuovi invii o sedute finché il DPO non la revoca.',
    en: 'The person asked for the processing of their data to be restricted (GDPR art. 18): the record is not changed nor brought into new referrals or sessions until the DPO lifts it.',
  },
  [SECOND_EDITOR_NEEDED]: {
    it: 'Una pagina sensibile o un servizio di «Dove trovare aiuto» si pubblica solo con l’approvazione di un’altra redattrice o un altro redattore.',
    en: 'A sensitive page or a “where to get help” service is published only with the approval of another editor.',
  },
  [VIDEO_NOT_READY]: {
    it: 'Un capitolo del manuale video si pubblica solo con il video, i sottotitoli in italiano, le liberatorie delle persone riprese e il controllo di un’altra redattrice o un altro redattore.',
    en: 'A chapter of the video manual is published only with its video, Italian subtitles, the releases of the people filmed and the check of another editor.',
  },
};

export function triggerRefusalProblem(error: unknown) {
  const code = pgErrorCode(error);
  const detail = code ? TRIGGER_REFUSALS[code] : undefined;
  return detail ? problems.conflict(detail) : undefined;
}
