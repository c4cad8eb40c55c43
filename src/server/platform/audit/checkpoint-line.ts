import { type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';
import type { CheckpointKey } from './checkpoint-key.js';

/**
 * One signed checkpoint of the audit chain's head (ADR 0009), one JSON line of the checkpoint file:
 * `{"checkpoint":"<signed text>","keyId":"…","signature":"<base64 Ed25519>"}`. The signed text is
 * kept as a string, byte for byte, so a DPO can check it with jq and openssl without Trama.
 */
export const ZCheckpointSchema = z.strictObject({
  v: z.literal(1),
  /** chain_seq of the head event and its id: the event that must still carry `hash`. */
  seq: z.string().regex(/^[1-9][0-9]*$/),
  eventId: z.string().regex(/^[0-9]+$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Sealed events in the chain when signed. */
  events: z.number().int().nonnegative(),
  at: z.iso.datetime(),
  /** Which server process signed it: with several instances each writes its own, all valid. */
  instance: z.string(),
});
export type TCheckpoint = z.infer<typeof ZCheckpointSchema>;

const ZCheckpointLineSchema = z.strictObject({
  checkpoint: z.string(),
  keyId: z.string(),
  signature: z.string(),
});

export function signCheckpoint({ checkpoint, key }: { checkpoint: TCheckpoint; key: CheckpointKey }): string {
  // Fixed field order: the text signed is exactly what the line carries.
  const { v, seq, eventId, hash, events, at, instance } = checkpoint;
  const text = JSON.stringify({ v, seq, eventId, hash, events, at, instance });
  const signature = sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
  return JSON.stringify({ checkpoint: text, keyId: key.keyId, signature });
}

export type ReadCheckpoint = { ok: true; checkpoint: TCheckpoint } | { ok: false; problem: string };

/** Checks one line against the trusted public keys (by key id); never trusts a key named in the file. */
export function readCheckpointLine({
  line,
  publicKeys,
}: {
  line: string;
  publicKeys: ReadonlyMap<string, KeyObject>;
}): ReadCheckpoint {
  let parsed: z.infer<typeof ZCheckpointLineSchema>;
  try {
    parsed = ZCheckpointLineSchema.parse(JSON.parse(line));
  } catch {
    return { ok: false, problem: 'not a checkpoint line' };
  }
  const publicKey = publicKeys.get(parsed.keyId);
  if (!publicKey) return { ok: false, problem: `signed by unknown key ${parsed.keyId}` };
  const valid = verify(
    null,
    Buffer.from(parsed.checkpoint, 'utf8'),
    publicKey,
    Buffer.from(parsed.signature, 'base64'),
  );
  if (!valid)
    return { ok: false, problem: `signature does not verify with key ${parsed.keyId} (forged or altered)` };
  try {
    return { ok: true, checkpoint: ZCheckpointSchema.parse(JSON.parse(parsed.checkpoint)) };
  } catch {
    return { ok: false, problem: 'signed text is not a checkpoint' };
  }
}
