import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TCase } from '../../src/contracts/cases.js';
import type { THome } from '../../src/contracts/home.js';
import type { TTransfer } from '../../src/contracts/tutela.js';
import { casesTestKit, consentFor, minorConsent } from './support.js';

/**
 * Transfers between Ambiti (issue 15, item 6): the Treviglio practitioner's own case of a child is
 * handed to Tutela Minori of Romano on a basis (the family's consent to Romano, or a court order of
 * the case). Until Romano accepts it sees the request, never the case; once it accepts, the case,
 * its file, its people and its household are Romano's, and Treviglio's team, service and
 * coordinator get 404 at once.
 */
const { t, ids, call, ok, fields, system, registerFamily } = casesTestKit();

const REASON = 'La famiglia si è trasferita in un comune dell’Ambito di Romano';

async function openOwnCase() {
  const { caseId } = await ok<{ caseId: string }>('operatrice', 'POST', '/api/cases', {
    householdId: ids.household,
    personIds: [ids.child],
    origin: 'report',
    reporterKind: 'school',
    receivedOn: '2026-01-15',
    urgency: 'priority',
    summary: 'Segnalazione della scuola: assenze ripetute e segni di trascuratezza',
  });
  return caseId;
}

/**
 * The household moves with the case, so everyone of it consents to being taken into care by Tutela
 * Minori of Romano (the child through the mother); the child's consent is the one the request names.
 */
async function consentToRomano({ only }: { only?: 'child' } = {}) {
  const c = await ok<{ id: string }>(
    'operatrice',
    'POST',
    `/api/people/${ids.child}/consents`,
    minorConsent(ids.tmRomano!),
  );
  if (!only)
    for (const adult of [ids.mother!, ids.father!])
      await ok('operatrice', 'POST', `/api/people/${adult}/consents`, consentFor(ids.tmRomano!));
  return c.id;
}

const transfersOf = (who: string) => ok<TTransfer[]>(who, 'GET', '/api/transfers');
const attention = async (who: string, kind: string) =>
  (await ok<THome>(who, 'GET', '/api/home')).attention.find((i) => i.kind === kind)?.count ?? 0;

beforeAll(async () => {
  ids.serviceInclusioneRomano = (
    (await system(sql`select id from services where name like 'Servizio inclusione sociale — Romano%'`)) as {
      id: string;
    }[]
  )[0]!.id;
});

