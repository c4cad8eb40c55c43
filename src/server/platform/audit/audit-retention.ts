import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.js';
import { systemTransaction } from '../db/context.js';
import type { Deps } from '../deps.js';
import type { JobKind } from '../jobs/job-queue.js';
import { queueMail } from '../mail/mail-queue.js';
import { type ChainLink, GENESIS_HASH, walkLinks } from './audit-chain.js';
import { type CheckpointKey, publicKeyFileOf } from './checkpoint-key.js';
import { verifyCheckpoints } from './checkpoint-verify.js';
import { appendDurably } from './checkpoints.js';
import { retentionCutToWalkFrom, signRetentionCut, type TRetentionCut } from './retention-cut.js';

/**
 * Audit retention (ADR 0003, "Retention"): the access log is kept `TRAMA_AUDIT_RETENTION_MONTHS` (24,
 * the Garante's period) and then removed, a prefix of the chain at a time. What remains stays
 * verifiable: the last removed link's hash is kept in `audit_retention_cuts`, signed with the
 * checkpoint key (ADR 0009), and the chain is verified from it.
 */
export const AUDIT_RETENTION_JOB_NAME = 'audit.retention';

/** One cut at a time across instances (the job may also be queued by hand). */
const RETENTION_LOCK = 7_301_012;

/** Events removed by one cut (one transaction); the job cuts again until nothing is old enough. */
const MAX_EVENTS_PER_CUT = 100_000;

export type RetentionOutcome =
  | { cut: true; signed: TRetentionCut; line: string; removedEvents: number; mailedTo: string[] }
  | { cut: false; reason: 'nothing old enough' | 'busy' };

/** The chain (or a signed checkpoint of it) does not verify: nothing is removed, the evidence stays. */
export class RetentionRefused extends Error {}

/** `now` minus `months` calendar months (the 31st of a shorter month becomes its last day). */
export function retentionLimit({ now, months }: { now: Date; months: number }): Date {
  const limit = new Date(now);
  const day = limit.getUTCDate();
  limit.setUTCDate(1);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(limit.getUTCFullYear(), limit.getUTCMonth() + 1, 0)).getUTCDate();
  limit.setUTCDate(Math.min(day, lastDay));
  return limit;
}

/**
 * Removes the sealed events that occurred before `olderThan`: only a prefix of the chain, through
 * the largest sequence number such that every event up to it is older than the limit, and never
 * the chain head's own event (it anchors the head and the next checkpoint). Unsealed events are
 * never removed. Before removing, the links from the previous cut (or the genesis) to the cut
 * point are walked and the signed checkpoints in `checkpointFile` compared with them: a chain that
 * does not verify is not cut (RetentionRefused), so evidence of an edit is never destroyed.
 * Then, in one transaction, the signed cut row is written and the events deleted (the SQL
 * function `audit_retention_cut` re-checks the hash, the ages and the count, and the append-only
 * trigger lets only events covered by a recorded cut be deleted); the DPOs' copies of the signed
 * line are queued in the same transaction. After the commit the line is appended to the
 * checkpoint file, beside the checkpoints.
 */
