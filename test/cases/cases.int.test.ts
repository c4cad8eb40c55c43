import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCase, TSession } from '../../src/contracts/cases.js';
import type { THousehold } from '../../src/contracts/households.js';
import type { TReferral } from '../../src/contracts/referrals.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

let t: TestApp;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

async function call(
  who: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  return as[who]!.request({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
}
async function ok<T>(
  who: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const res = await call(who, method, url, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return (res.body ? res.json() : null) as T;
}
const fields = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);

async function serviceId(name: string) {
  const [row] = await queryRows<{ id: string }>(
    t.database.db,
    sql`select id from services where name like ${`${name}%`}`,
  );
  return row!.id;
}
async function system(query: ReturnType<typeof sql>) {
  return queryRows(t.database.db, query);
}

const mother = {
  givenName: 'Fatima',
  familyName: 'Zahra',
  relationship: 'reference_person',
  caseRole: 'victim',
  birthYear: 1990,
  gender: 'female',
  citizenship: 'MA',
  languages: ['ar', 'fr'],
  preferredLanguage: 'ar',
  interpreterNeeded: true,
  municipality: '016219',
};
const child = {
  ...mother,
  givenName: 'Omar',
  relationship: 'child',
  caseRole: 'child',
  birthYear: 2016,
  gender: 'male',
};
// RSSMRA85T10A562S is a valid codice fiscale: male, born 1985.
const father = {
  ...mother,
  givenName: 'Mario',
  relationship: 'partner',
  caseRole: 'perpetrator',
  birthYear: 1985,
  gender: 'male',
  identifierType: 'codice_fiscale',
  identifier: 'RSSMRA85T10A562S',
};
const SECTIONS = ['family_migration', 'languages', 'protection'];

function consentFor(recipientServiceId: string, extra: object = {}) {
  return {
    givenBy: 'self',
    purpose: 'taking_into_care',
    recipientServiceId,
    sections: SECTIONS,
    givenOn: '2026-01-10',
    method: 'written',
    ...extra,
  };
}
const minorConsent = (recipient: string) =>
  consentFor(recipient, { givenBy: 'legal_representative', representativeName: 'Fatima Zahra' });

beforeAll(async () => {
  t = await createTestApp();
  for (const u of [
    'operatrice',
    'responsabile',
    'clinica',
    'supervisora',
    'mediatrice',
    'coordinatrice',
    'ricercatrice',
    'operatore.romano',
    'dpo',
  ])
    as[u] = await t.signIn(u);
  ids.etno = await serviceId('Équipe etnoclinica');
  ids.tmTreviglio = await serviceId('Tutela Minori — Ambito di Treviglio');
  ids.tmRomano = await serviceId('Tutela Minori — Ambito di Romano');
});
afterAll(() => t.close());

describe('households', () => {
  it('refuse an invalid codice fiscale and a future birth date, writing nothing', async () => {
    const before = await system(sql`select count(*)::int as n from households`);
    const res = await call('operatrice', 'POST', '/api/households', {
      municipality: '016219',
      members: [
        mother,
        { ...father, identifier: 'RSSMRA85T10A562X' },
        { ...child, birthDate: '2999-01-01', birthYear: 2999 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(expect.arrayContaining(['members.2.birthDate']));
    const res2 = await call('operatrice', 'POST', '/api/households', {
      municipality: '016219',
      members: [mother, { ...father, identifier: 'RSSMRA85T10A562X' }],
    });
    expect(res2.statusCode).toBe(400);
    expect(fields(res2)).toEqual(['members.1.identifier']);
    expect(await system(sql`select count(*)::int as n from households`)).toEqual(before);
  });

  it('register a household; lists show codes, the household shows no safety field', async () => {
    const h = await ok<THousehold>('operatrice', 'POST', '/api/households', {
      municipality: '016219',
      members: [mother, child, father],
    });
    expect(h.code).toMatch(/^N-/);
    expect(h.members.map((m) => [m.givenName, m.minor, m.thirdCountryNational])).toEqual([
      ['Fatima', false, true],
      ['Omar', true, true],
      ['Mario', false, true],
    ]);
    ids.household = h.id;
    [ids.mother, ids.child, ids.father] = h.members.map((m) => m.id) as [string, string, string];
    const list = await ok<{ items: { code: string }[] }>('operatrice', 'GET', `/api/households?q=${h.code}`);
    expect(JSON.stringify(list)).not.toContain('Fatima');
    expect(list.items.map((i) => i.code)).toEqual([h.code]);
    // Another Ambito's practitioner: not found, and the refusal is audited.
    expect((await call('operatore.romano', 'GET', `/api/households/${h.id}`)).statusCode).toBe(404);
  });

  it('keep safety details encrypted, revealed only after step-up with a reason, and audited', async () => {
    const safety = {
      address: 'Via Sicura 1, Treviglio',
      phone: '+39 333 1234567',
      shelter: 'Casa rifugio',
      safeContact: { channels: ['email'], email: 'casa@example.org', neverWriteTo: ['casa@example.org'] },
    };
    expect((await call('operatrice', 'PUT', `/api/people/${ids.mother}/safety`, safety)).statusCode).toBe(
      204,
    );
    const [raw] = await system(sql`select contact_encrypted from people where id = ${ids.mother}`);
    expect(JSON.stringify(raw)).not.toContain('Sicura');
    const reveal = () =>
      call('operatrice', 'POST', `/api/people/${ids.mother}/safety/reveal`, {
        reason: 'Visita domiciliare programmata',
      });
    const refused = await reveal();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toContain('step-up-required');
    await system(
      sql`update sessions set step_up_at = now() where user_id = (select id from users where username = 'operatrice')`,
    );
    const shown = await reveal();
    expect(shown.statusCode).toBe(200);
    expect(shown.json().address).toBe('Via Sicura 1, Treviglio');
    const [audit] = await system(
      sql`select purpose from audit_events where action = 'person.safety_read' and record_id = ${ids.mother}`,
    );
    expect(audit).toEqual({ purpose: 'Visita domiciliare programmata' });
  });
});

describe('referral, case, sessions, closure', () => {
  it('refuse referrals to oneself and of victim with perpetrator, and sending without consent', async () => {
    const base = {
      householdId: ids.household,
      personIds: [ids.mother, ids.child],
      purpose: 'taking_into_care',
      urgency: 'priority',
      sections: SECTIONS,
      message: 'Invio per presa in carico',
    };
    const self = await call('operatrice', 'POST', '/api/referrals', {
      ...base,
      toServiceId: ids.tmTreviglio,
    });
    expect(self.statusCode).toBe(400);
    expect(fields(self)).toEqual(['toServiceId']);
    const both = await call('operatrice', 'POST', '/api/referrals', {
      ...base,
      toServiceId: ids.etno,
      personIds: [ids.mother, ids.father],
    });
    expect(fields(both)).toEqual(['personIds']);
    const draft = await ok<TReferral>('operatrice', 'POST', '/api/referrals', {
      ...base,
      toServiceId: ids.etno,
    });
    ids.referral = draft.id;
    const unsent = await call('operatrice', 'POST', `/api/referrals/${draft.id}/send`, {});
    expect(unsent.statusCode).toBe(422);
    expect(fields(unsent)).toEqual(['consent']);
    // The recipient cannot see a draft.
    expect((await call('responsabile', 'GET', `/api/referrals/${draft.id}`)).statusCode).toBe(404);
  });

  it('require a legal representative for a minor, then send on the consents', async () => {
    const minorSelf = await call(
      'operatrice',
      'POST',
      `/api/people/${ids.child}/consents`,
      consentFor(ids.etno!),
    );
    expect(minorSelf.statusCode).toBe(400);
    expect(fields(minorSelf)).toEqual(['givenBy']);
    await ok('operatrice', 'POST', `/api/people/${ids.mother}/consents`, consentFor(ids.etno!));
    await ok('operatrice', 'POST', `/api/people/${ids.child}/consents`, minorConsent(ids.etno!));
    const sent = await ok<TReferral>('operatrice', 'POST', `/api/referrals/${ids.referral}/send`, {});
    expect(sent).toMatchObject({ status: 'sent', legalBasis: 'consent', overdue: false });
    const seen = await ok<TReferral>('responsabile', 'GET', `/api/referrals/${ids.referral}`);
    expect(seen.view).toBe('recipient');
    expect(seen.content?.people.map((p) => p.givenName).sort()).toEqual(['Fatima', 'Omar']);
  });

  it('let exactly one of two accepting at once win; the other gets a 409', async () => {
    const [a, b] = await Promise.all([
      call('responsabile', 'POST', `/api/referrals/${ids.referral}/accept`),
      call('clinica', 'POST', `/api/referrals/${ids.referral}/accept`),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 'responsabile' : 'clinica';
    ids.lead = winner;
    ids.other = winner === 'responsabile' ? 'clinica' : 'responsabile';
    ids.case = (a.statusCode === 200 ? a : b).json().caseId;
    expect(
      await system(sql`select count(*)::int as n from cases where referral_id = ${ids.referral}`),
    ).toEqual([{ n: 1 }]);
  });

  it('show the referrer status and outcome only; a clinician off the team and another district see nothing', async () => {
    const referrer = await ok<TCase>('operatrice', 'GET', `/api/cases/${ids.case}`);
    expect(referrer.access).toBe('referrer');
    expect(referrer.file).toBeUndefined();
    expect(referrer.members).toBeUndefined();
    const ref = await ok<TReferral>('operatrice', 'GET', `/api/referrals/${ids.referral}`);
    expect(ref.outcome).toMatchObject({ caseStatus: 'open' });
    expect((await call(ids.other!, 'GET', `/api/cases/${ids.case}`)).statusCode).toBe(404);
    expect((await call('coordinatrice', 'GET', `/api/cases/${ids.case}`)).statusCode).toBe(404);
    const list = await ok<{ items: { id: string }[] }>('coordinatrice', 'GET', '/api/cases');
    expect(list.items.map((c) => c.id)).not.toContain(ids.case);
    expect((await call('ricercatrice', 'GET', `/api/cases/${ids.case}`)).statusCode).toBe(403);
    const denied = await system(
      sql`select count(*)::int as n from audit_events where action = 'access.denied' and record_id = ${ids.case}`,
    );
    expect((denied[0] as { n: number }).n).toBeGreaterThanOrEqual(2);
  });

  it('let the lead plan and name the team; the supervisor approves, never the lead', async () => {
    const lead = ids.lead!;
    await ok(lead, 'PUT', `/api/cases/${ids.case}/intake`, {
      receivedOn: '2026-02-01',
      presentingProblem: 'Violenza assistita',
    });
    await ok(lead, 'PUT', `/api/cases/${ids.case}/plan`, {
      goals: [{ title: 'Sostegno alla genitorialità' }],
    });
    const submitted = await ok<TCase>(lead, 'POST', `/api/cases/${ids.case}/plan/submit`);
    expect(submitted.planStatus).toBe('submitted');
    expect((await call(lead, 'POST', `/api/cases/${ids.case}/plan/approve`)).statusCode).toBe(403);
    const approved = await ok<TCase>('supervisora', 'POST', `/api/cases/${ids.case}/plan/approve`);
    expect(approved).toMatchObject({ planStatus: 'approved', access: 'supervisor' });
    const team = await ok<TCase>(lead, 'PUT', `/api/cases/${ids.case}/team`, {
      members: [
        { userId: await t.userId(lead), teamRole: 'lead' },
        { userId: await t.userId(ids.other!), teamRole: 'member' },
        { userId: await t.userId('mediatrice'), teamRole: 'mediator' },
      ],
    });
    expect(team.team?.map((m) => m.teamRole).sort()).toEqual(['lead', 'mediator', 'member', 'referrer']);
    // Now on the team, the other clinician sees the case.
    expect((await call(ids.other!, 'GET', `/api/cases/${ids.case}`)).statusCode).toBe(200);
  });

  it('seal psychological notes to the case clinicians; the mediator sees only their session and its mediation note', async () => {
    const notes = {
      psychological: 'Nota psicologica riservata',
      social: 'Nota sociale',
      mediation: 'Nota di mediazione',
    };
    const tooLong = await call(ids.lead!, 'POST', `/api/cases/${ids.case}/sessions`, {
      kind: 'consultation',
      startsAt: '2026-03-01T10:00:00Z',
      durationMinutes: 60,
      place: 'service',
      notes: { social: 'x'.repeat(20_001) },
    });
    expect(fields(tooLong)).toEqual(['notes.social']);
    const s = await ok<TSession>(ids.lead!, 'POST', `/api/cases/${ids.case}/sessions`, {
      kind: 'ethnoclinical_group',
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      durationMinutes: 120,
      place: 'service',
      language: 'ar',
      staffIds: [await t.userId(ids.other!)],
      personIds: [ids.mother],
      mediatorId: await t.userId('mediatrice'),
      notes,
    });
    ids.session = s.id;
    expect(s.notes.map((n) => n.section).sort()).toEqual(['mediation', 'psychological', 'social']);
    const [stored] = await system(
      sql`select body_encrypted from session_notes where session_id = ${s.id} and section = 'psychological'`,
    );
    expect(JSON.stringify(stored)).not.toContain('riservata');

    const mediator = await ok<TSession>('mediatrice', 'GET', `/api/sessions/${s.id}`);
    expect(mediator.notes.map((n) => n.section)).toEqual(['mediation']);
    expect(mediator.sealedSections.sort()).toEqual(['psychological', 'social']);
    expect(mediator.people).toEqual([]);
    expect((await call('mediatrice', 'GET', `/api/cases/${ids.case}`)).statusCode).toBe(403);
    const mine = await ok<{ id: string; caseCode: string }[]>('mediatrice', 'GET', '/api/my-sessions');
    expect(mine.map((m) => m.id)).toContain(s.id);
    expect(JSON.stringify(mine)).not.toContain('Fatima');

    const supervisor = await ok<TSession>('supervisora', 'GET', `/api/sessions/${s.id}`);
    expect(supervisor.notes).toEqual([]);
    expect(supervisor.sealedSections.sort()).toEqual(['mediation', 'psychological', 'social']);
    const [read] = await system(
      sql`select details from audit_events where action = 'session.read' and record_id = ${s.id} and actor_username = 'mediatrice'`,
    );
    expect(read).toEqual({ details: { notesRead: ['mediation'] } });
  });

  it('respect the safe-contact rules when reminding a person: never write to a forbidden address', async () => {
    const mailsBefore = t.mails.length;
    await ok(ids.lead!, 'POST', `/api/cases/${ids.case}/sessions`, {
      kind: 'consultation',
      startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      durationMinutes: 60,
      place: 'service',
      personIds: [ids.mother],
      remindPerson: true,
    });
    expect(t.mails.slice(mailsBefore).filter((m) => m.to === 'casa@example.org')).toEqual([]);
    const [planned] = await system(
      sql`select channel, status from person_messages where person_id = ${ids.mother}`,
    );
    expect(planned).toEqual({ channel: 'none', status: 'not_sent:address_forbidden' });
  });

  it('close only with the supervisor; no session on a closed case; the referral closes with it', async () => {
    expect((await call('supervisora', 'POST', `/api/cases/${ids.case}/closure/approve`)).statusCode).toBe(
      409,
    );
    await ok(ids.lead!, 'POST', `/api/cases/${ids.case}/closure`, {
      outcome: 'autonomy_reached',
      reason: 'Obiettivi raggiunti',
    });
    const closed = await ok<TCase>('supervisora', 'POST', `/api/cases/${ids.case}/closure/approve`);
    expect(closed.status).toBe('closed');
    const late = await call(ids.lead!, 'POST', `/api/cases/${ids.case}/sessions`, {
      kind: 'consultation',
      startsAt: '2026-04-01T10:00:00Z',
      durationMinutes: 30,
      place: 'service',
    });
    expect(late.statusCode).toBe(409);
    const ref = await ok<TReferral>('operatrice', 'GET', `/api/referrals/${ids.referral}`);
    expect(ref).toMatchObject({
      status: 'closed',
      outcome: { caseStatus: 'closed', closureOutcome: 'autonomy_reached' },
    });
    const timeline = await ok<{ kind: string }[]>(ids.lead!, 'GET', `/api/cases/${ids.case}/timeline`);
    expect(timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['referral_sent', 'accepted', 'plan_approved', 'session', 'closed']),
    );
  });
});

describe('consent and safety rules', () => {
  async function openCaseFor(
    personIds: string[],
    recipient = ids.etno!,
    acceptor = 'responsabile',
    extra: object = {},
  ) {
    for (const p of personIds)
      await ok(
        'operatrice',
        'POST',
        `/api/people/${p}/consents`,
        p === ids.child ? minorConsent(recipient) : consentFor(recipient, extra),
      );
    const r = await ok<TReferral>('operatrice', 'POST', '/api/referrals', {
      householdId: ids.household,
      personIds,
      toServiceId: recipient,
      purpose: 'taking_into_care',
      urgency: 'urgent',
      sections: SECTIONS,
      message: 'Nuovo invio',
    });
    await ok('operatrice', 'POST', `/api/referrals/${r.id}/send`, {});
    const { caseId } = await ok<{ caseId: string }>(acceptor, 'POST', `/api/referrals/${r.id}/accept`);
    return { referralId: r.id, caseId };
  }

  it('remove access at once when a consent is revoked or expires', async () => {
    const { caseId } = await openCaseFor([ids.mother!]);
    expect((await call('responsabile', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
    const consents = await system(
      sql`select id from consents where person_id = ${ids.mother} and recipient_service_id = ${ids.etno} and revoked_at is null`,
    );
    for (const c of consents as { id: string }[])
      await ok('operatrice', 'POST', `/api/consents/${c.id}/revoke`, {
        reason: 'Revoca scritta della signora',
      });
    expect((await call('responsabile', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    // A new consent restores the basis; then it expires, and access ends without any job running.
    await ok(
      'operatrice',
      'POST',
      `/api/people/${ids.mother}/consents`,
      consentFor(ids.etno!, { expiresOn: '2027-12-31' }),
    );
    expect((await call('responsabile', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
    await system(
      sql`update consents set expires_on = current_date - 1, given_on = current_date - 30 where person_id = ${ids.mother} and revoked_at is null`,
    );
    await system(sql`update cases set basis_expires_on = current_date - 1 where id = ${caseId}`);
    expect((await call('responsabile', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    // The referrer keeps the status.
    expect((await ok<TCase>('operatrice', 'GET', `/api/cases/${caseId}`)).access).toBe('referrer');
  });

  it('let consent be overridden only with the permission and a reason, notifying the DPO', async () => {
    const r = await ok<TReferral>('operatrice', 'POST', '/api/referrals', {
      householdId: ids.household,
      personIds: [ids.child],
      toServiceId: ids.tmRomano,
      purpose: 'consultation',
      urgency: 'urgent',
      sections: [],
      message: 'Urgente',
    });
    const reason = { consentOverrideReason: 'Rischio imminente per il minore, tribunale informato' };
    const noPermission = await call('operatrice', 'POST', `/api/referrals/${r.id}/send`, reason);
    expect(noPermission.statusCode).toBe(403);
    expect(fields(noPermission)).toEqual(['consentOverrideReason']);
    expect(
      (await call('operatrice', 'POST', `/api/referrals/${r.id}/revoke`, { reason: 'Non ancora inviato' }))
        .statusCode,
    ).toBe(409);
    const notices = await system(
      sql`select count(*)::int as n from notifications where kind = 'consent_override'`,
    );
    expect(notices).toEqual([{ n: 0 }]);
  });

  it('keep whoever follows the perpetrator away from the victim’s case, even by break-the-glass', async () => {
    const victim = await openCaseFor([ids.mother!]);
    await ok('operatrice', 'POST', `/api/people/${ids.father}/consents`, consentFor(ids.tmRomano!));
    const r = await ok<TReferral>('operatrice', 'POST', '/api/referrals', {
      householdId: ids.household,
      personIds: [ids.father],
      toServiceId: ids.tmRomano,
      purpose: 'taking_into_care',
      urgency: 'routine',
      sections: SECTIONS,
      message: 'Percorso per autore',
    });
    await ok('operatrice', 'POST', `/api/referrals/${r.id}/send`, {});
    const perpetrator = await ok<{ caseId: string }>(
      'operatore.romano',
      'POST',
      `/api/referrals/${r.id}/accept`,
    );
    const theirs = await ok<TCase>('operatore.romano', 'GET', `/api/cases/${perpetrator.caseId}`);
    expect(theirs.members?.map((m) => m.givenName)).toEqual(['Mario']);
    expect(JSON.stringify(theirs)).not.toContain('Fatima');
    expect((await call('operatore.romano', 'GET', `/api/cases/${victim.caseId}`)).statusCode).toBe(404);
    const glass = await call('operatore.romano', 'POST', '/api/break-glass', {
      recordType: 'case',
      recordId: victim.caseId,
      reason: 'Emergenza: devo vedere il caso della vittima',
    });
    expect(glass.statusCode).toBe(403);
    const add = await call('responsabile', 'PUT', `/api/cases/${victim.caseId}/team`, {
      members: [
        { userId: await t.userId('responsabile'), teamRole: 'lead' },
        { userId: await t.userId('operatore.romano'), teamRole: 'member' },
      ],
    });
    expect(fields(add)).toEqual(['members.1.userId']);
  });

  it('lock a related mediator out of the person’s cases at once', async () => {
    const { caseId } = await openCaseFor([ids.child!]);
    await ok('responsabile', 'PUT', `/api/cases/${caseId}/team`, {
      members: [
        { userId: await t.userId('responsabile'), teamRole: 'lead' },
        { userId: await t.userId('mediatrice'), teamRole: 'mediator' },
      ],
    });
    const s = await ok<TSession>('responsabile', 'POST', `/api/cases/${caseId}/sessions`, {
      kind: 'consultation',
      startsAt: '2026-05-01T10:00:00Z',
      durationMinutes: 60,
      place: 'service',
      mediatorId: await t.userId('mediatrice'),
    });
    expect((await call('mediatrice', 'GET', `/api/sessions/${s.id}`)).statusCode).toBe(200);
    await ok('responsabile', 'POST', `/api/people/${ids.child}/exclusions`, {
      userId: await t.userId('mediatrice'),
      reason: 'same_community',
    });
    expect((await call('mediatrice', 'GET', `/api/sessions/${s.id}`)).statusCode).toBe(404);
    const retry = await call('responsabile', 'POST', `/api/cases/${caseId}/sessions`, {
      kind: 'consultation',
      startsAt: '2026-05-08T10:00:00Z',
      durationMinutes: 60,
      place: 'service',
      mediatorId: await t.userId('mediatrice'),
    });
    expect(fields(retry)).toEqual(['mediatorId']);
  });

  it('open a case by break-the-glass for its time box only, audited', async () => {
    const grant = await ok<{ id: string }>('coordinatrice', 'POST', '/api/break-glass', {
      recordType: 'case',
      recordId: ids.case,
      reason: 'Segnalazione urgente del tribunale fuori orario',
    });
    expect((await ok<TCase>('coordinatrice', 'GET', `/api/cases/${ids.case}`)).access).toBe('break_glass');
    await system(
      sql`update break_glass_grants set expires_at = now() - interval '1 second' where id = ${grant.id}`,
    );
    expect((await call('coordinatrice', 'GET', `/api/cases/${ids.case}`)).statusCode).toBe(404);
    const events = await system(
      sql`select action from audit_events where record_id = ${ids.case} and actor_username = 'coordinatrice' order by occurred_at`,
    );
    expect(events.map((e) => (e as { action: string }).action)).toEqual(
      expect.arrayContaining(['break_glass.granted', 'case.read', 'access.denied']),
    );
  });
});

describe('research export', () => {
  it('give the researcher pseudonymised rows of consented people only, audited and listed for the DPO', async () => {
    const [study] = await ok<{ id: string }[]>('ricercatrice', 'GET', '/api/research/studies');
    const first = await ok<{ rows: Record<string, unknown>[] }>(
      'ricercatrice',
      'GET',
      `/api/research/studies/${study!.id}/export`,
    );
    const text = JSON.stringify(first);
    for (const forbidden of ['Fatima', 'Zahra', 'Hussain', 'Ayesha', 'RSSMRA', '016219', 'Obiettivi'])
      expect(text).not.toContain(forbidden);
    expect(first.rows.length).toBeGreaterThan(0);
    for (const row of first.rows) {
      expect(row.openedMonth).toMatch(/^\d{4}-\d{2}$/);
      expect(row.personCode).toMatch(/^P-/);
    }
    // Only people with research consent: the seeded ones, not this file's family.
    const consented =
      await system(sql`select count(distinct rp.person_id)::int as n from referral_people rp join cases c on c.referral_id = rp.referral_id
      join consents k on k.person_id = rp.person_id and k.purpose = 'research' and k.revoked_at is null`);
    expect(new Set(first.rows.map((r) => r.personCode)).size).toBe((consented[0] as { n: number }).n);
    const again = await ok<{ rows: { personCode: string }[] }>(
      'ricercatrice',
      'GET',
      `/api/research/studies/${study!.id}/export`,
    );
    expect(again.rows.map((r) => r.personCode)).toEqual(first.rows.map((r) => r.personCode));
    const csv = await call('ricercatrice', 'GET', `/api/research/studies/${study!.id}/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const exports = await ok<{ username: string }[]>('dpo', 'GET', '/api/research/exports');
    expect(exports.filter((e) => e.username === 'ricercatrice')).toHaveLength(3);
    expect((await call('ricercatrice', 'GET', '/api/research/exports')).statusCode).toBe(403);
  });
});

describe('record-level matrix on a seeded case', () => {
  it('answer each role as its place in the case says', async () => {
    const [seeded] = (await system(sql`select c.id, s.id as session_id from cases c
      join case_sessions s on s.case_id = c.id where c.status = 'open' and c.plan_status = 'submitted' limit 1`)) as {
      id: string;
      session_id: string;
    }[];
    const expected: Record<string, [number, string | null, number]> = {
      admin: [403, null, 404],
      dpo: [403, null, 404],
      coordinatrice: [404, null, 404],
      operatrice: [200, 'referrer', 404],
      'operatore.romano': [404, null, 404],
      responsabile: [200, 'clinical', 200],
      clinica: [200, 'clinical', 200],
      supervisora: [200, 'supervisor', 200],
      mediatrice: [403, null, 200],
      formatore: [403, null, 404],
      redazione: [403, null, 404],
      ricercatrice: [403, null, 404],
    };
    const actual: Record<string, [number, string | null, number]> = {};
    for (const username of Object.keys(expected)) {
      as[username] ??= await t.signIn(username);
      const session = as[username]!;
      const res = await session.request({ method: 'GET', url: `/api/cases/${seeded!.id}` });
      const notes = await session.request({ method: 'GET', url: `/api/sessions/${seeded!.session_id}` });
      actual[username] = [
        res.statusCode,
        res.statusCode === 200 ? res.json().access : null,
        notes.statusCode,
      ];
    }
    expect(actual).toEqual(expected);
  });
});
