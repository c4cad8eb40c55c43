import type { z } from 'zod';
import { settleSubmission, submissionKey } from './idempotency.js';
import { ApiError, parseProblem } from './problem.js';

/**
 * The one way the web app talks to the server. The CSRF token lives only in memory (never in
 * storage): it comes from the login response or the session and goes on every non-GET request.
 */
let csrfToken: string | null = null;
let onUnauthorized: (() => Promise<boolean>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function hasCsrfToken(): boolean {
  return csrfToken !== null;
}

/**
 * The CSRF header for a write the client does not send itself (the resumable upload of a video,
 * whose pieces go through tus-js-client): empty when signed out.
 */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/**
 * Called when an API call answers 401 (the session ended: idle timeout, revoked). It resolves true
 * when the same user has signed in again (the call is then sent once more, so what was being saved
 * is saved once), false when the work on the page is given up.
 */
export function setUnauthorizedHandler(handler: (() => Promise<boolean>) | null): void {
  onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<S extends z.ZodType | undefined> {
  method?: Method;
  body?: unknown;
  /** A file sent as it is (an upload), with its own content type, instead of a JSON body. */
  rawBody?: { data: Blob; contentType: string };
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Validates the response; omitted for endpoints that answer without a body. */
  schema?: S;
  signal?: AbortSignal;
  /** Auth endpoints answer 401 for wrong credentials: that is a form error, not an expired session. */
  skipUnauthorizedRedirect?: boolean;
}

type Result<S> = S extends z.ZodType ? z.output<S> : undefined;

export function withQuery(path: string, query?: RequestOptions<undefined>['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * JSON would send a number a form could not read (NaN, Infinity) as null, which an optional field
 * takes as "none": sent as text instead, the server refuses it naming the field.
 */
const keepNotANumber = (_key: string, value: unknown) =>
  typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;

export async function api<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<S> = {},
): Promise<Result<S>> {
  const method = options.method ?? 'GET';
  if (method === 'GET') return sendAgainAfterSignIn(path, options, null);
  // Every write carries an Idempotency-Key, the same for the retry after signing in again and for
  // the next try of a write whose answer never came (./idempotency.ts).
  const target = `${method} ${withQuery(path, options.query)}`;
  const key = submissionKey(target);
  try {
    const result = await sendAgainAfterSignIn(path, options, key);
    settleSubmission(target, key, { status: 200 });
    return result;
  } catch (error) {
    settleSubmission(
      target,
      key,
      error instanceof ApiError ? { status: error.status, problemType: error.problem?.type } : 'unknown',
    );
    throw error;
  }
}

async function sendAgainAfterSignIn<S extends z.ZodType | undefined>(
  path: string,
  options: RequestOptions<S>,
  idempotencyKey: string | null,
): Promise<Result<S>> {
  try {
    return await send(path, options, idempotencyKey);
  } catch (error) {
    // The server refused for want of a session, so nothing was done: after signing in again as the
    // same user, the same call is sent once more.
    if (
      !(error instanceof ApiError) ||
      error.status !== 401 ||
      options.skipUnauthorizedRedirect ||
      !onUnauthorized
    )
      throw error;
    if (!(await onUnauthorized())) throw error;
    return send(path, { ...options, skipUnauthorizedRedirect: true }, idempotencyKey);
  }
}

async function send<S extends z.ZodType | undefined>(
  path: string,
  options: RequestOptions<S>,
  idempotencyKey: string | null,
): Promise<Result<S>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.rawBody) headers['content-type'] = options.rawBody.contentType;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.rawBody
        ? options.rawBody.data
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body, keepNotANumber),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, null, 'network');
  }

  const body = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, parseProblem(body));
  if (!options.schema) return undefined as Result<S>;
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    // A response that does not match the contract is a bug between server and web: say so loudly.
    console.error(`Unexpected response from ${method} ${path}`, parsed.error.issues);
    throw new ApiError(response.status, null, 'invalid_response');
  }
  return parsed.data as Result<S>;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}
