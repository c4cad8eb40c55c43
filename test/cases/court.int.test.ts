import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TCase } from '../../src/contracts/cases.js';
import type { THome } from '../../src/contracts/home.js';
import type { TReferral, TReferralListItem } from '../../src/contracts/referrals.js';
import type { TCourtOrder, TCourtReport, TDeadline } from '../../src/contracts/tutela.js';
import { COURT_ESCALATION_JOB_NAME } from '../../src/server/modules/cases/court-escalation.js';
import type { PrintedOrder } from '../../src/server/modules/cases/court-report-pdf.js';
import { casesTestKit, consentFor, minorConsent } from './support.js';

/** What each printed report was drawn from: the PDF's text is not searchable (embedded glyphs). */
const printed = vi.hoisted(() => [] as { order: PrintedOrder }[]);
vi.mock('../../src/server/modules/cases/court-report-pdf.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/server/modules/cases/court-report-pdf.js')>();
  return {
    ...real,
    courtReportPdf: (args: Parameters<typeof real.courtReportPdf>[0]) => {
      printed.push({ order: args.order });
      return real.courtReportPdf(args);
    },
  };
});

/**
 * Tutela Minori's own cases and the court (issue 15): opening a case without a referral, court
 * orders and the deadlines they set, reports drafted, approved and sent, and who reaches each.
 */
const { t, as, ids, call, ok, fields, system, registerFamily, openOwnCase } = casesTestKit();

/** A browser form with one file in the field `file`. */
function multipart(name: string, type: string, text: string) {
  const boundary = '----tramaCourtReport';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(text), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const decree = {
  court: 'Tribunale per i Minorenni di Brescia',
  docketNumber: 'VG 1234/2026',
  kind: 'placement_5bis',
  decidedOn: '2026-01-31',
  livingArrangement: 'foster_family',
  provisions: 'Incontri protetti con la madre ogni quindici giorni.',
  durationMonths: 24,
  tutore: 'Avv. Laura Bianchi',
  addressProtected: true,
};
const byKind = (order: TCourtOrder) => Object.fromEntries(order.deadlines.map((d) => [d.kind, d]));

beforeAll(async () => {
  await registerFamily();
  ids.case = (await openOwnCase([ids.child!])).caseId;
});

describe('a case opened by the service with the mandate', () => {
  it('opens from a school report, as the practitioner’s own case, outside the referral lists', async () => {
    const c = await ok<TCase>('operatrice', 'GET', `/api/cases/${ids.case}`);
    expect(c.access).toBe('clinical');
    expect(c.referral.origin).toBe('report');
    expect(c.referral.reporterKind).toBe('school');
    expect(c.team?.map((m) => m.teamRole)).toEqual(['lead']);
    expect(c.file?.intake?.presentingProblem).toMatch(/scuola/);
    const sent = await ok<{ items: TReferralListItem[] }>('operatrice', 'GET', '/api/referrals?box=sent');
    const received = await ok<{ items: TReferralListItem[] }>(
      'operatrice',
      'GET',
      '/api/referrals?box=received',
    );
    expect([...sent.items, ...received.items].some((r) => r.id === c.referral.id)).toBe(false);
    const [audit] = await system(
      sql`select details from audit_events where action = 'case.opened_by_service' and record_id = ${ids.case}`,
    );
    expect(audit).toBeTruthy();
  });

  it('refuses a service without the mandate, a report without its reporter, a family request without consent', async () => {
    await registerFamily();
    const base = {
      householdId: ids.household,
      personIds: [ids.child],
      origin: 'report',
      reporterKind: 'school',
      receivedOn: '2026-10-01',
      urgency: 'routine',
      summary: 'Segnalazione della scuola primaria.',
    };
    // The ethnoclinical team has no mandate of its own: it is referred to.
    expect((await call('responsabile', 'POST', '/api/cases', base)).statusCode).toBe(403);
    const noReporter = await call('operatrice', 'POST', '/api/cases', { ...base, reporterKind: null });
    expect(noReporter.statusCode).toBe(400);
    expect(fields(noReporter)).toEqual(['reporterKind']);
    const future = await call('operatrice', 'POST', '/api/cases', { ...base, receivedOn: '2099-01-01' });
    expect(fields(future)).toEqual(['receivedOn']);
    // Today in Rome is never the future, whatever the hour; a summary keeps its paragraphs.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    const todays = await ok<{ caseId: string }>('operatrice', 'POST', '/api/cases', {
      ...base,
      receivedOn: today,
      summary: 'Prima riga della segnalazione.\nSeconda riga, dopo un a capo.',
    });
    const fresh = await ok<TCase>('operatrice', 'GET', `/api/cases/${todays.caseId}`);
    expect(fresh.file?.intake?.presentingProblem).toContain('\n');
    // Never waiting for acceptance: no such number for a case the service opened itself.
    expect(fresh.indicators.daysToAcceptance).toBeNull();
    const both = await call('operatrice', 'POST', '/api/cases', {
      ...base,
      personIds: [ids.child, ids.father],
    });
    expect(fields(both)).toEqual(['personIds']);
    const request = { ...base, origin: 'family_request', reporterKind: null };
    const noConsent = await call('operatrice', 'POST', '/api/cases', request);
    expect(noConsent.statusCode).toBe(422);
    expect(fields(noConsent)).toEqual(['personIds']);
    await ok('operatrice', 'POST', `/api/people/${ids.child}/consents`, minorConsent(ids.tmTreviglio!));
    const opened = await ok<{ caseId: string }>('operatrice', 'POST', '/api/cases', request);
    const c = await ok<TCase>('operatrice', 'GET', `/api/cases/${opened.caseId}`);
    expect(c.referral.origin).toBe('family_request');
  });
});

