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
import {
  AUDIT_RETENTION_JOB_NAME,
  cutAuditTrail,
  RetentionRefused,
  retentionLimit,
} from '../../src/server/platform/audit/audit-retention.js';
import {
  type CheckpointKey,
  newCheckpointKey,
  publicKeyFileOf,
} from '../../src/server/platform/audit/checkpoint-key.js';
import { verifyAuditTrail } from '../../src/server/platform/audit/checkpoint-verify.js';
import { takeCheckpoint } from '../../src/server/platform/audit/checkpoints.js';
import {
  parseCutLine,
  readSignedCut,
  signRetentionCut,
  type TRetentionCut,
} from '../../src/server/platform/audit/retention-cut.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { withDbContext } from '../../src/server/platform/db/context.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

const newKey = () => newCheckpointKey();

const NOW = new Date();
const monthsAgo = (months: number) => retentionLimit({ now: NOW, months });

/** Seals until nothing is left (another database's transaction may hold the horizon back). */
async function sealAll(t: TestApp) {
  for (let i = 0; i < 100; i++) {
    await sealPending({ database: t.database });
    const [row] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from audit_events where chain_seq is null',
    );
    if (row!.n === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('audit events stayed unsealed for 5 seconds');
}

/** Events written `n` seconds apart from `at`, as the owner may (a trail that has run for years). */
async function addEvents(t: TestApp, n: number, at: Date) {
  await t.database.query(
    `insert into audit_events (occurred_at, actor_username, actor_role, action, outcome, record_type, record_id)
     select $1::timestamptz + g * interval '1 second', 'operatrice', 'practitioner', 'user.viewed', 'success',
            'user', g::text
       from generate_series(1, $2::int) g`,
    [at.toISOString(), n],
  );
}

/** The fixture's own events, not yet sealed, dated back: test arrangement, through a superuser. */
async function backdateUnsealed(t: TestApp, at: Date) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(
      sql`update audit_events set occurred_at = ${at.toISOString()}::timestamptz where chain_seq is null`,
    );
  });
}

/** What a superuser with a SQL prompt could do: switch the triggers off and run a statement. */
async function tamper(t: TestApp, statement: ReturnType<typeof sql>) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

async function count(t: TestApp, where = 'true') {
  const [row] = await t.database.query<{ n: number }>(
    `select count(*)::int as n from audit_events where ${where}`,
  );
  return row!.n;
}

async function cutRows(t: TestApp) {
  return t.database.query<{
    through_seq: string;
    through_hash: string;
    removed_events: string;
    older_than: Date;
    signed_text: string;
    signature: string;
    key_id: string;
  }>(
    `select through_seq::text, through_hash, removed_events::text, older_than, signed_text, signature, key_id
       from audit_retention_cuts order by through_seq`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'trama-retention-'));

