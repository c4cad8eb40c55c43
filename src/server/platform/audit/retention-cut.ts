import { type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import type { CheckpointKey } from './checkpoint-key.js';

/**
 * A retention cut of the audit chain (ADR 0003, "Retention"): the events up to `throughSeq` were
 * removed after their retention period. The hash of the last removed link is kept and signed with
 * the checkpoint key (ADR 0009), so the chain that remains is verified from it instead of from the
 * genesis hash. The signed text is kept byte for byte, in the database (`audit_retention_cuts`)
 * and as one line of the checkpoint file: `{"cut":"<signed text>","keyId":"…","signature":"…"}`.
 */
export const ZRetentionCutSchema = z.strictObject({
  v: z.literal(1),
  /** The last removed link: its sequence number, event id and hash. */
  throughSeq: z.string().regex(/^[1-9][0-9]*$/),
  eventId: z.string().regex(/^[0-9]+$/),
  throughHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** How many events this cut removed (those after the previous cut, through `throughSeq`). */
  removedEvents: z.number().int().positive(),
  /** Every removed event occurred before this instant (now minus the retention period). */
  olderThan: z.iso.datetime(),
  at: z.iso.datetime(),
  instance: z.string(),
});
export type TRetentionCut = z.infer<typeof ZRetentionCutSchema>;

const ZCutLineSchema = z.strictObject({
  cut: z.string(),
  keyId: z.string(),
  signature: z.string(),
});

export interface SignedCut {
  text: string;
  keyId: string;
  signature: string;
  /** The line of the checkpoint file. */
  line: string;
}

export function signRetentionCut({ cut, key }: { cut: TRetentionCut; key: CheckpointKey }): SignedCut {
  // Fixed field order: the text signed is exactly what the row and the line carry.
  const { v, throughSeq, eventId, throughHash, removedEvents, olderThan, at, instance } = cut;
  const text = JSON.stringify({
    v,
    throughSeq,
    eventId,
    throughHash,
    removedEvents,
    olderThan,
    at,
    instance,
  });
  const signature = sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
  return {
    text,
    keyId: key.keyId,
    signature,
    line: JSON.stringify({ cut: text, keyId: key.keyId, signature }),
  };
}

export type ReadCut = { ok: true; cut: TRetentionCut } | { ok: false; problem: string };

/** Checks a signed cut against the trusted public keys (by key id); never trusts a key it names. */
export function readSignedCut({
  text,
  keyId,
  signature,
  publicKeys,
}: {
  text: string;
  keyId: string;
  signature: string;
  publicKeys: ReadonlyMap<string, KeyObject>;
}): ReadCut {
  const publicKey = publicKeys.get(keyId);
  if (!publicKey) return { ok: false, problem: `signed by unknown key ${keyId}` };
  if (!verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64')))
    return { ok: false, problem: `signature does not verify with key ${keyId} (forged or altered)` };
  try {
    return { ok: true, cut: ZRetentionCutSchema.parse(JSON.parse(text)) };
  } catch {
    return { ok: false, problem: 'signed text is not a retention cut' };
  }
}

/** A line of the checkpoint file that is a cut (`{"cut":…}`), or undefined for any other line. */
export function parseCutLine(line: string): { text: string; keyId: string; signature: string } | undefined {
  try {
    const parsed = ZCutLineSchema.parse(JSON.parse(line));
    return { text: parsed.cut, keyId: parsed.keyId, signature: parsed.signature };
  } catch {
    return undefined;
  }
}

/** A row of `audit_retention_cuts` as the verifiers read it. */
export interface CutRow {
  throughSeq: bigint;
  throughHash: string;
  removedEvents: string;
  olderThan: Date;
  signedText: string;
  signature: string;
  keyId: string;
}

const CUT_COLUMNS = `through_seq::text as through_seq, through_hash, removed_events::text as removed_events,
  older_than, signed_text, signature, key_id`;

interface RawCut {
  through_seq: string;
  through_hash: string;
  removed_events: string;
  older_than: Date | string;
  signed_text: string;
  signature: string;
  key_id: string;
}

function cutRowOf(raw: RawCut): CutRow {
  return {
    throughSeq: BigInt(raw.through_seq),
    throughHash: raw.through_hash,
    removedEvents: raw.removed_events,
    olderThan: new Date(raw.older_than),
    signedText: raw.signed_text,
    signature: raw.signature,
    keyId: raw.key_id,
  };
}

/** The newest cut (the one the remaining chain starts from), if any. */
export async function newestCut(database: Database): Promise<CutRow | undefined> {
  const [raw] = await database.query<RawCut>(
    `select ${CUT_COLUMNS} from audit_retention_cuts order by through_seq desc limit 1`,
  );
  return raw ? cutRowOf(raw) : undefined;
}

/** Every cut, oldest first (a handful a year: one a night at most). */
export async function allCuts(database: Database): Promise<CutRow[]> {
  const rows = await database.query<RawCut>(
    `select ${CUT_COLUMNS} from audit_retention_cuts order by through_seq`,
  );
  return rows.map(cutRowOf);
}

/**
 * Checks a cut row: its signature with a trusted key, and that the row says what was signed (a row
 * whose hash or sequence was changed in the database no longer matches its signed text).
 * Returns the problem, or undefined.
 */
export function cutRowProblem({
  cut,
  publicKeys,
}: {
  cut: CutRow;
  publicKeys: ReadonlyMap<string, KeyObject>;
}): string | undefined {
  const read = readSignedCut({
    text: cut.signedText,
    keyId: cut.keyId,
    signature: cut.signature,
    publicKeys,
  });
  if (!read.ok) return `retention cut through sequence ${cut.throughSeq}: ${read.problem}`;
  const signed = read.cut;
  if (
    signed.throughSeq !== cut.throughSeq.toString() ||
    signed.throughHash !== cut.throughHash ||
    String(signed.removedEvents) !== cut.removedEvents ||
    new Date(signed.olderThan).getTime() !== cut.olderThan.getTime()
  )
    return `retention cut through sequence ${cut.throughSeq}: the row differs from its signed text (altered in the database)`;
  return undefined;
}

/**
 * Where the checkpoint process (checkpoints.ts) starts its walk before signing a new head, when a
 * retention cut is a later anchor than its last checkpoint (or it has none): the events before
 * the cut are gone. The cut must verify with this process's key — except when the process has no
 * checkpoint of its own to anchor to (a key rotated since the cut), where it would otherwise walk
 * from the genesis unanchored anyway; `audit:verify` checks that cut with the old public key.
 * Returns undefined when the walk starts from the checkpoint (or the genesis), or the problem.
 */
export async function retentionCutToWalkFrom({
  database,
  key,
  from,
}: {
  database: Database;
  key: CheckpointKey;
  from: { seq: string; hash: string } | undefined;
}): Promise<{ seq: bigint; hash: string } | { problem: string } | undefined> {
  const cut = await newestCut(database);
  if (!cut || (from && BigInt(from.seq) > cut.throughSeq)) return undefined;
  if (from && BigInt(from.seq) === cut.throughSeq && from.hash !== cut.throughHash)
    return { problem: `the retention cut's hash at sequence ${from.seq} differs from the last checkpoint's` };
  if (from || cut.keyId === key.keyId) {
    const problem = cutRowProblem({ cut, publicKeys: new Map([[key.keyId, key.publicKey]]) });
    if (problem) return { problem };
  }
  return { seq: cut.throughSeq, hash: cut.throughHash };
}