describe('a referral sent from the case', () => {
  it('hangs off the Tutela Minori case, only from its own team and household', async () => {
    const c = await ok<TCase>('operatrice', 'GET', `/api/cases/${ids.case}`);
    const body = {
      householdId: ids.household,
      personIds: [ids.child],
      toServiceId: ids.etno,
      purpose: 'consultation',
      urgency: 'priority',
      sections: ['family_migration'],
      message: 'Chiediamo una consultazione etnoclinica per Omar.',
      parentCaseId: ids.case,
    };
    // The household of the case is the first family registered; ids.household is the latest.
    const other = await call('operatrice', 'POST', '/api/referrals', body);
    expect(fields(other)).toEqual(['parentCaseId']);
    const [first] = (await system(
      sql`select r.household_id, rp.person_id from referrals r join referral_people rp on rp.referral_id = r.id
          where r.id = ${c.referral.id}`,
    )) as [{ household_id: string; person_id: string }];
    const sent = await ok<TReferral>('operatrice', 'POST', '/api/referrals', {
      ...body,
      householdId: first.household_id,
      personIds: [first.person_id],
    });
    expect(sent.parentCaseId).toBe(ids.case);
    const withIt = await ok<TCase>('operatrice', 'GET', `/api/cases/${ids.case}`);
    expect(withIt.sentReferrals?.map((r) => [r.id, r.status])).toEqual([[sent.id, 'draft']]);
    const notMine = await call('operatore.romano', 'POST', '/api/referrals', {
      ...body,
      parentCaseId: ids.case,
    });
    expect(notMine.statusCode).toBe(400);
  });
});

