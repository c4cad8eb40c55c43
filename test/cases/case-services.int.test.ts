import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TCaseServicesView } from '../../src/contracts/case-services.js';
import type { THome } from '../../src/contracts/index.js';
import { casesTestKit } from './support.js';

// Services delivered and follow-ups (issue 22, item 3): the clinical team writes, a supervisor
// reads, the referrer and outsiders get nothing; a follow-up due soon waits on its assignee's Home.
const { t, ids, call, ok, fields, system, registerFamily, openCaseFor } = casesTestKit();

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const followupsDue = async (who: string) =>
  (await ok<THome>(who, 'GET', '/api/home')).attention.find((i) => i.kind === 'followups_due')?.count ?? 0;

describe('services and follow-ups', () => {
  it('are in the demo: services, a follow-up due soon and one done, held and missed sessions, a note edited once', async () => {
    const [demo] = await system(
      sql`select (select count(*)::int from case_services) as services,
            (select count(*)::int from case_followups where done_at is null and due_on <= current_date + 7) as due,
            (select count(*)::int from case_followups where done_at is not null) as done,
            (select count(*)::int from case_sessions where status = 'held') as held,
            (select count(*)::int from case_sessions where status = 'missed' and status_reason is not null) as missed,
            (select count(*)::int from session_note_versions) as versions,
            (select count(*)::int from session_outside_participants) as outside`,
    );
    expect(demo).toMatchObject({ services: 2, due: 1, done: 1, missed: 1, versions: 1, outside: 1 });
    expect((demo as { held: number }).held).toBeGreaterThan(0);
  });

  it('let the clinical team record a service and refuse a provider outside the team, naming the field', async () => {
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!, ids.child!]);
    ids.case = caseId;
    const bad = await call('responsabile', 'POST', `/api/cases/${caseId}/services`, {
      type: 'b1',
      providerUserId: await t.userId('operatrice'),
      startedOn: '2026-03-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['providerUserId']);
    const neither = await call('responsabile', 'POST', `/api/cases/${caseId}/services`, {
      type: 'b1',
      startedOn: '2026-03-01',
    });
    expect(fields(neither)).toEqual(['providerOrganisation']);
    const backwards = await call('responsabile', 'POST', `/api/cases/${caseId}/services`, {
      type: 'b1',
      providerOrganisation: 'Cooperativa Il Ponte',
      startedOn: '2026-03-01',
      endedOn: '2026-02-01',
    });
    expect(fields(backwards)).toEqual(['endedOn']);

    const view = await ok<TCaseServicesView>('responsabile', 'POST', `/api/cases/${caseId}/services`, {
      type: 'b6',
      personId: ids.mother,
      providerOrganisation: 'Consultorio familiare di Treviglio',
      startedOn: '2026-03-01',
      hours: 12,
      note: 'Incontri quindicinali',
    });
    expect(view.services).toHaveLength(1);
    expect(view.services[0]).toMatchObject({
      type: 'b6',
      status: 'active',
      provider: { userId: null, name: 'Consultorio familiare di Treviglio' },
      person: { givenName: 'Fatima' },
    });
    const ended = await ok<TCaseServicesView>(
      'responsabile',
      'PATCH',
      `/api/cases/${caseId}/services/${view.services[0]!.id}`,
      { status: 'ended', endedOn: '2026-06-30' },
    );
    expect(ended.services[0]).toMatchObject({ status: 'ended', endedOn: '2026-06-30' });
    const [audit] = await system(
      sql`select count(*)::int as n from audit_events where action in ('case_service.created', 'case_service.updated')
          and record_id = ${caseId}`,
    );
    expect(audit).toEqual({ n: 2 });
  });

  it('show a follow-up due soon on the assignee’s Home until it is marked done', async () => {
    const lead = await t.userId('responsabile');
    const before = await followupsDue('responsabile');
    const planned = await ok<TCaseServicesView>('responsabile', 'POST', `/api/cases/${ids.case}/followups`, {
      what: 'Sentire il consultorio sull’andamento degli incontri',
      dueOn: daysFromNow(3),
      assignedTo: lead,
    });
    await ok('responsabile', 'POST', `/api/cases/${ids.case}/followups`, {
      what: 'Verifica tra due mesi',
      dueOn: daysFromNow(60),
      assignedTo: lead,
    });
    expect(await followupsDue('responsabile')).toBe(before + 1);
    const outsider = await call('responsabile', 'POST', `/api/cases/${ids.case}/followups`, {
      what: 'x',
      dueOn: daysFromNow(1),
      assignedTo: await t.userId('operatrice'),
    });
    expect(fields(outsider)).toEqual(['assignedTo']);

    const soon = planned.followups.find((f) => f.what.startsWith('Sentire'))!;
    const done = await ok<TCaseServicesView>(
      'responsabile',
      'POST',
      `/api/cases/${ids.case}/followups/${soon.id}/done`,
      { outcome: 'Incontri regolari, madre presente.' },
    );
    expect(done.followups.find((f) => f.id === soon.id)).toMatchObject({
      outcome: 'Incontri regolari, madre presente.',
    });
    expect(done.followups.find((f) => f.id === soon.id)?.doneAt).not.toBeNull();
    expect(await followupsDue('responsabile')).toBe(before);
    const twice = await call('responsabile', 'POST', `/api/cases/${ids.case}/followups/${soon.id}/done`, {});
    expect(twice.statusCode).toBe(409);
  });

  it('let a supervisor read but not write; the referrer and outsiders get nothing', async () => {
    const supervisor = await ok<TCaseServicesView>('supervisora', 'GET', `/api/cases/${ids.case}/services`);
    expect(supervisor.services).toHaveLength(1);
    expect(supervisor.canWrite).toBe(false);
    const write = await call('supervisora', 'POST', `/api/cases/${ids.case}/services`, {
      type: 'a2',
      providerOrganisation: 'Comune',
      startedOn: '2026-03-01',
    });
    expect(write.statusCode).toBe(403);
    // The referrer sees the case's status only: never its services.
    expect((await call('operatrice', 'GET', `/api/cases/${ids.case}/services`)).statusCode).toBe(403);
    expect((await call('operatore.romano', 'GET', `/api/cases/${ids.case}/services`)).statusCode).toBe(404);
    expect((await call('mediatrice', 'GET', `/api/cases/${ids.case}/services`)).statusCode).toBe(403);
    const [rows] = await system(
      sql`select count(*)::int as n from case_followups where case_id = ${ids.case}`,
    );
    expect(rows).toEqual({ n: 2 });
  });
});
