import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPending, verifyChain } from '../../src/server/platform/audit/audit-chain.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * Seals until nothing is left: on a shared PostgreSQL another database's open transaction holds
 * the snapshot horizon back for a moment (ADR 0003), so one pass may seal nothing.
 */
async function sealAll(database: TestApp['database']) {
  for (let i = 0; i < 100; i++) {
    await sealPending({ database });
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_events where chain_seq is null`,
    );
    if (row!.n === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('audit events stayed unsealed for 5 seconds');
}

/** What a superuser with a SQL prompt could do: switch triggers off and edit or delete a row. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

describe('audit trail', () => {
  it('writes the event in the same transaction as the change, and nothing for a failed write', async () => {
    const admin = await t.signIn('admin');
    const before = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'district.created'`,
    );
    expect(
      (
        await admin.request({
          method: 'POST',
          url: '/api/districts',
          payload: { code: 'TEST-A', name: 'Ambito di prova' },
        })
      ).statusCode,
    ).toBe(201);
    // Same code again: a unique violation, the transaction rolls back with its event.
    expect(
      (
        await admin.request({
          method: 'POST',
          url: '/api/districts',
          payload: { code: 'TEST-A', name: 'Doppione' },
        })
      ).statusCode,
    ).toBe(409);
    const after = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'district.created'`,
    );
    expect(after[0]!.n - before[0]!.n).toBe(1);
    const [event] = await queryRows<{
      actor_username: string;
      actor_role: string;
      client_ip: string;
      record_type: string;
    }>(
      t.database.db,
      sql`select actor_username, actor_role, client_ip, record_type from audit_events where action = 'district.created' order by id desc limit 1`,
    );
    expect(event).toMatchObject({
      actor_username: 'admin',
      actor_role: 'admin',
      client_ip: '127.0.0.1',
      record_type: 'district',
    });
  });

  it('keeps the refusal of an unauthorised request, written apart from the refused work', async () => {
    const mediator = await t.signIn('mediatrice');
    expect(
      (
        await mediator.request({
          method: 'POST',
          url: '/api/districts',
          payload: { code: 'NOPE', name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'access.denied' and actor_username = 'mediatrice'`,
    );
    expect(row!.n).toBeGreaterThanOrEqual(1);
  });

  it('refuses updates and deletes of events through the database', async () => {
    await sealAll(t.database);
    await expect(
      t.database.db.execute(sql`update audit_events set action = 'x' where chain_seq = 1`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_events where chain_seq = 1`)).rejects.toThrow();
  });

  it('verifies intact, then names the exact event edited by hand, then a deleted one', async () => {
    const s = await t.signIn('dpo');
    for (let i = 0; i < 3; i++) await s.request({ method: 'GET', url: '/api/audit/events' });
    await sealAll(t.database);
    const intact = await verifyChain({ database: t.database });
    expect(intact.intact).toBe(true);
    expect(intact.checked).toBeGreaterThan(3);

    const [victim] = await queryRows<{ id: string; seq: string }>(
      t.database.db,
      sql`select id::text, chain_seq::text as seq from audit_events where chain_seq is not null order by chain_seq limit 1 offset 2`,
    );
    await tamper(sql`update audit_events set actor_username = 'someone-else' where id = ${victim!.id}`);
    const edited = await verifyChain({ database: t.database });
    expect(edited.intact).toBe(false);
    expect(edited.firstBroken).toMatchObject({
      eventId: victim!.id,
      chainSeq: victim!.seq,
      problem: 'content changed after sealing',
    });
  });

  it('detects a deleted event as a gap', async () => {
    const t2 = await (await import('../harness/test-app.js')).createTestApp();
    try {
      const s = await t2.signIn('dpo');
      for (let i = 0; i < 3; i++) await s.request({ method: 'GET', url: '/api/audit/events' });
      await sealAll(t2.database);
      await t2.database.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from audit_events where chain_seq = 2`);
      });
      const result = await verifyChain({ database: t2.database });
      expect(result.intact).toBe(false);
      expect(result.firstBroken).toMatchObject({ chainSeq: '2', problem: 'missing (deleted) event' });
    } finally {
      await t2.close();
    }
  });

  it('lets the DPO ask who accessed a record', async () => {
    const target = await t.userId('operatrice');
    await (await t.signIn('coordinatrice')).request({ method: 'GET', url: `/api/users/${target}` });
    await (await t.signIn('admin')).request({ method: 'GET', url: `/api/users/${target}` });
    const res = await (await t.signIn('dpo')).request({
      method: 'GET',
      url: `/api/audit/record-access?recordType=user&recordId=${target}`,
    });
    expect(res.statusCode).toBe(200);
    const who = res
      .json()
      .rows.map((r: { actorUsername: string }) => r.actorUsername)
      .sort();
    expect(who).toEqual(expect.arrayContaining(['admin', 'coordinatrice']));
  });
});
