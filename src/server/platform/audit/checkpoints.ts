import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { queryRows } from '../db/client.js';
import { systemTransaction } from '../db/context.js';
import type { Deps } from '../deps.js';
import { queueMail } from '../mail/mail-queue.js';

type MailQueueDeps = Pick<Deps, 'jobs' | 'keyring'>;

import { CANONICAL, GENESIS_HASH, linkHash } from './audit-chain.js';
import { type CheckpointKey, publicKeyFileOf } from './checkpoint-key.js';
import { readCheckpointLine, signCheckpoint, type TCheckpoint } from './checkpoint-line.js';
import { retentionCutToWalkFrom } from './retention-cut.js';

/**
 * Signed checkpoints of the chain head, kept outside the database (ADR 0009): a superuser who
 * edits an event and recomputes every later hash passes the chain walk, but not a checkpoint
 * signed before the edit with a key the database never held. A plain async function run by a
 * timer today, so it can become a job later.
 */
export type CheckpointOutcome =
  | { written: true; checkpoint: TCheckpoint; line: string; mailedTo: string[] }
  | { written: false; reason: 'empty chain' | 'head unchanged' };

export class CheckpointRefused extends Error {}

export async function takeCheckpoint({
  database,
  key,
  file,
  mailer,
  now = new Date(),
}: {
  database: Database;
  key: CheckpointKey;
  file: string;
  /** Where the DPOs' copies are queued (the mail job sends them). */
  mailer: MailQueueDeps;
  now?: Date;
}): Promise<CheckpointOutcome> {
  const [head] = await database.query<{ seq: string; hash: string; event_id: string | null }>(
    `select h.seq::text, h.hash, e.id::text as event_id
       from audit_chain_head h left join audit_events e on e.chain_seq = h.seq where h.id = 1`,
  );
  if (!head) return { written: false, reason: 'empty chain' };
  const previous = lastCheckpointOf({ file, key });
  if (previous && previous.seq === head.seq && previous.hash === head.hash)
    return { written: false, reason: 'head unchanged' };
  // Sign only a chain that still follows from the last signed head: otherwise an edit made since
  // then would be signed as if it were the truth.
  const problem = head.event_id
    ? await brokenSince({ database, key, from: previous, through: { seq: head.seq, hash: head.hash } })
    : `the head event ${head.seq} is missing`;
  if (problem) {
    await mailDpos({
      database,
      mailer,
      subject: 'Trama: catena del registro accessi NON integra / audit chain BROKEN',
      text: `Checkpoint rifiutato / checkpoint refused: ${problem}.\nEseguire / run: npm run audit:verify\n`,
    });
    throw new CheckpointRefused(`audit checkpoint refused: ${problem}`);
  }
  const checkpoint: TCheckpoint = {
    v: 1,
    seq: head.seq,
    eventId: head.event_id!,
    hash: head.hash,
    events: Number(head.seq),
    at: now.toISOString(),
    instance: `${hostname()}:${process.pid}`,
  };
  const line = signCheckpoint({ checkpoint, key });
  appendDurably({ file, line });
  const publicKeyFile = publicKeyFileOf({ checkpointFile: file, keyId: key.keyId });
  if (!existsSync(publicKeyFile)) writeFileSync(publicKeyFile, key.publicKeyPem, { mode: 0o644 });
  const mailedTo = await mailDpos({
    database,
    mailer,
    subject: `Trama: checkpoint del registro accessi / audit checkpoint ${checkpoint.seq}`,
    text: `Checkpoint firmato della catena del registro accessi. Conservare questo messaggio: \`npm run audit:verify\` lo confronta con la catena.
Signed checkpoint of the audit chain. Keep this message: \`npm run audit:verify\` checks the chain against it.

${line}

Chiave pubblica / public key (${key.keyId}):
${key.publicKeyPem}`,
  });
  return { written: true, checkpoint, line, mailedTo };
}

