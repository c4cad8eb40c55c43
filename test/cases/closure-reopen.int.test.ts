import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TCase } from '../../src/contracts/cases.js';
import type { THome } from '../../src/contracts/home.js';
import { casesTestKit, minorConsent } from './support.js';

/**
 * Closing and reopening (issue 15, item 7): the practice's closure reasons (where a transferred
 * case went, an after-care date), a supervisor who refuses a closure request or sends it back, a
 * closed case reopened with its reason, the status history and the timeline. The Treviglio
 * practitioner's own case is supervised by the coordinator of her organisation.
 */
const { ids, call, ok, fields, system, registerFamily, openCaseFor } = casesTestKit();

const OUTSIDERS = ['operatore.romano', 'responsabile', 'clinica', 'supervisora'];
const WITHOUT_CASES = ['mediatrice', 'ricercatrice', 'dpo'];

/** A date `days` from today (negative: in the past), as the after-care date is written. */
const inDays = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

async function openOwnCase(extra: object = {}) {
  const { caseId } = await ok<{ caseId: string }>('operatrice', 'POST', '/api/cases', {
    householdId: ids.household,
    personIds: [ids.child],
    origin: 'report',
    reporterKind: 'school',
    receivedOn: '2026-01-15',
    urgency: 'priority',
    summary: 'Segnalazione della scuola: assenze ripetute e segni di trascuratezza',
    ...extra,
  });
  return caseId;
}

/** What each role gets for the same request, by username. */
async function statusesOf(who: string[], method: 'POST', url: string, body: object) {
  const out: Record<string, number> = {};
  for (const u of who) out[u] = (await call(u, method, url, body)).statusCode;
  return out;
}
const all = (users: string[], status: number) => Object.fromEntries(users.map((u) => [u, status]));
const afterCare = async (who: string) =>
  (await ok<THome>(who, 'GET', '/api/home')).attention.find((i) => i.kind === 'after_care_due')?.count ?? 0;

beforeAll(async () => {
  await registerFamily();
  ids.case = await openOwnCase();
});

describe('asking to close', () => {
  it('need where a transferred case went, only for a transfer, and an after-care date not in the past', async () => {
    const url = `/api/cases/${ids.case}/closure`;
    const reason = 'Obiettivi del progetto raggiunti';
    const missing = await call('operatrice', 'POST', url, { outcome: 'transferred', reason });
    expect(missing.statusCode).toBe(400);
    expect(fields(missing)).toEqual(['transferredTo']);
    const notTransfer = await call('operatrice', 'POST', url, {
      outcome: 'goals_reached',
      reason,
      transferredTo: 'Ambito di Dalmine',
    });
    expect(fields(notTransfer)).toEqual(['transferredTo']);
    const past = await call('operatrice', 'POST', url, {
      outcome: 'goals_reached',
      reason,
      afterCareOn: inDays(-2),
    });
    expect(past.statusCode).toBe(400);
    expect(fields(past)).toEqual(['afterCareOn']);
    const unknown = await call('operatrice', 'POST', url, { outcome: 'finished', reason });
    expect(fields(unknown)).toEqual(['outcome']);
    expect((await ok<TCase>('operatrice', 'GET', `/api/cases/${ids.case}`)).status).toBe('open');
  });

  it('let only the lead ask; every other role gets 403 or 404', async () => {
    const body = { outcome: 'came_of_age', reason: 'Il ragazzo è diventato maggiorenne' };
    const url = `/api/cases/${ids.case}/closure`;
    expect(await statusesOf([...OUTSIDERS, ...WITHOUT_CASES, 'coordinatrice'], 'POST', url, body)).toEqual({
      ...all(['operatore.romano', 'responsabile', 'clinica'], 404),
      ...all(['supervisora', ...WITHOUT_CASES, 'coordinatrice'], 403),
    });
  });

  it('record the request with where it went and the after-care date, in the history', async () => {
    const closing = await ok<TCase>('operatrice', 'POST', `/api/cases/${ids.case}/closure`, {
      outcome: 'transferred',
      reason: 'Il nucleo segue ora un servizio di Dalmine',
      transferredTo: 'Servizio sociale dell’Ambito di Dalmine',
      afterCareOn: inDays(30),
    });
    expect(closing).toMatchObject({
      status: 'closing',
      closure: {
        outcome: 'transferred',
        transferredTo: 'Servizio sociale dell’Ambito di Dalmine',
        afterCareOn: inDays(30),
      },
    });
    expect(closing.statusHistory).toMatchObject([
      {
        kind: 'closure_requested',
        reason: 'Il nucleo segue ora un servizio di Dalmine',
        by: 'Paola Operatrice',
      },
    ]);
  });
});

