import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decryptField, encryptField, type Keyring } from '../crypto/field-crypto.js';
import { type Database, type Db, queryRows, type Tx } from '../db/client.js';
import { sendProblem } from './error-handler.js';
import { idempotencyKeys } from './idempotency.sql.js';
import { AnswerInstead, HttpProblem } from './problem.js';

/**
 * Safe retries (docs/adr/0011-idempotency-keys.md). A write that carries `Idempotency-Key` claims
 * the key in its own first transaction, so the key row exists exactly when the change committed;
 * its answer is stored when it is sent, and a retry with the same key gets that answer again
 * (`Idempotent-Replayed: true`) instead of a second change. Keys are per user, kept for a day.
 */

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** Visible ASCII, 8 to 200 characters: a UUID fits, a timestamp or a counter alone does not. */
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
const KEYED_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Larger answers are not kept: a retry is told the change was recorded (409) instead. */
export const MAX_STORED_ANSWER_BYTES = 64 * 1024;
/** How long a retry waits for the answer of a claim still in progress before answering 409. */
const ANSWER_WAIT_MS = 3000;
/** A claim older than this without an answer is orphaned (its server died): no waiting for it. */
const ORPHANED_AFTER_SECONDS = 60;
const ANSWER_CONTEXT = 'idempotency_keys.response_body';

/** A keyed write in progress: what the request's first transaction claims. */
interface KeyedRequest {
  userId: string;
  key: string;
  method: string;
  route: string;
  requestHash: string;
  /**
   * open: no committed transaction of the request has claimed it (one that rolled back leaves it
   * open); claiming: a transaction holds the claim, uncommitted; claimed: a committed transaction
   * did, so the answer is kept; taken: another request had claimed it, this one is answered by it.
   */
  state: 'open' | 'claiming' | 'claimed' | 'taken';
  /** The answer when this request's claim finds the key taken by a request that committed first. */
  answerTaken: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: KeyedRequest | null;
  }
  interface FastifyContextConfig {
    /**
     * The answer reveals a safety field (an address, a landlord's IBAN): it is never kept for a
     * retry, which is told the request was recorded and asks again (audited again).
     */
    keepNoAnswer?: true;
  }
}

const keyedRequest = new AsyncLocalStorage<KeyedRequest>();

/**
 * The request's key, for the transaction `withDbContext` is opening, when the request carries one
 * that no committed transaction of it has claimed yet. The transaction calls `claim` before its
 * work, then `settled` with whether it committed.
 */