describe('audit retention', () => {
  let t: TestApp;
  let key: CheckpointKey;
  let trusted: Map<string, CheckpointKey['publicKey']>;
  const file = join(dir, 'audit-checkpoints.jsonl');
  const checkpoint = () => takeCheckpoint({ database: t.database, key, file, mailer: t.deps });
  const checkpointSeqs: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    t.deps.config.auditCheckpointFile = file;
    key = t.deps.checkpointKey;
    trusted = new Map([[key.keyId, key.publicKey]]);
    // Three years of trail, a checkpoint after each part: 21 events from 36-40 months ago (sealed
    // as 1-11 and 12-21), 10 from 20 months ago (22-31), then today's requests.
    const dpo = await t.signIn('dpo');
    await backdateUnsealed(t, monthsAgo(40));
    const parts = [
      () => addEvents(t, 10, monthsAgo(36)),
      () => addEvents(t, 10, monthsAgo(36)),
      () => addEvents(t, 10, monthsAgo(20)),
      async () => {
        for (let i = 0; i < 3; i++) await dpo.request({ method: 'GET', url: '/api/audit/events' });
      },
    ];
    for (const part of parts) {
      await part();
      await sealAll(t);
      const taken = await checkpoint();
      if (taken.written) checkpointSeqs.push(taken.checkpoint.seq);
    }
    await dpo.request({ method: 'GET', url: '/api/audit/events' });
    await sealAll(t);
    expect(checkpointSeqs).toHaveLength(4);
  });
  afterAll(() => t?.close());

  it('removes the sealed events older than 24 months through the nightly job, keeps the rest verifiable', async () => {
    const limit = monthsAgo(24);
    const [expected] = await t.database.query<{ through: string; n: number }>(
      'select max(chain_seq)::text as through, count(*)::int as n from audit_events where occurred_at < $1',
      [limit.toISOString()],
    );
    expect(expected).toEqual({ through: '21', n: 21 });
    const before = await count(t);

    await t.deps.jobs.enqueueNow(AUDIT_RETENTION_JOB_NAME, {});
    const ran = await t.runJobs();
    expect(ran.failed).toBe(0);

    expect(await count(t, `occurred_at < '${limit.toISOString()}'`)).toBe(0);
    expect(await count(t)).toBe(before - 21);
    expect(await count(t, `occurred_at < '${monthsAgo(12).toISOString()}'`)).toBe(10);
    const [first] = await t.database.query<{ seq: string }>(
      'select min(chain_seq)::text as seq from audit_events',
    );
    expect(first!.seq).toBe('22');

    // The cut: its row, signed with the checkpoint key, says what was removed.
    const [cut, ...more] = await cutRows(t);
    expect(more).toEqual([]);
    expect(cut).toMatchObject({ through_seq: '21', removed_events: '21', key_id: key.keyId });
    const read = readSignedCut({
      text: cut!.signed_text,
      keyId: cut!.key_id,
      signature: cut!.signature,
      publicKeys: trusted,
    });
    expect(read).toMatchObject({
      ok: true,
      cut: { v: 1, throughSeq: '21', throughHash: cut!.through_hash, removedEvents: 21 },
    });
    if (!read.ok) return;
    expect(new Date(read.cut.olderThan).getTime()).toBeLessThanOrEqual(limit.getTime() + 60_000);
    expect(new Date(read.cut.olderThan).getTime()).toBeGreaterThan(monthsAgo(25).getTime());

    // The chain is verified from the cut; the checkpoints in the file too: the one at the cut's
    // sequence against the cut's hash, the one before it (its events gone) by signature only.
    const chain = await verifyChain({ database: t.database, publicKeys: trusted });
    expect(chain).toMatchObject({
      intact: true,
      fromCut: { throughSeq: '21', throughHash: cut!.through_hash },
    });
    expect(chain.checked).toBe(before - 21);
    const report = await verifyAuditTrail({
      database: t.database,
      checkpointFile: file,
      publicKeys: trusted,
    });
    expect(report.lines).toContainEqual(
      expect.stringMatching(/^audit chain intact from the signed retention cut/),
    );
    expect(report.ok).toBe(true);
    expect(report.checkpoints).toEqual({
      found: 5,
      verified: 5,
      problems: [],
      beforeCut: { checkpoints: 1, throughSeq: '21' },
    });

    // The signed line is in the checkpoint file, and in the DPOs' mail.
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(parseCutLine(lines.at(-1)!)).toEqual({
      text: cut!.signed_text,
      keyId: key.keyId,
      signature: cut!.signature,
    });
    expect(
      t.mails.find((m) => m.to === 'dpo@demo.trama.localhost' && m.text.includes(lines.at(-1)!)),
    ).toBeTruthy();
  });

  it('does nothing on a second run with nothing old enough', async () => {
    const before = { events: await count(t), file: readFileSync(file, 'utf8'), mails: t.mails.length };
    await t.deps.jobs.enqueueNow(AUDIT_RETENTION_JOB_NAME, {});
    expect(await t.runJobs()).toEqual({ done: 1, failed: 0 });
    expect(await cutRows(t)).toHaveLength(1);
    expect(await count(t)).toBe(before.events);
    expect(readFileSync(file, 'utf8')).toBe(before.file);
    expect(t.mails.length).toBe(before.mails);
    expect(await cutAuditTrail({ database: t.database, key, olderThan: monthsAgo(24) })).toEqual({
      cut: false,
      reason: 'nothing old enough',
    });
  });

  it('lets the checkpoints go on after the cut, even from a last checkpoint that names removed events', async () => {
    const dpo = await t.signIn('dpo');
    await dpo.request({ method: 'GET', url: '/api/audit/events' });
    await sealAll(t);
    expect((await checkpoint()).written).toBe(true);
    // A process whose last checkpoint is the first one (sequence 11, removed), and one with none.
    const stale = join(dir, 'stale.jsonl');
    writeFileSync(stale, `${readFileSync(file, 'utf8').split('\n')[0]}\n`);
    const fromStale = await takeCheckpoint({ database: t.database, key, file: stale, mailer: t.deps });
    expect(fromStale.written).toBe(true);
    const fresh = await takeCheckpoint({
      database: t.database,
      key,
      file: join(dir, 'none.jsonl'),
      mailer: t.deps,
    });
    expect(fresh.written).toBe(true);
    expect(
      (await verifyAuditTrail({ database: t.database, checkpointFile: file, publicKeys: trusted })).ok,
    ).toBe(true);
  });

  it('never lets a request delete audit events, nor call the cut', async () => {
    const context = { userId: await t.userId('dpo'), role: 'dpo', organisationId: null, serviceId: null };
    const asRequest = (statement: ReturnType<typeof sql>) =>
      withDbContext(t.database.db, context, (tx) => tx.execute(statement));
    const before = await count(t);
    await expect(asRequest(sql`delete from audit_events`)).rejects.toThrow();
    await expect(asRequest(sql`delete from audit_events where chain_seq = 22`)).rejects.toThrow();
    await expect(
      asRequest(sql`select audit_retention_cut(30, ${'0'.repeat(64)}, 9, now(), '{}', 'x', 'k')`),
    ).rejects.toThrow();
    await expect(
      asRequest(
        sql`insert into audit_retention_cuts (through_seq, through_hash, removed_events, older_than, signed_text, signature, key_id)
            values (30, ${'0'.repeat(64)}, 9, now(), '{}', 'x', 'k')`,
      ),
    ).rejects.toThrow();
    // The DPO may read the cuts.
    expect(await asRequest(sql`select through_seq from audit_retention_cuts`)).toBeTruthy();
    expect(await count(t)).toBe(before);
    expect(await cutRows(t)).toHaveLength(1);
  });

  it('refuses, even to the owner, a delete outside a cut, an unsealed event, an update, a changed cut', async () => {
    await expect(t.database.query('delete from audit_events where chain_seq = 22')).rejects.toThrow(
      /append-only/,
    );
    await addEvents(t, 1, monthsAgo(40));
    await expect(t.database.query('delete from audit_events where chain_seq is null')).rejects.toThrow(
      /append-only/,
    );
    await expect(
      t.database.query(`update audit_events set actor_username = 'x' where chain_seq = 22`),
    ).rejects.toThrow(/append-only/);
    await expect(t.database.query(`update audit_retention_cuts set removed_events = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.query('delete from audit_retention_cuts')).rejects.toThrow(/append-only/);
    await sealAll(t);
  });

  it('reports a tampered cut row: changed hash, foreign signature, or a signed hash that does not link', async () => {
    const [cut] = await cutRows(t);
    const restore = () =>
      tamper(
        t,
        sql`update audit_retention_cuts set through_hash = ${cut!.through_hash}, signed_text = ${cut!.signed_text},
              signature = ${cut!.signature}, key_id = ${cut!.key_id} where through_seq = 21`,
      );
    const forged = `${cut!.through_hash.slice(0, 60)}0000`;

    await tamper(t, sql`update audit_retention_cuts set through_hash = ${forged} where through_seq = 21`);
    const changed = await verifyChain({ database: t.database, publicKeys: trusted });
    expect(changed.intact).toBe(false);
    expect(changed.firstBroken).toMatchObject({
      chainSeq: '21',
      problem: expect.stringMatching('differs from its signed text'),
    });
    const report = await verifyAuditTrail({
      database: t.database,
      checkpointFile: file,
      publicKeys: trusted,
    });
    expect(report.ok).toBe(false);
    expect(report.lines).toContainEqual(
      expect.stringMatching(/^audit chain BROKEN at link 21: retention cut/),
    );

    // Re-signed by someone else's key, naming it or claiming the trusted key's id.
    const signed = { ...(JSON.parse(cut!.signed_text) as TRetentionCut), throughHash: forged };
    const stranger = signRetentionCut({ cut: signed, key: newKey() });
    await tamper(
      t,
      sql`update audit_retention_cuts set signed_text = ${stranger.text}, signature = ${stranger.signature},
            key_id = ${stranger.keyId} where through_seq = 21`,
    );
    expect((await verifyChain({ database: t.database, publicKeys: trusted })).firstBroken?.problem).toMatch(
      'signed by unknown key',
    );
    await tamper(t, sql`update audit_retention_cuts set key_id = ${key.keyId} where through_seq = 21`);
    expect((await verifyChain({ database: t.database, publicKeys: trusted })).firstBroken?.problem).toMatch(
      'does not verify',
    );
    // No key given: a cut cannot be trusted.
    await restore();
    expect((await verifyChain({ database: t.database })).firstBroken?.problem).toMatch('unknown key');

    // Signed with the genuine key but with a hash the next event does not follow: the link is broken.
    const genuine = signRetentionCut({ cut: signed, key });
    await tamper(
      t,
      sql`update audit_retention_cuts set through_hash = ${forged}, signed_text = ${genuine.text},
            signature = ${genuine.signature} where through_seq = 21`,
    );
    const unlinked = await verifyChain({ database: t.database, publicKeys: trusted });
    expect(unlinked.firstBroken).toMatchObject({
      chainSeq: '22',
      problem: expect.stringMatching('does not follow the cut'),
    });
    // The line in the file no longer matches the row either.
    const trail = await verifyAuditTrail({ database: t.database, checkpointFile: file, publicKeys: trusted });
    expect(trail.checkpoints.problems).toContainEqual(
      expect.objectContaining({ seq: '21', problem: expect.stringMatching('differs from this signed line') }),
    );

    await restore();
    expect(
      (await verifyAuditTrail({ database: t.database, checkpointFile: file, publicKeys: trusted })).ok,
    ).toBe(true);
  });

  it('follows the configured period: 12 months removes what 24 kept', async () => {
    t.deps.config.auditRetentionMonths = 12;
    const limit = monthsAgo(12);
    const young = await count(t, `occurred_at >= '${limit.toISOString()}'`);
    expect(await count(t, `occurred_at < '${limit.toISOString()}' and chain_seq is not null`)).toBe(11);
    await t.deps.jobs.enqueueNow(AUDIT_RETENTION_JOB_NAME, {});
    expect((await t.runJobs()).failed).toBe(0);
    // Only a prefix of the chain goes: the old event sealed after younger ones (in the test above)
    // stays until everything before it is old too.
    expect(await count(t, `occurred_at < '${limit.toISOString()}'`)).toBe(1);
    expect(await count(t)).toBe(young + 1);
    const cuts = await cutRows(t);
    expect(cuts.map((c) => c.through_seq)).toEqual(['21', '31']);
    expect(cuts[1]!.removed_events).toBe('10');
    const report = await verifyAuditTrail({
      database: t.database,
      checkpointFile: file,
      publicKeys: trusted,
    });
    expect(report.ok).toBe(true);
    expect(report.chain.fromCut?.throughSeq).toBe('31');
    // The checkpoints at 11 and 21 name removed events; the one at 31 is the new cut's.
    expect(report.checkpoints.beforeCut).toEqual({ checkpoints: 2, throughSeq: '31' });
    expect(checkpointSeqs.slice(0, 3)).toEqual(['11', '21', '31']);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'lets npm run audit:verify verify the chain from the cut',
    async () => {
      const { stdout } = await promisify(execFile)(
        'npx',
        [
          'tsx',
          'src/server/cli/audit-verify.ts',
          '--checkpoints',
          file,
          '--public-key',
          publicKeyFileOf({ checkpointFile: file, keyId: key.keyId }),
        ],
        {
          env: {
            ...process.env,
            DATABASE_URL: t.database.url,
            TRAMA_DATA_DIR: mkdtempSync(join(tmpdir(), 'trama-cli-')),
          },
        },
      );
      expect(stdout).toMatch(/^audit chain intact from the signed retention cut through sequence 31/m);
      expect(stdout).toMatch(/^note: 2 checkpoint\(s\) name events removed by the retention cut/m);
      expect(stdout).not.toMatch(/BROKEN/);
    },
  );
});

describe('audit retention refuses to cut', () => {
  let t: TestApp;
  const file = join(dir, 'refusals.jsonl');
  beforeAll(async () => {
    t = await createTestApp();
    await backdateUnsealed(t, monthsAgo(40));
    await addEvents(t, 5, monthsAgo(36));
    await sealAll(t);
  });
  afterAll(() => t?.close());
  const cut = () =>
    cutAuditTrail({
      database: t.database,
      key: t.deps.checkpointKey,
      olderThan: monthsAgo(24),
      checkpointFile: file,
    });

  it("an event not yet sealed, or the chain head's own event, even when old enough", async () => {
    await addEvents(t, 1, monthsAgo(36)); // old, not sealed
    const outcome = await cut();
    expect(outcome).toMatchObject({ cut: true, signed: { throughSeq: '5', removedEvents: 5 } });
    expect(await count(t)).toBe(2);
    expect(await count(t, 'chain_seq is null')).toBe(1);
    expect(await count(t, 'chain_seq = 6')).toBe(1);
    expect(await cut()).toEqual({ cut: false, reason: 'nothing old enough' });
    await sealAll(t);
    expect(await cut()).toMatchObject({ cut: true, signed: { throughSeq: '6', removedEvents: 1 } });
    expect(existsSync(file)).toBe(true);
    const trusted = new Map([[t.deps.checkpointKey.keyId, t.deps.checkpointKey.publicKey]]);
    const report = await verifyAuditTrail({
      database: t.database,
      checkpointFile: file,
      publicKeys: trusted,
    });
    expect(report.ok).toBe(true);
    expect(report.checkpoints).toEqual({ found: 2, verified: 2, problems: [] });
  });

  it('a chain whose signed checkpoint no longer matches (rewritten with recomputed hashes)', async () => {
    await addEvents(t, 4, monthsAgo(36));
    await sealAll(t);
    const taken = await takeCheckpoint({
      database: t.database,
      key: t.deps.checkpointKey,
      file,
      mailer: t.deps,
    });
    expect(taken).toMatchObject({ written: true, checkpoint: { seq: '11' } });
    await addEvents(t, 2, monthsAgo(1));
    await sealAll(t);
    // A superuser edits event 9 and recomputes every later link: the walk alone is fooled.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update audit_events set actor_username = 'someone-else' where chain_seq = 9`);
      const rows = await queryRows<{ id: string; seq: string; prev_hash: string; canonical: string }>(
        tx,
        sql`select id::text, chain_seq::text as seq, prev_hash, ${sql.raw(CANONICAL)} as canonical
            from audit_events where chain_seq >= 9 order by chain_seq`,
      );
      let prev = rows[0]!.prev_hash;
      for (const row of rows) {
        const hash = linkHash(prev, BigInt(row.seq), row.canonical);
        await tx.execute(
          sql`update audit_events set prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`,
        );
        prev = hash;
      }
      await tx.execute(sql`update audit_chain_head set hash = ${prev} where id = 1`);
    });
    const before = await count(t);
    await expect(cut()).rejects.toThrow(RetentionRefused);
    await expect(cut()).rejects.toThrow(/checkpoint at line 3 .*sequence 11.*rewritten/);
    expect(await count(t)).toBe(before);
    expect(await cutRows(t)).toHaveLength(2);
  });

  it('a chain that does not verify up to the cut point', async () => {
    await tamper(t, sql`update audit_events set actor_username = 'edited' where chain_seq = 8`);
    const before = await count(t);
    await expect(
      cutAuditTrail({ database: t.database, key: t.deps.checkpointKey, olderThan: monthsAgo(24) }),
    ).rejects.toThrow(/does not verify at sequence 8: content changed after sealing/);
    expect(await count(t)).toBe(before);
    expect(await cutRows(t)).toHaveLength(2);
  });
});
