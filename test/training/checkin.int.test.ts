import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TAttendanceRow, TCheckinCode, TPersonalPage } from '../../src/contracts/gatherings.js';
import type { Tx } from '../../src/server/platform/db/client.js';
import {
  checkinCodeFor,
  checkinCoder,
  checkinWindow,
} from '../../src/server/platform/gatherings/checkin-code.js';
import { trainingTestKit } from './support.js';

/**
 * Check-in with the rotating QR code and the external participant's personal link: the code is
 * accepted in its window and the one after only, within the session's check-in time, for a
 * confirmed place of that edition; refusals say why, in words, and are audited.
 */
const k = trainingTestKit();
const { t, call, ok, system, openEdition, requestOk, enrolExternal } = k;

/** The session's code `ago` windows back, with the stored key (as the trainer's screen showed it then). */
async function codeFor(sessionId: string, ago = 0) {
  const coder = await checkinCoder({ tx: t.database.db as unknown as Tx, keyring: t.deps.keyring });
  return checkinCodeFor(coder, sessionId, checkinWindow(new Date()) - ago);
}
const scan = (who: string, sessionId: string, code: string) =>
  call(who, 'POST', `/api/training/sessions/${sessionId}/checkin`, { code });
const scanExternal = (token: string, sessionId: string, code: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/training/personal/${token}/checkin`,
    payload: { sessionId, code },
  });
const attendanceOf = (sessionId: string) =>
  ok<TAttendanceRow[]>('formatore', 'GET', `/api/training/sessions/${sessionId}/attendance`);
const problemOf = (res: { json(): unknown }) => {
  const body = res.json() as { type: string; detail: string };
  return { ...body, code: body.type.split(':').at(-1) };
};
const refusals = (sessionId: string) =>
  system<{ outcome: string; details: { reason: string } }>(
    sql`select outcome, details from audit_events where action = 'training.checkin_refused' and record_id = ${sessionId}
        order by id`,
  );

describe('the trainer’s code', () => {
  it('shows the current code, its QR and the counts while the session is in progress', async () => {
    const edition = await openEdition({ startsInHours: -1, sessions: 1 });
    await requestOk('operatrice', edition.id);
    const sessionId = edition.sessions[0]!.id;
    const shown = await ok<TCheckinCode>(
      'formatore',
      'GET',
      `/api/training/sessions/${sessionId}/checkin-code`,
    );
    expect(shown).toMatchObject({ sessionId, checkedIn: 0, confirmed: 1 });
    expect(shown.url).toBe(
      `${t.deps.config.publicUrl}/presenza/${sessionId}?c=${encodeURIComponent(shown.code)}`,
    );
    expect(shown.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(Date.parse(shown.validUntil)).toBeGreaterThan(Date.now() - 1000);
    expect([await codeFor(sessionId), await codeFor(sessionId, 1)]).toContain(shown.code);
    expect((await scan('operatrice', sessionId, shown.code)).statusCode).toBe(200);
    const after = await ok<TCheckinCode>(
      'formatore',
      'GET',
      `/api/training/sessions/${sessionId}/checkin-code`,
    );
    expect(after.checkedIn).toBe(1);
  });

  it('is not shown before the check-in opens nor after the end', async () => {
    const later = await openEdition({ startsInHours: 48, sessions: 1 });
    const before = await call(
      'formatore',
      'GET',
      `/api/training/sessions/${later.sessions[0]!.id}/checkin-code`,
    );
    expect(before.statusCode).toBe(409);
    expect(problemOf(before).code).toBe('checkin-not-open');
    const past = await openEdition({ startsInHours: -3, sessions: 2 });
    const ended = await call(
      'formatore',
      'GET',
      `/api/training/sessions/${past.sessions[0]!.id}/checkin-code`,
    );
    expect(ended.statusCode).toBe(409);
    expect(problemOf(ended).code).toBe('session-ended');
  });
});

describe('a signed-in participant’s scan', () => {
  it('records a confirmed participant present at the start, late after the grace, and keeps the first time', async () => {
    const onTime = await openEdition({ startsInHours: -0.05, sessions: 1 });
    await requestOk('operatrice', onTime.id);
    const s1 = onTime.sessions[0]!.id;
    const res = await scan('operatrice', s1, await codeFor(s1));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'present',
      title: onTime.courseTitle,
      startsAt: onTime.sessions[0]!.startsAt,
    });
    const [first] = await attendanceOf(s1);
    expect(first).toMatchObject({ status: 'present', source: 'qr' });
    // The previous window's code still works (the screen just rotated); a repeat keeps the first time.
    expect((await scan('operatrice', s1, await codeFor(s1, 1))).statusCode).toBe(200);
    expect((await attendanceOf(s1))[0]!.recordedAt).toBe(first!.recordedAt);

    const started = await openEdition({ startsInHours: -1, sessions: 1 });
    await requestOk('operatrice', started.id);
    const s2 = started.sessions[0]!.id;
    const late = await scan('operatrice', s2, await codeFor(s2));
    expect(late.json()).toMatchObject({ status: 'late' });
    const [event] = await system<{ record_type: string; details: { status: string } }>(
      sql`select record_type, details from audit_events where action = 'training.checked_in'
           and details->>'sessionId' = ${s2}`,
    );
    expect(event).toMatchObject({ record_type: 'training_place', details: { status: 'late' } });
  });

  it('refuses a code from two windows ago, or another session’s code, saying to scan again', async () => {
    const edition = await openEdition({ startsInHours: -1, sessions: 1 });
    await requestOk('operatrice', edition.id);
    const sessionId = edition.sessions[0]!.id;
    const old = await scan('operatrice', sessionId, await codeFor(sessionId, 2));
    expect(old.statusCode).toBe(409);
    expect(old.json().localized.it.detail).toMatch(/inquadra di nuovo/);
    const other = await openEdition({ startsInHours: -1, sessions: 1 });
    const wrong = await scan('operatrice', sessionId, await codeFor(other.sessions[0]!.id));
    expect(wrong.statusCode).toBe(409);
    expect((await attendanceOf(sessionId))[0]!.status).toBeNull();
    expect(await refusals(sessionId)).toEqual([
      { outcome: 'denied', details: { reason: 'code' } },
      { outcome: 'denied', details: { reason: 'code' } },
    ]);
  });

  it('refuses a scan before the check-in opens and after the session ended', async () => {
    const later = await openEdition({ startsInHours: 48, sessions: 1 });
    await requestOk('operatrice', later.id);
    const future = later.sessions[0]!.id;
    const early = await scan('operatrice', future, await codeFor(future));
    expect(early.statusCode).toBe(409);
    expect(problemOf(early).code).toBe('checkin-not-open');

    const past = await openEdition({ startsInHours: -3, sessions: 2 });
    await requestOk('operatrice', past.id);
    const over = past.sessions[0]!.id;
    const res = await call('operatrice', 'POST', `/api/training/sessions/${over}/checkin`, {
      code: await codeFor(over),
    });
    expect(res.statusCode).toBe(409);
    expect(problemOf(res).code).toBe('session-ended');
    const italian = await k.as.operatrice!.request({
      method: 'POST',
      url: `/api/training/sessions/${over}/checkin`,
      headers: { 'accept-language': 'it' },
      payload: { code: await codeFor(over) },
    });
    expect(italian.statusCode).toBe(409);
    expect(italian.body).toContain('La sessione è terminata');
    expect((await refusals(over)).map((r) => r.details.reason)).toEqual(['ended', 'ended']);
    expect((await refusals(future)).map((r) => r.details.reason)).toEqual(['not_open']);
  });

  it('refuses a waitlisted person, and someone not registered at all', async () => {
    const edition = await openEdition({ startsInHours: -1, sessions: 1, capacity: 1 });
    await requestOk('operatrice', edition.id);
    const waiting = await requestOk('clinica', edition.id);
    expect(waiting.place.status).toBe('waitlisted');
    const sessionId = edition.sessions[0]!.id;
    const res = await scan('clinica', sessionId, await codeFor(sessionId));
    expect(res.statusCode).toBe(409);
    expect(problemOf(res).code).toBe('not-enrolled');
    expect((await scan('mediatrice', sessionId, await codeFor(sessionId))).statusCode).toBe(409);
    expect((await attendanceOf(sessionId)).every((r) => r.status === null)).toBe(true);
    expect((await refusals(sessionId)).map((r) => r.details.reason)).toEqual([
      'not_enrolled',
      'not_enrolled',
    ]);
  });
});

describe('an external participant', () => {
  it('checks in through their personal link', async () => {
    const edition = await openEdition({ startsInHours: -0.05, sessions: 1 });
    const { place, token } = await enrolExternal(edition.id);
    const sessionId = edition.sessions[0]!.id;
    const res = await scanExternal(token, sessionId, await codeFor(sessionId));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'present', title: edition.courseTitle });
    const row = (await attendanceOf(sessionId)).find((r) => r.placeId === place.id);
    expect(row).toMatchObject({ status: 'present', source: 'qr' });
    // Another edition's session is not theirs; a bad token is a 404.
    const other = await openEdition({ startsInHours: -1, sessions: 1 });
    const elsewhere = await scanExternal(token, other.sessions[0]!.id, await codeFor(other.sessions[0]!.id));
    expect(elsewhere.statusCode).toBe(409);
    expect(problemOf(elsewhere).code).toBe('not-enrolled');
    expect((await scanExternal('y'.repeat(32), sessionId, await codeFor(sessionId))).statusCode).toBe(404);
    const stale = await scanExternal(token, sessionId, await codeFor(sessionId, 2));
    expect(stale.statusCode).toBe(409);
  });

  it('reads their page by the link; an unknown or expired link gets the same 404', async () => {
    const edition = await openEdition({ sessions: 2 });
    const { place, token } = await enrolExternal(edition.id);
    const res = await t.app.inject({ method: 'GET', url: `/api/training/personal/${token}` });
    expect(res.statusCode).toBe(200);
    const page = res.json() as TPersonalPage;
    expect(page).toMatchObject({
      participantName: 'Avv. Laura Bianchi',
      title: edition.courseTitle,
      status: 'confirmed',
      attendedHours: 0,
      calendarUrl: `${t.deps.config.publicUrl}/api/training/personal/${token}/calendar.ics`,
    });
    expect(page.sessions.map((s) => s.id)).toEqual(edition.sessions.map((s) => s.id));
    const [read] = await system<{ actor_user_id: string | null }>(
      sql`select actor_user_id from audit_events where action = 'training.personal_page_read' and record_id = ${place.id}`,
    );
    expect(read).toEqual({ actor_user_id: null });

    const unknown = await t.app.inject({ method: 'GET', url: `/api/training/personal/${'z'.repeat(32)}` });
    await system(
      sql`update gathering_places set link_expires_at = now() - interval '1 minute' where id = ${place.id}`,
    );
    const expired = await t.app.inject({ method: 'GET', url: `/api/training/personal/${token}` });
    expect(unknown.statusCode).toBe(404);
    expect(expired.statusCode).toBe(404);
    const answer = (res: { json(): unknown }) => ({ ...(res.json() as object), instance: undefined });
    expect(answer(expired)).toEqual(answer(unknown));
  });

  it('confirms a place offered from the waiting list by their link', async () => {
    const edition = await openEdition({ capacity: 1 });
    const first = await requestOk('operatrice', edition.id);
    const { token } = await enrolExternal(edition.id);
    const early = await t.app.inject({ method: 'POST', url: `/api/training/personal/${token}/confirm` });
    expect(early.statusCode).toBe(409);
    await ok('operatrice', 'POST', `/api/training/places/${first.place.id}/cancel`);
    const offered = await t.app.inject({ method: 'GET', url: `/api/training/personal/${token}` });
    expect((offered.json() as TPersonalPage).status).toBe('offered');
    const res = await t.app.inject({ method: 'POST', url: `/api/training/personal/${token}/confirm` });
    expect(res.statusCode).toBe(200);
    expect((res.json() as TPersonalPage).status).toBe('confirmed');
  });
});
