import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECOND_PERSON_ROLES, ZRoleSchema } from '../../src/contracts/roles.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { withDbContext } from '../../src/server/platform/db/context.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

// Separation of duties (docs/security.md): no one grants themselves a role; a role that reaches
// case, safety or audit data needs a second person within the time limit; DPOs hear of each.
let t: TestApp;
let admin: Session;
let dpo: Session;
let etnoclinica: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  dpo = await t.signIn('dpo');
  const services = (await admin.request({ method: 'GET', url: '/api/services' })).json();
  etnoclinica = services.find((s: { kind: string }) => s.kind === 'ethnoclinical_team').id;
});
afterAll(() => t.close());

async function rolesOf(username: string) {
  const rows = await queryRows<{ role: string }>(
    t.database.db,
    sql`select m.role from memberships m join users u on u.id = m.user_id where u.username = ${username}`,
  );
  return rows.map((r) => r.role).sort();
}

async function count(query: ReturnType<typeof sql>) {
  return (await queryRows<{ n: number }>(t.database.db, query))[0]!.n;
}

describe('no one grants a role to themselves', () => {
  it.each([
    { role: 'dpo' },
    { role: 'admin' },
    { role: 'clinician', serviceId: 'ETNO' },
    { role: 'trainer', serviceId: 'ETNO' },
  ])('refuses the admin giving itself $role, writes nothing and audits the refusal', async (body) => {
    const me = await t.userId('admin');
    const payload = body.serviceId ? { ...body, serviceId: etnoclinica } : body;
    const before = await rolesOf('admin');
    const res = await admin.request({ method: 'POST', url: `/api/users/${me}/memberships`, payload });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await rolesOf('admin')).toEqual(before);
    expect(await count(sql`select count(*)::int as n from role_grants where user_id = ${me}`)).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from audit_events where action = 'access.denied' and record_id = ${me}
             and details->>'rule' = 'self-grant'`,
      ),
    ).toBeGreaterThan(0);
  });
});

describe('a role that reaches case, safety or audit data needs a second person', () => {
  it('keeps the clinician role pending, lets neither the asker nor the grantee approve, and lets the DPO approve', async () => {
    const grantee = await t.userId('formatore');
    const asked = await admin.request({
      method: 'POST',
      url: `/api/users/${grantee}/memberships`,
      payload: { role: 'clinician', serviceId: etnoclinica },
    });
    expect(asked.statusCode).toBe(202);
    const grant = asked.json();
    expect(grant).toMatchObject({ status: 'pending', role: 'clinician', canDecide: false, canCancel: true });
    expect(await rolesOf('formatore')).not.toContain('clinician');
    // The DPOs are told in the app and by mail.
    const dpoId = await t.userId('dpo');
    expect(
      await count(
        sql`select count(*)::int as n from notifications where user_id = ${dpoId} and kind = 'role.requested'`,
      ),
    ).toBe(1);
    await t.runJobs();
    expect(t.mails.some((m) => /seconda approvazione/.test(m.text))).toBe(true);

    const selfApprove = await admin.request({
      method: 'POST',
      url: `/api/role-grants/${grant.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(selfApprove.statusCode).toBe(403);
    expect(await rolesOf('formatore')).not.toContain('clinician');

    const listed = (await dpo.request({ method: 'GET', url: '/api/role-grants' })).json();
    expect(listed.find((g: { id: string }) => g.id === grant.id)).toMatchObject({ canDecide: true });
    const home = (await dpo.request({ method: 'GET', url: '/api/home' })).json();
    expect(home.attention.find((i: { kind: string }) => i.kind === 'role_grants_to_decide')?.count).toBe(1);

    const unknown = await dpo.request({
      method: 'POST',
      url: '/api/role-grants/00000000-0000-4000-8000-000000000000/decision',
      payload: { decision: 'approve' },
    });
    expect(unknown.statusCode).toBe(404);

    const approved = await dpo.request({
      method: 'POST',
      url: `/api/role-grants/${grant.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedByName: expect.any(String) });
    expect(await rolesOf('formatore')).toContain('clinician');
    expect(
      await count(
        sql`select count(*)::int as n from audit_events where record_id = ${grantee}
             and action in ('membership.requested', 'membership.approved', 'membership.created')`,
      ),
    ).toBe(3);
    expect(
      await count(
        sql`select count(*)::int as n from notifications where user_id = ${dpoId} and kind = 'role.approved'`,
      ),
    ).toBe(1);
    // Decided once: a second decision is a conflict.
    const again = await dpo.request({
      method: 'POST',
      url: `/api/role-grants/${grant.id}/decision`,
      payload: { decision: 'reject' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses approving the DPO role after the time limit, and lets the asker cancel it', async () => {
    const grantee = await t.userId('redazione');
    const grant = (
      await admin.request({
        method: 'POST',
        url: `/api/users/${grantee}/memberships`,
        payload: { role: 'dpo' },
      })
    ).json();
    expect(grant.status).toBe('pending');
    await t.database.db.execute(
      sql`update role_grants set expires_at = now() - interval '1 minute' where id = ${grant.id}`,
    );
    const late = await dpo.request({
      method: 'POST',
      url: `/api/role-grants/${grant.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(late.statusCode).toBe(409);
    expect(await rolesOf('redazione')).not.toContain('dpo');
    const cancelled = await admin.request({
      method: 'POST',
      url: `/api/role-grants/${grant.id}/decision`,
      payload: { decision: 'cancel' },
    });
    expect(cancelled.json().status).toBe('cancelled');
  });

  it('gives a role that reaches no case, safety or audit data at once, and tells the DPOs', async () => {
    const grantee = await t.userId('ricercatrice');
    const res = await admin.request({
      method: 'POST',
      url: `/api/users/${grantee}/memberships`,
      payload: { role: 'trainer', serviceId: etnoclinica },
    });
    expect(res.statusCode).toBe(201);
    expect(await rolesOf('ricercatrice')).toContain('trainer');
    expect(
      await count(sql`select count(*)::int as n from notifications where kind = 'role.granted'`),
    ).toBeGreaterThan(0);
  });
});

describe('an approved role stays with the person it was approved for', () => {
  it('refuses changing the e-mail (where resets go) of someone who holds or awaits such a role', async () => {
    const clinica = await t.userId('clinica');
    const before = await queryRows<{ email: string }>(
      t.database.db,
      sql`select email from users where id = ${clinica}`,
    );
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/users/${clinica}`,
      payload: { email: 'somebody-else@example.org' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('email');
    expect(await queryRows(t.database.db, sql`select email from users where id = ${clinica}`)).toEqual(
      before,
    );

    // Someone without such a role (a new account, then a pending request) changes address freely, until asked for one.
    const created = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'nuovo.collega',
        displayName: 'Nuovo Collega',
        email: 'nuovo.collega@example.org',
      },
    });
    const id = created.json().user.id;
    const patch = (email: string) =>
      admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { email } });
    expect((await patch('nuovo.collega@example.net')).statusCode).toBe(200);
    await admin.request({
      method: 'POST',
      url: `/api/users/${id}/memberships`,
      payload: { role: 'clinician', serviceId: etnoclinica },
    });
    expect((await patch('altro@example.org')).statusCode).toBe(409);
    // The approver sees where the account's mail goes.
    const listed = (await dpo.request({ method: 'GET', url: `/api/role-grants?userId=${id}` })).json();
    expect(listed[0]).toMatchObject({
      userUsername: 'nuovo.collega',
      userEmail: 'nuovo.collega@example.net',
    });
  });
});

describe('a decision is taken once, even when two people decide at the same moment', () => {
  it('approve and cancel at once: one wins, the other is told it was decided, the trail agrees', async () => {
    const grantee = await t.userId('operatore.romano');
    const grant = (
      await admin.request({
        method: 'POST',
        url: `/api/users/${grantee}/memberships`,
        payload: { role: 'clinician', serviceId: etnoclinica },
      })
    ).json();
    const decide = (s: Session, decision: string) =>
      s.request({ method: 'POST', url: `/api/role-grants/${grant.id}/decision`, payload: { decision } });
    const [approve, cancel] = await Promise.all([decide(dpo, 'approve'), decide(admin, 'cancel')]);
    expect([approve.statusCode, cancel.statusCode].sort()).toEqual([200, 409]);
    const [row] = await queryRows<{ status: string; membership: boolean }>(
      t.database.db,
      sql`select status, membership_id is not null as membership from role_grants where id = ${grant.id}`,
    );
    expect(row!.membership).toBe(row!.status === 'approved');
    expect((await rolesOf('operatore.romano')).includes('clinician')).toBe(row!.status === 'approved');
    const decisions = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_events where details->>'grantId' = ${grant.id}
           and action in ('membership.approved', 'membership.cancelled')`,
    );
    expect(decisions.map((d) => d.action)).toEqual([`membership.${row!.status}`]);
  });
});

describe('row-level security holds the same rules beneath the application', () => {
  const adminContext = async () => ({
    userId: await t.userId('admin'),
    role: 'admin',
    organisationId: null,
    serviceId: null,
  });
  const refused = (error: unknown) =>
    /row-level security|permission denied/.test(String((error as { cause?: Error }).cause?.message ?? error));

  it('refuses trama_app inserting a sensitive membership without an approval, or any membership for oneself', async () => {
    const ctx = await adminContext();
    const other = await t.userId('mediatrice');
    await expect(
      withDbContext(t.database.db, ctx, (tx) =>
        tx.execute(sql`insert into memberships (user_id, role) values (${other}, 'dpo')`),
      ),
    ).rejects.toSatisfy(refused);
    await expect(
      withDbContext(t.database.db, ctx, (tx) =>
        tx.execute(
          sql`insert into memberships (user_id, role, service_id) values (${ctx.userId}, 'trainer', ${etnoclinica})`,
        ),
      ),
    ).rejects.toSatisfy(refused);
    // The requester cannot mark its own request approved either.
    await expect(
      withDbContext(t.database.db, ctx, async (tx) => {
        await tx.execute(
          sql`insert into role_grants (user_id, role, requested_by, expires_at) values (${other}, 'admin', ${ctx.userId}, now() + interval '1 hour')`,
        );
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update role_grants set status = 'approved', decided_by = ${ctx.userId}, decided_at = now()
               where user_id = ${other} and role = 'admin' returning id`,
        );
        if (updated.length === 0) throw new Error('row-level security: no row updated');
      }),
    ).rejects.toSatisfy(refused);
  });

  it('refuses an admin approving the DPO role in the database while a DPO exists', async () => {
    const asker = await t.userId('coordinatrice');
    const other = await t.userId('formatore');
    const ctx = await adminContext();
    await t.database.db.execute(
      sql`insert into role_grants (user_id, role, requested_by, expires_at) values (${other}, 'dpo', ${asker}, now() + interval '1 hour')`,
    );
    await expect(
      withDbContext(t.database.db, ctx, async (tx) => {
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update role_grants set status = 'approved', decided_by = ${ctx.userId}, decided_at = now()
               where user_id = ${other} and role = 'dpo' returning id`,
        );
        if (updated.length === 0) throw new Error('row-level security: no row updated');
      }),
    ).rejects.toSatisfy(refused);
  });

  it('keeps the list of roles that need a second person the same in the database and the code', async () => {
    const rows = await queryRows<{ r: string; needs: boolean }>(
      t.database.db,
      sql`select r, trama_role_needs_second_person(r) as needs from unnest(${`{${ZRoleSchema.options.join(',')}}`}::text[]) r`,
    );
    for (const row of rows) expect(row.needs, row.r).toBe(SECOND_PERSON_ROLES.includes(row.r as never));
  });
});
