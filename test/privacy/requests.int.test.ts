import { describe, expect, it } from 'vitest';
import type { THousehold } from '../../src/contracts/households.js';
import type { TRequest } from '../../src/contracts/privacy-requests.js';
import { REQUEST_REMINDERS_JOB } from '../../src/server/modules/privacy/privacy-request-reminders.job.js';
import { casesTestKit, child, mother } from '../cases/support.js';
import { pdfText } from '../harness/pdf-text.js';

/**
 * Data subjects' requests (issue 23, item 3): the DPO records who asked what and how their identity
 * was checked; the month to answer runs from the day received, extendable by two months at most;
 * for access, the person's copy lists what is held, the exclusions for the DPO to review and who
 * consulted the records, by service and role. No one but the DPO reads a request.
 */
const { t, as, ids, call, ok, fields, registerFamily, recordMotherSafety, openCaseFor } = casesTestKit();

/** The first day of the month `offset` months from now's. */
const firstOfMonth = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
};
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const request = (household: THousehold, extra: object = {}) => ({
  kind: 'access',
  householdCode: household.code,
  givenName: 'fatima',
  familyName: 'ZAHRA',
  identityCheck: 'Carta d’identità esibita allo sportello, verificata dall’assistente sociale.',
  receivedOn: '2026-11-02',
  ...extra,
});

