import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/platform/db/client.js';
import { withDbContext } from '../../src/server/platform/db/context.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

// How each person is addressed in Italian (role names, greetings) is theirs to choose, or the
// admin's; and the staff list filters by role and service on one membership.
let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

async function storedForm(username: string) {
  const [row] = await queryRows<{ address_form: string }>(
    t.database.db,
    sql`select address_form from users where username = ${username}`,
  );
  return row!.address_form;
}

async function sessionForm(session: Session) {
  const res = await session.request({ method: 'GET', url: '/api/auth/session' });
  expect(res.statusCode).toBe(200);
  return res.json().user.addressForm as string;
}

describe('form of address', () => {
  it('is carried by the current-user payload, as the demo seed set it', async () => {
    expect(await sessionForm(admin)).toBe('feminine');
    expect(await sessionForm(await t.signIn('dpo'))).toBe('masculine');
  });

  it('is set by each person for themselves, audited, and read back in the session', async () => {
    const me = await t.signIn('operatrice');
    const res = await me.request({
      method: 'PUT',
      url: '/api/account/address-form',
      payload: { addressForm: 'neutral' },
    });
    expect(res.statusCode).toBe(204);
    expect(await sessionForm(me)).toBe('neutral');
    const events = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'user.updated'
           and record_id = ${await t.userId('operatrice')} and details->'fields' ? 'addressForm'`,
    );
    expect(events[0]!.n).toBe(1);
  });

  it('refuses an unknown form or a user id in the body, naming the field', async () => {
    const me = await t.signIn('operatore.romano');
    const unknown = await me.request({
      method: 'PUT',
      url: '/api/account/address-form',
      payload: { addressForm: 'formal' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toContain('addressForm');
    const other = await me.request({
      method: 'PUT',
      url: '/api/account/address-form',
      payload: { addressForm: 'neutral', userId: await t.userId('operatrice.cav') },
    });
    expect(other.statusCode).toBe(400);
    expect(await storedForm('operatrice.cav')).toBe('feminine');
    expect(await storedForm('operatore.romano')).toBe('masculine');
  });

  it('is set by the admin when creating and when editing someone', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'nuova.operatrice',
        displayName: 'Nadia Nuova',
        email: 'nuova.operatrice@example.org',
        addressForm: 'feminine',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user.addressForm).toBe('feminine');

    const plain = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'senza.forma', displayName: 'Alex Senza', email: 'senza.forma@example.org' },
    });
    expect(plain.json().user.addressForm).toBe('neutral');

    const id = await t.userId('clinica');
    const edited = await admin.request({
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { addressForm: 'neutral' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().addressForm).toBe('neutral');
    const read = await admin.request({ method: 'GET', url: `/api/users/${id}` });
    expect(read.json().addressForm).toBe('neutral');
    await admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { addressForm: 'feminine' } });
  });

  it('cannot be changed by another person who is not an admin, through the API or the database', async () => {
    const target = await t.userId('operatrice.cav');
    for (const username of ['coordinatrice', 'operatrice']) {
      const res = await (await t.signIn(username)).request({
        method: 'PATCH',
        url: `/api/users/${target}`,
        payload: { addressForm: 'masculine' },
      });
      expect(res.statusCode, username).toBe(403);
    }
    // Beneath the API, row-level security (users_update) lets a practitioner change only their own row.
    const changed = await withDbContext(
      t.database.db,
      {
        userId: await t.userId('operatrice'),
        role: 'practitioner',
        organisationId: null,
        serviceId: null,
      },
      (tx) =>
        queryRows<{ id: string }>(
          tx,
          sql`update users set address_form = 'masculine' where id = ${target} returning id`,
        ),
    );
    expect(changed).toEqual([]);
    expect(await storedForm('operatrice.cav')).toBe('feminine');
  });

  it('names the grantee’s form on a role waiting for a second person, and the role in words in the DPOs’ mail', async () => {
    const services = (await admin.request({ method: 'GET', url: '/api/services' })).json();
    const etnoclinica = services.find((s: { kind: string }) => s.kind === 'ethnoclinical_team').id;
    const res = await admin.request({
      method: 'POST',
      url: `/api/users/${await t.userId('mediatrice')}/memberships`,
      payload: { role: 'clinician', serviceId: etnoclinica },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().userAddressForm).toBe('feminine');
    // The DPOs' mail names the role in words, never by its code.
    await t.runJobs();
    const mail = t.mails.find((m) => /seconda approvazione/.test(m.text));
    expect(mail?.text).toContain('(Clinico/Clinica)');
    expect(mail?.text).toContain('(Clinician)');
    expect(mail?.text).not.toContain('(clinician)');
  });
});

describe('form of address of other staff', () => {
  it('comes with the colleagues a case team can name, so each role is named in that person’s form', async () => {
    const lead = await t.signIn('responsabile');
    const res = await lead.request({ method: 'GET', url: '/api/cases/staff' });
    expect(res.statusCode).toBe(200);
    const forms = new Map(
      (res.json() as { displayName: string; addressForm: string }[]).map((s) => [
        s.displayName,
        s.addressForm,
      ]),
    );
    expect(forms.get('Luca Responsabile Etnoclinica')).toBe('masculine');
    expect(forms.get('Amina Mediatrice')).toBe('feminine');
  });
});

describe('staff list filters', () => {
  type Row = { username: string; addressForm: string };
  async function usernames(query: string) {
    const res = await admin.request({ method: 'GET', url: `/api/users?pageSize=100&${query}` });
    expect(res.statusCode).toBe(200);
    return (res.json().items as Row[]).map((u) => u.username).sort();
  }

  it('filters by role, including a second membership', async () => {
    const practitioners = await usernames('role=practitioner');
    expect(practitioners).toEqual(
      expect.arrayContaining(['coordinatrice', 'operatore.romano', 'operatrice', 'operatrice.cav']),
    );
    expect(practitioners).not.toContain('clinica');
    // The demo's other mediators (mediation's registry) are in other organisations' services too.
    const mediators = await usernames('role=mediator');
    expect(mediators).toContain('mediatrice');
    expect(mediators).not.toContain('operatrice');
  });

  it('filters by service, and by role and service on the same membership', async () => {
    const services = (await admin.request({ method: 'GET', url: '/api/services' })).json() as {
      id: string;
      kind: string;
      name: string;
    }[];
    const etnoclinica = services.find((s) => s.kind === 'ethnoclinical_team')!.id;
    const inclusioneRomano = services.find(
      (s) => s.name.includes('Romano') && s.kind === 'social_inclusion',
    )!.id;
    expect(await usernames(`serviceId=${etnoclinica}`)).toEqual(['clinica', 'responsabile', 'supervisora']);
    expect(await usernames(`role=clinician&serviceId=${etnoclinica}`)).toEqual(['clinica', 'responsabile']);
    // The coordinator is a coordinator elsewhere and a practitioner here: not "a coordinator here".
    expect(await usernames(`serviceId=${inclusioneRomano}`)).toContain('coordinatrice');
    expect(await usernames(`role=coordinator&serviceId=${inclusioneRomano}`)).toEqual([]);
  });

  it('refuses an unknown role, naming the field', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/users?role=boss' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['querystring.role']);
  });
});