describe('the supervisor’s answer', () => {
  it('let only the coordinator supervising the service refuse: the case is open again, the request gone', async () => {
    const url = `/api/cases/${ids.case}/closure/decision`;
    const body = { decision: 'refuse', reason: 'Il trasferimento non è ancora avvenuto: resta aperto' };
    expect(await statusesOf(['operatrice', ...OUTSIDERS, ...WITHOUT_CASES], 'POST', url, body)).toEqual({
      ...all(['operatrice', ...WITHOUT_CASES, 'responsabile', 'clinica', 'operatore.romano'], 403),
      supervisora: 404,
    });
    const refused = await ok<TCase>('coordinatrice', 'POST', url, body);
    expect(refused).toMatchObject({
      status: 'open',
      access: 'supervisor',
      closure: { outcome: null, requestedAt: null, transferredTo: null, afterCareOn: null },
    });
    expect(refused.statusHistory?.map((h) => [h.kind, h.reason])).toEqual([
      ['closure_requested', 'Il nucleo segue ora un servizio di Dalmine'],
      ['closure_refused', body.reason],
    ]);
    expect((await call('coordinatrice', 'POST', url, body)).statusCode).toBe(409);
    expect((await call('coordinatrice', 'POST', `/api/cases/${ids.case}/closure/approve`)).statusCode).toBe(
      409,
    );
  });

  it('send a request back with comments; the lead asks again and the coordinator approves', async () => {
    await ok('operatrice', 'POST', `/api/cases/${ids.case}/closure`, {
      outcome: 'goals_reached',
      reason: 'Obiettivi del progetto raggiunti',
    });
    const returned = await ok<TCase>('coordinatrice', 'POST', `/api/cases/${ids.case}/closure/decision`, {
      decision: 'return',
      reason: 'Indica quali obiettivi e fissa una data di follow-up',
    });
    expect(returned.status).toBe('open');
    expect(returned.statusHistory?.at(-1)).toMatchObject({
      kind: 'closure_returned',
      reason: 'Indica quali obiettivi e fissa una data di follow-up',
      by: 'Carla Coordinatrice',
    });
    const lead = await ok<TCase>('operatrice', 'GET', `/api/cases/${ids.case}`);
    expect(lead.can.lead).toBe(true);
    expect(lead.closure.requestedAt).toBeNull();

    const before = await afterCare('operatrice');
    await ok('operatrice', 'POST', `/api/cases/${ids.case}/closure`, {
      outcome: 'goals_reached',
      reason: 'Frequenza scolastica regolare, rete familiare attiva',
      afterCareOn: inDays(7),
    });
    expect(await afterCare('operatrice')).toBe(before);
    const closed = await ok<TCase>('coordinatrice', 'POST', `/api/cases/${ids.case}/closure/approve`);
    expect(closed).toMatchObject({
      status: 'closed',
      closure: { outcome: 'goals_reached', afterCareOn: inDays(7) },
    });
    expect(closed.statusHistory?.map((h) => h.kind)).toEqual([
      'closure_requested',
      'closure_refused',
      'closure_requested',
      'closure_returned',
      'closure_requested',
      'closed',
    ]);
    // The outcome shows on the current closure's events only.
    const timeline = await ok<{ kind: string; detail: string | null }[]>(
      'coordinatrice',
      'GET',
      `/api/cases/${ids.case}/timeline`,
    );
    expect(timeline.filter((e) => e.kind.startsWith('clos')).map((e) => [e.kind, e.detail])).toEqual([
      ['closure_requested', null],
      ['closure_refused', null],
      ['closure_requested', null],
      ['closure_returned', null],
      ['closure_requested', 'goals_reached'],
      ['closed', 'goals_reached'],
    ]);
    // The after-care date is a week away: it waits on the lead's Home, not on others'.
    expect(await afterCare('operatrice')).toBe(before + 1);
    expect(await afterCare('operatore.romano')).toBe(0);
    expect(
      await system(sql`select action from audit_events where record_id = ${ids.case}
        and action in ('case.closure_refused', 'case.closure_returned', 'case.closed') order by occurred_at`),
    ).toEqual([
      { action: 'case.closure_refused' },
      { action: 'case.closure_returned' },
      { action: 'case.closed' },
    ]);
  });
});

