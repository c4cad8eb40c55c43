import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TCourtOrder, TCourtReport, TTransfer } from '../../src/contracts/tutela.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { withDbContext } from '../../src/server/platform/db/context.js';
import { casesTestKit, consentFor, minorConsent } from './support.js';

/**
 * What the review of issue 15 found, held: a transfer moves the household only when it is wholly
 * the sender's to hand over, and everything the sender sent about it follows; whoever follows the
 * perpetrator never reads the request about a child he may harm; a case referred by the receiving
 * service goes back to it; and beneath the services, row-level security and triggers keep the
 * deadlines, the reports and the transfers to their rules.
 */
const { t, ids, call, ok, system, registerFamily, recordMotherSafety, openCaseFor, openOwnCase } =
  casesTestKit();

const REASON = 'La madre e Omar si sono trasferiti a Romano di Lombardia, in via Roma 5';

/** Everyone of the household consents to Romano (the household moves with the case); the child's id is named. */
async function householdConsentsToRomano() {
  const c = await ok<{ id: string }>(
    'operatrice',
    'POST',
    `/api/people/${ids.child}/consents`,
    minorConsent(ids.tmRomano!),
  );
  for (const adult of [ids.mother!, ids.father!])
    await ok('operatrice', 'POST', `/api/people/${adult}/consents`, consentFor(ids.tmRomano!));
  return c.id;
}

/** Raw SQL as `username` acting for their first membership, under RLS (what a service bug could do). */
async function asUser<T>(username: string, query: ReturnType<typeof sql>) {
  const [m] = (await system(
    sql`select u.id as user_id, m.role, m.organisation_id, m.service_id from users u join memberships m on m.user_id = u.id
        where u.username = ${username} order by m.created_at limit 1`,
  )) as { user_id: string; role: string; organisation_id: string | null; service_id: string | null }[];
  return withDbContext(
    t.database.db,
    { userId: m!.user_id, role: m!.role, organisationId: m!.organisation_id, serviceId: m!.service_id },
    (tx) => queryRows<T & Record<string, unknown>>(tx, query),
  );
}

const order = {
  court: 'Tribunale per i Minorenni di Brescia',
  docketNumber: 'VG 77/2026',
  kind: 'placement_5bis',
  decidedOn: '2026-06-01',
  durationMonths: 24,
};

