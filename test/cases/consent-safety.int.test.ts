import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TCase, TSession } from '../../src/contracts/cases.js';
import type { TReferral } from '../../src/contracts/referrals.js';
import { casesTestKit, consentFor, SECTIONS } from './support.js';

/** Consent and safety rules on cases opened by the builder, each test from its own referral. */
const { t, ids, call, ok, fields, system, registerFamily, openCaseFor } = casesTestKit();

beforeAll(async () => {
  await registerFamily();
});

describe('consent and safety rules', () => {
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
    ids.case = (await openCaseFor([ids.child!])).caseId;
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
