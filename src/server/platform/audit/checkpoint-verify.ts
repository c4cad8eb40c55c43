import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Database } from '../db/client.js';
import { type VerifyResult, verifyChain } from './audit-chain.js';
import { readCheckpointLine, type TCheckpoint } from './checkpoint-line.js';

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
}

/**
 * Checks every line of the checkpoint file: its signature with a trusted public key, and that the
 * event at its sequence number is still the same event with the same hash. With the chain walk,
 * this finds an edit even when every later hash was recomputed (ADR 0009).
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
  let found = 0;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (!text.trim()) return;
      found += 1;
      const read = readCheckpointLine({ line: text, publicKeys });
      if (read.ok) signed.push({ line: index + 1, checkpoint: read.checkpoint });
      else problems.push({ line: index + 1, seq: null, problem: read.problem });
    });
  for (let start = 0; start < signed.length; start += 1000) {
    const batch = signed.slice(start, start + 1000);
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
  return { found, verified: found - problems.length, problems };
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
 * unless `requireCheckpoints` (a server that has run for a while must have written some).
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
  const chain = await verifyChain({ database });
  const checkpoints = await verifyCheckpoints({ database, file: checkpointFile, publicKeys });
  const lines: string[] = [];
  if (chain.intact) {
    lines.push(`audit chain intact: ${chain.checked} events verified, ${chain.unsealed} not yet sealed`);
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
  for (const p of checkpoints.problems) {
    lines.push(
      `checkpoint BROKEN at line ${p.line} of ${checkpointFile}${p.seq ? ` (sequence ${p.seq})` : ''}: ${p.problem}`,
    );
  }
  const ok = chain.intact && checkpoints.problems.length === 0 && !(missing && requireCheckpoints);
  return { ok, chain, checkpoints, lines };
}
