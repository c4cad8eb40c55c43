import type { FastifyServerOptions } from 'fastify';

/**
 * What of an error may be written to the server log. A database error's message carries the
 * statement and its parameters (Drizzle: "Failed query: … params: …"), and PostgreSQL's own
 * message and detail quote the offending value ("Key (username)=(…)"): names, codes and
 * addresses of the people Trama protects. So the log gets the error's kind and codes, the
 * constraint, table and column it names, and the stack frames, never a message (ASVS 16.2.5).
 */
export interface LoggedError {
  type: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  frames?: string[];
  cause?: LoggedError;
}

/** Identifiers PostgreSQL sets on its errors that name schema objects, never data. */
const SCHEMA_NAMES = ['constraint', 'table', 'column'] as const;
const MAX_CAUSES = 3;
const MAX_FRAMES = 12;

/** The "at …" lines of a stack, with the first line(s) (the message, maybe many lines) cut off. */
function framesOf(error: Error): string[] | undefined {
  if (typeof error.stack !== 'string') return undefined;
  const head = String(error);
  // The stack starts with "name: message"; if it does not, nothing in it can be trusted.
  if (!error.stack.startsWith(head)) return undefined;
  return error.stack
    .slice(head.length)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, MAX_FRAMES);
}

export function loggedError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & Record<string, unknown>;
  const logged: LoggedError = { type: error.constructor?.name || error.name };
  if (typeof e.code === 'string' || typeof e.code === 'number') logged.code = String(e.code);
  for (const name of SCHEMA_NAMES) {
    if (typeof e[name] === 'string') logged[name] = e[name];
  }
  const frames = framesOf(error);
  if (frames) logged.frames = frames;
  if (e.cause !== undefined && depth < MAX_CAUSES) logged.cause = loggedError(e.cause, depth + 1);
  return logged;
}

/**
 * A request as logged: method and the route's pattern (`/api/training/personal/:token`), never
 * the address itself — a personal link or a calendar feed carries its token in the path — nor the
 * query string (a search term is a name or a code) nor headers (the session cookie). A request
 * that matched no route logs its path with long segments masked.
 */
function loggedRequest(request: {
  method?: string;
  url?: string;
  ip?: string;
  routeOptions?: { url?: string };
}) {
  const path = request.routeOptions?.url ?? request.url?.split('?')[0]?.replace(/[^/]{20,}/g, '…');
  return { method: request.method, path, remoteAddress: request.ip };
}

/** The server's logger options with these serializers in force, whatever the caller passed. */
export function withSafeSerializers(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return {
    ...options,
    // Fastify's type wants pino's own error shape (with the message); this one drops it on purpose.
    serializers: { ...options.serializers, err: loggedError, req: loggedRequest } as never,
  };
}