describe('asking for a transfer', () => {
  beforeAll(async () => {
    await registerFamily();
    ids.case = await openOwnCase();
  });

  it('refuse a transfer without a basis, or on a consent or an order that is not the case’s', async () => {
    const url = `/api/cases/${ids.case}/transfers`;
    const noConsent = await call('operatrice', 'POST', url, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      reason: REASON,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(fields(noConsent)).toEqual(['consentId']);
    const noOrder = await call('operatrice', 'POST', url, {
      toServiceId: ids.tmRomano,
      basis: 'court_order',
      reason: REASON,
    });
    expect(fields(noOrder)).toEqual(['orderId']);
    // A consent to another service (Treviglio itself) is no basis for Romano.
    const toTreviglio = await ok<{ id: string }>(
      'operatrice',
      'POST',
      `/api/people/${ids.child}/consents`,
      minorConsent(ids.tmTreviglio!),
    );
    const wrongConsent = await call('operatrice', 'POST', url, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId: toTreviglio.id,
      reason: REASON,
    });
    expect(wrongConsent.statusCode).toBe(400);
    expect(fields(wrongConsent)).toEqual(['consentId']);
    const unknownOrder = await call('operatrice', 'POST', url, {
      toServiceId: ids.tmRomano,
      basis: 'court_order',
      orderId: ids.household,
      reason: REASON,
    });
    expect(unknownOrder.statusCode).toBe(400);
    expect(fields(unknownOrder)).toEqual(['orderId']);
    // A consent to Romano of someone who is not a person of the case is no basis either.
    const mothers = await ok<{ id: string }>('operatrice', 'POST', `/api/people/${ids.mother}/consents`, {
      ...minorConsent(ids.tmRomano!),
      givenBy: 'self',
      representativeName: undefined,
    });
    const notOfCase = await call('operatrice', 'POST', url, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId: mothers.id,
      reason: REASON,
    });
    expect(fields(notOfCase)).toEqual(['consentId']);
    expect(
      await system(sql`select count(*)::int as n from case_transfers where case_id = ${ids.case}`),
    ).toEqual([{ n: 0 }]);
  });

  it('refuse a transfer within the same Ambito or to another kind of service', async () => {
    ids.consent = await consentToRomano();
    const base = { basis: 'consent', consentId: ids.consent, reason: REASON };
    const url = `/api/cases/${ids.case}/transfers`;
    const same = await call('operatrice', 'POST', url, { ...base, toServiceId: ids.tmTreviglio });
    expect(same.statusCode).toBe(400);
    expect(fields(same)).toEqual(['toServiceId']);
    expect(same.json().errors[0].code).toBe('same_district');
    const otherKind = await call('operatrice', 'POST', url, {
      ...base,
      toServiceId: ids.serviceInclusioneRomano,
    });
    expect(fields(otherKind)).toEqual(['toServiceId']);
    expect(otherKind.json().errors[0].code).toBe('kind');
  });

  it('let only the case lead ask: a team member and the supervisor are refused, outsiders get 404', async () => {
    const body = { toServiceId: ids.tmRomano, basis: 'consent', consentId: ids.consent, reason: REASON };
    const url = `/api/cases/${ids.case}/transfers`;
    // responsabile (a clinician of another service) joins the team as a member.
    await ok('operatrice', 'PUT', `/api/cases/${ids.case}/team`, {
      members: [
        { userId: await t.userId('operatrice'), teamRole: 'lead' },
        { userId: await t.userId('responsabile'), teamRole: 'member' },
      ],
    });
    const statuses: Record<string, number> = {};
    for (const who of [
      'responsabile',
      'coordinatrice',
      'operatore.romano',
      'clinica',
      'supervisora',
      'mediatrice',
      'ricercatrice',
      'dpo',
    ])
      statuses[who] = (await call(who, 'POST', url, body)).statusCode;
    expect(statuses).toEqual({
      responsabile: 403,
      coordinatrice: 403,
      'operatore.romano': 404,
      clinica: 404,
      supervisora: 403,
      mediatrice: 403,
      ricercatrice: 403,
      dpo: 403,
    });
  });
});

