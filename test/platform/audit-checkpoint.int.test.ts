import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CANONICAL,
  linkHash,
  sealPending,
  verifyChain,
} from '../../src/server/platform/audit/audit-chain.js';
import { newCheckpointKey, publicKeyFileOf } from '../../src/server/platform/audit/checkpoint-key.js';
import { signCheckpoint } from '../../src/server/platform/audit/checkpoint-line.js';
import { verifyAuditTrail } from '../../src/server/platform/audit/checkpoint-verify.js';
import { CheckpointRefused, takeCheckpoint } from '../../src/server/platform/audit/checkpoints.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

const newKey = () => newCheckpointKey();

let t: TestApp;
const key = newKey();
const trusted = new Map([[key.keyId, key.publicKey]]);
const dir = mkdtempSync(join(tmpdir(), 'trama-checkpoints-'));
const file = join(dir, 'audit-checkpoints.jsonl');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Seals until nothing is left (another database's transaction may hold the horizon back). */
async function sealAll() {
  for (let i = 0; i < 100; i++) {
    await sealPending({ database: t.database });
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where chain_seq is null`,
    );
    if (row!.n === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('audit events stayed unsealed for 5 seconds');
}

async function someEvents() {
  const dpo = await t.signIn('dpo');
  for (let i = 0; i < 3; i++) await dpo.request({ method: 'GET', url: '/api/audit/events' });
  await sealAll();
}

const take = () => takeCheckpoint({ database: t.database, key, file, mailer: t.deps });

/**
 * What a malicious DBA can do: switch the append-only trigger off, edit one sealed event, then
 * recompute every later link with the chain's own hash so the chain walk still passes.
 */
async function rewriteHistoryFrom(seq: string) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`update audit_events set actor_username = 'someone-else' where chain_seq = ${seq}`);
    const rows = await queryRows<{ id: string; seq: string; prev_hash: string; canonical: string }>(
      tx,
      sql`select id::text, chain_seq::text as seq, prev_hash, ${sql.raw(CANONICAL)} as canonical
          from audit_events where chain_seq >= ${seq} order by chain_seq`,
    );
    let prev = rows[0]!.prev_hash;
    const links = rows.map((row) => {
      const link = { id: row.id, prev, hash: linkHash(prev, BigInt(row.seq), row.canonical) };
      prev = link.hash;
      return link;
    });
    await tx.execute(
      sql`update audit_events a set prev_hash = v.prev, hash = v.hash
          from json_to_recordset(${JSON.stringify(links)}::json) as v(id bigint, prev text, hash text)
          where a.id = v.id`,
    );
    await tx.execute(sql`update audit_chain_head set hash = ${prev} where id = 1`);
  });
}

describe('audit checkpoints', () => {
  it('says there are no checkpoints (a warning), a failure only when they are required', async () => {
    await someEvents();
    const relaxed = await verifyAuditTrail({
      database: t.database,
      checkpointFile: file,
      publicKeys: trusted,
    });
    expect(relaxed.ok).toBe(true);
    expect(relaxed.lines.join('\n')).toMatch(/warning: no signed checkpoints/);
    const strict = await verifyAuditTrail({
      database: t.database,
      checkpointFile: file,
      publicKeys: trusted,
      requireCheckpoints: true,
    });
    expect(strict.ok).toBe(false);
  });

  it('appends a signed checkpoint of the head to the file, stores the public key beside it and mails the DPOs', async () => {
    const outcome = await take();
    expect(outcome.written).toBe(true);
    if (!outcome.written) return;
    const [head] = await queryRows<{ seq: string; hash: string }>(
      t.database.db,
      sql`select seq::text, hash from audit_chain_head where id = 1`,
    );
    expect(outcome.checkpoint).toMatchObject({ seq: head!.seq, hash: head!.hash });
    expect(readFileSync(file, 'utf8')).toBe(`${outcome.line}\n`);
    expect(readFileSync(publicKeyFileOf({ checkpointFile: file, keyId: key.keyId }), 'utf8')).toBe(
      key.publicKeyPem,
    );
    expect(outcome.mailedTo).toContain('dpo@demo.trama.localhost');
    await t.runJobs();
    expect(
      t.mails.find((m) => m.to === 'dpo@demo.trama.localhost' && m.text.includes(outcome.line)),
    ).toBeTruthy();
    expect(await take()).toEqual({ written: false, reason: 'head unchanged' });

    await someEvents();
    expect((await take()).written).toBe(true);
    const report = await verifyAuditTrail({
      database: t.database,
      checkpointFile: file,
      publicKeys: trusted,
    });
    expect(report.ok).toBe(true);
    expect(report.checkpoints).toEqual({ found: 2, verified: 2, problems: [] });
  });

  it('reports a forged checkpoint line (bad signature) and one signed by an unknown key, by line', async () => {
    const forgedFile = join(dir, 'forged.jsonl');
    const genuine = readFileSync(file, 'utf8').split('\n')[0]!;
    const altered = JSON.parse(genuine);
    altered.checkpoint = altered.checkpoint.replace(/"hash":"[0-9a-f]{4}/, '"hash":"0000');
    const stranger = signCheckpoint({ checkpoint: JSON.parse(altered.checkpoint), key: newKey() });
    writeFileSync(forgedFile, `${genuine}\n${JSON.stringify(altered)}\n${stranger}\n`);
    const report = await verifyAuditTrail({
      database: t.database,
      checkpointFile: forgedFile,
      publicKeys: trusted,
    });
    expect(report.ok).toBe(false);
    expect(report.checkpoints.problems).toEqual([
      { line: 2, seq: null, problem: expect.stringMatching('does not verify') },
      { line: 3, seq: null, problem: expect.stringMatching('unknown key') },
    ]);
    expect(report.lines).toContainEqual(expect.stringMatching(/^checkpoint BROKEN at line 2 .*forged/));
  });

  it('fails verification after a superuser edits an event and recomputes the rest of the chain, naming the checkpoint', async () => {
    const [victim] = await queryRows<{ seq: string }>(
      t.database.db,
      sql`select chain_seq::text as seq from audit_events where chain_seq is not null order by chain_seq desc limit 1 offset 5`,
    );
    await rewriteHistoryFrom(victim!.seq);
    // The plain chain walk is fooled: every link was recomputed.
    expect((await verifyChain({ database: t.database })).intact).toBe(true);

    const report = await verifyAuditTrail({
      database: t.database,
      checkpointFile: file,
      publicKeys: trusted,
    });
    expect(report.ok).toBe(false);
    const signed = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(JSON.parse(l).checkpoint));
    expect(report.checkpoints.problems).toEqual(
      signed
        .map((c, i) => ({ line: i + 1, seq: c.seq as string }))
        .filter((c) => BigInt(c.seq) >= BigInt(victim!.seq))
        .map((c) => ({ ...c, problem: expect.stringMatching('chain was rewritten') })),
    );
    expect(report.lines).toContainEqual(
      expect.stringMatching(new RegExp(`^checkpoint BROKEN at line 2 of .* \\(sequence ${signed[1].seq}\\)`)),
    );

    // Nor will the server sign the rewritten head: it walks from its last checkpoint and tells the DPOs.
    await someEvents();
    const before = t.mails.length;
    await expect(take()).rejects.toBeInstanceOf(CheckpointRefused);
    await t.runJobs();
    expect(t.mails.slice(before).map((m) => m.subject)).toContainEqual(expect.stringMatching('NON integra'));
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'makes npm run audit:verify exit non-zero and name the checkpoint',
    async () => {
      const publicKeyFile = publicKeyFileOf({ checkpointFile: file, keyId: key.keyId });
      const run = promisify(execFile)(
        'npx',
        ['tsx', 'src/server/cli/audit-verify.ts', '--checkpoints', file, '--public-key', publicKeyFile],
        {
          env: {
            ...process.env,
            DATABASE_URL: t.database.url,
            TRAMA_DATA_DIR: mkdtempSync(join(tmpdir(), 'trama-cli-')),
          },
        },
      );
      const failure = (await run.then(
        () => undefined,
        (error: { code: number; stdout: string }) => error,
      ))!;
      expect(failure.code).toBe(2);
      expect(failure.stdout).toMatch(/^audit chain intact/m);
      expect(failure.stdout).toMatch(/^checkpoint BROKEN at line 2 .*chain was rewritten/m);
    },
  );

  it('keeps the signing key out of the database, and trama_app cannot read server files', async () => {
    const secrets = [
      key.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      key.privateKey.export({ format: 'jwk' }).d!,
      Buffer.from(key.privateKey.export({ format: 'jwk' }).d!, 'base64url').toString('hex'),
    ];
    const tables = await queryRows<{ name: string }>(
      t.database.db,
      sql`select quote_ident(table_schema) || '.' || quote_ident(table_name) as name
          from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')
          and table_type = 'BASE TABLE'`,
    );
    expect(tables.length).toBeGreaterThan(10);
    for (const { name } of tables) {
      const [row] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from ${sql.raw(name)} x
            where x::text like any (array[${sql.join(
              secrets.map((s) => sql`${`%${s}%`}`),
              sql`, `,
            )}])`,
      );
      expect(row!.n, name).toBe(0);
    }
    expect(existsSync(file)).toBe(true);
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`set local role trama_app`);
        await tx.execute(sql`select pg_read_file(${file})`);
      }),
    ).rejects.toThrow();
  });
});