/** One line per write, opened for append and flushed to disk before the checkpoint counts. */
export function appendDurably({ file, line }: { file: string; line: string }) {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a', 0o640);
  try {
    writeSync(fd, `${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The newest checkpoint in the file that this key signed (read from the file's tail only). */
export function lastCheckpointOf({
  file,
  key,
}: {
  file: string;
  key: CheckpointKey;
}): TCheckpoint | undefined {
  if (!existsSync(file)) return undefined;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    if (length < size) lines.shift(); // a partial first line
    const publicKeys = new Map([[key.keyId, key.publicKey]]);
    for (const line of lines.reverse()) {
      if (!line.trim()) continue;
      const read = readCheckpointLine({ line, publicKeys });
      if (read.ok) return read.checkpoint;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Walks the links from the last signed head (or the genesis) to `through`, a head already read,
 * so events sealed meanwhile are not part of the walk. Returns the problem, or undefined.
 */
async function brokenSince({
  database,
  key,
  from,
  through,
  batchSize = 10_000,
}: {
  database: Database;
  key: CheckpointKey;
  from: TCheckpoint | undefined;
  through: { seq: string; hash: string };
  batchSize?: number;
}): Promise<string | undefined> {
  let prev = GENESIS_HASH;
  let expected = 1n;
  // Events before a retention cut are gone: the walk starts from the cut when it is the later anchor.
  const cut = await retentionCutToWalkFrom({ database, key, from });
  if (cut && 'problem' in cut) return cut.problem;
  if (cut) {
    prev = cut.hash;
    expected = cut.seq + 1n;
  } else if (from) {
    const [signed] = await database.query<{ hash: string }>(
      'select hash from audit_events where chain_seq = $1',
      [from.seq],
    );
    if (signed?.hash !== from.hash) return `the event at sequence ${from.seq} no longer has its signed hash`;
    prev = from.hash;
    expected = BigInt(from.seq) + 1n;
  }
  const last = BigInt(through.seq);
  while (expected <= last) {
    const rows = await database.query<{ seq: string; prev_hash: string; hash: string; canonical: string }>(
      `select chain_seq::text as seq, prev_hash, hash, ${CANONICAL} as canonical from audit_events
        where chain_seq >= $1 and chain_seq <= $2 order by chain_seq limit $3`,
      [expected.toString(), through.seq, batchSize],
    );
    if (rows.length === 0) return `the event at sequence ${expected} is missing`;
    for (const row of rows) {
      const seq = BigInt(row.seq);
      if (seq !== expected) return `the event at sequence ${expected} is missing`;
      if (row.prev_hash !== prev || linkHash(prev, seq, row.canonical) !== row.hash)
        return `the event at sequence ${seq} does not verify`;
      prev = row.hash;
      expected += 1n;
    }
  }
  return prev === through.hash ? undefined : `the chain head ${through.seq} does not match its last event`;
}

/** Queued for every DPO: the file is the record; a mail server down only delays the copies. */
async function mailDpos({
  database,
  mailer,
  subject,
  text,
}: {
  database: Database;
  mailer: MailQueueDeps;
  subject: string;
  text: string;
}) {
  return systemTransaction(database.db, async (tx) => {
    const dpos = await queryRows<{ email: string }>(
      tx,
      sql`select distinct u.email from users u join memberships m on m.user_id = u.id
           where m.role = 'dpo' and u.disabled_at is null and u.email is not null`,
    );
    for (const dpo of dpos) await queueMail({ deps: mailer, tx, mail: { to: dpo.email, subject, text } });
    return dpos.map((d) => d.email);
  });
}

/** Takes a checkpoint every interval and once more on `stop` (clean shutdown, after the last seal). */
export function startCheckpoints({
  intervalMs,
  take,
  onError,
}: {
  intervalMs: number;
  take: () => Promise<unknown>;
  onError: (error: unknown) => void;
}) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => take().catch(onError));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await take().catch(onError);
    },
  };
}
