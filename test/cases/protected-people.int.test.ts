import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCase, TSession } from '../../src/contracts/cases.js';
import type { THousehold, TPerson } from '../../src/contracts/households.js';
import type { TReferral } from '../../src/contracts/referrals.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/**
 * Who follows a perpetrator (the clinical team of their case, a break-the-glass grant into it) never
 * reaches the people that perpetrator may harm: the victims, the minors of the household, anyone
 * marked at risk. The referrer and the mediator of the perpetrator's case do not follow them.
 */
let t: TestApp;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
async function call(who: string, method: Method, url: string, payload?: unknown) {
  return as[who]!.request({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
}
async function ok<T>(who: string, method: Method, url: string, payload?: unknown) {
  const res = await call(who, method, url, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return (res.body ? res.json() : null) as T;
}
const fields = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
const system = (query: ReturnType<typeof sql>) => queryRows(t.database.db, query);

async function serviceId(name: string) {
  const [row] = await queryRows<{ id: string }>(
    t.database.db,
    sql`select id from services where name like ${`${name}%`}`,
  );
  return row!.id;
}

const SECTIONS = ['family_migration', 'languages', 'protection'];
const adult = {
  familyName: 'Benali',
  gender: 'female',
  citizenship: 'MA',
  languages: ['ar'],
  municipality: '016219',
};
const mother = {
  ...adult,
  givenName: 'Nadia',
  relationship: 'reference_person',
  caseRole: 'victim',
  birthYear: 1990,
};
const child = {
  ...adult,
  givenName: 'Sami',
  relationship: 'child',
  caseRole: 'child',
  birthYear: 2016,
  gender: 'male',
};
const father = {
  ...adult,
  givenName: 'Karim',
  relationship: 'partner',
  caseRole: 'perpetrator',
  birthYear: 1984,
  gender: 'male',
};

/** A consent by the person, or by a legal representative for anyone who may be a minor. */
function consent(recipientServiceId: string, byRepresentative: boolean, purpose = 'taking_into_care') {
  return {
    givenBy: byRepresentative ? 'legal_representative' : 'self',
    ...(byRepresentative ? { representativeName: 'Nadia Benali' } : {}),
    purpose,
    recipientServiceId,
    sections: SECTIONS,
    givenOn: '2026-01-10',
    method: 'written',
  };
}

/** Consent, referral from the household's service, sent; accepted by `acceptor` unless told not to. */
async function refer(personId: string, recipient: string, byRepresentative = false) {
  await ok('operatrice', 'POST', `/api/people/${personId}/consents`, consent(recipient, byRepresentative));
  const r = await ok<TReferral>('operatrice', 'POST', '/api/referrals', {
    householdId: ids.household,
    personIds: [personId],
    toServiceId: recipient,
    purpose: 'taking_into_care',
    urgency: 'routine',
    sections: SECTIONS,
    message: 'Invio per presa in carico',
  });
  await ok('operatrice', 'POST', `/api/referrals/${r.id}/send`, {});
  return r.id;
}
async function openCase(personId: string, recipient: string, acceptor: string, byRepresentative = false) {
  const referralId = await refer(personId, recipient, byRepresentative);
  return (await ok<{ caseId: string }>(acceptor, 'POST', `/api/referrals/${referralId}/accept`)).caseId;
}
const glass = (who: string, caseId: string) =>
  call(who, 'POST', '/api/break-glass', {
    recordType: 'case',
    recordId: caseId,
    reason: 'Emergenza fuori orario: serve vedere il caso',
  });
async function team(lead: string, caseId: string, others: [string, 'member' | 'mediator'][]) {
  return call(lead, 'PUT', `/api/cases/${caseId}/team`, {
    members: [
      { userId: await t.userId(lead), teamRole: 'lead' },
      ...(await Promise.all(others.map(async ([u, teamRole]) => ({ userId: await t.userId(u), teamRole })))),
    ],
  });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of [
    'operatrice',
    'operatore.romano',
    'operatrice.cav',
    'responsabile',
    'clinica',
    'mediatrice',
  ])
    as[u] = await t.signIn(u);
  ids.etno = await serviceId('Équipe etnoclinica');
  ids.tmRomano = await serviceId('Tutela Minori — Ambito di Romano');
  const h = await ok<THousehold>('operatrice', 'POST', '/api/households', {
    municipality: '016219',
    members: [mother, child, father],
  });
  ids.household = h.id;
  [ids.mother, ids.child, ids.father] = h.members.map((m) => m.id) as [string, string, string];
  ids.childCase = await openCase(ids.child!, ids.etno, 'responsabile', true);
  ids.motherCase = await openCase(ids.mother!, ids.etno, 'responsabile');
  // The perpetrator's case: another Ambito's service, led by its practitioner; operatrice refers.
  ids.perpCase = await openCase(ids.father!, ids.tmRomano, 'operatore.romano');
});
afterAll(() => t.close());

describe('item 6: every person the perpetrator may harm is protected from whoever follows him', () => {
  it('keep the perpetrator’s lead out of the child’s case: break-the-glass refused, not addable to its team', async () => {
    const grant = await glass('operatore.romano', ids.childCase!);
    expect(grant.statusCode).toBe(403);
    expect(grant.json().type).toContain('case-locked');
    const add = await team('responsabile', ids.childCase!, [['operatore.romano', 'member']]);
    expect(add.statusCode).toBe(400);
    expect(fields(add)).toEqual(['members.1.userId']);
    expect((await call('operatore.romano', 'GET', `/api/cases/${ids.childCase}`)).statusCode).toBe(404);
  });

  it('protect a minor by birth date, a child with no birth data and anyone marked at risk; not other adults', async () => {
    const tenYearsAgo = new Date(Date.now() - 10 * 365 * 86_400_000).toISOString().slice(0, 10);
    const add = (person: object) =>
      ok<TPerson>('operatrice', 'POST', `/api/households/${ids.household}/people`, person);
    const teen = await add({
      ...adult,
      givenName: 'Lina',
      relationship: 'other_relative',
      caseRole: 'other',
      birthDate: tenYearsAgo,
    });
    const baby = await add({ ...adult, givenName: 'Yara', relationship: 'child', caseRole: 'child' });
    const aunt = await add({
      ...adult,
      givenName: 'Samira',
      relationship: 'other_relative',
      caseRole: 'other',
      birthYear: 1970,
      atRisk: true,
    });
    const uncle = await add({
      ...adult,
      givenName: 'Omar',
      relationship: 'other_relative',
      caseRole: 'other',
      birthYear: 1970,
      gender: 'male',
    });
    expect([teen.minor, baby.minor, aunt.atRisk, uncle.atRisk]).toEqual([true, true, true, false]);
    const answers: Record<string, number> = {};
    for (const [name, person, rep] of [
      ['teen', teen, true],
      ['baby', baby, true],
      ['aunt', aunt, false],
      ['uncle', uncle, false],
    ] as const) {
      const caseId = await openCase(person.id, ids.etno!, 'responsabile', rep);
      answers[name] = (await glass('operatore.romano', caseId)).statusCode;
    }
    expect(answers).toEqual({ teen: 403, baby: 403, aunt: 403, uncle: 201 });
  });

  it('protect someone marked at risk later at once: the follower who could open her case no longer can', async () => {
    const nadia = await ok<TPerson>('operatrice', 'POST', `/api/households/${ids.household}/people`, {
      ...adult,
      givenName: 'Nadia',
      relationship: 'other_relative',
      caseRole: 'other',
      birthYear: 1975,
    });
    const caseId = await openCase(nadia.id, ids.etno!, 'responsabile');
    expect((await glass('operatore.romano', caseId)).statusCode).toBe(201);
    expect((await call('operatore.romano', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
    const mark = (who: string, body: object) => call(who, 'PUT', `/api/people/${nadia.id}/at-risk`, body);
    // A reason is required; only the household's own service sets the mark.
    expect(fields(await mark('operatrice', { atRisk: true }))).toEqual(['reason']);
    expect(
      (await mark('responsabile', { atRisk: true, reason: 'Minacce riferite al colloquio' })).statusCode,
    ).toBe(404);
    expect(
      (await mark('operatrice', { atRisk: true, reason: 'Minacce riferite al colloquio' })).statusCode,
    ).toBe(204);
    expect((await call('operatore.romano', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    const [event] = await system(
      sql`select purpose, details->>'atRisk' as at_risk from audit_events
           where action = 'person.at_risk_updated' and record_id = ${nadia.id}`,
    );
    expect(event).toEqual({ purpose: 'Minacce riferite al colloquio', at_risk: 'true' });
    // The grant lapses (as the DPO would end it), so the later tests start from the same state.
    await system(sql`update break_glass_grants set revoked_at = now() where record_id = ${caseId}`);
  });

  it('never refer the perpetrator together with a child of the household', async () => {
    const joint = await call('operatrice', 'POST', '/api/referrals', {
      householdId: ids.household,
      personIds: [ids.father, ids.child],
      toServiceId: ids.tmRomano,
      purpose: 'taking_into_care',
      urgency: 'routine',
      sections: SECTIONS,
      message: 'Percorso per padre e figlio',
    });
    expect(joint.statusCode).toBe(400);
    expect(fields(joint)).toEqual(['personIds']);
  });

  it('let no follower of the perpetrator accept a referral of the child', async () => {
    const referralId = await refer(ids.child!, ids.tmRomano!, true);
    const inbox = await ok<{ items: { id: string }[] }>(
      'operatore.romano',
      'GET',
      '/api/referrals?box=received',
    );
    expect(inbox.items.map((r) => r.id)).not.toContain(referralId);
    expect((await call('operatore.romano', 'POST', `/api/referrals/${referralId}/accept`)).statusCode).toBe(
      404,
    );
    expect(await system(sql`select count(*)::int as n from cases where referral_id = ${referralId}`)).toEqual(
      [{ n: 0 }],
    );
  });

  it('hold on every path in the database, even for a follower put on the child’s team behind the policy’s back', async () => {
    const romano = await t.userId('operatore.romano');
    await system(
      sql`insert into case_team (case_id, user_id, team_role) values (${ids.childCase}, ${romano}, 'member')`,
    );
    await system(sql`update sessions set step_up_at = now() where user_id = ${romano}`);
    try {
      expect((await call('operatore.romano', 'GET', `/api/cases/${ids.childCase}`)).statusCode).toBe(404);
      expect((await call('operatore.romano', 'GET', `/api/cases/${ids.childCase}/sessions`)).statusCode).toBe(
        404,
      );
      const reveal = await call('operatore.romano', 'POST', `/api/people/${ids.child}/safety/reveal`, {
        reason: 'Verifica indirizzo per la visita',
      });
      expect(reveal.statusCode).toBe(404);
      const recorded = await call(
        'operatore.romano',
        'POST',
        `/api/people/${ids.child}/consents`,
        consent(ids.tmRomano!, true, 'consultation'),
      );
      expect(recorded.statusCode).toBe(404);
      const [given] = await system(sql`select id from consents where person_id = ${ids.child} limit 1`);
      const revoke = await call(
        'operatore.romano',
        'POST',
        `/api/consents/${(given as { id: string }).id}/revoke`,
        {
          reason: 'Revoca scritta della madre',
        },
      );
      expect(revoke.statusCode).toBe(404);
      const seen = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from unnest(trama_blocked_people_of(${romano}::uuid)) b(id)
            where b.id in (${ids.mother}::uuid, ${ids.child}::uuid)`,
      );
      expect(seen).toEqual([{ n: 2 }]);
    } finally {
      await system(sql`delete from case_team where case_id = ${ids.childCase} and user_id = ${romano}`);
    }
  });

  it('hold the other way round: who works on the child’s or the victim’s case cannot then follow the perpetrator', async () => {
    expect((await team('responsabile', ids.childCase!, [['clinica', 'member']])).statusCode).toBe(200);
    const clinica = await team('operatore.romano', ids.perpCase!, [['clinica', 'member']]);
    expect(clinica.statusCode).toBe(400);
    expect(fields(clinica)).toEqual(['members.1.userId']);
    const lead = await team('operatore.romano', ids.perpCase!, [['responsabile', 'member']]);
    expect(fields(lead)).toEqual(['members.1.userId']);
    // Nor by break-the-glass into the perpetrator's case.
    const grant = await glass('responsabile', ids.perpCase!);
    expect(grant.statusCode).toBe(403);
    // Nor by accepting the perpetrator's referral: clinica would lead his case.
    const referralId = await refer(ids.father!, ids.etno!);
    const accept = await call('clinica', 'POST', `/api/referrals/${referralId}/accept`);
    expect(accept.statusCode).toBe(403);
    expect(await system(sql`select count(*)::int as n from cases where referral_id = ${referralId}`)).toEqual(
      [{ n: 0 }],
    );
    // Both stay on the child's team and keep the case.
    expect((await ok<TCase>('clinica', 'GET', `/api/cases/${ids.childCase}`)).access).toBe('clinical');
    expect((await ok<TCase>('responsabile', 'GET', `/api/cases/${ids.motherCase}`)).access).toBe('clinical');
  });
});

describe('item 7: the referrer and the mediator do not follow the perpetrator', () => {
  it('leave the family’s social worker, who referred the perpetrator, her household page, the victim’s case, safety data and consents', async () => {
    const h = await ok<THousehold>('operatrice', 'GET', `/api/households/${ids.household}`);
    expect(h.members.map((m) => m.givenName)).toEqual(expect.arrayContaining(['Nadia', 'Sami', 'Karim']));
    const victimCase = await ok<TCase>('operatrice', 'GET', `/api/cases/${ids.motherCase}`);
    expect(victimCase.access).toBe('referrer');
    const safety = await call('operatrice', 'PUT', `/api/people/${ids.mother}/safety`, {
      address: 'Via Protetta 3, Treviglio',
      safeContact: { channels: [], neverWriteTo: [] },
    });
    expect(safety.statusCode).toBe(204);
    const extra = await ok<{ id: string }>(
      'operatrice',
      'POST',
      `/api/people/${ids.mother}/consents`,
      consent(ids.etno!, false, 'consultation'),
    );
    const revoked = await call('operatrice', 'POST', `/api/consents/${extra.id}/revoke`, {
      reason: 'La signora ritira il consenso',
    });
    expect(revoked.statusCode).toBe(200);
  });

  it('let the perpetrator’s mediator mediate the victim’s sessions', async () => {
    expect((await team('operatore.romano', ids.perpCase!, [['mediatrice', 'mediator']])).statusCode).toBe(
      200,
    );
    const s = await ok<TSession>('responsabile', 'POST', `/api/cases/${ids.motherCase}/sessions`, {
      kind: 'consultation',
      startsAt: '2026-06-01T10:00:00Z',
      durationMinutes: 60,
      place: 'service',
      mediatorId: await t.userId('mediatrice'),
    });
    expect(s.mediator?.displayName).toBeTruthy();
  });
});

describe('item 8: break-the-glass from outside both services of the referral', () => {
  it('open the case with 200 and what the grant allows', async () => {
    expect((await glass('operatrice.cav', ids.motherCase!)).statusCode).toBe(201);
    const res = await call('operatrice.cav', 'GET', `/api/cases/${ids.motherCase}`);
    expect(res.statusCode).toBe(200);
    const seen = res.json() as TCase;
    expect(seen).toMatchObject({
      access: 'break_glass',
      referral: { purpose: 'taking_into_care' },
      can: { edit: false, lead: false, supervise: false },
    });
    expect(seen.referral.fromServiceName).toContain('Tutela Minori');
    expect(seen.members?.map((m) => m.givenName)).toEqual(['Nadia']);
    expect((await call('operatrice.cav', 'GET', `/api/cases/${ids.motherCase}/sessions`)).statusCode).toBe(
      200,
    );
    // The referral itself stays the two services' business.
    expect((await call('operatrice.cav', 'GET', `/api/referrals/${seen.referral.id}`)).statusCode).toBe(404);
  });
});
