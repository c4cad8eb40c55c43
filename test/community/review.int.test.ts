import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { TEvent } from '../../src/contracts/community.js';
import { formSigner } from '../../src/server/modules/community/public/public-form-token.js';
import { wordsFor } from '../../src/server/modules/community/public/public-words.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { systemTransaction, withDbContext } from '../../src/server/platform/db/context.js';
import {
  checkinCodeFor,
  checkinCoder,
  checkinWindow,
  windowEnds,
} from '../../src/server/platform/gatherings/checkin-code.js';
import { communityTestKit, type Method, WORKER } from './support.js';

/**
 * The security and correctness review of community engagement (issue 19): one test per defect
 * found, and the checks of the review's list that had no test yet (another service's community
 * worker, RLS as the backstop, the public pages' codes and tickets across events, escaping).
 */
const { t, call, ok, system, newEvent } = communityTestKit();

interface Ticket {
  placeId: string;
  status: string;
  ticketCode: string;
}

const get = (url: string) => t.app.inject({ method: 'GET', url });
const post = (url: string, form: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

function expectPage(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
  expect(res.headers['set-cookie']).toBeUndefined();
  return res.body;
}

const register = (event: TEvent, body: object = { anonymous: true }) =>
  ok<Ticket>(WORKER, 'POST', `/api/community/events/${event.id}/registrations`, body);

async function runningNow(sessionId: string) {
  await system(
    sql`update gathering_sessions set starts_at = now() - interval '5 minutes', ends_at = now() + interval '2 hours'
         where id = ${sessionId}`,
  );
}

async function checkinCode(sessionId: string, windowsAgo = 0) {
  return systemTransaction(t.deps.db, async (sys) =>
    checkinCodeFor(
      await checkinCoder({ tx: sys, keyring: t.deps.keyring }),
      sessionId,
      checkinWindow(new Date()) - windowsAgo,
    ),
  );
}

async function walkInToken(sessionId: string) {
  const page = expectPage(await get(`/eventi/presenza/${sessionId}?c=${await checkinCode(sessionId)}`), 200);
  return page.match(/name="token" value="([^"]+)"/)![1]!;
}

async function registerToken(eventId: string) {
  const signer = await systemTransaction(t.deps.db, (sys) => formSigner({ sys, keyring: t.deps.keyring }));
  return signer.sign('register', eventId, Date.now() - 10_000);
}

/** A community worker of a second engagement service, signed in by username. */
async function otherServiceWorker() {
  const username = `animatore.${randomUUID().slice(0, 8)}`;
  const [org] = await system<{ organisation_id: string }>(
    sql`select organisation_id from services where kind = 'community_engagement' limit 1`,
  );
  const [service] = await system<{ id: string }>(
    sql`insert into services (organisation_id, name, kind)
        values (${org!.organisation_id}, ${`Partecipazione ${username}`}, 'community_engagement') returning id`,
  );
  const [user] = await system<{ id: string }>(
    sql`insert into users (username, display_name) values (${username}, 'Altro Animatore') returning id`,
  );
  await system(
    sql`insert into memberships (user_id, role, service_id) values (${user!.id}, 'practitioner', ${service!.id})`,
  );
  return username;
}

/** The request context of a user's first membership, for queries run as the request role. */
async function contextOf(username: string) {
  const [m] = await system<{
    user_id: string;
    role: string;
    organisation_id: string | null;
    service_id: string | null;
  }>(
    sql`select m.user_id, m.role, m.organisation_id, m.service_id from memberships m join users u on u.id = m.user_id
         where u.username = ${username} order by m.created_at limit 1`,
  );
  return {
    userId: m!.user_id,
    role: m!.role,
    organisationId: m!.organisation_id,
    serviceId: m!.service_id,
  };
}