export function idempotencyClaimFor(userId: string) {
  const keyed = keyedRequest.getStore();
  if (keyed?.state !== 'open' || keyed.userId !== userId) return null;
  keyed.state = 'claiming';
  return {
    /** Inserts the key row; a concurrent duplicate waits here on the key until the first commits. */
    async claim(tx: Tx) {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({
          userId: keyed.userId,
          key: keyed.key,
          method: keyed.method,
          route: keyed.route,
          requestHash: keyed.requestHash,
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) {
        keyed.state = 'taken';
        // Thrown inside the transaction, so the work never runs and nothing of it is kept.
        throw new AnswerInstead(keyed.answerTaken);
      }
    },
    settled(committed: boolean) {
      if (keyed.state === 'claiming') keyed.state = committed ? 'claimed' : 'open';
    },
  };
}

/** Runs `work` as trama_app for the key's owner: row-level security shows only their keys. */
function asKeyOwner<T>(db: Db, userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'trama_app', true), set_config('trama.user_id', ${userId}, true)`,
    );
    return work(tx as Tx);
  });
}

interface KeyRow {
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  completed: boolean;
  age_seconds: number;
}

async function readKey(db: Db, keyed: KeyedRequest): Promise<KeyRow | null> {
  const rows = await asKeyOwner(db, keyed.userId, (tx) =>
    queryRows<KeyRow>(
      tx,
      sql`select request_hash, status_code, response_body, completed_at is not null as completed,
            extract(epoch from clock_timestamp() - created_at)::float8 as age_seconds
          from idempotency_keys where user_id = ${keyed.userId} and key = ${keyed.key}`,
    ),
  );
  return rows[0] ?? null;
}

function answerContext(keyed: KeyedRequest) {
  return `${ANSWER_CONTEXT}:${keyed.userId}`;
}

const keyProblems = {
  invalid: () =>
    new HttpProblem(
      400,
      'validation',
      { it: 'Dati non validi', en: 'Invalid data' },
      {
        it: 'L\u2019intestazione Idempotency-Key deve avere da 8 a 200 caratteri ASCII visibili.',
        en: 'The Idempotency-Key header must be 8 to 200 visible ASCII characters.',
      },
      [
        {
          field: 'headers.idempotency-key',
          code: 'invalid_idempotency_key',
          message: {
            it: 'Da 8 a 200 caratteri ASCII visibili.',
            en: '8 to 200 visible ASCII characters.',
          },
        },
      ],
    ),
  reused: () =>
    new HttpProblem(
      422,
      'idempotency-key-reused',
      { it: 'Chiave già usata per un\u2019altra richiesta', en: 'Key already used for another request' },
      {
        it: 'L\u2019intestazione Idempotency-Key è già stata usata per una richiesta diversa: nulla è stato modificato. Ricarica la pagina per vedere che cosa è stato salvato.',
        en: 'The Idempotency-Key header was already used for a different request: nothing was changed. Reload the page to see what was saved.',
      },
    ),
  recorded: () =>
    new HttpProblem(
      409,
      'idempotency-key-recorded',
      { it: 'Operazione già registrata', en: 'Operation already recorded' },
      {
        it: 'L\u2019operazione con questa intestazione Idempotency-Key è già stata registrata e non è stata ripetuta, ma la sua risposta non è disponibile. Ricarica la pagina per vedere il risultato.',
        en: 'The operation with this Idempotency-Key header was already recorded and was not repeated, but its answer is not available. Reload the page to see the result.',
      },
    ),
};

/**
 * What a request whose key exists gets: the stored answer replayed; 422 when the key was used for
 * another request; 409 when the change was recorded but its answer is not (yet) kept. A claim
 * still in progress is waited for, briefly. Null when the key is not there (the request runs).
 */
async function answerFromKey({
  db,
  keyring,
  keyed,
  request,
  reply,
}: {
  db: Db;
  keyring: Keyring;
  keyed: KeyedRequest;
  request: FastifyRequest;
  reply: FastifyReply;
}): Promise<FastifyReply | null> {
  let row = await readKey(db, keyed);
  if (!row) return null;
  if (row.request_hash !== keyed.requestHash) return sendProblem(request, reply, keyProblems.reused());
  const deadline = Date.now() + ANSWER_WAIT_MS;
  let pause = 20;
  while (!row.completed && row.age_seconds < ORPHANED_AFTER_SECONDS && Date.now() < deadline) {
    await sleep(pause);
    pause = Math.min(pause * 2, 200);
    row = (await readKey(db, keyed)) ?? row;
  }
  if (!row.completed || row.status_code === null || row.response_body === null)
    return sendProblem(request, reply, keyProblems.recorded());
  let body: string;
  try {
    body = decryptField({ keyring, value: row.response_body, context: answerContext(keyed) });
  } catch {
    // Its data key was retired: the change stands, its answer cannot be given again.
    return sendProblem(request, reply, keyProblems.recorded());
  }
  reply.code(row.status_code).header(REPLAYED_HEADER, 'true');
  if (body === '') return reply.send();
  return reply
    .type(row.status_code >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8')
    .send(body);
}

/** The answer to keep for a retry, or null when none can be kept (a failure, a file, too large). */
function storableAnswer(statusCode: number, payload: unknown): string | null {
  if (statusCode >= 500) return null;
  if (payload === undefined || payload === null) return '';
  if (typeof payload !== 'string') return null;
  return Buffer.byteLength(payload) <= MAX_STORED_ANSWER_BYTES ? payload : null;
}

function bodyBytes(body: unknown): Buffer | string {
  if (body === undefined || body === null) return '';
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return body;
  return JSON.stringify(body);
}

/**
 * The request's fingerprint: method, path with query, and body as received (before the route's
 * schema rewrites it), with the key as salt. The same key with any other request is refused.
 */
function requestHashOf(request: FastifyRequest, key: string) {
  return createHash('sha256')
    .update(`${key}\0${request.method}\0${request.url}\0`)
    .update(bodyBytes(request.body))
    .digest('base64url');
}

/**
 * Hooks for every route: the key is checked and looked up before validation (after the access hook
 * and the input guard), the handler runs with the key in its async context so that `withDbContext`
 * claims it, and the answer of a claimed request is kept as it is sent.
 */
export function installIdempotency({ app, db, keyring }: { app: FastifyInstance; db: Db; keyring: Keyring }) {
  app.decorateRequest('idempotency', null);

  app.addHook('preValidation', async (request, reply) => {
    // Only requests with an access context reach withDbContext; sign-in and the other public or
    // session-only routes run as the system and are not keyed.
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || !request.access || !KEYED_METHODS.has(request.method)) return;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw keyProblems.invalid();
    const keyed: KeyedRequest = {
      userId: request.access.userId,
      key: header,
      method: request.method,
      route: request.routeOptions.url ?? request.url.split('?')[0]!,
      requestHash: requestHashOf(request, header),
      state: 'open',
      answerTaken: async (req, rep) =>
        (await answerFromKey({ db, keyring, keyed, request: req, reply: rep })) ??
        // The key vanished after it was found taken (pruned): the change is not known to be absent.
        sendProblem(req, rep, keyProblems.recorded()),
    };
    const answered = await answerFromKey({ db, keyring, keyed, request, reply });
    if (answered) return answered;
    request.idempotency = keyed;
  });

  // Callback style, so the rest of the request (its handler, its transactions) runs inside `run`.
  app.addHook('preHandler', (request, _reply, done) => {
    if (request.idempotency) keyedRequest.run(request.idempotency, done);
    else done();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const keyed = request.idempotency;
    if (keyed?.state !== 'claimed') return payload;
    const answer = request.routeOptions.config.keepNoAnswer
      ? null
      : storableAnswer(reply.statusCode, payload);
    try {
      await asKeyOwner(db, keyed.userId, (tx) =>
        tx
          .update(idempotencyKeys)
          .set({
            statusCode: answer === null ? null : reply.statusCode,
            responseBody:
              answer === null
                ? null
                : encryptField({ keyring, plaintext: answer, context: answerContext(keyed) }),
            completedAt: sql`now()`,
          })
          .where(and(eq(idempotencyKeys.userId, keyed.userId), eq(idempotencyKeys.key, keyed.key))),
      );
    } catch (error) {
      // The change stands and this answer still goes out; a retry will be told it was recorded.
      request.log.error({ code: (error as { code?: string }).code }, 'idempotency answer not stored');
    }
    return payload;
  });
}

/**
 * Forgets keys older than `olderThanHours` (a day by default): a retry after that runs as new.
 * Run by the platform's scheduled jobs, as the owner.
 */
export async function pruneIdempotencyKeys(database: Database, olderThanHours = 24): Promise<number> {
  const [row] = await database.query<{ n: number }>(
    `with gone as (delete from idempotency_keys where created_at < now() - $1::float8 * interval '1 hour'
       returning 1) select count(*)::int as n from gone`,
    [olderThanHours],
  );
  return Number(row?.n ?? 0);
}
