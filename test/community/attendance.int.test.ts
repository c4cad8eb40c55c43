import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TEvent, TSessionDetail } from '../../src/contracts/community.js';
import { communityTestKit, TREVIGLIO, WORKER } from './support.js';

/**
 * Check-in and counting, the organisers' side (issue 19 §6): tickets scanned (twice is "already",
 * a cancelled one refused), the walk-in code while check-in is open, the list ticked, head counts
 * on single-session events only, a ticket looked up outside a session page; 404 to anyone else.
 */
const { call, ok, system } = communityTestKit();

interface Ticket {
  placeId: string;
  status: string;
  ticketCode: string;
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** An event whose first session started ten minutes ago (check-in open), then weekly ones. */
async function eventNow(sessions = 1, overrides: object = {}) {
  return ok<TEvent>(WORKER, 'POST', '/api/community/events', {
    kind: sessions === 1 ? 'awareness_meeting' : 'citizenship_lab',
    title: 'Incontro in corso',
    municipality: TREVIGLIO,
    languages: ['it', 'ar'],
    capacity: 20,
    sessions: Array.from({ length: sessions }, (_, i) => ({
      startsAt: minutesFromNow(-10 + i * 7 * 24 * 60),
      endsAt: minutesFromNow(110 + i * 7 * 24 * 60),
      place: 'Sala civica',
    })),
    ...overrides,
  });
}

const register = (event: TEvent, body: object = { anonymous: true }) =>
  ok<Ticket>(WORKER, 'POST', `/api/community/events/${event.id}/registrations`, body);

describe('check-in by ticket', () => {
  it('marks the ticket’s person present once; a second scan says already', async () => {
    const event = await eventNow(3);
    const ticket = await register(event, { name: 'Amina Rahmani' });
    const session = event.sessions[0]!;
    const first = await ok<{ placeId: string; name: string | null; already: boolean }>(
      WORKER,
      'POST',
      `/api/community/sessions/${session.id}/checkin`,
      { ticketCode: ticket.ticketCode.toLowerCase() },
    );
    expect(first).toEqual({
      placeId: ticket.placeId,
      anonymous: false,
      name: 'Amina Rahmani',
      already: false,
    });
    const second = await ok<{ already: boolean }>(
      WORKER,
      'POST',
      `/api/community/sessions/${session.id}/checkin`,
      {
        ticketCode: ticket.ticketCode,
      },
    );
    expect(second.already).toBe(true);
    const marks = await system<{ status: string; source: string }>(
      sql`select status, source from gathering_attendance where session_id = ${session.id} and place_id = ${ticket.placeId}`,
    );
    expect(marks).toEqual([{ status: 'present', source: 'qr' }]);

    // Later sessions of the series: not open yet.
    const later = await call(WORKER, 'POST', `/api/community/sessions/${event.sessions[1]!.id}/checkin`, {
      ticketCode: ticket.ticketCode,
    });
    expect(later.statusCode).toBe(409);
    expect(later.json().localized.it.detail).toMatch(/si registrano dal/);
  });

  it('refuses an unknown ticket in words, a cancelled one, and anyone but the organisers', async () => {
    const event = await eventNow();
    const other = await eventNow();
    const session = event.sessions[0]!.id;
    const ticket = await register(event);
    const elsewhere = await register(other);

    const unknown = await call(WORKER, 'POST', `/api/community/sessions/${session}/checkin`, {
      ticketCode: elsewhere.ticketCode,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().localized.it.title).toBe('Biglietto non valido per questo evento');

    const malformed = await call(WORKER, 'POST', `/api/community/sessions/${session}/checkin`, {
      ticketCode: 'abc',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('ticketCode');

    expect(
      (
        await call('operatrice', 'POST', `/api/community/sessions/${session}/checkin`, {
          ticketCode: ticket.ticketCode,
        })
      ).statusCode,
    ).toBe(404);

    await ok(WORKER, 'POST', `/api/community/events/${event.id}/registrations/${ticket.placeId}/cancel`);
    const cancelled = await call(WORKER, 'POST', `/api/community/sessions/${session}/checkin`, {
      ticketCode: ticket.ticketCode,
    });
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().localized.it.detail).toMatch(/annullata/);
  });
});

describe('the walk-in code', () => {
  it('is shown while check-in is open, with the public check-in address', async () => {
    const event = await eventNow(2);
    const code = await ok<{ code: string; url: string; expiresAt: string }>(
      WORKER,
      'GET',
      `/api/community/sessions/${event.sessions[0]!.id}/checkin-code`,
    );
    expect(code.url).toMatch(new RegExp(`/eventi/presenza/${event.sessions[0]!.id}\\?c=`));
    expect(code.url).toContain(encodeURIComponent(code.code));
    expect(Date.parse(code.expiresAt)).toBeGreaterThan(Date.now());

    const notYet = await call(WORKER, 'GET', `/api/community/sessions/${event.sessions[1]!.id}/checkin-code`);
    expect(notYet.statusCode).toBe(409);
    expect(
      (await call('operatrice', 'GET', `/api/community/sessions/${event.sessions[0]!.id}/checkin-code`))
        .statusCode,
    ).toBe(404);
  });
});

describe('ticking the list', () => {
  it('marks present and unmarks, and the session shows it', async () => {
    const event = await eventNow();
    const a = await register(event, { name: 'Persona Uno' });
    const b = await register(event);
    const session = event.sessions[0]!.id;
    const ticked = await ok<TSessionDetail>(WORKER, 'PUT', `/api/community/sessions/${session}/attendance`, {
      marks: [
        { placeId: a.placeId, present: true },
        { placeId: b.placeId, present: true },
      ],
    });
    expect(ticked.participants.map((p) => [p.name, p.present])).toEqual([
      ['Persona Uno', true],
      [null, true],
    ]);
    const unticked = await ok<TSessionDetail>(
      WORKER,
      'PUT',
      `/api/community/sessions/${session}/attendance`,
      {
        marks: [{ placeId: b.placeId, present: false }],
      },
    );
    expect(unticked.participants.map((p) => p.present)).toEqual([true, false]);
    const rows = await system<{ source: string }>(
      sql`select source from gathering_attendance where session_id = ${session}`,
    );
    expect(rows).toEqual([{ source: 'organiser' }]);

    const stranger = await register(await eventNow());
    const wrong = await call(WORKER, 'PUT', `/api/community/sessions/${session}/attendance`, {
      marks: [{ placeId: stranger.placeId, present: true }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('marks.0.placeId');

    const detail = await ok<TSessionDetail>(WORKER, 'GET', `/api/community/sessions/${session}`);
    expect(detail.headCountAllowed).toBe(true);
    expect(detail.eventTitle).toBe('Incontro in corso');
    expect((await call('operatrice', 'GET', `/api/community/sessions/${session}`)).statusCode).toBe(404);
    expect(
      (
        await call('operatrice', 'PUT', `/api/community/sessions/${session}/attendance`, {
          marks: [{ placeId: a.placeId, present: true }],
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('head counts', () => {
  it('are refused on a series, accepted on a single session, and removed by the organisers', async () => {
    const series = await eventNow(3);
    const refused = await call(
      WORKER,
      'POST',
      `/api/community/sessions/${series.sessions[0]!.id}/head-counts`,
      {
        count: 12,
      },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().localized.en.detail).toMatch(
      /counts its participants by ticket, so each counts once/,
    );

    const single = await eventNow();
    const session = single.sessions[0]!.id;
    const res = await call(WORKER, 'POST', `/api/community/sessions/${session}/head-counts`, {
      count: 7,
      gender: 'female',
      ageBand: '30_44',
      citizenshipGroup: 'non_eu',
    });
    expect(res.statusCode).toBe(201);
    const count = res.json() as { id: string; count: number; participant: string };
    expect([count.count, count.participant]).toEqual([7, 'resident']);
    const detail = await ok<TSessionDetail>(WORKER, 'GET', `/api/community/sessions/${session}`);
    expect(detail.headCounts.map((h) => h.count)).toEqual([7]);

    expect(
      (await call('operatrice', 'POST', `/api/community/sessions/${session}/head-counts`, { count: 3 }))
        .statusCode,
    ).toBe(404);
    expect((await call('operatrice', 'DELETE', `/api/community/head-counts/${count.id}`)).statusCode).toBe(
      404,
    );
    expect((await call(WORKER, 'DELETE', `/api/community/head-counts/${count.id}`)).statusCode).toBe(204);
    expect((await call(WORKER, 'DELETE', `/api/community/head-counts/${count.id}`)).statusCode).toBe(404);
  });

  it('are refused once the event is cancelled', async () => {
    const event = await eventNow();
    await ok(WORKER, 'POST', `/api/community/events/${event.id}/cancel`);
    const res = await call(WORKER, 'POST', `/api/community/sessions/${event.sessions[0]!.id}/head-counts`, {
      count: 2,
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('a ticket scanned outside a session page', () => {
  it('finds its event among the organiser’s, with today’s sessions; others get 404', async () => {
    const event = await eventNow(2);
    const ticket = await register(event, { name: 'Karim Benali' });
    const found = await ok<{
      items: {
        eventId: string;
        name: string | null;
        live: boolean;
        sessionsToday: { id: string; present: boolean }[];
      }[];
    }>(WORKER, 'GET', `/api/community/tickets?code=${ticket.ticketCode}`);
    expect(found.items).toHaveLength(1);
    expect(found.items[0]!.eventId).toBe(event.id);
    expect(found.items[0]!.name).toBe('Karim Benali');
    expect(found.items[0]!.live).toBe(true);
    const romeDay = (at: string | Date) =>
      new Date(at).toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' });
    const today = event.sessions.filter((s) => romeDay(s.startsAt) === romeDay(new Date())).map((s) => s.id);
    expect(found.items[0]!.sessionsToday.map((s) => s.id)).toEqual(today);
    expect(found.items[0]!.sessionsToday.every((s) => !s.present)).toBe(true);

    expect(
      (await call('operatrice', 'GET', `/api/community/tickets?code=${ticket.ticketCode}`)).statusCode,
    ).toBe(404);
    expect(
      (await call('coordinatrice', 'GET', `/api/community/tickets?code=${ticket.ticketCode}`)).statusCode,
    ).toBe(404);
    expect((await call(WORKER, 'GET', '/api/community/tickets?code=AAAAAAAA')).statusCode).toBe(404);
    expect((await call(WORKER, 'GET', '/api/community/tickets?code=1')).statusCode).toBe(400);
  });
});
