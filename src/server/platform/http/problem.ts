import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TLocalizedText, TProblem } from '../../../contracts/common.js';

export interface FieldError {
  field: string;
  code: string;
  message: TLocalizedText;
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
  /** Every failing field at once: schema validation, import rows, codes the schema cannot know. */
  fields: (errors: FieldError[]) => {
    const fields = errors.map((e) => e.field).join(', ');
    return new HttpProblem(
      400,
      'validation',
      { it: 'Dati non validi', en: 'Invalid data' },
      { it: `Controlla: ${fields}.`, en: `Check: ${fields}.` },
      errors,
    );
  },
  field: (field: string, code: string, message: TLocalizedText, status = 400) =>
    new HttpProblem(
      status,
      'validation',
      { it: 'Dati non validi', en: 'Invalid data' },
      {
        it: `Controlla il campo «${field}».`,
        en: `Check the field "${field}".`,
      },
      [{ field, code, message }],
    ),
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
