import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type FieldError, problems } from './problem.js';
import { jsonNestedDeeperThan, MAX_NESTING, UNSAFE_TEXT_MESSAGES, unsafeTextErrors } from './unsafe-text.js';

/**
 * The JSON parser every route uses: Fastify's own (secure-json-parse, which refuses `__proto__`
 * and `constructor.prototype` rather than silently dropping them, so the client learns the
 * request was not taken as sent), behind a nesting bound read before parsing.
 */
function installJsonParser(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const json = body as string;
    if (jsonNestedDeeperThan(json, MAX_NESTING)) {
      done(problems.field('body', 'too_deep', UNSAFE_TEXT_MESSAGES.too_deep), undefined);
      return;
    }
    parseJson(request, json, (error, value) => {
      if (error) done(poisoningProblem(json) ?? error, undefined);
      else done(null, value);
    });
  });
}

/** When the JSON is valid but was refused, it was a prototype key: name where it is. */
function poisoningProblem(json: string) {
  let plain: unknown;
  try {
    plain = JSON.parse(json); // own data properties only: nothing is assigned to a prototype
  } catch {
    return undefined;
  }
  const named = unsafeTextErrors(plain, { prefix: '', kind: 'multiline' }).filter(
    (e) => e.code === 'forbidden_key',
  );
  return problems.fields(
    named.length > 0
      ? named
      : [{ field: 'body', code: 'forbidden_key', message: UNSAFE_TEXT_MESSAGES.forbidden_key }],
  );
}

function unsafeInputErrors(request: FastifyRequest): FieldError[] {
  return [
    ...unsafeTextErrors(request.params, { prefix: 'params', kind: 'line' }),
    ...unsafeTextErrors(request.query, { prefix: 'querystring', kind: 'line' }),
    // Node's parser already refuses these on the wire; this covers what reaches the app another
    // way (inject, a future transport) before a header value is stored with a session.
    ...unsafeTextErrors(request.headers, { prefix: 'headers', kind: 'header' }),
    ...unsafeTextErrors(request.body, { prefix: '', kind: 'multiline' }),
  ];
}

/**
 * Bad text is refused once for every route, before its schema runs (ASVS 2.2.1, 16.4.1):
 * a route added later, or one whose body is parsed by hand, cannot forget it. Runs after the
 * access hook, so nobody learns anything about a route they may not use.
 */
export function installInputGuard(app: FastifyInstance) {
  installJsonParser(app);
  app.addHook('preValidation', async (request) => {
    const errors = unsafeInputErrors(request);
    if (errors.length > 0) throw problems.fields(errors);
  });
}
