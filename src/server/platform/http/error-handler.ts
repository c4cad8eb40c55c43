import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { databaseInputProblem, triggerRefusalProblem } from '../db/pg-errors.js';
import { loggedError } from './log-serializers.js';
import { AnswerInstead, HttpProblem, problems, renderProblem } from './problem.js';
import { fieldErrorsOf } from './validation-messages.js';

export function requestLocale(request: FastifyRequest): 'it' | 'en' {
  const header = request.headers['accept-language'] ?? '';
  return /^en\b/i.test(header.trim()) ? 'en' : 'it';
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: HttpProblem) {
  return reply
    .status(problem.status)
    .type('application/problem+json')
    .header('content-language', requestLocale(request))
    .send(renderProblem({ problem, locale: requestLocale(request), instance: request.url.split('?')[0] }));
}

/** Fastify's own client errors, each with a problem in both languages. */
function fromFastifyError(error: FastifyError): HttpProblem | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpProblem(
        400,
        'malformed-json',
        { it: 'JSON non valido', en: 'Malformed JSON' },
        {
          it: 'Il corpo della richiesta non è JSON valido.',
          en: 'The request body is not valid JSON.',
        },
        [{ field: 'body', code: 'malformed_json', message: { it: 'JSON non valido', en: 'Malformed JSON' } }],
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(
        413,
        'body-too-large',
        { it: 'Richiesta troppo grande', en: 'Request too large' },
        {
          it: 'Il corpo della richiesta supera il limite consentito.',
          en: 'The request body is over the allowed size.',
        },
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(
        415,
        'unsupported-media-type',
        { it: 'Formato non supportato', en: 'Unsupported media type' },
        {
          it: 'Invia il corpo come application/json.',
          en: 'Send the body as application/json.',
        },
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpProblem(400, 'bad-content-length', { it: 'Richiesta non valida', en: 'Bad request' });
    default:
      if (error.statusCode === 429) {
        return new HttpProblem(
          429,
          'too-many-requests',
          { it: 'Troppe richieste', en: 'Too many requests' },
          {
            it: 'Riprova tra qualche minuto.',
            en: 'Try again in a few minutes.',
          },
        );
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return new HttpProblem(error.statusCode, 'bad-request', {
          it: 'Richiesta non valida',
          en: 'Bad request',
        });
      }
      return undefined;
  }
}

const INTERNAL = new HttpProblem(
  500,
  'internal',
  { it: 'Errore interno', en: 'Internal error' },
  {
    it: 'Si è verificato un errore. Nessuna modifica è stata salvata.',
    en: 'Something went wrong. No change was saved.',
  },
);

/**
 * Errors Fastify raises before a route is found, which the error handler never sees: a path that
 * does not decode (`/api/households/%FF`), a path parameter over its length. Same problem+json.
 */
export function sendFrameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
  if (error.code === 'FST_ERR_ASYNC_CONSTRAINT') return sendProblem(request, reply, INTERNAL);
  return sendProblem(
    request,
    reply,
    problems.field(
      'path',
      'bad_url',
      { it: 'Indirizzo non valido', en: 'Invalid address' },
      error.statusCode && error.statusCode < 500 ? error.statusCode : 400,
    ),
  );
}

/** One error handler: problem+json always, no stack traces, field names in validation errors. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(request, reply, error);
    if (error instanceof AnswerInstead) return error.answer(request, reply);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors = fieldErrorsOf(
        error.validation.map((v) => ({
          ...(v.params as Record<string, unknown>),
          code: v.keyword,
          path: v.instancePath.split('/').filter(Boolean),
          message: v.message ?? v.keyword,
        })),
        where === 'body' ? '' : where,
      );
      return sendProblem(request, reply, problems.fields(errors));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ reason: error.message }, 'response did not match its schema');
      return sendProblem(request, reply, INTERNAL);
    }
    const known = fromFastifyError(error);
    if (known) return sendProblem(request, reply, known);
    const refusedByTrigger = triggerRefusalProblem(error);
    if (refusedByTrigger) return sendProblem(request, reply, refusedByTrigger);
    const refusedInput = databaseInputProblem(error);
    if (refusedInput) {
      // Logged all the same: a date the server itself wrote would be a bug hiding behind a 400.
      request.log.warn({ failure: loggedError(error) }, 'database refused a date');
      return sendProblem(request, reply, refusedInput);
    }
    // Codes and names only: a database error's message is the statement with its parameters.
    request.log.error({ failure: loggedError(error) }, 'unhandled error');
    return sendProblem(request, reply, INTERNAL);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new HttpProblem(404, 'not-found', { it: 'Non trovato', en: 'Not found' })),
  );
}