describe('data subjects’ requests', () => {
  it('records an access request with its deadline and makes the person’s copy with exclusions and accesses', async () => {
    const household = await registerFamily();
    await recordMotherSafety();
    const { caseId } = await openCaseFor([ids.mother!, ids.child!]);
    await ok('responsabile', 'GET', `/api/cases/${caseId}`);

    const created = await ok<TRequest>('dpo', 'POST', '/api/privacy/requests', request(household));
    expect(created).toMatchObject({
      kind: 'access',
      householdCode: household.code,
      subjectName: 'Fatima Zahra',
      dueOn: '2026-12-02',
      status: 'open',
    });

    const res = await call('dpo', 'GET', `/api/privacy/requests/${created.id}/access-copy`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Dati personali di Fatima Zahra');
    expect(text).toContain('Cittadinanza: Marocco');
    expect(text).toContain('Genere: donna o ragazza');
    expect(text).toContain('accettato');
    // The person's copy never names what it leaves out, nor holds the safety details or other people.
    expect(text).not.toContain('Esclusioni');
    expect(text).not.toContain('contatto sicuro');
    expect(text).not.toContain('Via Sicura');
    expect(text).not.toContain('Mario');
    // The DPO's own file lists the exclusions to review: the child and the father, the safe contacts.
    const review = await call('dpo', 'GET', `/api/privacy/requests/${created.id}/access-copy?part=review`);
    expect(review.headers['content-disposition']).toContain('esclusioni-da-verificare-2026-11-02.pdf');
    const withheld = pdfText(review.rawPayload);
    expect(withheld).toContain('Esclusioni da verificare dal DPO');
    expect(withheld).toContain('da non consegnare');
    expect(withheld).toMatch(/Dati di 2 altri componenti del nucleo .*art\. 15, par\. 4/);
    expect(withheld).toContain('Recapiti e regole di contatto sicuro');
    // Who consulted: the case read by the team, named by service and role, not by the operator.
    expect(text).toContain('Chi ha consultato i dati');
    expect(text).toContain('Équipe etnoclinica, clinico: Caso consultato');
    expect(text).not.toContain('responsabile');
  });

  it('refuses a person not in the household, a future day, and an extension past two months', async () => {
    const household = await registerFamily();
    const missing = await call(
      'dpo',
      'POST',
      '/api/privacy/requests',
      request(household, { givenName: 'Aisha' }),
    );
    expect(missing.statusCode).toBe(400);
    expect(fields(missing)).toEqual(['householdCode']);
    const future = await call(
      'dpo',
      'POST',
      '/api/privacy/requests',
      request(household, { receivedOn: '2099-01-01' }),
    );
    expect(fields(future)).toEqual(['receivedOn']);
    // Two people of one household with the same name: the birth year tells them apart.
    const khan = await ok<THousehold>('operatrice', 'POST', '/api/households', {
      municipality: '016219',
      members: [
        {
          ...mother,
          givenName: 'Ali',
          familyName: 'Khan',
          gender: 'male',
          caseRole: 'other',
          birthYear: 1980,
        },
        { ...child, givenName: 'Ali', familyName: 'Khan', birthYear: 2012 },
      ],
      acknowledgeDuplicates: true,
    });
    const ambiguous = await call('dpo', 'POST', '/api/privacy/requests', {
      ...request(khan, { givenName: 'Ali', familyName: 'Khan' }),
    });
    expect(fields(ambiguous)).toEqual(['birthYear']);
    const son = await ok<TRequest>('dpo', 'POST', '/api/privacy/requests', {
      ...request(khan, { givenName: 'Ali', familyName: 'Khan', birthYear: 2012 }),
    });
    expect(son.subjectName).toBe('Ali Khan');

    // One month from 31 January is the last day of February; past it, no extension any more.
    const old = await ok<TRequest>(
      'dpo',
      'POST',
      '/api/privacy/requests',
      request(household, { kind: 'rectification', receivedOn: '2026-01-31' }),
    );
    expect(old).toMatchObject({ dueOn: '2026-02-28', overdue: true });
    const late = await call('dpo', 'POST', `/api/privacy/requests/${old.id}/extension`, {
      extendedTo: '2026-04-28',
      reason: 'Richiesta complessa',
    });
    expect(fields(late)).toEqual(['extendedTo']);

    // Received on the 1st of this month: due on the 1st of the next, extendable to two months later.
    const created = await ok<TRequest>(
      'dpo',
      'POST',
      '/api/privacy/requests',
      request(household, { kind: 'rectification', receivedOn: firstOfMonth(0) }),
    );
    expect(created.dueOn).toBe(firstOfMonth(1));
    const tooLong = await call('dpo', 'POST', `/api/privacy/requests/${created.id}/extension`, {
      extendedTo: `${firstOfMonth(3).slice(0, 8)}02`,
      reason: 'Richiesta complessa',
    });
    expect(fields(tooLong)).toEqual(['extendedTo']);
    const extended = await ok<TRequest>('dpo', 'POST', `/api/privacy/requests/${created.id}/extension`, {
      extendedTo: firstOfMonth(3),
      reason: 'Dati in tre servizi diversi',
    });
    expect(extended).toMatchObject({
      extendedTo: firstOfMonth(3),
      extensionReason: 'Dati in tre servizi diversi',
    });
    const twice = await call('dpo', 'POST', `/api/privacy/requests/${created.id}/extension`, {
      extendedTo: firstOfMonth(2),
      reason: 'Ancora',
    });
    expect(twice.statusCode).toBe(409);
    // A copy is for access requests only.
    expect((await call('dpo', 'GET', `/api/privacy/requests/${created.id}/access-copy`)).statusCode).toBe(
      409,
    );

    await ok('dpo', 'POST', `/api/privacy/requests/${created.id}/answer`, {
      status: 'answered',
      outcome: 'Data di nascita corretta dal servizio.',
    });
    const again = await call('dpo', 'POST', `/api/privacy/requests/${created.id}/answer`, {
      status: 'refused',
      outcome: 'x',
    });
    expect(again.statusCode).toBe(409);
    const list = await ok<TRequest[]>('dpo', 'GET', '/api/privacy/requests');
    expect(list.find((r) => r.id === created.id)).toMatchObject({ status: 'answered', overdue: false });
  });

  it('is the DPO’s only: the admin, the team and the service cannot list, read or make a copy', async () => {
    const household = await registerFamily();
    const created = await ok<TRequest>('dpo', 'POST', '/api/privacy/requests', request(household));
    as.admin ??= await t.signIn('admin');
    for (const who of ['admin', 'operatrice', 'responsabile', 'coordinatrice']) {
      expect((await call(who, 'GET', '/api/privacy/requests')).statusCode).toBe(403);
      expect((await call(who, 'POST', '/api/privacy/requests', request(household))).statusCode).toBe(403);
      expect((await call(who, 'GET', `/api/privacy/requests/${created.id}/access-copy`)).statusCode).toBe(
        403,
      );
    }
    const trail = await ok<{ items: { action: string; recordId: string | null }[] }>(
      'dpo',
      'GET',
      `/api/audit/events?recordType=privacy_request&recordId=${created.id}`,
    );
    expect(trail.items.map((e) => e.action)).toContain('privacy.request_recorded');
  });

  it('reminds the DPO by e-mail a week before the deadline and once past it, never naming the person', async () => {
    const household = await registerFamily();
    // Received 26 days ago: the month ends within the week.
    const soon = await ok<TRequest>(
      'dpo',
      'POST',
      '/api/privacy/requests',
      request(household, { receivedOn: daysAgo(26) }),
    );
    const late = await ok<TRequest>(
      'dpo',
      'POST',
      '/api/privacy/requests',
      request(household, { receivedOn: daysAgo(40) }),
    );
    const fresh = await ok<TRequest>(
      'dpo',
      'POST',
      '/api/privacy/requests',
      request(household, { receivedOn: daysAgo(1) }),
    );
    // A mail names the request by the day it was received (never the person).
    const about = (r: TRequest, from: number) =>
      t.mails
        .slice(from)
        .filter((m) => m.text.includes(`ricevuta il ${r.receivedOn.split('-').reverse().join('/')}`));
    const before = t.mails.length;
    await t.deps.jobs.enqueueNow(REQUEST_REMINDERS_JOB, {});
    await t.runJobs();
    expect(about(soon, before).some((m) => m.subject.includes('in scadenza'))).toBe(true);
    expect(about(late, before).some((m) => m.subject.includes('oltre la scadenza'))).toBe(true);
    expect(about(fresh, before)).toEqual([]);
    expect(t.mails.slice(before).every((m) => !/Fatima|Zahra/.test(m.text + m.subject))).toBe(true);
    // Run again: nothing twice. Extended, the soon one is reminded again before its new deadline.
    const after = t.mails.length;
    await t.deps.jobs.enqueueNow(REQUEST_REMINDERS_JOB, {});
    await t.runJobs();
    expect(about(soon, after)).toEqual([]);
    expect(about(late, after)).toEqual([]);
    await ok('dpo', 'POST', `/api/privacy/requests/${soon.id}/extension`, {
      extendedTo: daysAgo(-6),
      reason: 'Dati in archivio cartaceo',
    });
    await t.deps.jobs.enqueueNow(REQUEST_REMINDERS_JOB, {});
    await t.runJobs();
    expect(about(late, after)).toEqual([]);
    expect(about(soon, after).map((m) => m.subject)).toEqual([
      'Richiesta di un interessato in scadenza / A data subject’s request is due soon',
    ]);
  });
});
