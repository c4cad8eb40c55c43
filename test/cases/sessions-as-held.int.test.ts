import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TSessionPractice } from '../../src/contracts/case-services.js';
import type { TCase, TSession } from '../../src/contracts/cases.js';
import { perpetratorWithProtected } from '../../src/server/modules/cases/case-services.repository.js';
import { perpetratorTogetherRefused } from '../../src/server/modules/cases/case-services.service.js';
import type { Tx } from '../../src/server/platform/db/client.js';
import { casesTestKit } from './support.js';

// Sessions as they happened (issue 22, item 4): held, cancelled or missed; the first session is the
// first HELD one; notes edited with their history; outside participants never given the case; no
// session brings together a perpetrator and a person he may harm (service and database).
const { t, ids, call, ok, fields, system, registerFamily, openCaseFor } = casesTestKit();

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const firstSessionAt = async (caseId: string) =>
  (
    (await system(sql`select first_session_at from cases where id = ${caseId}`))[0] as {
      first_session_at: unknown;
    }
  ).first_session_at;

describe('sessions as they happened', () => {
  it('count only held sessions as the first session, and recompute it when one is un-held', async () => {
    await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!, ids.child!]);
    ids.case = caseId;
    const ahead = await ok<TSession>('responsabile', 'POST', `/api/cases/${caseId}/sessions`, {
      kind: 'consultation',
      startsAt: at(5),
      durationMinutes: 60,
      place: 'service',
    });
    expect(ahead.status).toBe('scheduled');
    expect(await firstSessionAt(caseId)).toBeNull();
    const early = await ok<TSession>('responsabile', 'POST', `/api/cases/${caseId}/sessions`, {
      kind: 'consultation',
      startsAt: at(-10),
      durationMinutes: 60,
      place: 'service',
      status: 'scheduled',
    });
    const later = await ok<TSession>('responsabile', 'POST', `/api/cases/${caseId}/sessions`, {
      kind: 'consultation',
      startsAt: at(-3),
      durationMinutes: 60,
      place: 'service',
    });
    expect(later.status).toBe('held');
    expect(new Date(String(await firstSessionAt(caseId))).toISOString()).toBe(later.startsAt);
    // Not yet held: a session to come cannot be marked held.
    const tooSoon = await call('responsabile', 'POST', `/api/sessions/${ahead.id}/status`, {
      status: 'held',
    });
    expect(fields(tooSoon)).toEqual(['status']);
    const noReason = await call('responsabile', 'POST', `/api/sessions/${early.id}/status`, {
      status: 'missed',
    });
    expect(fields(noReason)).toEqual(['reason']);

    const held = await ok<TSession>('responsabile', 'POST', `/api/sessions/${early.id}/status`, {
      status: 'held',
    });
    expect(held.status).toBe('held');
    expect(new Date(String(await firstSessionAt(caseId))).toISOString()).toBe(early.startsAt);
    const c = await ok<TCase>('responsabile', 'GET', `/api/cases/${caseId}`);
    expect(c.indicators.daysToFirstSession).not.toBeNull();

    const cancelled = await ok<TSession>('responsabile', 'POST', `/api/sessions/${early.id}/status`, {
      status: 'cancelled',
      reason: 'La famiglia era in viaggio',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: 'La famiglia era in viaggio' });
    expect(new Date(String(await firstSessionAt(caseId))).toISOString()).toBe(later.startsAt);
    await ok('responsabile', 'POST', `/api/sessions/${later.id}/status`, {
      status: 'missed',
      reason: 'Non si è presentata',
    });
    expect(await firstSessionAt(caseId)).toBeNull();
    // The supervisor, the referrer and an outsider cannot mark sessions.
    expect(
      (await call('supervisora', 'POST', `/api/sessions/${later.id}/status`, { status: 'held' })).statusCode,
    ).toBe(403);
    expect(
      (await call('operatrice', 'POST', `/api/sessions/${later.id}/status`, { status: 'held' })).statusCode,
    ).toBe(404);
    expect(
      (await call('operatore.romano', 'POST', `/api/sessions/${later.id}/status`, { status: 'held' }))
        .statusCode,
    ).toBe(404);
    ids.session = later.id;
  });

  it('write notes after the session and keep every earlier text when one is edited', async () => {
    const s = ids.session!;
    await ok('responsabile', 'POST', `/api/sessions/${s}/notes`, {
      section: 'social',
      body: 'Prima stesura',
    });
    const edited = await ok<TSession>('responsabile', 'PUT', `/api/sessions/${s}/notes`, {
      section: 'social',
      body: 'Seconda stesura, corretta',
    });
    expect(edited.notes.find((n) => n.section === 'social')?.body).toBe('Seconda stesura, corretta');
    const practice = await ok<TSessionPractice>('responsabile', 'GET', `/api/sessions/${s}/practice`);
    expect(practice.noteHistory).toMatchObject([{ section: 'social', body: 'Prima stesura' }]);
    const [stored] = await system(sql`select body_encrypted from session_note_versions`);
    expect(JSON.stringify(stored)).not.toContain('Prima stesura');
    // The supervisor reads no note, so no earlier text either, and cannot edit.
    expect(
      (await ok<TSessionPractice>('supervisora', 'GET', `/api/sessions/${s}/practice`)).noteHistory,
    ).toEqual([]);
    expect(
      (await call('supervisora', 'PUT', `/api/sessions/${s}/notes`, { section: 'social', body: 'x' }))
        .statusCode,
    ).toBe(403);
    // A section not written yet is written with POST, not edited.
    expect(
      (await call('responsabile', 'PUT', `/api/sessions/${s}/notes`, { section: 'mediation', body: 'x' }))
        .statusCode,
    ).toBe(403);
    const [audit] = await system(
      sql`select details from audit_events where action = 'session.note_edited' and record_id = ${s}`,
    );
    expect(audit).toEqual({ details: { section: 'social' } });
  });

  it('record outside participants by role, the referring social worker too, without giving them the case', async () => {
    const s = ids.session!;
    const operatrice = await t.userId('operatrice');
    const teamBefore = await system(
      sql`select user_id, team_role from case_team where case_id = ${ids.case}`,
    );
    const withTeacher = await ok<TSessionPractice>(
      'responsabile',
      'POST',
      `/api/sessions/${s}/outside-participants`,
      {
        role: 'teacher',
        name: 'Maestra Rossi',
        organisation: 'Scuola primaria Treviglio',
      },
    );
    expect(withTeacher.referrer?.id).toBe(operatrice);
    const withReferrer = await ok<TSessionPractice>(
      'responsabile',
      'POST',
      `/api/sessions/${s}/outside-participants`,
      { role: 'referring_professional', userId: operatrice },
    );
    expect(withReferrer.outsideParticipants.map((p) => p.role)).toEqual([
      'teacher',
      'referring_professional',
    ]);
    // Nobody else attends as a user, and a participant gets no case_team row.
    const other = await call('responsabile', 'POST', `/api/sessions/${s}/outside-participants`, {
      role: 'other',
      userId: await t.userId('operatore.romano'),
    });
    expect(fields(other)).toEqual(['userId']);
    expect(await system(sql`select user_id, team_role from case_team where case_id = ${ids.case}`)).toEqual(
      teamBefore,
    );
    expect((await call('operatrice', 'GET', `/api/sessions/${s}`)).statusCode).toBe(404);
    expect((await call('operatrice', 'GET', `/api/sessions/${s}/practice`)).statusCode).toBe(404);
    expect(
      (
        await call('operatrice', 'POST', `/api/sessions/${s}/outside-participants`, {
          role: 'other',
          name: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuse a session with a perpetrator and a person he may harm, in the service and in the database', async () => {
    // Victim and perpetrator are never referred together, and a case holding both is out of its
    // team's reach; a relative marked at risk later is the way the two could meet in a session.
    await registerFamily();
    const { caseId, referralId } = await openCaseFor([ids.father!]);
    const alone = await ok<TSession>('responsabile', 'POST', `/api/cases/${caseId}/sessions`, {
      kind: 'consultation',
      startsAt: at(-1),
      durationMinutes: 60,
      place: 'service',
      personIds: [ids.father],
    });
    const [relative] = (await system(
      sql`insert into people (household_id, given_name, family_name, relationship, case_role, gender, at_risk, birth_year)
          values (${ids.household}, 'Amina', 'Zahra', 'other_relative', 'other', 'female', true, 1960) returning id`,
    )) as { id: string }[];
    await system(
      sql`insert into referral_people (referral_id, person_id) values (${referralId}, ${relative!.id})`,
    );
    // The service's own check, read as the owner so a hidden perpetrator cannot make it answer no.
    const tx = t.database.db as unknown as Tx;
    expect(await perpetratorWithProtected({ tx, personIds: [ids.father!, relative!.id] })).toBe(true);
    expect(await perpetratorWithProtected({ tx, personIds: [ids.father!] })).toBe(false);
    const refusal = perpetratorTogetherRefused();
    expect(refusal.status).toBe(409);
    expect(refusal.errors?.map((e) => e.field)).toEqual(['personIds']);
    // Through the API the team no longer reaches the case at all.
    const together = await call('responsabile', 'POST', `/api/cases/${caseId}/sessions`, {
      kind: 'consultation',
      startsAt: at(-1),
      durationMinutes: 60,
      place: 'service',
      personIds: [ids.father, relative!.id],
    });
    expect(together.statusCode).toBe(404);
    // The backstop: even written as the owner, past the service, the database refuses it.
    await expect(
      system(sql`insert into session_people (session_id, person_id) values (${alone.id}, ${relative!.id})`),
    ).rejects.toThrow();
    await expect(
      system(sql`insert into session_people (session_id, person_id) values (${alone.id}, ${ids.mother})`),
    ).rejects.toThrow();
    expect(await system(sql`select person_id from session_people where session_id = ${alone.id}`)).toEqual([
      { person_id: ids.father },
    ]);
  });
});
