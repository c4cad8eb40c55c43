import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TAttendanceRow, TPlace } from '../../src/contracts/gatherings.js';
import type { TMyTraining } from '../../src/contracts/training.js';
import type { Session } from '../harness/test-app.js';
import { trainingTestKit } from './support.js';

/**
 * A session's attendance through the HTTP API: the trainer marks it (or copies the signed sheet)
 * and hours follow, only confirmed places are marked, only the edition's trainers see it; the
 * signature sheet; the calendars (an edition's, a member's personal feed, an external's).
 */
const k = trainingTestKit();
const { t, call, ok, fields, system, openEdition, requestOk, enrolExternal } = k;

const attendanceOf = (sessionId: string) =>
  ok<TAttendanceRow[]>('formatore', 'GET', `/api/training/sessions/${sessionId}/attendance`);
const placeOf = async (editionId: string, placeId: string) =>
  (
    await ok<{ places: TPlace[] }>('formatore', 'GET', `/api/training/editions/${editionId}/places`)
  ).places.find((p) => p.id === placeId)!;
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const eventsOf = (ics: string) => unfold(ics).split('BEGIN:VEVENT').slice(1);

/** A trainer of another organisation's service: a second membership of the Rome operator. */
async function otherTrainer(): Promise<Session> {
  const userId = await t.userId('operatore.romano');
  const [m] = await system<{ organisation_id: string; service_id: string }>(
    sql`select organisation_id, service_id from memberships where user_id = ${userId} and service_id is not null limit 1`,
  );
  await system(
    sql`insert into memberships (user_id, role, organisation_id, service_id)
        values (${userId}, 'trainer', ${m!.organisation_id}, ${m!.service_id}) on conflict do nothing`,
  );
  return t.signIn('operatore.romano', 1);
}

describe('attendance marked by the trainer', () => {
  it('lists the confirmed places only, and hours follow the marks', async () => {
    const edition = await openEdition({ capacity: 1, sessions: 2 });
    const [first, second] = edition.sessions;
    const a = await requestOk('operatrice', edition.id);
    const waiting = await requestOk('clinica', edition.id);
    expect(waiting.place.status).toBe('waitlisted');

    const rows = await attendanceOf(first!.id);
    expect(rows).toEqual([
      {
        placeId: a.place.id,
        participantName: a.place.participantName,
        status: null,
        source: null,
        recordedAt: null,
      },
    ]);

    const marked = await ok<TAttendanceRow[]>(
      'formatore',
      'PUT',
      `/api/training/sessions/${first!.id}/attendance`,
      {
        marks: [{ placeId: a.place.id, status: 'present' }],
      },
    );
    expect(marked[0]).toMatchObject({ status: 'present', source: 'trainer' });
    expect((await placeOf(edition.id, a.place.id)).attendedHours).toBe(2);
    await ok('formatore', 'PUT', `/api/training/sessions/${second!.id}/attendance`, {
      marks: [{ placeId: a.place.id, status: 'late' }],
      source: 'signature_sheet',
    });
    expect((await attendanceOf(second!.id))[0]).toMatchObject({ status: 'late', source: 'signature_sheet' });
    expect((await placeOf(edition.id, a.place.id)).attendedHours).toBe(4);
    // The participant sees their hours too.
    const mine = await ok<TMyTraining>('operatrice', 'GET', '/api/training/mine');
    expect(mine.places.find((p) => p.placeId === a.place.id)!.attendedHours).toBe(4);
    // A later mark replaces the earlier: absent and excused count nothing.
    await ok('formatore', 'PUT', `/api/training/sessions/${first!.id}/attendance`, {
      marks: [{ placeId: a.place.id, status: 'absent' }],
    });
    await ok('formatore', 'PUT', `/api/training/sessions/${second!.id}/attendance`, {
      marks: [{ placeId: a.place.id, status: 'excused' }],
    });
    expect((await placeOf(edition.id, a.place.id)).attendedHours).toBe(0);

    const audit = await system<{ action: string; details: { count: number } }>(
      sql`select action, details from audit_events where record_id = ${first!.id}
           and action in ('training.attendance_read', 'training.attendance_recorded') order by id`,
    );
    expect(audit.map((e) => e.action)).toEqual([
      'training.attendance_read',
      'training.attendance_recorded',
      'training.attendance_recorded',
    ]);
    expect(audit.every((e) => e.details.count === 1)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(a.place.participantName);
  });

  it('refuses a mark for a place not confirmed in that edition, naming the mark', async () => {
    const edition = await openEdition({ capacity: 1 });
    const other = await openEdition({ capacity: 5 });
    const a = await requestOk('operatrice', edition.id);
    const waiting = await requestOk('clinica', edition.id);
    const elsewhere = await requestOk('responsabile', other.id);
    const res = await call(
      'formatore',
      'PUT',
      `/api/training/sessions/${edition.sessions[0]!.id}/attendance`,
      {
        marks: [
          { placeId: a.place.id, status: 'present' },
          { placeId: waiting.place.id, status: 'present' },
          { placeId: elsewhere.place.id, status: 'present' },
        ],
      },
    );
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['marks.1.placeId', 'marks.2.placeId']);
    // Nothing was written, not even the valid mark.
    expect((await attendanceOf(edition.sessions[0]!.id))[0]!.status).toBeNull();
  });

  it('shows the attendance to the edition’s trainers only', async () => {
    const edition = await openEdition();
    await requestOk('operatrice', edition.id);
    const sessionId = edition.sessions[0]!.id;
    expect(
      (await call('operatrice', 'GET', `/api/training/sessions/${sessionId}/attendance`)).statusCode,
    ).toBe(403);
    expect(
      (await call('coordinatrice', 'GET', `/api/training/sessions/${sessionId}/attendance`)).statusCode,
    ).toBe(403);
    const stranger = await otherTrainer();
    for (const req of [
      { method: 'GET' as const, url: `/api/training/sessions/${sessionId}/attendance` },
      { method: 'GET' as const, url: `/api/training/sessions/${sessionId}/signature-sheet` },
      { method: 'GET' as const, url: `/api/training/sessions/${sessionId}/checkin-code` },
    ])
      expect((await stranger.request(req)).statusCode).toBe(404);
    const put = await stranger.request({
      method: 'PUT',
      url: `/api/training/sessions/${sessionId}/attendance`,
      payload: { marks: [{ placeId: edition.sessions[0]!.id, status: 'present' }] },
    });
    expect(put.statusCode).toBe(404);
  });
});

