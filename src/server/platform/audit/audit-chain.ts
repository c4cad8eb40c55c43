import { createHash, type KeyObject } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, type Queryable, queryRows } from '../db/client.js';
import { allCuts, cutRowProblem } from './retention-cut.js';

/**
 * The hash chain (ADR 0003). Requests insert events unsealed; a background step seals committed
 * events in order, so no request waits on a chain lock. Each link hashes the previous hash and a
 * canonical text of the event that PostgreSQL renders identically on every read.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** The event as PostgreSQL renders it for hashing; the checkpoint verifier and the tamper tests read it too. */
export const CANONICAL = `json_build_array(id::text, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  actor_user_id, actor_username, actor_role, acting_service_id, action, outcome, record_type, record_id,
  purpose, client_ip, details)::text`;

const SEAL_LOCK = 7_301_002;

export function linkHash(prevHash: string, seq: bigint, canonical: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${canonical}`).digest('hex');
}

/**
 * Seals every event whose transaction has ended (xid below the oldest running transaction), in id
 * order. Runs once at a time across all instances (advisory lock); returns how many it sealed.
 */
export async function sealPending({
  database,
  batchSize = 5000,
}: {
  database: Database;
  batchSize?: number;
}) {
  let total = 0;
  for (;;) {
    const sealed = await sealBatch({ database, batchSize });
    total += sealed;
    if (sealed < batchSize) return total;
  }
}

async function sealBatch({
  database,
  batchSize,
}: {
  database: Database;
  batchSize: number;
}): Promise<number> {
  return database.db.transaction(async (tx) => {
    const rowsOf = <T>(query: SQL) => queryRows<T>(tx as Queryable, query);
    const [locked] = await rowsOf<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as ok`);
    if (!locked?.ok) return 0;
    const [headRow] = await rowsOf<{ seq: string; hash: string }>(
      sql`select seq::text, hash from audit_chain_head where id = 1`,
    );
    let prev = headRow?.hash ?? GENESIS_HASH;
    let seq = headRow ? BigInt(headRow.seq) : 0n;
    const rows = await rowsOf<{ id: string; canonical: string }>(
      sql`select id::text, ${sql.raw(CANONICAL)} as canonical from audit_events
          where chain_seq is null and xid < pg_snapshot_xmin(pg_current_snapshot())
          order by id limit ${batchSize}`,
    );
    if (rows.length === 0) return 0;
    const links = rows.map((row) => {
      seq += 1n;
      const link = { id: row.id, seq: seq.toString(), prev, hash: linkHash(prev, seq, row.canonical) };
      prev = link.hash;
      return link;
    });
    await tx.execute(
      sql`update audit_events a set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
          from json_to_recordset(${JSON.stringify(links)}::json) as v(id bigint, seq bigint, prev text, hash text)
          where a.id = v.id`,
    );
    await tx.execute(
      sql`insert into audit_chain_head (id, seq, hash, sealed_at) values (1, ${seq.toString()}, ${prev}, now())
          on conflict (id) do update set seq = excluded.seq, hash = excluded.hash, sealed_at = excluded.sealed_at`,
    );
    return rows.length;
  });
}

export interface VerifyResult {
  intact: boolean;
  checked: number;
  unsealed: number;
  /** The first broken link: the event whose stored content no longer matches its hash, or a gap. */
  firstBroken?: { chainSeq: string; eventId: string | null; problem: string };
  /** When older events were removed (audit retention): the signed cut the walk started from. */
  fromCut?: { throughSeq: string; throughHash: string };
}

export interface ChainLink {
  seq: bigint;
  hash: string;
}

export interface WalkResult {
  checked: number;
  /** The last link that verified (the starting link when none did). */
  last: ChainLink;
  broken?: { chainSeq: bigint; eventId: string | null; problem: string };
}

/**
 * Walks the links after `from` (the genesis, a retention cut or a signed head) up to `through`
 * (inclusive) or to the last sealed event, checking each event's sequence number, previous-hash
 * link and content hash. Stops at the first link that does not verify.
 */