describe('a transfer on consent: refused, withdrawn, then accepted', () => {
  it('show the receiving service the request, never the case; one open request at a time', async () => {
    const waiting = await attention('operatore.romano', 'transfers_received');
    const asked = await call('operatrice', 'POST', `/api/cases/${ids.case}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId: ids.consent,
      reason: REASON,
    });
    expect(asked.statusCode).toBe(201);
    const transfer = asked.json() as TTransfer;
    ids.transfer = transfer.id;
    expect(transfer).toMatchObject({
      status: 'requested',
      incoming: false,
      basis: 'consent',
      reason: REASON,
    });
    const again = await call('operatrice', 'POST', `/api/cases/${ids.case}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId: ids.consent,
      reason: REASON,
    });
    expect(again.statusCode).toBe(409);

    const incoming = (await transfersOf('operatore.romano')).find((x) => x.id === transfer.id);
    expect(incoming).toMatchObject({ incoming: true, status: 'requested', caseCode: transfer.caseCode });
    expect(incoming?.fromServiceName).toContain('Treviglio');
    expect(incoming?.toServiceName).toContain('Romano');
    // Only the request: nobody's name, nothing of the case's content.
    const romanoList = JSON.stringify(await transfersOf('operatore.romano'));
    expect(romanoList).not.toContain('Omar');
    expect(romanoList).not.toContain('trascuratezza');
    expect(await attention('operatore.romano', 'transfers_received')).toBe(waiting + 1);
    // Before accepting, Romano reaches neither the case nor the household.
    expect((await call('operatore.romano', 'GET', `/api/cases/${ids.case}`)).statusCode).toBe(404);
    expect((await call('operatore.romano', 'GET', `/api/households/${ids.household}`)).statusCode).toBe(404);
    // The case shows its open request to the team.
    const seen = await ok<TCase>('operatrice', 'GET', `/api/cases/${ids.case}`);
    expect(seen.transfer).toMatchObject({ id: transfer.id, status: 'requested' });
    // Who sees the request: the case's openers (its team, its coordinator) and the receiving service.
    const seenBy: Record<string, string> = {};
    for (const who of [
      'operatrice',
      'responsabile',
      'coordinatrice',
      'operatore.romano',
      'clinica',
      'supervisora',
    ]) {
      const mine = (await transfersOf(who)).find((x) => x.id === transfer.id);
      seenBy[who] = mine ? (mine.incoming ? 'incoming' : 'outgoing') : 'none';
    }
    expect(seenBy).toEqual({
      operatrice: 'outgoing',
      responsabile: 'outgoing',
      coordinatrice: 'outgoing',
      'operatore.romano': 'incoming',
      clinica: 'none',
      supervisora: 'none',
    });
    for (const who of ['mediatrice', 'ricercatrice', 'dpo'])
      expect((await call(who, 'GET', '/api/transfers')).statusCode, who).toBe(403);
    const [listed] = await system(
      sql`select details from audit_events where action = 'case_transfer.listed' and actor_username = 'operatore.romano'
          order by occurred_at desc limit 1`,
    );
    expect((listed as { details: { shown: number } }).details.shown).toBeGreaterThanOrEqual(1);
  });

  it('let only the receiving service refuse, once; the sender may no longer withdraw it', async () => {
    const body = { reason: 'Il nucleo non risulta residente nei nostri comuni' };
    const url = `/api/transfers/${ids.transfer}/refuse`;
    expect((await call('operatrice', 'POST', url, body)).statusCode).toBe(404);
    expect((await call('clinica', 'POST', url, body)).statusCode).toBe(404);
    expect((await call('coordinatrice', 'POST', url, body)).statusCode).toBe(403);
    const refused = await ok<TTransfer>('operatore.romano', 'POST', url, body);
    expect(refused).toMatchObject({ status: 'refused', refusalReason: body.reason, incoming: true });
    expect((await call('operatore.romano', 'POST', url, body)).statusCode).toBe(409);
    expect((await call('operatrice', 'POST', `/api/transfers/${ids.transfer}/withdraw`)).statusCode).toBe(
      409,
    );
    expect((await call('operatore.romano', 'POST', `/api/transfers/${ids.transfer}/accept`)).statusCode).toBe(
      409,
    );
    expect((await ok<TCase>('operatrice', 'GET', `/api/cases/${ids.case}`)).transfer).toBeNull();
  });

  it('let only the lead withdraw a request; a withdrawn request cannot be accepted', async () => {
    const t2 = await ok<TTransfer>('operatrice', 'POST', `/api/cases/${ids.case}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId: ids.consent,
      reason: REASON,
    });
    const url = `/api/transfers/${t2.id}/withdraw`;
    expect((await call('operatore.romano', 'POST', url)).statusCode).toBe(404);
    expect((await call('responsabile', 'POST', url)).statusCode).toBe(403);
    expect((await call('coordinatrice', 'POST', url)).statusCode).toBe(403);
    const withdrawn = await ok<TTransfer>('operatrice', 'POST', url);
    expect(withdrawn.status).toBe('withdrawn');
    expect((await call('operatrice', 'POST', url)).statusCode).toBe(409);
    expect((await call('operatore.romano', 'POST', `/api/transfers/${t2.id}/accept`)).statusCode).toBe(409);
  });

  it('on acceptance, move the case: the new lead reads it, its file and people; the old team, service and coordinator get 404 at once', async () => {
    await ok('operatrice', 'PUT', `/api/cases/${ids.case}/intake`, {
      receivedOn: '2026-01-15',
      presentingProblem: 'Assenze ripetute, trascuratezza',
    });
    const t3 = await ok<TTransfer>('operatrice', 'POST', `/api/cases/${ids.case}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId: ids.consent,
      reason: REASON,
    });
    // Neither the sender nor another service accepts it.
    expect((await call('operatrice', 'POST', `/api/transfers/${t3.id}/accept`)).statusCode).toBe(404);
    expect((await call('clinica', 'POST', `/api/transfers/${t3.id}/accept`)).statusCode).toBe(404);
    expect((await call('coordinatrice', 'POST', `/api/transfers/${t3.id}/accept`)).statusCode).toBe(403);
    // The coordinator and the old team read the case and the household up to the last moment.
    const supervising = await ok<TCase>('coordinatrice', 'GET', `/api/cases/${ids.case}`);
    expect(supervising.transfer).toMatchObject({ id: t3.id, incoming: false });
    expect((await call('responsabile', 'GET', `/api/cases/${ids.case}`)).statusCode).toBe(200);

    const accepted = await ok<TCase>('operatore.romano', 'POST', `/api/transfers/${t3.id}/accept`);
    expect(accepted).toMatchObject({ access: 'clinical', status: 'open', transfer: null });
    expect(accepted.serviceName).toContain('Romano');
    expect(accepted.team?.map((m) => m.teamRole)).toEqual(['lead']);
    expect(accepted.file?.intake?.presentingProblem).toBe('Assenze ripetute, trascuratezza');
    expect(accepted.members?.map((m) => m.givenName)).toEqual(['Omar']);
    expect(accepted.statusHistory?.map((h) => h.kind)).toEqual(['transferred']);

    for (const who of ['operatrice', 'responsabile', 'coordinatrice']) {
      expect((await call(who, 'GET', `/api/cases/${ids.case}`)).statusCode, who).toBe(404);
      expect((await call(who, 'GET', `/api/households/${ids.household}`)).statusCode, who).toBe(404);
      expect((await call(who, 'GET', `/api/people/${ids.child}/changes`)).statusCode, who).toBe(404);
    }
    const list = await ok<{ items: { id: string }[] }>('coordinatrice', 'GET', '/api/cases');
    expect(list.items.map((c) => c.id)).not.toContain(ids.case);

    const household = await ok<{ members: { givenName: string }[] }>(
      'operatore.romano',
      'GET',
      `/api/households/${ids.household}`,
    );
    expect(household.members.map((m) => m.givenName)).toContain('Omar');
    expect((await call('operatore.romano', 'GET', `/api/people/${ids.child}/changes`)).statusCode).toBe(200);
    const timeline = await ok<{ kind: string }[]>(
      'operatore.romano',
      'GET',
      `/api/cases/${ids.case}/timeline`,
    );
    expect(timeline.map((e) => e.kind)).toContain('transferred');
    // The new lead writes the file and names the team.
    await ok('operatore.romano', 'PUT', `/api/cases/${ids.case}/intake`, {
      receivedOn: '2026-01-15',
      presentingProblem: 'Presa in carico dall’Ambito di Romano',
    });
    expect(
      await system(sql`select count(*)::int as n from audit_events where action = 'case_transfer.accepted'
        and record_id = ${ids.case} and actor_username = 'operatore.romano'`),
    ).toEqual([{ n: 1 }]);
    expect((await call('operatore.romano', 'POST', `/api/transfers/${t3.id}/accept`)).statusCode).toBe(409);
  });
});

