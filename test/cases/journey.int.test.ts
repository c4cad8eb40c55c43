import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TCarePlan } from '../../src/contracts/care-plan.js';
import type { TCase, TSession } from '../../src/contracts/cases.js';
import type { TReferral } from '../../src/contracts/referrals.js';
import { casesTestKit, consentFor, minorConsent, SECTIONS } from './support.js';

/**
 * One referral's life, in order: a journey is its steps (the referral, the case it opens, its plan,
 * team, sessions and closure). The family and the mother's safety details are built first.
 */
const { t, ids, call, ok, fields, system, registerFamily, recordMotherSafety } = casesTestKit();

beforeAll(async () => {
  await registerFamily();
  await recordMotherSafety();
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
    // The plan is a versioned Progetto Quadro (care-plan.routes.ts): a draft, submitted, approved.
    const draft = await ok<TCarePlan>(lead, 'POST', `/api/cases/${ids.case}/plan/goals`, {
      personId: ids.child,
      dimension: 'child_needs',
      text: 'Sostegno alla genitorialità',
      responsibleKind: 'outside_service',
      responsibleService: 'Consultorio familiare',
      indicator: 'Colloqui mensili svolti',
    });
    const versionId = draft.draftId!;
    await ok(lead, 'POST', `/api/cases/${ids.case}/plan/versions/${versionId}/submit`);
    expect((await ok<TCase>(lead, 'GET', `/api/cases/${ids.case}`)).planStatus).toBe('submitted');
    expect(
      (await call(lead, 'POST', `/api/cases/${ids.case}/plan/versions/${versionId}/approve`, {})).statusCode,
    ).toBe(403);
    await ok('supervisora', 'POST', `/api/cases/${ids.case}/plan/versions/${versionId}/approve`, {});
    const approved = await ok<TCase>('supervisora', 'GET', `/api/cases/${ids.case}`);
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
    // Who attended: given names only, for the mediator who was there.
    expect(mediator.people.map((p) => p.givenName)).toEqual(['Fatima']);
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