export async function cutAuditTrail({
  database,
  key,
  olderThan,
  now = new Date(),
  checkpointFile,
  mailer,
  maxEvents = MAX_EVENTS_PER_CUT,
}: {
  database: Database;
  key: CheckpointKey;
  olderThan: Date;
  now?: Date;
  /** The checkpoint file: its checkpoints are checked before a cut, and the cut's line appended. */
  checkpointFile?: string;
  /** Where the DPOs' copies are queued (the mail job sends them). */
  mailer?: Pick<Deps, 'jobs' | 'keyring'>;
  maxEvents?: number;
}): Promise<RetentionOutcome> {
  const previous = await retentionCutToWalkFrom({ database, key, from: undefined });
  if (previous && 'problem' in previous)
    throw new RetentionRefused(`audit retention refused: ${previous.problem}`);
  const from: ChainLink = previous ?? { seq: 0n, hash: GENESIS_HASH };

  const [young] = await database.query<{ seq: string }>(
    `select chain_seq::text as seq from audit_events
      where chain_seq > $1 and occurred_at >= $2::timestamptz order by chain_seq limit 1`,
    [from.seq.toString(), olderThan.toISOString()],
  );
  const [head] = await database.query<{ seq: string }>('select seq::text from audit_chain_head where id = 1');
  if (!head) return { cut: false, reason: 'nothing old enough' };
  let through = BigInt(head.seq) - 1n;
  if (young && BigInt(young.seq) - 1n < through) through = BigInt(young.seq) - 1n;
  if (from.seq + BigInt(maxEvents) < through) through = from.seq + BigInt(maxEvents);
  if (through <= from.seq) return { cut: false, reason: 'nothing old enough' };

  // Sealed events cannot change (trigger), so a walk made before the transaction still holds in it;
  // the SQL function checks the hash at the cut point again.
  const walk = await walkLinks({ database, from, through, afterCut: previous !== undefined });
  if (walk.broken)
    throw new RetentionRefused(
      `audit retention refused: the chain does not verify at sequence ${walk.broken.chainSeq}: ${walk.broken.problem}`,
    );
  if (checkpointFile) {
    const own = new Map([[key.keyId, key.publicKey]]);
    const checked = await verifyCheckpoints({ database, file: checkpointFile, publicKeys: own });
    const mismatch = checked.problems.find((p) => p.seq !== null);
    if (mismatch)
      throw new RetentionRefused(
        `audit retention refused: checkpoint at line ${mismatch.line} of ${checkpointFile} (sequence ${mismatch.seq}): ${mismatch.problem}`,
      );
  }
  const [event] = await database.query<{ id: string }>(
    'select id::text from audit_events where chain_seq = $1',
    [through.toString()],
  );
  const signed: TRetentionCut = {
    v: 1,
    throughSeq: through.toString(),
    eventId: event!.id,
    throughHash: walk.last.hash,
    removedEvents: Number(through - from.seq),
    olderThan: olderThan.toISOString(),
    at: now.toISOString(),
    instance: `${hostname()}:${process.pid}`,
  };
  const cut = signRetentionCut({ cut: signed, key });

  const done = await systemTransaction(database.db, async (tx) => {
    const [locked] = await queryRows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as ok`,
    );
    if (!locked?.ok) return undefined;
    await tx.execute(
      sql`select audit_retention_cut(${signed.throughSeq}::bigint, ${signed.throughHash},
            ${signed.removedEvents}::bigint, ${signed.olderThan}::timestamptz,
            ${cut.text}, ${cut.signature}, ${cut.keyId})`,
    );
    if (!mailer) return [];
    const dpos = await queryRows<{ email: string }>(
      tx,
      sql`select distinct u.email from users u join memberships m on m.user_id = u.id
           where m.role = 'dpo' and u.disabled_at is null and u.email is not null`,
    );
    const text = `Eventi del registro accessi anteriori a ${signed.olderThan} rimossi (${signed.removedEvents}, fino alla sequenza ${signed.throughSeq}) al termine del periodo di conservazione. Conservare questo messaggio: la catena rimasta si verifica a partire da questo taglio firmato (\`npm run audit:verify\`).
Audit events older than ${signed.olderThan} removed (${signed.removedEvents}, through sequence ${signed.throughSeq}) at the end of their retention period. Keep this message: the remaining chain is verified from this signed cut (\`npm run audit:verify\`).

${cut.line}

Chiave pubblica / public key (${key.keyId}):
${key.publicKeyPem}`;
    for (const dpo of dpos)
      await queueMail({
        deps: mailer,
        tx,
        key: `audit-retention-cut:${signed.throughSeq}:${dpo.email}`,
        mail: {
          to: dpo.email,
          subject: `Trama: conservazione del registro accessi / audit trail retention cut ${signed.throughSeq}`,
          text,
        },
      });
    return dpos.map((d) => d.email);
  });
  if (!done) return { cut: false, reason: 'busy' };
  if (checkpointFile) {
    appendDurably({ file: checkpointFile, line: cut.line });
    const publicKeyFile = publicKeyFileOf({ checkpointFile, keyId: key.keyId });
    if (!existsSync(publicKeyFile)) writeFileSync(publicKeyFile, key.publicKeyPem, { mode: 0o644 });
  }
  return { cut: true, signed, line: cut.line, removedEvents: signed.removedEvents, mailedTo: done };
}

/**
 * The nightly job: removes what is older than the configured period, one cut per transaction
 * until nothing is left. Safe to run twice: a second run finds nothing old enough. A chain that
 * does not verify fails the job (RetentionRefused), visible on the admin's jobs screen; the
 * checkpoint process tells the DPOs about the broken chain itself.
 */
export const auditRetentionJob: JobKind<Record<string, never>> = {
  name: AUDIT_RETENTION_JOB_NAME,
  label: { it: 'Conservazione del registro accessi', en: 'Audit trail retention' },
  retryLimit: 3,
  retryDelaySeconds: 600,
  expireInSeconds: 3600,
  // Every night at 03:30 (Europe/Rome), away from office hours.
  schedule: '30 3 * * *',
  async handle(_data, { deps }) {
    const now = new Date();
    const olderThan = retentionLimit({ now, months: deps.config.auditRetentionMonths });
    for (;;) {
      const outcome = await cutAuditTrail({
        database: deps.database,
        key: deps.checkpointKey,
        olderThan,
        now,
        checkpointFile: deps.config.auditCheckpointFile,
        mailer: deps,
      });
      if (!outcome.cut) return;
    }
  },
};