describe('a transfer on a court order', () => {
  it('move the case with its court orders; of two acceptances at once exactly one succeeds', async () => {
    await registerFamily();
    const caseId = await openOwnCase();
    const [order] =
      (await system(sql`insert into court_orders (case_id, court, docket_number, kind, decided_on, created_by)
      values (${caseId}, 'Tribunale per i Minorenni di Brescia', 'VG 123/2026', 'prescriptions', '2026-02-01',
        ${await t.userId('operatrice')}) returning id`)) as { id: string }[];
    const asked = await ok<TTransfer>('operatrice', 'POST', `/api/cases/${caseId}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'court_order',
      orderId: order!.id,
      reason: REASON,
    });
    expect(asked.basis).toBe('court_order');
    const [a, b] = await Promise.all([
      call('operatore.romano', 'POST', `/api/transfers/${asked.id}/accept`),
      call('operatore.romano', 'POST', `/api/transfers/${asked.id}/accept`),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(
      await system(
        sql`select count(*)::int as n from case_status_changes where case_id = ${caseId} and kind = 'transferred'`,
      ),
    ).toEqual([{ n: 1 }]);
    const orders = await ok<{ id: string }[]>('operatore.romano', 'GET', `/api/cases/${caseId}/court-orders`);
    expect(orders.map((o) => o.id)).toEqual([order!.id]);
    expect((await call('operatrice', 'GET', `/api/cases/${caseId}/court-orders`)).statusCode).toBe(404);
  });

  it('take the referrals sent from the case along, and refuse a closure while the request waits', async () => {
    await registerFamily();
    const caseId = await openOwnCase();
    await ok('operatrice', 'POST', `/api/people/${ids.child}/consents`, minorConsent(ids.etno!));
    const referral = await ok<{ id: string }>('operatrice', 'POST', '/api/referrals', {
      householdId: ids.household,
      personIds: [ids.child],
      toServiceId: ids.etno,
      purpose: 'taking_into_care',
      urgency: 'priority',
      sections: ['family_migration', 'languages', 'protection'],
      message: 'Presa in carico etnoclinica del minore.',
      parentCaseId: caseId,
    });
    await ok('operatrice', 'POST', `/api/referrals/${referral.id}/send`, {});
    const { caseId: etnoCase } = await ok<{ caseId: string }>(
      'responsabile',
      'POST',
      `/api/referrals/${referral.id}/accept`,
    );
    const [order] = await ok<{ id: string }[]>('operatrice', 'POST', `/api/cases/${caseId}/court-orders`, {
      court: 'Tribunale per i Minorenni di Brescia',
      docketNumber: 'VG 55/2026',
      kind: 'prescriptions',
      decidedOn: '2026-03-01',
    });
    const asked = await ok<TTransfer>('operatrice', 'POST', `/api/cases/${caseId}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'court_order',
      orderId: order!.id,
      reason: REASON,
    });
    const closing = await call('operatrice', 'POST', `/api/cases/${caseId}/closure`, {
      outcome: 'moved_away',
      reason: 'La famiglia si è trasferita a Romano.',
    });
    expect(closing.statusCode).toBe(409);
    await ok('operatore.romano', 'POST', `/api/transfers/${asked.id}/accept`);
    // The ethnoclinical case's referrer is now Romano's lead; Treviglio no longer follows it.
    expect((await ok<TCase>('operatore.romano', 'GET', `/api/cases/${etnoCase}`)).access).toBe('referrer');
    expect((await call('operatrice', 'GET', `/api/cases/${etnoCase}`)).statusCode).toBe(404);
    expect((await call('operatrice', 'GET', `/api/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await ok<{ id: string }>('operatore.romano', 'GET', `/api/referrals/${referral.id}`)).id).toBe(
      referral.id,
    );
  });

  it('refuse the acceptance when the basis no longer holds', async () => {
    await registerFamily();
    const caseId = await openOwnCase();
    const consentId = await consentToRomano();
    const asked = await ok<TTransfer>('operatrice', 'POST', `/api/cases/${caseId}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId,
      reason: REASON,
    });
    await ok('operatrice', 'POST', `/api/consents/${consentId}/revoke`, {
      reason: 'La madre ha revocato il consenso',
    });
    const refused = await call('operatore.romano', 'POST', `/api/transfers/${asked.id}/accept`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().localized.en.detail).toContain('consent revoked or expired');
    expect((await ok<TCase>('operatrice', 'GET', `/api/cases/${caseId}`)).serviceName).toContain('Treviglio');
  });
});