describe('transfers: the household and what follows it', () => {
  it('R1: a receiving practitioner who follows the perpetrator never sees the transfer request of a child he may harm', async () => {
    await registerFamily();
    // The father's case at the ethnoclinic; operatore.romano joins its clinical team: he follows the perpetrator.
    const { caseId: fatherCase } = await openCaseFor([ids.father!]);
    await ok('responsabile', 'PUT', `/api/cases/${fatherCase}/team`, {
      members: [
        { userId: await t.userId('responsabile'), teamRole: 'lead' },
        { userId: await t.userId('operatore.romano'), teamRole: 'member' },
      ],
    });
    // Treviglio's own case of the child (a minor: protected from the perpetrator's followers).
    const { caseId: childCase } = await openOwnCase([ids.child!]);
    // Sanity: he is locked out of the child's case.
    expect((await call('operatore.romano', 'GET', `/api/cases/${childCase}`)).statusCode).toBe(404);
    const consentId = await householdConsentsToRomano();
    const asked = await ok<TTransfer>('operatrice', 'POST', `/api/cases/${childCase}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId,
      reason: REASON,
    });
    const seen = (await ok<TTransfer[]>('operatore.romano', 'GET', '/api/transfers')).find(
      (x) => x.id === asked.id,
    );
    // Should be undefined: the request (case code, and a reason saying where mother and child moved) is the child's.
    expect(seen, `operatore.romano reads: ${JSON.stringify(seen)}`).toBeUndefined();
  });

  it('R2: a case whose household holds another open case of the service is not transferred: the household would go with it', async () => {
    await registerFamily();
    await recordMotherSafety();
    const { caseId: motherCase } = await openOwnCase([ids.mother!]);
    const { caseId: childCase } = await openOwnCase([ids.child!]);
    const consentId = await householdConsentsToRomano();
    const refused = await call('operatrice', 'POST', `/api/cases/${childCase}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId,
      reason: 'La famiglia si è trasferita nell’Ambito di Romano',
    });
    expect(refused.statusCode).toBe(409);
    // Close the mother's case first (request and approval): then the household moves with the child's.
    await ok('operatrice', 'POST', `/api/cases/${motherCase}/closure`, {
      outcome: 'moved_away',
      reason: 'La madre si è trasferita con il figlio nell’Ambito di Romano.',
    });
    await ok('coordinatrice', 'POST', `/api/cases/${motherCase}/closure/approve`);
    const asked = await ok<TTransfer>('operatrice', 'POST', `/api/cases/${childCase}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId,
      reason: 'La famiglia si è trasferita nell’Ambito di Romano',
    });
    await ok('operatore.romano', 'POST', `/api/transfers/${asked.id}/accept`);
    // Treviglio keeps its closed case of the mother (and sees her through it), not the child.
    expect((await call('operatrice', 'GET', `/api/cases/${motherCase}`)).statusCode).toBe(200);
    const seen = await ok<{ members: { id: string }[] }>(
      'operatrice',
      'GET',
      `/api/households/${ids.household}`,
    );
    expect(seen.members.map((m) => m.id)).toEqual([ids.mother]);
    expect((await call('operatrice', 'GET', `/api/cases/${childCase}`)).statusCode).toBe(404);
  });

  it('R4: a case Romano once referred to Treviglio can be handed back to Romano (no 500)', async () => {
    // Romano registers a family and refers the child to Tutela Minori Treviglio, which accepts.
    const h = await ok<{ id: string; members: { id: string }[] }>(
      'operatore.romano',
      'POST',
      '/api/households',
      {
        municipality: '016219',
        members: [
          {
            givenName: 'Lina',
            familyName: 'Haddad',
            relationship: 'reference_person',
            caseRole: 'child',
            birthYear: 2015,
            gender: 'female',
            citizenship: 'MA',
            languages: ['ar'],
            preferredLanguage: 'ar',
            interpreterNeeded: false,
          },
        ],
        acknowledgeDuplicates: true,
      },
    );
    const child = h.members[0]!.id;
    await ok('operatore.romano', 'POST', `/api/people/${child}/consents`, minorConsent(ids.tmTreviglio!));
    const r = await ok<{ id: string }>('operatore.romano', 'POST', '/api/referrals', {
      householdId: h.id,
      personIds: [child],
      toServiceId: ids.tmTreviglio,
      purpose: 'taking_into_care',
      urgency: 'priority',
      sections: ['family_migration', 'languages', 'protection'],
      message: 'La famiglia si trasferisce a Treviglio',
    });
    await ok('operatore.romano', 'POST', `/api/referrals/${r.id}/send`, {});
    const { caseId } = await ok<{ caseId: string }>('operatrice', 'POST', `/api/referrals/${r.id}/accept`);
    const [order] = await ok<{ id: string }[]>('operatrice', 'POST', `/api/cases/${caseId}/court-orders`, {
      court: 'Tribunale per i Minorenni di Brescia',
      docketNumber: 'VG 9/2026',
      kind: 'prescriptions',
      decidedOn: '2026-03-01',
    });
    const asked = await ok<TTransfer>('operatrice', 'POST', `/api/cases/${caseId}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'court_order',
      orderId: order!.id,
      reason: 'La famiglia è tornata nell’Ambito di Romano',
    });
    const accepted = await call('operatore.romano', 'POST', `/api/transfers/${asked.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    // The intake Romano once sent is now Romano's own case, on the court's order.
    const back = await ok<{ referral: { origin: string } }>(
      'operatore.romano',
      'GET',
      `/api/cases/${caseId}`,
    );
    expect(back.referral.origin).toBe('court_decree');
    expect((await call('operatrice', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('R3: after the transfer, Treviglio no longer follows the ethnoclinical case of the child it referred (no parentCaseId)', async () => {
    await registerFamily();
    const { caseId: childCase } = await openOwnCase([ids.child!]);
    // A referral to the ethnoclinical team about the same child, sent from the referrals page (no parentCaseId).
    const { caseId: etnoCase, referralId } = await openCaseFor([ids.child!]);
    const consentId = await householdConsentsToRomano();
    const asked = await ok<TTransfer>('operatrice', 'POST', `/api/cases/${childCase}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId,
      reason: 'La famiglia si è trasferita nell’Ambito di Romano',
    });
    await ok('operatore.romano', 'POST', `/api/transfers/${asked.id}/accept`);
    const etno = await call('operatrice', 'GET', `/api/cases/${etnoCase}`);
    const referral = await call('operatrice', 'GET', `/api/referrals/${referralId}`);
    expect({
      etnoCase: etno.statusCode === 200 ? `200 as ${etno.json().access}` : etno.statusCode,
      referral:
        referral.statusCode === 200
          ? `200, message: ${referral.json().content?.message}, outcome: ${JSON.stringify(referral.json().outcome)}`
          : referral.statusCode,
    }).toEqual({ etnoCase: 404, referral: 404 });
  });
});

