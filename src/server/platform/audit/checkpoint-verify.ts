import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Database } from '../db/client.js';
import { type VerifyResult, verifyChain } from './audit-chain.js';
import { readCheckpointLine, type TCheckpoint } from './checkpoint-line.js';
import { allCuts, parseCutLine, readSignedCut } from './retention-cut.js';

export interface CheckpointProblem {
  /** 1-based line of the checkpoint file. */
  line: number;
  seq: string | null;
  problem: string;
}

export interface CheckpointsResult {
  found: number;
  verified: number;
  problems: CheckpointProblem[];
  /**
   * Checkpoints whose events a retention cut removed (sequence before the newest cut's): their
   * signature is checked, the event no longer can be; the chain up to the cut was walked, and the
   * checkpoints in the file compared with it, before the cut was made. Absent when none.
   */
  beforeCut?: { checkpoints: number; throughSeq: string };
}

/**
 * Checks every line of the checkpoint file: its signature with a trusted public key, and that the
 * event at its sequence number is still the same event with the same hash. With the chain walk,
 * this finds an edit even when every later hash was recomputed (ADR 0009). A retention cut's line
 * (`{"cut":…}`) must match its row in the database; a checkpoint at a cut's sequence is compared
 * with the cut's hash, one before the newest cut is counted in `beforeCut` (its events are gone).
 */
export async function verifyCheckpoints({
  database,
  file,
  publicKeys,
}: {
  database: Database;
  file: string;
  publicKeys: ReadonlyMap<string, KeyObject>;
}): Promise<CheckpointsResult> {
  if (!existsSync(file)) return { found: 0, verified: 0, problems: [] };
  const problems: CheckpointProblem[] = [];
  const signed: { line: number; checkpoint: TCheckpoint }[] = [];
  const cutLines: { line: number; text: string; keyId: string; signature: string }[] = [];
  let found = 0;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (!text.trim()) return;
      found += 1;
      const cutLine = parseCutLine(text);
      if (cutLine) {
        cutLines.push({ line: index + 1, ...cutLine });
        return;
      }
      const read = readCheckpointLine({ line: text, publicKeys });
      if (read.ok) signed.push({ line: index + 1, checkpoint: read.checkpoint });
      else problems.push({ line: index + 1, seq: null, problem: read.problem });
    });
  const cuts = await allCuts(database);
  const cutBySeq = new Map(cuts.map((c) => [c.throughSeq.toString(), c]));
  const lastCut = cuts.at(-1)?.throughSeq ?? 0n;
  for (const { line, text, keyId, signature } of cutLines) {
    const read = readSignedCut({ text, keyId, signature, publicKeys });
    if (!read.ok) {
      problems.push({ line, seq: null, problem: `retention cut: ${read.problem}` });
      continue;
    }
    const row = cutBySeq.get(read.cut.throughSeq);
    const problem = !row
      ? 'retention cut: no such cut in the database (its row was removed)'
      : row.signedText !== text
        ? 'retention cut: the database row differs from this signed line'
        : undefined;
    if (problem) problems.push({ line, seq: read.cut.throughSeq, problem });
  }
  let covered = 0;
  const current: typeof signed = [];
  for (const entry of signed) {
    const seq = BigInt(entry.checkpoint.seq);
    const cut = cutBySeq.get(entry.checkpoint.seq);
    if (cut) {
      // The checkpoint names the last removed event: the cut kept its hash.
      if (cut.throughHash !== entry.checkpoint.hash)
        problems.push({
          line: entry.line,
          seq: entry.checkpoint.seq,
          problem:
            "the retention cut's hash at this sequence differs from the signed one: the chain was rewritten",
        });
      else if (seq < lastCut) covered += 1;
    } else if (seq <= lastCut) covered += 1;
    else current.push(entry);
  }
  for (let start = 0; start < current.length; start += 1000) {
    const batch = current.slice(start, start + 1000);
    const rows = await database.query<{ seq: string; id: string; hash: string | null }>(
      `select chain_seq::text as seq, id::text, hash from audit_events
        where chain_seq in (select s::bigint from json_array_elements_text($1::json) s)`,
      [JSON.stringify(batch.map((s) => s.checkpoint.seq))],
    );
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    for (const { line, checkpoint } of batch) {
      const event = bySeq.get(checkpoint.seq);
      const problem = !event
        ? 'the event at this sequence is gone (deleted or chain cut)'
        : event.id !== checkpoint.eventId
          ? `the event at this sequence is now event ${event.id}, it was ${checkpoint.eventId}`
          : event.hash !== checkpoint.hash
            ? 'the hash at this sequence differs from the signed one: the chain was rewritten'
            : undefined;
      if (problem) problems.push({ line, seq: checkpoint.seq, problem });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return {
    found,
    verified: found - problems.length,
    problems,
    ...(covered > 0 ? { beforeCut: { checkpoints: covered, throughSeq: lastCut.toString() } } : {}),
  };
}

export interface AuditTrailReport {
  ok: boolean;
  chain: VerifyResult;
  checkpoints: CheckpointsResult;
  /** What `npm run audit:verify` prints, one line each. */
  lines: string[];
}

/**
 * The chain walk and the checkpoints together. No checkpoint file is a warning, not a failure,
 * unless `requireCheckpoints` (a server that has run for a while must have written some). The
 * same trusted keys check the checkpoints and the newest retention cut the chain starts from.
 */
export async function verifyAuditTrail({
  database,
  checkpointFile,
  publicKeys,
  requireCheckpoints = false,
}: {
  database: Database;
  checkpointFile: string;
  publicKeys: ReadonlyMap<string, KeyObject>;
  requireCheckpoints?: boolean;
}): Promise<AuditTrailReport> {
  const chain = await verifyChain({ database, publicKeys });
  const checkpoints = await verifyCheckpoints({ database, file: checkpointFile, publicKeys });
  const lines: string[] = [];
  if (chain.intact) {
    const from = chain.fromCut
      ? ` from the signed retention cut through sequence ${chain.fromCut.throughSeq} (older events removed)`
      : '';
    lines.push(
      `audit chain intact${from}: ${chain.checked} events verified, ${chain.unsealed} not yet sealed`,
    );
  } else {
    const b = chain.firstBroken!;
    lines.push(
      `audit chain BROKEN at link ${b.chainSeq}${b.eventId ? ` (event id ${b.eventId})` : ''}: ${b.problem}; ${chain.checked} events verified before it`,
    );
  }
  const missing = checkpoints.found === 0;
  if (missing) {
    lines.push(
      `${requireCheckpoints ? 'FAILED' : 'warning'}: no signed checkpoints in ${checkpointFile}: the chain is not anchored outside the database`,
    );
  } else if (checkpoints.problems.length === 0) {
    lines.push(
      `checkpoints: all ${checkpoints.found} in ${checkpointFile} verified (signature and hash at their sequence)`,
    );
  }
  if (checkpoints.beforeCut) {
    const { checkpoints: n, throughSeq } = checkpoints.beforeCut;
    lines.push(
      `note: ${n} checkpoint(s) name events removed by the retention cut through sequence ${throughSeq}: signature checked; their hashes were checked against the chain when the cut was made`,
    );
  }
  for (const p of checkpoints.problems) {
    lines.push(
      `checkpoint BROKEN at line ${p.line} of ${checkpointFile}${p.seq ? ` (sequence ${p.seq})` : ''}: ${p.problem}`,
    );
  }
  const ok = chain.intact && checkpoints.problems.length === 0 && !(missing && requireCheckpoints);
  return { ok, chain, checkpoints, lines };
}
