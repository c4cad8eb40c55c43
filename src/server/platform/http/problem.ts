import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TLocalizedText, TProblem } from '../../../contracts/common.js';

export interface FieldError {
  field: string;
  code: string;
  message: TLocalizedText;
  /** The record the error points to, e.g. the household where a possible duplicate is. */
  relatedRecord?: { type: string; id: string; code: string };
}

/**
 * An error that becomes an RFC 7807 problem+json response. Handlers and services throw these;
 * the error handler renders them in the request's language with both languages attached.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: TLocalizedText,
    readonly detail?: TLocalizedText,
    readonly errors?: FieldError[],
  ) {
    super(title.en);
  }
}

/**
 * Thrown where the work must stop (and its transaction roll back) because the answer is already
 * known elsewhere: the error handler sends what `answer` sends instead of a problem. An idempotent
 * retry whose key a concurrent request claimed first is answered with that request's result.
 */
export class AnswerInstead extends Error {
  constructor(readonly answer: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) {
    super('answered from elsewhere');
  }
}

/**
 * The detail of a validation problem is read by people, so it never names an API field: the
 * fields are in `errors`, where each form puts its message next to the field it labels.
 */
function checkFields(count: number): TLocalizedText {
  return count === 1
    ? { it: 'Controlla il campo segnalato.', en: 'Check the field marked.' }
    : { it: `Controlla i ${count} campi segnalati.`, en: `Check the ${count} fields marked.` };
}

export const problems = {
  notFound: () =>
    new HttpProblem(
      404,
      'not-found',
      { it: 'Non trovato', en: 'Not found' },
      {
        it: 'La risorsa richiesta non esiste o non è accessibile.',
        en: 'The requested resource does not exist or is not accessible.',
      },
    ),
  unauthenticated: (code = 'unauthenticated') =>
    new HttpProblem(
      401,
      code,
      { it: 'Accesso richiesto', en: 'Sign-in required' },
      {
        it: 'Accedi per continuare.',
        en: 'Sign in to continue.',
      },
    ),
  forbidden: () =>
    new HttpProblem(
      403,
      'forbidden',
      { it: 'Operazione non consentita', en: 'Not allowed' },
      {
        it: 'Il tuo ruolo non consente questa operazione.',
        en: 'Your role does not allow this operation.',
      },
    ),
  csrf: () =>
    new HttpProblem(
      403,
      'csrf',
      { it: 'Richiesta non valida', en: 'Invalid request' },
      {
        it: 'Token anti-CSRF mancante o errato: ricarica la pagina.',
        en: 'Missing or wrong anti-CSRF token: reload the page.',
      },
    ),
  conflict: (detail: TLocalizedText) =>
    new HttpProblem(409, 'conflict', { it: 'Conflitto', en: 'Conflict' }, detail),
  /** The record looks like one already held: the errors name where; the caller confirms or stops. */
  possibleDuplicates: (errors: FieldError[]) =>
    new HttpProblem(
      409,
      'possible-duplicate',
      { it: 'Possibile doppione', en: 'Possible duplicate' },
      {
        it: 'La persona sembra già registrata: apri il nucleo indicato, oppure conferma che si tratta di un’altra persona.',
        en: 'The person seems to be registered already: open the household shown, or confirm that this is someone else.',
      },
      errors,
    ),
  /** Every failing field at once: schema validation, import rows, codes the schema cannot know. */
  fields: (errors: FieldError[]) =>
    new HttpProblem(
      400,
      'validation',
      { it: 'Dati non validi', en: 'Invalid data' },
      checkFields(errors.length),
      errors,
    ),
  field: (field: string, code: string, message: TLocalizedText, status = 400) =>
    new HttpProblem(status, 'validation', { it: 'Dati non validi', en: 'Invalid data' }, checkFields(1), [
      { field, code, message },
    ]),
};

export function renderProblem({
  problem,
  locale,
  instance,
}: {
  problem: HttpProblem;
  locale: 'it' | 'en';
  instance?: string;
}): TProblem {
  return {
    type: `urn:trama:problem:${problem.code}`,
    title: problem.title[locale],
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail[locale] } : {}),
    ...(instance ? { instance } : {}),
    localized: {
      it: { title: problem.title.it, ...(problem.detail ? { detail: problem.detail.it } : {}) },
      en: { title: problem.title.en, ...(problem.detail ? { detail: problem.detail.en } : {}) },
    },
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
}