describe('court orders and their deadlines', () => {
  it('refuses an order without a court or a date, and a 5-bis placement beyond 24 months', async () => {
    const missing = await call('operatrice', 'POST', `/api/cases/${ids.case}/court-orders`, {
      ...decree,
      court: undefined,
      decidedOn: undefined,
    });
    expect(missing.statusCode).toBe(400);
    expect(fields(missing).sort()).toEqual(['court', 'decidedOn']);
    const long = await call('operatrice', 'POST', `/api/cases/${ids.case}/court-orders`, {
      ...decree,
      durationMonths: 30,
    });
    expect(fields(long)).toEqual(['durationMonths']);
    const removal = await call('operatrice', 'POST', `/api/cases/${ids.case}/court-orders`, {
      ...decree,
      kind: 'removal_403',
    });
    expect(fields(removal)).toEqual(['removalAt']);
    const [{ n }] = (await system(
      sql`select count(*)::int as n from court_orders where case_id = ${ids.case}`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('derives the 5-bis deadlines: worker in 15 days, a report in six months, the end in 24', async () => {
    const [order] = await ok<TCourtOrder[]>(
      'operatrice',
      'POST',
      `/api/cases/${ids.case}/court-orders`,
      decree,
    );
    ids.order = order!.id;
    const d = byKind(order!);
    expect(d.responsible_worker!.dueAt).toBe('2026-02-15T22:59:59.999Z');
    expect(d.report!.dueAt).toBe('2026-07-31T21:59:59.999Z');
    expect(d.expiry!.dueAt).toBe('2028-01-31T22:59:59.999Z');
    expect(order!.endsOn).toBe('2028-01-31');
    // Today is after both: the worker and the first report are late.
    expect(d.responsible_worker!.late).toBe(true);
    expect(d.report!.late).toBe(true);
    expect(d.expiry!.late).toBe(false);
    expect(order!.details?.tutore).toBe('Avv. Laura Bianchi');
  });

  it('never moves a deadline silently: a change needs a reason and supersedes what it moves', async () => {
    const noReason = await call('operatrice', 'PATCH', `/api/cases/${ids.case}/court-orders/${ids.order}`, {
      decidedOn: '2026-02-10',
    });
    expect(fields(noReason)).toEqual(['reason']);
    const [order] = await ok<TCourtOrder[]>(
      'operatrice',
      'PATCH',
      `/api/cases/${ids.case}/court-orders/${ids.order}`,
      {
        decidedOn: '2026-02-10',
        reason: 'Il decreto è stato depositato il 10 febbraio, non il 31 gennaio.',
      },
    );
    expect(byKind(order!).report!.dueAt).toBe('2026-08-10T21:59:59.999Z');
    expect(order!.changes).toHaveLength(1);
    expect(order!.changes[0]!.fields).toEqual(['decidedOn']);
    const superseded = await system(
      sql`select kind, superseded_by from court_deadlines where order_id = ${ids.order} and superseded_at is not null order by kind`,
    );
    expect(superseded.map((r) => (r as { kind: string }).kind)).toEqual([
      'expiry',
      'report',
      'responsible_worker',
    ]);
    expect(superseded.every((r) => (r as { superseded_by: string | null }).superseded_by)).toBe(true);
    const same = await call('operatrice', 'PATCH', `/api/cases/${ids.case}/court-orders/${ids.order}`, {
      decidedOn: '2026-02-10',
      reason: 'Nessuna modifica in realtà.',
    });
    expect(fields(same)).toEqual(['reason']);
  });

  it('records a met deadline, but a report deadline only by sending the report', async () => {
    const [order] = await ok<TCourtOrder[]>('operatrice', 'GET', `/api/cases/${ids.case}/court-orders`);
    const d = byKind(order!);
    const report = await call(
      'operatrice',
      'POST',
      `/api/cases/${ids.case}/court-deadlines/${d.report!.id}/met`,
      {
        metAt: '2026-03-01T10:00:00+01:00',
      },
    );
    expect(fields(report)).toEqual(['deadlineId']);
    const [after] = await ok<TCourtOrder[]>(
      'operatrice',
      'POST',
      `/api/cases/${ids.case}/court-deadlines/${d.responsible_worker!.id}/met`,
      { metAt: '2026-02-20T10:00:00+01:00' },
    );
    expect(byKind(after!).responsible_worker!.metAt).toBe('2026-02-20T09:00:00.000Z');
    expect(byKind(after!).responsible_worker!.late).toBe(false);
    const twice = await call(
      'operatrice',
      'POST',
      `/api/cases/${ids.case}/court-deadlines/${d.responsible_worker!.id}/met`,
      {
        metAt: '2026-02-21T10:00:00+01:00',
      },
    );
    expect(twice.statusCode).toBe(409);
  });

  it('an art. 403 removal runs on 24, 72 and 48 hours', async () => {
    const [removal] = (
      await ok<TCourtOrder[]>('operatrice', 'POST', `/api/cases/${ids.case}/court-orders`, {
        court: 'Sindaco di Treviglio (art. 403 c.c.)',
        docketNumber: 'Prot. 403/2026',
        kind: 'removal_403',
        decidedOn: '2026-11-20',
        removalAt: '2026-11-20T18:30:00+01:00',
        livingArrangement: 'residential_community',
      })
    ).filter((o) => o.kind === 'removal_403');
    const d = byKind(removal!);
    expect(d.pm_notice!.dueAt).toBe('2026-11-21T17:30:00.000Z');
    expect(d.validation_request!.dueAt).toBe('2026-11-24T17:30:00.000Z');
    expect(d.validation_decision!.dueAt).toBe('2026-11-26T17:30:00.000Z');
  });

  it('shows the deadlines to the team and, once late, escalates them to the coordinator', async () => {
    const home = await ok<THome>('operatrice', 'GET', '/api/home');
    const late = home.attention.find((a) => a.kind === 'court_deadlines_late');
    expect(late?.count).toBeGreaterThanOrEqual(1);
    const coordinator = await ok<THome>('coordinatrice', 'GET', '/api/home');
    expect(
      coordinator.attention.find((a) => a.kind === 'court_deadlines_escalated')?.count,
    ).toBeGreaterThanOrEqual(1);
    const list = await ok<TDeadline[]>('operatrice', 'GET', '/api/court-deadlines');
    expect(list.some((d) => d.caseId === ids.case && d.kind === 'report' && d.late)).toBe(true);
    const supervised = await ok<TDeadline[]>('coordinatrice', 'GET', '/api/court-deadlines?scope=supervised');
    expect(supervised.some((d) => d.caseId === ids.case)).toBe(true);
    // Not on the team, not supervising: nothing.
    expect(await ok<TDeadline[]>('operatore.romano', 'GET', '/api/court-deadlines?scope=supervised')).toEqual(
      [],
    );
    expect(await ok<TDeadline[]>('responsabile', 'GET', '/api/court-deadlines')).toEqual([]);
  });

  it('lets the team and the supervising coordinator read the orders; everyone else gets nothing', async () => {
    expect(
      (await ok<TCourtOrder[]>('coordinatrice', 'GET', `/api/cases/${ids.case}/court-orders`)).length,
    ).toBe(2);
    for (const who of ['responsabile', 'clinica', 'supervisora', 'operatore.romano'])
      expect((await call(who, 'GET', `/api/cases/${ids.case}/court-orders`)).statusCode, who).toBe(404);
    // Their roles reach no case at all.
    for (const who of ['mediatrice', 'ricercatrice', 'dpo'])
      expect((await call(who, 'GET', `/api/cases/${ids.case}/court-orders`)).statusCode, who).toBe(403);
    // A coordinator reads but does not record orders.
    expect(
      (await call('coordinatrice', 'POST', `/api/cases/${ids.case}/court-orders`, decree)).statusCode,
    ).toBe(403);
  });

  it('on a perpetrator’s case shows only the order’s type and dates', async () => {
    // Another family: whoever follows this household's child cannot follow its perpetrator.
    await registerFamily();
    const { caseId } = await openOwnCase([ids.father!], {
      reporterKind: 'police',
      summary: 'Segnalazione dei Carabinieri.',
    });
    const [order] = await ok<TCourtOrder[]>('operatrice', 'POST', `/api/cases/${caseId}/court-orders`, {
      ...decree,
      kind: 'prescriptions',
      reportEveryMonths: 3,
    });
    expect(order!.details).toBeNull();
    expect(order!.decidedOn).toBe('2026-01-31');
    expect(order!.deadlines.map((d) => d.kind).sort()).toEqual(['expiry', 'report']);
  });
});

describe('a deadline that falls late', () => {
  it('is escalated once, by e-mail, to the lead and the coordinators of the service, naming only the case', async () => {
    const code = (await ok<TCase>('operatrice', 'GET', `/api/cases/${ids.case}`)).code;
    const before = t.mails.length;
    await t.deps.jobs.enqueueNow(COURT_ESCALATION_JOB_NAME, {});
    await t.runJobs();
    const sent = t.mails.slice(before).filter((m) => m.subject.includes(code));
    const emails = async (who: string) =>
      ((await system(sql`select email from users where username = ${who}`)) as { email: string }[])[0]!.email;
    const to = new Set(sent.map((m) => m.to));
    expect(to).toContain(await emails('operatrice'));
    expect(to).toContain(await emails('coordinatrice'));
    expect(to).not.toContain(await emails('supervisora'));
    expect(sent.every((m) => !/Omar|Zahra|Fatima/.test(m.text))).toBe(true);
    expect(sent.some((m) => m.text.includes('Relazione al tribunale'))).toBe(true);
    // Run again: nothing twice.
    const after = t.mails.length;
    await t.deps.jobs.enqueueNow(COURT_ESCALATION_JOB_NAME, {});
    await t.runJobs();
    expect(t.mails.slice(after).filter((m) => m.subject.includes(code))).toEqual([]);
  });
});

describe('reports to the court', () => {
  it('are drafted by the team, approved by the coordinator (not the team), sent with a protocol number', async () => {
    const draft = await ok<TCourtReport>('operatrice', 'POST', `/api/cases/${ids.case}/court-reports`, {
      orderId: ids.order,
      periodFrom: '2026-02-10',
      periodTo: '2026-08-09',
      content:
        'Il minore si è inserito bene nella famiglia affidataria; gli incontri con la madre sono regolari.',
    });
    expect(draft.status).toBe('draft');
    const base = `/api/cases/${ids.case}/court-reports/${draft.id}`;
    expect((await call('coordinatrice', 'POST', `${base}/approve`)).statusCode).toBe(409);
    await ok('operatrice', 'POST', `${base}/submit`);
    // The lead cannot approve her own report; a coordinator of another organisation cannot see it.
    expect((await call('operatrice', 'POST', `${base}/approve`)).statusCode).toBe(403);
    expect((await call('supervisora', 'POST', `${base}/approve`)).statusCode).toBe(404);
    const back = await ok<TCourtReport>('coordinatrice', 'POST', `${base}/return`, {
      reason: 'Aggiungere gli esiti della visita scolastica.',
    });
    expect(back.status).toBe('draft');
    expect(back.returnReason).toMatch(/visita/);
    await ok('operatrice', 'PATCH', base, {
      content: `${draft.content} La scuola conferma la frequenza regolare.`,
    });
    await ok('operatrice', 'POST', `${base}/submit`);
    const approved = await ok<TCourtReport>('coordinatrice', 'POST', `${base}/approve`);
    expect(approved.status).toBe('approved');
    expect(approved.approvedBy).toBe('Carla Coordinatrice');
    const noProtocol = await call('operatrice', 'POST', `${base}/sent`, { sentOn: '2026-11-02' });
    expect(fields(noProtocol)).toEqual(['protocolNumber']);
    const sent = await ok<TCourtReport>('operatrice', 'POST', `${base}/sent`, {
      sentOn: new Date().toISOString().slice(0, 10),
      protocolNumber: 'PG 2026/45678',
    });
    expect(sent.status).toBe('sent');
    const [order] = (
      await ok<TCourtOrder[]>('operatrice', 'GET', `/api/cases/${ids.case}/court-orders`)
    ).filter((o) => o.id === ids.order);
    const reports = order!.deadlines.filter((d) => d.kind === 'report');
    expect(reports.filter((d) => d.metAt)).toHaveLength(1);
    // The next one runs six months from the date sent.
    const next = reports.find((d) => !d.metAt)!;
    expect(new Date(next.dueAt).getTime() - Date.now()).toBeGreaterThan(170 * 86_400_000);
  });

  it('prints as a watermarked PDF for the team and the coordinator, audited; the referrer and others get nothing', async () => {
    const [report] = await ok<TCourtReport[]>('operatrice', 'GET', `/api/cases/${ids.case}/court-reports`);
    const url = `/api/cases/${ids.case}/court-reports/${report!.id}/pdf`;
    const pdf = await call('coordinatrice', 'GET', url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const [printed] = await system(
      sql`select count(*)::int as n from audit_events where action = 'court_report.printed' and record_id = ${ids.case}`,
    );
    expect((printed as { n: number }).n).toBe(1);
    for (const who of ['responsabile', 'operatore.romano'])
      expect((await call(who, 'GET', url)).statusCode, who).toBe(404);
    expect((await call('mediatrice', 'GET', url)).statusCode).toBe(403);
    for (const who of ['responsabile', 'operatore.romano'])
      expect((await call(who, 'GET', `/api/cases/${ids.case}/court-reports`)).statusCode, who).toBe(404);
  });

  it('keep documents attached to a draft, readable through a link by those who read the report', async () => {
    const draft = await ok<TCourtReport>('operatrice', 'POST', `/api/cases/${ids.case}/court-reports`, {
      orderId: ids.order,
      periodFrom: '2026-11-02',
      periodTo: '2026-11-20',
      content: 'Relazione con la lettera della scuola allegata.',
    });
    const url = `/api/cases/${ids.case}/court-reports/${draft.id}/files`;
    const letter = multipart('lettera-scuola.txt', 'text/plain', 'La scuola conferma la frequenza regolare.');
    expect((await as.responsabile!.request({ method: 'POST', url, ...letter })).statusCode).toBe(404);
    const added = await as.operatrice!.request({ method: 'POST', url, ...letter });
    expect(added.statusCode).toBe(201);
    const fileId = (added.json() as { id: string }).id;
    const [listed] = (
      await ok<TCourtReport[]>('coordinatrice', 'GET', `/api/cases/${ids.case}/court-reports`)
    ).filter((r) => r.id === draft.id);
    expect(listed!.attachments.map((a) => a.fileName)).toEqual(['lettera-scuola.txt']);
    const link = await ok<{ url: string }>('coordinatrice', 'POST', `/api/files/${fileId}/link`, {});
    const file = await as.coordinatrice!.request({ method: 'GET', url: link.url });
    expect(file.body).toBe('La scuola conferma la frequenza regolare.');
    for (const who of ['responsabile', 'operatore.romano'])
      expect((await call(who, 'POST', `/api/files/${fileId}/link`, {})).statusCode, who).toBe(404);
    // Once submitted, nothing more is attached.
    await ok('operatrice', 'POST', `/api/cases/${ids.case}/court-reports/${draft.id}/submit`);
    expect((await as.operatrice!.request({ method: 'POST', url, ...letter })).statusCode).toBe(409);
    await ok('coordinatrice', 'POST', `/api/cases/${ids.case}/court-reports/${draft.id}/return`, {
      reason: 'Allegato ricevuto, manca il periodo di settembre.',
    });
  });

  it('lets one of two approvals at once win', async () => {
    const draft = await ok<TCourtReport>('operatrice', 'POST', `/api/cases/${ids.case}/court-reports`, {
      orderId: ids.order,
      periodFrom: '2026-08-10',
      periodTo: '2026-11-01',
      content: 'Relazione intermedia richiesta dal giudice delegato.',
    });
    const base = `/api/cases/${ids.case}/court-reports/${draft.id}`;
    await ok('operatrice', 'POST', `${base}/submit`);
    const [a, b] = await Promise.all([
      call('coordinatrice', 'POST', `${base}/approve`),
      call('coordinatrice', 'POST', `${base}/return`, { reason: 'Rivedere il periodo indicato.' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});

describe('consent basis of a family request', () => {
  it('lapses with the consent: the team loses the case until a new one is recorded', async () => {
    await registerFamily();
    await ok('operatrice', 'POST', `/api/people/${ids.mother}/consents`, consentFor(ids.tmTreviglio!));
    const { caseId } = await openOwnCaseFor();
    const [consent] = (await system(
      sql`select id from consents where person_id = ${ids.mother} and recipient_service_id = ${ids.tmTreviglio}`,
    )) as [{ id: string }];
    await ok('operatrice', 'POST', `/api/consents/${consent.id}/revoke`, {
      reason: 'La signora ritira il consenso.',
    });
    expect((await call('operatrice', 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
  });
});

function openOwnCaseFor() {
  return openOwnCase([ids.mother!], { origin: 'family_request', reporterKind: null });
}

describe('the demo', () => {
  it('has a report falling due, a late one waiting for approval, and an art. 403 removal running', async () => {
    const home = await ok<THome>('operatrice', 'GET', '/api/home');
    const count = (kind: string, h = home) => h.attention.find((a) => a.kind === kind)?.count ?? 0;
    expect(count('court_deadlines_due')).toBeGreaterThanOrEqual(2);
    expect(count('court_deadlines_late')).toBeGreaterThanOrEqual(1);
    const coordinator = await ok<THome>('coordinatrice', 'GET', '/api/home');
    expect(count('court_reports_to_approve', coordinator)).toBeGreaterThanOrEqual(1);
    const pending = await ok<{ caseCode: string; orderKind: string }[]>(
      'coordinatrice',
      'GET',
      '/api/court-reports/pending',
    );
    expect(pending.length).toBe(count('court_reports_to_approve', coordinator));
    expect(pending[0]!.orderKind).toBe('placement_5bis');
    expect(pending[0]).not.toHaveProperty('content');
    expect(await ok('supervisora', 'GET', '/api/court-reports/pending')).toEqual([]);
    expect((await call('operatrice', 'GET', '/api/court-reports/pending')).statusCode).toBe(403);
    const deadlines = await ok<TDeadline[]>('operatrice', 'GET', '/api/court-deadlines');
    const kinds = new Set(
      deadlines.map((d) => `${d.kind}:${d.late ? 'late' : d.dueSoon ? 'soon' : 'later'}`),
    );
    expect(kinds).toContain('report:soon');
    expect(kinds).toContain('report:late');
    expect(kinds).toContain('validation_request:soon');
  });
});

describe('review fixes (issue 15, court)', () => {
  const prescriptions = {
    court: 'Tribunale per i Minorenni di Brescia',
    docketNumber: 'VG 4321/2026',
    kind: 'prescriptions',
    decidedOn: '2026-01-31',
    provisions: 'Divieto di avvicinamento alla madre e al figlio.',
    reportEveryMonths: 3,
  };
  const reportOn = (orderId: string) => ({
    orderId,
    periodFrom: '2026-02-01',
    periodTo: '2026-04-30',
    content: 'Relazione trimestrale sull’andamento delle prescrizioni del tribunale.',
  });
  /** The printed order of a new report on a new case of these people, as `who` prints it. */
  async function printOrderOf(personIds: string[], extra: object, who: string) {
    const { caseId } = await openOwnCase(personIds, extra);
    const [o] = await ok<TCourtOrder[]>(
      'operatrice',
      'POST',
      `/api/cases/${caseId}/court-orders`,
      prescriptions,
    );
    const draft = await ok<TCourtReport>(
      'operatrice',
      'POST',
      `/api/cases/${caseId}/court-reports`,
      reportOn(o!.id),
    );
    const pdf = await call(who, 'GET', `/api/cases/${caseId}/court-reports/${draft.id}/pdf`);
    expect(pdf.statusCode, who).toBe(200);
    return JSON.stringify(printed.at(-1)!.order);
  }

  it('prints on a perpetrator’s case only the order’s kind and date, never its court or docket', async () => {
    await registerFamily();
    const police = { reporterKind: 'police', summary: 'Segnalazione dei Carabinieri.' };
    for (const who of ['operatrice', 'coordinatrice']) {
      const order = await printOrderOf([ids.father!], police, who);
      expect(order, who).not.toContain('VG 4321/2026');
      expect(order, who).not.toContain('Brescia');
      expect(order, who).toContain('prescriptions');
      expect(order, who).toContain('2026-01-31');
    }
    // The same order on a child's case (another family: her team may not follow both) prints in full.
    await registerFamily();
    const full = await printOrderOf([ids.child!], {}, 'operatrice');
    expect(full).toContain('VG 4321/2026');
    expect(full).toContain('Brescia');
  });

  it('refuses a date PostgreSQL cannot store as a 400 naming the field, never a 500', async () => {
    await registerFamily();
    const own = await call('operatrice', 'POST', '/api/cases', {
      householdId: ids.household,
      personIds: [ids.child],
      origin: 'report',
      reporterKind: 'school',
      receivedOn: '0000-06-01',
      urgency: 'priority',
      summary: 'La scuola segnala assenze ripetute.',
    });
    expect(own.statusCode).toBe(400);
    expect(fields(own)).toEqual(['receivedOn']);
    expect((own.json() as { errors: { message: { it: string } }[] }).errors[0]!.message.it).toBe(
      'una data tra il 1900 e il 2100',
    );
    const { caseId } = await openOwnCase([ids.child!]);
    const order = await call('operatrice', 'POST', `/api/cases/${caseId}/court-orders`, {
      ...prescriptions,
      decidedOn: '0000-01-31',
    });
    expect([order.statusCode, fields(order)]).toEqual([400, ['decidedOn']]);
    const residence = await call('operatrice', 'PUT', `/api/people/${ids.child}/residence`, {
      status: 'permit_holder',
      permitType: 'family',
      expiresOn: '0000-01-31',
    });
    expect([residence.statusCode, fields(residence)]).toEqual([400, ['expiresOn']]);
    // An instant the contract cannot bound: the database refuses it, the answer is still a 400.
    const removal = await call('operatrice', 'POST', `/api/cases/${caseId}/court-orders`, {
      ...prescriptions,
      kind: 'removal_403',
      removalAt: '0000-01-01T00:00:00Z',
    });
    expect(removal.statusCode).toBe(400);
    expect((removal.json() as { type: string }).type).toBe('urn:trama:problem:invalid-date');
  });

  it('refuses an empty change of a draft report, and a change of an order that is only a reason', async () => {
    await registerFamily();
    const { caseId } = await openOwnCase([ids.child!]);
    const [o] = await ok<TCourtOrder[]>(
      'operatrice',
      'POST',
      `/api/cases/${caseId}/court-orders`,
      prescriptions,
    );
    const draft = await ok<TCourtReport>(
      'operatrice',
      'POST',
      `/api/cases/${caseId}/court-reports`,
      reportOn(o!.id),
    );
    const empty = await call('operatrice', 'PATCH', `/api/cases/${caseId}/court-reports/${draft.id}`, {});
    expect(empty.statusCode).toBe(400);
    const [{ n }] = (await system(
      sql`select count(*)::int as n from audit_events where action = 'court_report.updated' and record_id = ${caseId}`,
    )) as [{ n: number }];
    expect(n).toBe(0);
    const reasonOnly = await call('operatrice', 'PATCH', `/api/cases/${caseId}/court-orders/${o!.id}`, {
      reason: 'Solo una motivazione, nessuna modifica.',
    });
    expect([reasonOnly.statusCode, fields(reasonOnly)]).toEqual([400, ['reason']]);
  });

  it('keeps special data out of the audit trail, and names the cases a list showed', async () => {
    await registerFamily();
    const { caseId } = await openOwnCase([ids.father!], {
      reporterKind: 'police',
      summary: 'Segnalazione dei Carabinieri.',
    });
    const [o] = await ok<TCourtOrder[]>('operatrice', 'POST', `/api/cases/${caseId}/court-orders`, {
      ...prescriptions,
      decidedOn: '2025-06-30',
    });
    const detailsOf = async (action: string) =>
      (
        (await system(
          sql`select details from audit_events where action = ${action} and record_id = ${caseId}`,
        )) as { details: Record<string, unknown> }[]
      ).map((r) => r.details);
    const [opened] = await detailsOf('case.opened_by_service');
    expect(opened).toEqual({ origin: 'report', people: 1 });
    const [created] = await detailsOf('court_order.created');
    expect(created).toEqual({ orderId: o!.id, deadlines: expect.any(Number) });
    // The deadlines list says which cases' deadlines were seen: ids, never names or kinds.
    const list = await ok<TDeadline[]>('operatrice', 'GET', '/api/court-deadlines');
    expect(list.some((d) => d.caseId === caseId)).toBe(true);
    const [listed] = (await system(
      sql`select a.details from audit_events a join users u on u.id = a.actor_user_id
          where a.action = 'court_deadline.listed' and u.username = 'operatrice' order by a.occurred_at desc limit 1`,
    )) as { details: { shown: number; caseIds: string[] } }[];
    expect(new Set(listed!.details.caseIds)).toEqual(new Set(list.map((d) => d.caseId)));
    expect(listed!.details.shown).toBe(list.length);
    // The pending reports list too.
    const draft = await ok<TCourtReport>(
      'operatrice',
      'POST',
      `/api/cases/${caseId}/court-reports`,
      reportOn(o!.id),
    );
    await ok('operatrice', 'POST', `/api/cases/${caseId}/court-reports/${draft.id}/submit`);
    const pending = await ok<{ caseId: string }[]>('coordinatrice', 'GET', '/api/court-reports/pending');
    const [seen] = (await system(
      sql`select a.details from audit_events a join users u on u.id = a.actor_user_id
          where a.action = 'court_report.listed' and a.record_id is null and u.username = 'coordinatrice'
          order by a.occurred_at desc limit 1`,
    )) as { details: { pending: number; caseIds: string[] } }[];
    expect(seen!.details.caseIds).toContain(caseId);
    expect(new Set(seen!.details.caseIds)).toEqual(new Set(pending.map((p) => p.caseId)));
  });

  it('refuses a step met before the order, or an art. 403 step before the removal', async () => {
    await registerFamily();
    const { caseId } = await openOwnCase([ids.child!]);
    const [removal] = await ok<TCourtOrder[]>('operatrice', 'POST', `/api/cases/${caseId}/court-orders`, {
      court: 'Sindaco di Treviglio (art. 403 c.c.)',
      docketNumber: 'Prot. 403/2026-bis',
      kind: 'removal_403',
      decidedOn: '2026-01-10',
      removalAt: '2026-01-10T18:00:00+01:00',
      livingArrangement: 'residential_community',
    });
    const notice = byKind(removal!).pm_notice!;
    const met = (metAt: string) =>
      call('operatrice', 'POST', `/api/cases/${caseId}/court-deadlines/${notice.id}/met`, { metAt });
    const before = await met('2026-01-09T10:00:00+01:00');
    expect([before.statusCode, fields(before)]).toEqual([400, ['metAt']]);
    expect((before.json() as { errors: { code: string }[] }).errors[0]!.code).toBe('before_order');
    const beforeRemoval = await met('2026-01-10T17:00:00+01:00');
    expect([beforeRemoval.statusCode, fields(beforeRemoval)]).toEqual([400, ['metAt']]);
    expect((beforeRemoval.json() as { errors: { code: string }[] }).errors[0]!.code).toBe('before_removal');
    const [after] = await ok<TCourtOrder[]>(
      'operatrice',
      'POST',
      `/api/cases/${caseId}/court-deadlines/${notice.id}/met`,
      { metAt: '2026-01-10T19:00:00+01:00' },
    );
    expect(byKind(after!).pm_notice!.metAt).toBe('2026-01-10T18:00:00.000Z');
    const [metEvent] = (await system(
      sql`select details from audit_events where action = 'court_deadline.met' and record_id = ${caseId}`,
    )) as { details: Record<string, unknown> }[];
    expect(metEvent!.details).toEqual({ deadlineId: notice.id });
  });

  it('escalates only to people still in the service, and marks nothing while nobody can be told', async () => {
    await registerFamily();
    const { caseId } = await openOwnCase([ids.child!]);
    await ok('operatrice', 'POST', `/api/cases/${caseId}/court-orders`, {
      ...prescriptions,
      decidedOn: '2025-01-31',
      reportEveryMonths: 1,
    });
    const one = async <T>(query: ReturnType<typeof sql>) => ((await system(query)) as T[])[0]!;
    const tag = `esc${Date.now()}`;
    // The case moves to a service of an organisation without coordinators; its lead is not a member there.
    const { id: org } = await one<{ id: string }>(
      sql`insert into organisations (name, kind) values (${`Ente ${tag}`}, 'district_office') returning id`,
    );
    const { id: service } = await one<{ id: string }>(
      sql`insert into services (organisation_id, name, kind) values (${org}, ${`Servizio ${tag}`}, 'child_protection') returning id`,
    );
    await system(sql`update cases set service_id = ${service} where id = ${caseId}`);
    const { code } = await one<{ code: string }>(sql`select code from cases where id = ${caseId}`);
    const escalated = async () =>
      (
        await one<{ n: number }>(
          sql`select count(*)::int as n from court_deadlines where case_id = ${caseId} and escalated_at is not null`,
        )
      ).n;
    const runJob = async () => {
      const before = t.mails.length;
      await t.deps.jobs.enqueueNow(COURT_ESCALATION_JOB_NAME, {});
      await t.runJobs();
      return t.mails.slice(before).filter((m) => m.subject.includes(code));
    };
    expect(await runJob()).toEqual([]);
    expect(await escalated()).toBe(0);

    // A member of the team still in the service is told; one who moved to another service is not.
    const user = async (name: string, serviceId: string) => {
      const { id } = await one<{ id: string }>(
        sql`insert into users (username, display_name, email) values (${`${name}.${tag}`}, ${name}, ${`${name}.${tag}@example.org`}) returning id`,
      );
      await system(
        sql`insert into memberships (user_id, role, service_id) values (${id}, 'practitioner', ${serviceId})`,
      );
      await system(
        sql`insert into case_team (case_id, user_id, team_role) values (${caseId}, ${id}, 'member')`,
      );
      return `${name}.${tag}@example.org`;
    };
    const stayed = await user('rimasta', service);
    const left = await user('trasferito', ids.tmRomano!);
    const sent = await runJob();
    const lead = (await one<{ email: string }>(sql`select email from users where username = 'operatrice'`))
      .email;
    const to = new Set(sent.map((m) => m.to));
    expect(to).toEqual(new Set([stayed]));
    expect(to.has(left) || to.has(lead)).toBe(false);
    expect(await escalated()).toBeGreaterThan(0);
    const notified = (await system(
      sql`select (details->>'notified')::int as n, details from audit_events
          where action = 'court_deadline.escalated' and record_id = ${caseId}`,
    )) as { n: number; details: Record<string, unknown> }[];
    expect(notified.every((r) => r.n === 1 && !('kind' in r.details))).toBe(true);
    expect(notified).toHaveLength(await escalated());
  });
});