describe('reopening', () => {
  it('let only the lead or the supervising coordinator reopen a closed case', async () => {
    const url = `/api/cases/${ids.case}/reopen`;
    const body = { reason: 'La scuola segnala nuove assenze' };
    expect(await statusesOf([...OUTSIDERS, ...WITHOUT_CASES], 'POST', url, body)).toEqual({
      ...all(['operatore.romano', 'responsabile', 'clinica', 'supervisora'], 404),
      ...all(WITHOUT_CASES, 403),
    });
    expect((await call('operatrice', 'POST', url, { reason: 'corto' })).statusCode).toBe(400);
    const lead = await ok<TCase>('operatrice', 'GET', `/api/cases/${ids.case}`);
    expect(lead.can).toMatchObject({ reopen: true, edit: false });
    expect((await ok<TCase>('coordinatrice', 'GET', `/api/cases/${ids.case}`)).can.reopen).toBe(true);
  });

  it('reopen with its reason: open again and usable, the referral accepted, the history and timeline kept', async () => {
    const before = await afterCare('operatrice');
    const reopened = await ok<TCase>('operatrice', 'POST', `/api/cases/${ids.case}/reopen`, {
      reason: 'La scuola segnala nuove assenze',
    });
    expect(reopened).toMatchObject({
      status: 'open',
      closure: { outcome: null, requestedAt: null, closedAt: null, afterCareOn: null, transferredTo: null },
      can: { edit: true, lead: true, reopen: false },
    });
    expect(reopened.statusHistory?.at(-1)).toMatchObject({
      kind: 'reopened',
      reason: 'La scuola segnala nuove assenze',
    });
    expect(await afterCare('operatrice')).toBe(before - 1);
    const [referral] = await system(
      sql`select r.status, r.closed_at from referrals r join cases c on c.referral_id = r.id where c.id = ${ids.case}`,
    );
    expect(referral).toEqual({ status: 'accepted', closed_at: null });
    // Usable again: the file is written, a session recorded.
    await ok('operatrice', 'PUT', `/api/cases/${ids.case}/intake`, {
      receivedOn: '2026-01-15',
      presentingProblem: 'Nuove assenze segnalate dopo la chiusura',
    });
    await ok('operatrice', 'POST', `/api/cases/${ids.case}/sessions`, {
      kind: 'home_visit',
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      durationMinutes: 60,
      place: 'home',
    });
    expect(
      (await call('operatrice', 'POST', `/api/cases/${ids.case}/reopen`, { reason: 'Di nuovo, per errore' }))
        .statusCode,
    ).toBe(409);
    const timeline = await ok<{ kind: string; detail: string | null }[]>(
      'operatrice',
      'GET',
      `/api/cases/${ids.case}/timeline`,
    );
    expect(timeline.map((e) => e.kind).filter((k) => k !== 'session')).toEqual([
      'referral_sent',
      'accepted',
      'closure_requested',
      'closure_refused',
      'closure_requested',
      'closure_returned',
      'closure_requested',
      'closed',
      'reopened',
    ]);
    expect(
      await system(
        sql`select count(*)::int as n from audit_events where record_id = ${ids.case} and action = 'case.reopened'`,
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('let the supervising coordinator reopen too', async () => {
    await ok('operatrice', 'POST', `/api/cases/${ids.case}/closure`, {
      outcome: 'family_withdrew',
      reason: 'La famiglia ha interrotto il percorso',
    });
    await ok('coordinatrice', 'POST', `/api/cases/${ids.case}/closure/approve`);
    const reopened = await ok<TCase>('coordinatrice', 'POST', `/api/cases/${ids.case}/reopen`, {
      reason: 'Il tribunale chiede di riprendere il percorso',
    });
    expect(reopened).toMatchObject({ status: 'open', access: 'supervisor' });
  });

  it('refuse to reopen a case whose consent was revoked since it closed', async () => {
    await registerFamily();
    await ok('operatrice', 'POST', `/api/people/${ids.child}/consents`, minorConsent(ids.tmTreviglio!));
    const caseId = await openOwnCase({ origin: 'family_request', reporterKind: null });
    await ok('operatrice', 'POST', `/api/cases/${caseId}/closure`, {
      outcome: 'goals_reached',
      reason: 'Obiettivi raggiunti con la famiglia',
    });
    await ok('coordinatrice', 'POST', `/api/cases/${caseId}/closure/approve`);
    const [consent] = (await system(
      sql`select id from consents where person_id = ${ids.child} and revoked_at is null`,
    )) as { id: string }[];
    await ok('operatrice', 'POST', `/api/consents/${consent!.id}/revoke`, {
      reason: 'La madre revoca il consenso',
    });
    const refused = await call('operatrice', 'POST', `/api/cases/${caseId}/reopen`, {
      reason: 'La famiglia chiede di nuovo aiuto',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().type).toBe('urn:trama:problem:basis-lapsed');
    expect((await ok<TCase>('operatrice', 'GET', `/api/cases/${caseId}`)).status).toBe('closed');
  });
});

describe('what the referrer sees', () => {
  it('show the referrer the status and outcome, none of the reasons, the history or the after-care date', async () => {
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!], ids.etno!, 'responsabile');
    await ok('responsabile', 'POST', `/api/cases/${caseId}/closure`, {
      outcome: 'moved_away',
      reason: 'La signora si è trasferita in un’altra regione',
      afterCareOn: inDays(20),
    });
    await ok('supervisora', 'POST', `/api/cases/${caseId}/closure/decision`, {
      decision: 'return',
      reason: 'Aggiungi il servizio che la segue ora',
    });
    const referrer = await ok<TCase>('operatrice', 'GET', `/api/cases/${caseId}`);
    expect(referrer.access).toBe('referrer');
    expect(referrer.statusHistory).toBeUndefined();
    expect(referrer.transfer).toBeUndefined();
    expect(referrer.closure).not.toHaveProperty('afterCareOn');
    expect(referrer.closure).not.toHaveProperty('transferredTo');
    expect(JSON.stringify(referrer)).not.toContain('Aggiungi il servizio');
    expect((await call('operatrice', 'GET', `/api/cases/${caseId}/timeline`)).statusCode).toBe(403);
    expect(
      (await call('operatrice', 'POST', `/api/cases/${caseId}/reopen`, { reason: 'Vorrei riaprire il caso' }))
        .statusCode,
    ).toBe(403);
  });
});