describe('the signature sheet', () => {
  it('is a PDF for the edition’s trainers, audited with the count only', async () => {
    const edition = await openEdition();
    await requestOk('operatrice', edition.id);
    await enrolExternal(edition.id);
    const sessionId = edition.sessions[0]!.id;
    const res = await call('formatore', 'GET', `/api/training/sessions/${sessionId}/signature-sheet`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const [event] = await system<{ details: { count: number } }>(
      sql`select details from audit_events where record_id = ${sessionId} and action = 'training.signature_sheet_printed'`,
    );
    expect(event!.details.count).toBe(2);
    expect(
      (await call('operatrice', 'GET', `/api/training/sessions/${sessionId}/signature-sheet`)).statusCode,
    ).toBe(403);
  });
});

describe('calendars', () => {
  it('gives an edition’s sessions to any member', async () => {
    const edition = await openEdition({ sessions: 3 });
    const res = await call('operatrice', 'GET', `/api/training/editions/${edition.id}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const events = eventsOf(res.body);
    expect(events).toHaveLength(3);
    expect(events[0]).toContain(`SUMMARY:${edition.courseTitle}`);
    expect(events[0]).toContain(`UID:${edition.sessions[0]!.id}@`);
  });

  it('makes a personal feed of the member’s confirmed and offered places; a new link revokes the old', async () => {
    const mine = await openEdition({ sessions: 2 });
    const notMine = await openEdition({ sessions: 1 });
    const full = await openEdition({ capacity: 1, sessions: 1 });
    await requestOk('mediatrice', mine.id);
    await requestOk('operatrice', full.id);
    await requestOk('mediatrice', full.id); // waitlisted: not in the feed
    const { url } = await ok<{ url: string }>('mediatrice', 'POST', '/api/training/calendar-link');
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    const [stored] = await system<{ token_hash: string }>(
      sql`select token_hash from calendar_feeds where user_id = ${await t.userId('mediatrice')}`,
    );
    expect(stored!.token_hash).not.toContain(path.slice('/api/calendar/'.length, -4));

    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const uids = eventsOf(feed.body).map((e) => /UID:([^\r\n]+)/.exec(e)![1]);
    expect(uids).toEqual(expect.arrayContaining(mine.sessions.map((s) => `${s.id}@trama.gatherings`)));
    expect(uids.some((u) => u!.startsWith(notMine.sessions[0]!.id))).toBe(false);
    expect(uids.some((u) => u!.startsWith(full.sessions[0]!.id))).toBe(false);

    const again = await ok<{ url: string }>('mediatrice', 'POST', '/api/training/calendar-link');
    expect(again.url).not.toBe(url);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: new URL(again.url).pathname })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/not-a-token.ics' })).statusCode).toBe(
      404,
    );
  });

  it('gives an external participant their edition’s sessions by their personal link', async () => {
    const edition = await openEdition({ sessions: 2 });
    const { token } = await enrolExternal(edition.id);
    const res = await t.app.inject({ method: 'GET', url: `/api/training/personal/${token}/calendar.ics` });
    expect(res.statusCode).toBe(200);
    const events = eventsOf(res.body);
    expect(events).toHaveLength(2);
    expect(events[1]).toContain(`SUMMARY:${edition.courseTitle}`);
    const bad = await t.app.inject({
      method: 'GET',
      url: `/api/training/personal/${'x'.repeat(32)}/calendar.ics`,
    });
    expect(bad.statusCode).toBe(404);
  });
});