export async function walkLinks({
  database,
  from,
  through,
  afterCut = false,
  batchSize = 10_000,
}: {
  database: Database;
  from: ChainLink;
  through?: bigint;
  /** `from` is a retention cut: a first link that does not follow it is named as such. */
  afterCut?: boolean;
  batchSize?: number;
}): Promise<WalkResult> {
  let prev = from.hash;
  let expectedSeq = from.seq + 1n;
  let checked = 0;
  const done = (broken?: WalkResult['broken']): WalkResult => ({
    checked,
    last: { seq: expectedSeq - 1n, hash: prev },
    ...(broken ? { broken } : {}),
  });
  for (;;) {
    const rows = await database.query<{
      id: string;
      seq: string;
      prev_hash: string;
      hash: string;
      canonical: string;
    }>(
      `select id::text, chain_seq::text as seq, prev_hash, hash, ${CANONICAL} as canonical from audit_events
       where chain_seq >= $1 and ($2::bigint is null or chain_seq <= $2) order by chain_seq limit $3`,
      [expectedSeq.toString(), through?.toString() ?? null, batchSize],
    );
    for (const row of rows) {
      const seq = BigInt(row.seq);
      if (seq !== expectedSeq)
        return done({ chainSeq: expectedSeq, eventId: null, problem: 'missing (deleted) event' });
      if (row.prev_hash !== prev) {
        const problem =
          afterCut && seq === from.seq + 1n
            ? "previous-hash link broken: the first event after the retention cut does not follow the cut's hash"
            : 'previous-hash link broken';
        return done({ chainSeq: seq, eventId: row.id, problem });
      }
      if (linkHash(prev, seq, row.canonical) !== row.hash)
        return done({ chainSeq: seq, eventId: row.id, problem: 'content changed after sealing' });
      prev = row.hash;
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  if (through !== undefined && expectedSeq <= through)
    return done({ chainSeq: expectedSeq, eventId: null, problem: 'missing (deleted) event' });
  return done();
}

/**
 * Walks the whole chain from the first link, or from the newest retention cut when older events
 * were removed (every cut's signature checked with `publicKeys`: a cut signed by no trusted key, or
 * whose row differs from its signed text, is a broken chain); names the first event that does not verify.
 */
export async function verifyChain({
  database,
  publicKeys = new Map(),
  batchSize = 10_000,
}: {
  database: Database;
  /** The trusted checkpoint keys (ADR 0009), needed once the chain has been cut. */
  publicKeys?: ReadonlyMap<string, KeyObject>;
  batchSize?: number;
}) {
  let from: ChainLink = { seq: 0n, hash: GENESIS_HASH };
  // Every cut is checked, not only the newest the walk starts from: a later cut was made by walking
  // from the one before it, so a forged earlier cut would otherwise be hidden behind a genuine one.
  const cuts = await allCuts(database);
  for (const c of cuts) {
    const problem = cutRowProblem({ cut: c, publicKeys });
    if (problem) return broken({ database, checked: 0, chainSeq: c.throughSeq, eventId: null, problem });
  }
  const cut = cuts.at(-1);
  if (cut) from = { seq: cut.throughSeq, hash: cut.throughHash };
  const walk = await walkLinks({ database, from, afterCut: cut !== undefined, batchSize });
  if (walk.broken) return broken({ database, checked: walk.checked, ...walk.broken });
  const [head] = await database.query<{ seq: string; hash: string }>(
    'select seq::text, hash from audit_chain_head where id = 1',
  );
  if (head && (BigInt(head.seq) !== walk.last.seq || head.hash !== walk.last.hash)) {
    return broken({
      database,
      checked: walk.checked,
      chainSeq: BigInt(head.seq),
      eventId: null,
      problem: 'chain head does not match the last event (events cut off at the end)',
    });
  }
  return {
    intact: true,
    checked: walk.checked,
    unsealed: await countUnsealed(database),
    ...(cut ? { fromCut: { throughSeq: cut.throughSeq.toString(), throughHash: cut.throughHash } } : {}),
  } satisfies VerifyResult;
}

async function broken({
  database,
  checked,
  chainSeq,
  eventId,
  problem,
}: {
  database: Database;
  checked: number;
  chainSeq: bigint;
  eventId: string | null;
  problem: string;
}): Promise<VerifyResult> {
  return {
    intact: false,
    checked,
    unsealed: await countUnsealed(database),
    firstBroken: { chainSeq: chainSeq.toString(), eventId, problem },
  };
}

async function countUnsealed(database: Database) {
  const [row] = await database.query<{ n: number }>(
    'select count(*)::int as n from audit_events where chain_seq is null',
  );
  return row?.n ?? 0;
}

/** Seals on an interval; `stop` seals what is left so a clean shutdown leaves nothing unsealed. */
export function startSealer({
  database,
  intervalMs,
  onError,
}: {
  database: Database;
  intervalMs: number;
  onError: (error: unknown) => void;
}) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => sealPending({ database }).catch(onError));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await sealPending({ database }).catch(onError);
    },
  };
}