describe('an own case’s intake', () => {
  it('is read only by those who may open the case, not by every practitioner of the service', async () => {
    await registerFamily();
    const { caseId } = await openOwnCase([ids.child!]);
    const intake = (await ok<{ referral: { id: string } }>('operatrice', 'GET', `/api/cases/${caseId}`))
      .referral.id;
    expect((await call('operatrice', 'GET', `/api/referrals/${intake}`)).statusCode).toBe(200);
    // Another practitioner of the same service, not on the team: a new membership in Tutela Minori Treviglio.
    const [tm] = (await system(sql`select id from services where id = ${ids.tmTreviglio}`)) as {
      id: string;
    }[];
    const other = await t.userId('operatore.romano');
    await system(
      sql`insert into memberships (user_id, role, service_id) values (${other}, 'practitioner', ${tm!.id})`,
    );
    // Signed in acting for the new (second) membership: a practitioner of Tutela Minori Treviglio.
    const colleague = await t.signIn('operatore.romano', 1);
    const acting = (await colleague.request({ method: 'GET', url: '/api/households' })).statusCode;
    expect(acting).toBe(200);
    expect((await colleague.request({ method: 'GET', url: `/api/referrals/${intake}` })).statusCode).toBe(
      404,
    );
    // Through the household the service owns, the colleague does see the family: the intake is the case's only.
    expect(
      (await colleague.request({ method: 'GET', url: `/api/households/${ids.household}` })).statusCode,
    ).toBe(200);
  });
});

describe('row-level security and triggers as the backstop', () => {
  it('D1: the team cannot make a deadline vanish (superseded without an order change) nor approve its own report', async () => {
    await registerFamily();
    const { caseId } = await openOwnCase([ids.child!]);
    const [o] = await ok<TCourtOrder[]>('operatrice', 'POST', `/api/cases/${caseId}/court-orders`, order);
    const report = o!.deadlines.find((d) => d.kind === 'report')!;
    const vanished = await asUser<{ id: string }>(
      'operatrice',
      sql`update court_deadlines set superseded_at = now() where id = ${report.id} returning id`,
    ).catch((e: Error) => e.message);
    const draft = await ok<TCourtReport>('operatrice', 'POST', `/api/cases/${caseId}/court-reports`, {
      orderId: o!.id,
      periodFrom: '2026-06-01',
      periodTo: '2026-11-30',
      content: 'Relazione semestrale sull’andamento del collocamento.',
    });
    const selfApproved = await asUser<{ id: string }>(
      'operatrice',
      sql`update court_reports set status = 'approved', approved_by = drafted_by, approved_at = now()
          where id = ${draft.id} returning id`,
    ).catch((e: Error) => e.message);
    expect({
      deadlineSupersededWithoutChange: Array.isArray(vanished) && vanished.length === 1,
      reportApprovedByItsDrafter: Array.isArray(selfApproved) && selfApproved.length === 1,
    }).toEqual({ deadlineSupersededWithoutChange: false, reportApprovedByItsDrafter: false });
  });

  it('D2: whoever follows the perpetrator does not get the victim’s id from a legal role', async () => {
    await registerFamily();
    // A (contrived) role of the father held by the mother, recorded by the household's service.
    await ok('operatrice', 'POST', `/api/households/${ids.household}/legal-roles`, {
      personId: ids.father,
      role: 'curatore_speciale',
      holderPersonId: ids.mother,
      startsOn: '2026-01-10',
    });
    await ok('operatrice', 'POST', `/api/people/${ids.father}/consents`, consentFor(ids.etno!));
    await openCaseFor([ids.father!], ids.etno!, 'clinica');
    const rows = await asUser<{ holder_person_id: string | null }>(
      'clinica',
      sql`select holder_person_id from legal_roles where person_id = ${ids.father}`,
    );
    expect(rows.map((r) => r.holder_person_id)).not.toContain(ids.mother);
  });

  it('D3: a member of the receiving service cannot mark a transfer accepted without moving the case', async () => {
    await registerFamily();
    const { caseId } = await openOwnCase([ids.child!]);
    const [o] = await ok<TCourtOrder[]>('operatrice', 'POST', `/api/cases/${caseId}/court-orders`, order);
    const asked = await ok<{ id: string }>('operatrice', 'POST', `/api/cases/${caseId}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'court_order',
      orderId: o!.id,
      reason: 'La famiglia si è trasferita nell’Ambito di Romano',
    });
    const marked = await asUser<{ id: string }>(
      'operatore.romano',
      sql`update case_transfers set status = 'accepted', answered_at = now() where id = ${asked.id} returning id`,
    ).catch((e: Error) => e.message);
    expect(Array.isArray(marked) && marked.length === 1).toBe(false);
  });
});