describe('what a transfer cannot do', () => {
  it('refuse a consent basis that leaves a person of the case without consent to the receiving service', async () => {
    await registerFamily();
    await ok('operatrice', 'POST', `/api/people/${ids.mother}/consents`, {
      ...minorConsent(ids.tmTreviglio!),
      givenBy: 'self',
      representativeName: undefined,
    });
    const { caseId } = await ok<{ caseId: string }>('operatrice', 'POST', '/api/cases', {
      householdId: ids.household,
      personIds: [ids.mother, ids.child],
      origin: 'report',
      reporterKind: 'health_service',
      receivedOn: '2026-02-01',
      urgency: 'routine',
      summary: 'Segnalazione del consultorio per la madre e il figlio',
    });
    const consentId = await consentToRomano({ only: 'child' });
    const res = await call('operatrice', 'POST', `/api/cases/${caseId}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId,
      reason: REASON,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toMatchObject([{ field: 'consentId', code: 'not_everyone' }]);
  });

  it('refuse the acceptance by someone locked out of a person of the case; the case stays where it was', async () => {
    await registerFamily();
    const caseId = await openOwnCase();
    const consentId = await consentToRomano();
    await ok('operatrice', 'POST', `/api/people/${ids.child}/exclusions`, {
      userId: await t.userId('operatore.romano'),
      reason: 'relative',
    });
    const asked = await ok<TTransfer>('operatrice', 'POST', `/api/cases/${caseId}/transfers`, {
      toServiceId: ids.tmRomano,
      basis: 'consent',
      consentId,
      reason: REASON,
    });
    const locked = await call('operatore.romano', 'POST', `/api/transfers/${asked.id}/accept`);
    expect(locked.statusCode).toBe(403);
    expect((await ok<TCase>('operatrice', 'GET', `/api/cases/${caseId}`)).transfer).toMatchObject({
      id: asked.id,
      status: 'requested',
    });
  });
});