/** Runs one statement as the request role of `username`; the error's text when it is refused. */
async function asRequestRole(username: string, query: ReturnType<typeof sql>) {
  const context = await contextOf(username);
  try {
    return { rows: await withDbContext(t.database.db, context, (tx) => queryRows(tx, query)) };
  } catch (error) {
    return { error: String((error as { cause?: unknown }).cause ?? error) };
  }
}

describe('another engagement service', () => {
  it('neither reads nor changes this service’s events, sessions, registrations, counts or attendance', async () => {
    const event = await newEvent({}, { sessions: 1 });
    const session = event.sessions[0]!;
    await runningNow(session.id);
    const ticket = await register(event, { name: 'Amina Diallo', phone: '333 111 2233' });
    const count = await ok<{ id: string }>(
      WORKER,
      'POST',
      `/api/community/sessions/${session.id}/head-counts`,
      {
        participant: 'resident',
        gender: 'female',
        ageBand: '30_44',
        citizenshipGroup: 'non_eu',
        count: 3,
      },
    );
    const other = await otherServiceWorker();
    const refused: [Method, string, unknown?][] = [
      ['GET', `/api/community/events/${event.id}/registrations`],
      ['POST', `/api/community/events/${event.id}/registrations`, { anonymous: true }],
      ['POST', `/api/community/events/${event.id}/registrations/${ticket.placeId}/cancel`],
      [
        'PUT',
        `/api/community/events/${event.id}`,
        {
          title: 'Preso',
          description: null,
          languages: ['it'],
          topics: [],
          capacity: 99,
          coOrganiserIds: [],
          published: true,
        },
      ],
      ['POST', `/api/community/events/${event.id}/cancel`],
      ['GET', `/api/community/sessions/${session.id}`],
      ['GET', `/api/community/sessions/${session.id}/checkin-code`],
      ['POST', `/api/community/sessions/${session.id}/checkin`, { ticketCode: ticket.ticketCode }],
      [
        'PUT',
        `/api/community/sessions/${session.id}/attendance`,
        { marks: [{ placeId: ticket.placeId, present: true }] },
      ],
      [
        'POST',
        `/api/community/sessions/${session.id}/head-counts`,
        {
          participant: 'resident',
          gender: 'male',
          ageBand: '18_29',
          citizenshipGroup: 'italian',
          count: 50,
        },
      ],
      ['DELETE', `/api/community/head-counts/${count.id}`],
      ['GET', `/api/community/tickets?code=${ticket.ticketCode}`],
    ];
    for (const [method, url, body] of refused) {
      const res = await call(other, method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
      expect(res.body).not.toContain('Amina');
    }
    const seen = await ok<TEvent>(other, 'GET', `/api/community/events/${event.id}`);
    expect(seen).toMatchObject({ canManage: false, title: event.title, capacity: event.capacity });
    const [kept] = await system<{ n: number; present: number }>(
      sql`select (select count(*)::int from community_head_counts where session_id = ${session.id}) as n,
                 (select count(*)::int from gathering_attendance where session_id = ${session.id}) as present`,
    );
    expect(kept).toEqual({ n: 1, present: 0 });
  });
});

describe('row-level security beneath the services', () => {
  it('keeps the ticket’s and the phone’s hashes from the request role, and registrations from other services', async () => {
    const event = await newEvent({}, { sessions: 1 });
    await register(event, { name: 'Nome Cognome', phone: '333 444 5566' });
    for (const column of ['ticket_hash', 'phone_hash']) {
      const read = await asRequestRole(
        WORKER,
        sql`select ${sql.raw(column)} from community_registrations where event_id = ${event.id}`,
      );
      expect(read.error, column).toMatch(/permission denied/);
    }
    const mine = await asRequestRole(
      WORKER,
      sql`select place_id from community_registrations where event_id = ${event.id}`,
    );
    expect(mine.rows).toHaveLength(1);
    const other = await otherServiceWorker();
    const theirs = await asRequestRole(
      other,
      sql`select place_id, name_encrypted from community_registrations where event_id = ${event.id}`,
    );
    expect(theirs.rows).toEqual([]);
    const places = await asRequestRole(
      other,
      sql`select id from gathering_places where gathering_id = ${event.gatheringId}`,
    );
    expect(places.rows).toEqual([]);
  });

  it('writes no registration, attendance or head count for an event the caller does not manage; no ledger line rewritten', async () => {
    const event = await newEvent({}, { sessions: 1 });
    const session = event.sessions[0]!;
    const ticket = await register(event);
    const other = await otherServiceWorker();
    const [otherUser] = await system<{ id: string }>(sql`select id from users where username = ${other}`);
    const registration = await asRequestRole(
      other,
      sql`insert into community_registrations (place_id, event_id, participant, anonymous, gender, age_band,
            citizenship_group, language, ticket_hash, registered_via)
          values (${randomUUID()}, ${event.id}, 'resident', true, 'not_said', 'not_said', 'not_said', 'it', 'x', 'operator')`,
    );
    expect(registration.error).toMatch(/permission denied|row-level security/);
    const attendance = await asRequestRole(
      other,
      sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by)
          values (${session.id}, ${ticket.placeId}, 'present', 'organiser', ${otherUser!.id})`,
    );
    expect(attendance.error).toMatch(/row-level security/);
    const counted = await asRequestRole(
      other,
      sql`insert into community_head_counts (session_id, participant, gender, age_band, citizenship_group, count, recorded_by)
          values (${session.id}, 'resident', 'male', '18_29', 'italian', 40, ${otherUser!.id})`,
    );
    expect(counted.error).toMatch(/row-level security/);
    const rewritten = await asRequestRole(
      WORKER,
      sql`update community_resources set value_cents = 0 returning id`,
    );
    expect(rewritten.error).toMatch(/permission denied/);
    const removed = await asRequestRole(WORKER, sql`delete from community_resources returning id`);
    expect(removed.error).toMatch(/permission denied/);
  });
});

describe('the public pages across events', () => {
  it('a walk-in ticket of one event does not check in at another; a cancel code of one does not cancel at another', async () => {
    const x = await newEvent({ title: 'Evento X' }, { sessions: 1 });
    const y = await newEvent({ title: 'Evento Y' }, { sessions: 1 });
    await runningNow(y.sessions[0]!.id);
    const ticketX = await register(x);
    const token = await walkInToken(y.sessions[0]!.id);
    expectPage(
      await post(`/eventi/presenza/${y.sessions[0]!.id}`, { token, ticket: ticketX.ticketCode }),
      404,
    );
    expectPage(await post(`${y.publicPath}/annulla`, { code: ticketX.ticketCode }), 404);
    const [row] = await system<{ status: string; attended: number }>(
      sql`select p.status, (select count(*)::int from gathering_attendance a where a.place_id = p.id) as attended
            from gathering_places p where p.id = ${ticketX.placeId}`,
    );
    expect(row).toEqual({ status: 'confirmed', attended: 0 });
  });

  it('a walk-in code older than the previous window is refused', async () => {
    const event = await newEvent({}, { sessions: 1 });
    const session = event.sessions[0]!;
    await runningNow(session.id);
    // Away from a window's edge, so the window does not turn between the code and the request.
    const left = windowEnds(checkinWindow(new Date())).getTime() - Date.now();
    if (left < 3_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
    expectPage(await get(`/eventi/presenza/${session.id}?c=${await checkinCode(session.id, 1)}`), 200);
    expectPage(await get(`/eventi/presenza/${session.id}?c=${await checkinCode(session.id, 2)}`), 400);
  });

  it('no registration to an unpublished or a cancelled event', async () => {
    const hidden = await newEvent({ published: false }, { sessions: 1 });
    expectPage(
      await post(hidden.publicPath, { token: await registerToken(hidden.id), anonymous: 'yes' }),
      404,
    );
    const cancelled = await newEvent({}, { sessions: 1 });
    await ok(WORKER, 'POST', `/api/community/events/${cancelled.id}/cancel`);
    expectPage(
      await post(cancelled.publicPath, { token: await registerToken(cancelled.id), anonymous: 'yes' }),
      409,
    );
    const [n] = await system<{ n: number }>(
      sql`select count(*)::int as n from community_registrations where event_id in (${hidden.id}, ${cancelled.id})`,
    );
    expect(n!.n).toBe(0);
  });

  it('escape what operators typed on every page: title, description, place', async () => {
    const payload = `<script>alert(1)</script>"onmouseover="alert(2)`;
    const event = await newEvent(
      { title: `Titolo ${payload}`, description: `Testo ${payload}` },
      { sessions: 1 },
    );
    await system(
      sql`update gathering_sessions set place = ${`Sala ${payload}`} where gathering_id = ${event.gatheringId}`,
    );
    await runningNow(event.sessions[0]!.id);
    const pages = [
      await get(event.publicPath),
      await get('/eventi'),
      await get(`${event.publicPath}/annulla`),
      await get(`${event.publicPath}/parere`),
      await get(`/eventi/presenza/${event.sessions[0]!.id}?c=${await checkinCode(event.sessions[0]!.id)}`),
    ];
    for (const page of pages) {
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('<script>alert');
      expect(page.body).not.toContain('"onmouseover=');
      expect(page.headers['content-security-policy']).toBeDefined();
      const urls = [...page.body.matchAll(/(?:href|src|action)="(https?:[^"]+)"/g)].map((m) => m[1]);
      expect(
        urls.every(
          (u) => u!.startsWith('https://www.google.com/search') || u!.startsWith(t.deps.config.publicUrl),
        ),
      ).toBe(true);
    }
  });
});

describe('walk-in after the form was served', () => {
  it('marks nobody present once the event is cancelled', async () => {
    const event = await newEvent({}, { sessions: 1 });
    const session = event.sessions[0]!;
    await runningNow(session.id);
    const ticket = await register(event);
    const token = await walkInToken(session.id);
    await ok(WORKER, 'POST', `/api/community/events/${event.id}/cancel`);
    const res = await post(`/eventi/presenza/${session.id}`, { token, ticket: ticket.ticketCode });
    expect(res.statusCode).toBe(409);
    const [n] = await system<{ n: number }>(
      sql`select count(*)::int as n from gathering_attendance where session_id = ${session.id}`,
    );
    expect(n!.n).toBe(0);
  });
});

describe('walk-in after the form was served (session over)', () => {
  it('marks nobody present once the session has ended', async () => {
    const event = await newEvent({}, { sessions: 1 });
    const session = event.sessions[0]!;
    await runningNow(session.id);
    const token = await walkInToken(session.id);
    await system(
      sql`update gathering_sessions set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 minute'
           where id = ${session.id}`,
    );
    const res = await post(`/eventi/presenza/${session.id}?lang=fr`, { token, gender: 'female' });
    expect(expectPage(res, 409)).toContain(wordsFor('fr').checkinEnded);
    const [n] = await system<{ n: number }>(
      sql`select count(*)::int as n from community_registrations where event_id = ${event.id}`,
    );
    expect(n!.n).toBe(0);
  });
});

describe('a walk-in form sent again', () => {
  it('registers nobody the second time (a replayed form cannot inflate the count)', async () => {
    const event = await newEvent({}, { sessions: 1 });
    const session = event.sessions[0]!;
    await runningNow(session.id);
    const token = await walkInToken(session.id);
    expectPage(await post(`/eventi/presenza/${session.id}`, { token, gender: 'female' }), 200);
    await post(`/eventi/presenza/${session.id}`, { token, gender: 'female' });
    const [n] = await system<{ n: number }>(
      sql`select count(*)::int as n from community_registrations where event_id = ${event.id}`,
    );
    expect(n!.n).toBe(1);
  });
});

describe('at once (run on PostgreSQL too)', () => {
  it('public page, operator and walk-in registering together never pass the capacity', async () => {
    const event = await newEvent({ capacity: 3 }, { sessions: 1 });
    const session = event.sessions[0]!;
    await runningNow(session.id);
    const walkIns = [
      await walkInToken(session.id),
      await walkInToken(session.id),
      await walkInToken(session.id),
    ];
    const attempts = Array.from({ length: 9 }, async (_, i) => {
      if (i % 3 === 0)
        return post(event.publicPath, { token: await registerToken(event.id), anonymous: 'yes' });
      if (i % 3 === 1)
        return call(WORKER, 'POST', `/api/community/events/${event.id}/registrations`, { anonymous: true });
      return post(`/eventi/presenza/${session.id}`, { token: walkIns[(i - 2) / 3]! });
    });
    const answers = await Promise.all(attempts);
    expect(answers.map((a) => a.statusCode).every((s) => s === 200 || s === 201)).toBe(true);
    const [row] = await system<{ seats_taken: number; confirmed: number; waiting: number }>(
      sql`select g.seats_taken,
                 (select count(*)::int from gathering_places p where p.gathering_id = g.id and p.status = 'confirmed') as confirmed,
                 (select count(*)::int from gathering_places p where p.gathering_id = g.id and p.status = 'waitlisted') as waiting
            from gatherings g where g.id = ${event.gatheringId}`,
    );
    expect(row).toEqual({ seats_taken: 3, confirmed: 3, waiting: 6 });
  });

  it('the same phone twice at once, on the public page and at the desk: one registration', async () => {
    const event = await newEvent({}, { sessions: 1 });
    const answers = await Promise.all([
      post(event.publicPath, { token: await registerToken(event.id), name: 'Sara', phone: '333 987 6543' }),
      post(event.publicPath, { token: await registerToken(event.id), name: 'Sara', phone: '+39 3339876543' }),
      call(WORKER, 'POST', `/api/community/events/${event.id}/registrations`, {
        name: 'Sara',
        phone: '3339876543',
      }),
    ]);
    expect(answers.map((a) => a.statusCode).filter((s) => s === 409)).toHaveLength(2);
    const [row] = await system<{ n: number; seats_taken: number }>(
      sql`select (select count(*)::int from community_registrations where event_id = ${event.id}) as n,
                 (select seats_taken from gatherings where id = ${event.gatheringId}) as seats_taken`,
    );
    expect(row).toEqual({ n: 1, seats_taken: 1 });
  });

  it('feedback sent twice at once with one ticket is kept once', async () => {
    const event = await newEvent({}, { sessions: 1 });
    const ticket = await register(event);
    await runningNow(event.sessions[0]!.id);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        post(`${event.publicPath}/parere`, { ticket: ticket.ticketCode, useful: '5', understood: '4' }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409]);
    const [n] = await system<{ n: number }>(
      sql`select count(*)::int as n from community_feedback where event_id = ${event.id}`,
    );
    expect(n!.n).toBe(1);
  });
});

describe('bad input on a registration', () => {
  it('an unknown holder on whose behalf someone registers is a 400 naming the field, nothing kept', async () => {
    const event = await newEvent({}, { sessions: 1 });
    const res = await call(WORKER, 'POST', `/api/community/events/${event.id}/registrations`, {
      anonymous: true,
      viaHolderId: randomUUID(),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().errors[0].field).toBe('viaHolderId');
    const [g] = await system<{ seats_taken: number }>(
      sql`select seats_taken from gatherings where id = ${event.gatheringId}`,
    );
    expect(g!.seats_taken).toBe(0);
  });

  it('an unknown comune on a new event is a 400 naming the field', async () => {
    const res = await call(WORKER, 'POST', '/api/community/events', {
      kind: 'workshop',
      title: 'Laboratorio',
      municipality: '999999',
      languages: ['it'],
      capacity: 10,
      sessions: [{ startsAt: '2031-01-01T10:00:00Z', endsAt: '2031-01-01T12:00:00Z' }],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].field).toBe('municipality');
  });
});
