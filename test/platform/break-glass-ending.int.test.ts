import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

// The end of an emergency access is told once, to its holder and to the DPOs, whether it ran out or
// a DPO ended it early; the access itself stops on the next request, not when the job runs.
let t: TestApp;
let dpo: Session;
let operatrice: Session;
beforeAll(async () => {
  t = await createTestApp();
  dpo = await t.signIn('dpo');
  // operatore.romano works in the other district: the demo's colleague out of scope is clinica.
  operatrice = await t.signIn('operatore.romano');
});
afterAll(() => t.close());

async function openGrant() {
  const res = await operatrice.request({
    method: 'POST',
    url: '/api/break-glass',
    payload: {
      recordType: 'user',
      recordId: await t.userId('clinica'),
      reason: 'Emergenza: contatto del collega per un minore in pericolo',
      hours: 2,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; expiresAt: string };
}

const endedNotices = (grantId: string) =>
  queryRows<{ username: string }>(
    t.database.db,
    sql`select u.username from notifications n join users u on u.id = n.user_id
         where n.kind = 'break_glass.ended' and n.payload->>'grantId' = ${grantId} order by u.username`,
  );
const endJobs = (grantId: string) =>
  t.database.query<{ state: string; start_after: Date }>(
    `select state::text, start_after from pgboss.job where name = 'break_glass.ended' and data->>'grantId' = $1 order by created_on`,
    [grantId],
  );

describe('the end of an emergency access', () => {
  it('is queued with the grant for its end, and the job early does nothing', async () => {
    const grant = await openGrant();
    const [job] = await endJobs(grant.id);
    expect(new Date(job!.start_after).toISOString()).toBe(grant.expiresAt);
    // Run before its time (made due by hand): the access has not ended, nobody is told.
    await t.makeJobsDue('break_glass.ended', 'grantId', grant.id);
    await t.runJobs();
    expect(await endedNotices(grant.id)).toEqual([]);
    // Ended here so that it does not open the record for the next test.
    await t.database.query(`update break_glass_grants set revoked_at = now() where id = $1`, [grant.id]);
  });

  it('when a DPO ends it early: stops at once, tells the holder and the DPO once, and is audited', async () => {
    const grant = await openGrant();
    const target = await t.userId('clinica');
    expect((await operatrice.request({ method: 'GET', url: `/api/users/${target}` })).statusCode).toBe(200);

    const byHolder = await operatrice.request({
      method: 'POST',
      url: `/api/break-glass/${grant.id}/revoke`,
      payload: { reason: 'Non serve più' },
    });
    expect(byHolder.statusCode).toBe(403);
    const noReason = await dpo.request({
      method: 'POST',
      url: `/api/break-glass/${grant.id}/revoke`,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const revoked = await dpo.request({
      method: 'POST',
      url: `/api/break-glass/${grant.id}/revoke`,
      payload: { reason: 'Emergenza rientrata' },
    });
    expect(revoked.statusCode).toBe(204);
    // Stopped before any job ran.
    expect((await operatrice.request({ method: 'GET', url: `/api/users/${target}` })).statusCode).toBe(404);
    const again = await dpo.request({
      method: 'POST',
      url: `/api/break-glass/${grant.id}/revoke`,
      payload: { reason: 'Emergenza rientrata' },
    });
    expect(again.statusCode).toBe(409);

    const mailsBefore = t.mails.length;
    await t.runJobs();
    expect((await endedNotices(grant.id)).map((n) => n.username)).toEqual(['dpo', 'operatore.romano']);
    const mails = t.mails.slice(mailsBefore);
    expect(mails.filter((m) => /emergency access ended/.test(m.subject))).toHaveLength(1);
    expect(mails.filter((m) => /to review/.test(m.subject))).toHaveLength(1);
    const mailsAfter = t.mails.length;

    // The job for its original end runs later and finds the notice given.
    await t.makeJobsDue('break_glass.ended', 'grantId', grant.id);
    await t.runJobs();
    expect(await endedNotices(grant.id)).toHaveLength(2);
    expect(t.mails.length).toBe(mailsAfter);

    const [audit] = await queryRows<{ purpose: string; n: number }>(
      t.database.db,
      sql`select max(purpose) as purpose, count(*)::int as n from audit_events
           where action = 'break_glass.revoked' and details->>'grantId' = ${grant.id}`,
    );
    expect(audit).toEqual({ purpose: 'Emergenza rientrata', n: 1 });
    const listed = (await dpo.request({ method: 'GET', url: '/api/break-glass' })).json() as {
      id: string;
      active: boolean;
      revokedAt: string | null;
    }[];
    expect(listed.find((g) => g.id === grant.id)).toMatchObject({
      active: false,
      revokedAt: expect.any(String),
    });
  });

  it('when it runs out: the holder and the DPOs are told once', async () => {
    const grant = await openGrant();
    // Its two hours pass (stood in for by moving its end and the job's start to now).
    await t.database.query(
      `update break_glass_grants set expires_at = now() - interval '1 second' where id = $1`,
      [grant.id],
    );
    await t.makeJobsDue('break_glass.ended', 'grantId', grant.id);
    await t.runJobs();
    await t.runJobs();
    expect((await endedNotices(grant.id)).map((n) => n.username)).toEqual(['dpo', 'operatore.romano']);
    const [audit] = await queryRows<{ how: string }>(
      t.database.db,
      sql`select details->>'how' as how from audit_events where action = 'break_glass.ended' and details->>'grantId' = ${grant.id}`,
    );
    expect(audit?.how).toBe('expired');
  });

  it('cannot be ended early by the DPO who holds it, nor through the database by trama_app', async () => {
    const own = await dpo.request({
      method: 'POST',
      url: '/api/break-glass',
      payload: {
        recordType: 'user',
        recordId: await t.userId('operatore.romano'),
        reason: 'Emergenza: verifica di un accesso sospetto sul conto',
      },
    });
    expect(own.statusCode).toBe(403); // the DPO cannot break the glass at all
    const grant = await openGrant();
    const direct = await t.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', 'trama_app', true), set_config('trama.role', 'practitioner', true)`,
      );
      return queryRows<{ outcome: string }>(
        tx,
        sql`select outcome from break_glass_revoke(${grant.id}::uuid)`,
      );
    });
    expect(direct[0]?.outcome).toBe('not_found');
  });
});
