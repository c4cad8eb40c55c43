import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TEvent } from '../../src/contracts/community.js';
import { communityTestKit, dayAt, TREVIGLIO, WORKER } from './support.js';

/**
 * Community events, the organisers' side (issue 19 §5): the list, changes, cancellation, the
 * participant list (organisers only), cancelling a registration (the first waiting gets the
 * seat), capacity under simultaneous registrations, the mediator request and the calendars.
 */
const { t, call, ok, system, newEvent, moveIntoPast } = communityTestKit();

interface Ticket {
  placeId: string;
  status: string;
  ticketCode: string;
}
interface Registration {
  placeId: string;
  name: string | null;
  phone: string | null;
  status: string;
  anonymous: boolean;
}

const register = (event: TEvent, body: object = { anonymous: true }) =>
  ok<Ticket>(WORKER, 'POST', `/api/community/events/${event.id}/registrations`, body);

const updateOf = (event: TEvent, changes: object = {}) => ({
  title: event.title,
  description: event.description,
  languages: event.languages,
  topics: event.topics,
  capacity: event.capacity,
  coOrganiserIds: event.coOrganisers.map((c) => c.id),
  published: event.published,
  ...changes,
});

/** A community worker of a second engagement service (the demo has one), signed in by username. */
async function otherServiceWorker() {
  const username = `animatore.${randomUUID().slice(0, 8)}`;
  const [org] = await system<{ organisation_id: string }>(
    sql`select organisation_id from services where kind = 'community_engagement' limit 1`,
  );
  const [service] = await system<{ id: string }>(
    sql`insert into services (organisation_id, name, kind) values (${org!.organisation_id}, 'Partecipazione Est', 'community_engagement')
        returning id`,
  );
  const [user] = await system<{ id: string }>(
    sql`insert into users (username, display_name) values (${username}, 'Altro Animatore') returning id`,
  );
  await system(
    sql`insert into memberships (user_id, role, service_id) values (${user!.id}, 'practitioner', ${service!.id})`,
  );
  return username;
}

describe('the events list', () => {
  it('lists events not yet over first (soonest first), then past ones (latest first), cancelled with status', async () => {
    const soon = await newEvent({ title: 'Presto' }, { sessions: 1, startDays: 3 });
    const later = await newEvent({ title: 'Più avanti' }, { sessions: 1, startDays: 9 });
    const past = await newEvent({ title: 'Passato' }, { sessions: 1, startDays: 1 });
    await moveIntoPast(past, 5);
    const older = await newEvent({ title: 'Più vecchio' }, { sessions: 1, startDays: 1 });
    await moveIntoPast(older, 20);
    await ok(WORKER, 'POST', `/api/community/events/${later.id}/cancel`);

    const page = await ok<{ items: TEvent[]; total: number }>(
      'operatrice',
      'GET',
      '/api/community/events?pageSize=200',
    );
    const order = page.items
      .map((e) => e.id)
      .filter((id) => [soon.id, later.id, past.id, older.id].includes(id));
    expect(order).toEqual([soon.id, later.id, past.id, older.id]);
    expect(page.items.find((e) => e.id === later.id)!.status).toBe('cancelled');
    expect(page.total).toBeGreaterThanOrEqual(4);

    const day = dayAt(3, 17).slice(0, 10);
    const filtered = await ok<{ items: TEvent[] }>(
      'operatrice',
      'GET',
      `/api/community/events?from=${day}&to=${day}`,
    );
    expect(filtered.items.map((e) => e.id)).toContain(soon.id);
    expect(filtered.items.map((e) => e.id)).not.toContain(later.id);
  });
});

describe('changing and cancelling an event', () => {
  it('never takes the capacity below the seats taken; raising it seats the people waiting', async () => {
    const event = await newEvent({ capacity: 2 }, { sessions: 1 });
    for (let i = 0; i < 3; i++) await register(event);
    const low = await call(
      WORKER,
      'PUT',
      `/api/community/events/${event.id}`,
      updateOf(event, { capacity: 1 }),
    );
    expect(low.statusCode).toBe(409);
    expect(low.json().errors[0].field).toBe('capacity');

    const raised = await ok<TEvent>(
      WORKER,
      'PUT',
      `/api/community/events/${event.id}`,
      updateOf(event, { capacity: 4 }),
    );
    expect(raised.seatsTaken).toBe(3);
    const list = await ok<{ items: Registration[] }>(
      WORKER,
      'GET',
      `/api/community/events/${event.id}/registrations`,
    );
    expect(list.items.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
  });

  it('replaces the co-organisers; a newly added one gets the event on its timeline', async () => {
    const holders = await system<{ id: string }>(sql`select id from community_holders order by name limit 2`);
    if (holders.length < 2) {
      for (const name of ['Associazione Alfa', 'Associazione Beta'])
        holders.push(
          (
            await system<{ id: string }>(
              sql`insert into community_holders (name, kind, municipality) values (${name}, 'volunteer_association', ${TREVIGLIO})
                  returning id`,
            )
          )[0]!,
        );
    }
    const [a, b] = holders as [{ id: string }, { id: string }];
    const event = await newEvent({ coOrganiserIds: [a.id] }, { sessions: 1 });
    const changed = await ok<TEvent>(
      WORKER,
      'PUT',
      `/api/community/events/${event.id}`,
      updateOf(event, { coOrganiserIds: [b.id], title: 'Titolo nuovo' }),
    );
    expect(changed.coOrganisers.map((c) => c.id)).toEqual([b.id]);
    expect(changed.title).toBe('Titolo nuovo');
    const lines = await system<{ holder_id: string }>(
      sql`select holder_id from community_engagements where event_id = ${event.id} and kind = 'event_coorganised'`,
    );
    expect(lines.map((l) => l.holder_id).sort()).toEqual([a.id, b.id].sort());
    const unknown = await call(
      WORKER,
      'PUT',
      `/api/community/events/${event.id}`,
      updateOf(event, { coOrganiserIds: [randomUUID()] }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('coOrganiserIds');
  });

  it('cancels for the organisers only; registrations stay, new ones are refused', async () => {
    const event = await newEvent({}, { sessions: 1 });
    await register(event);
    expect((await call('operatrice', 'POST', `/api/community/events/${event.id}/cancel`)).statusCode).toBe(
      404,
    );
    expect(
      (await call('operatrice', 'PUT', `/api/community/events/${event.id}`, updateOf(event))).statusCode,
    ).toBe(404);
    const cancelled = await ok<TEvent>(WORKER, 'POST', `/api/community/events/${event.id}/cancel`);
    expect(cancelled.status).toBe('cancelled');
    const list = await ok<{ items: Registration[] }>(
      WORKER,
      'GET',
      `/api/community/events/${event.id}/registrations`,
    );
    expect(list.items).toHaveLength(1);
    expect(
      (await call(WORKER, 'POST', `/api/community/events/${event.id}/registrations`, { anonymous: true }))
        .statusCode,
    ).toBe(409);
    expect((await call(WORKER, 'PUT', `/api/community/events/${event.id}`, updateOf(event))).statusCode).toBe(
      409,
    );
  });
});

describe('the participant list', () => {
  it('is the organisers’ only, names and phones in clear, audited with the count', async () => {
    const event = await newEvent({}, { sessions: 1 });
    await register(event, { name: 'Fatima Zahra', phone: '333 765 4321', language: 'ar' });
    await register(event);
    const list = await ok<{ items: Registration[] }>(
      WORKER,
      'GET',
      `/api/community/events/${event.id}/registrations`,
    );
    expect(list.items.map((r) => [r.name, r.phone, r.anonymous])).toEqual([
      ['Fatima Zahra', '+393337654321', false],
      [null, null, true],
    ]);
    const [audit] = await system<{ details: { count: number } }>(
      sql`select details from audit_events where action = 'community.participants_listed' and record_id = ${event.id}`,
    );
    expect(audit!.details.count).toBe(2);

    expect(
      (await call('operatrice', 'GET', `/api/community/events/${event.id}/registrations`)).statusCode,
    ).toBe(404);
    expect(
      (await call('coordinatrice', 'GET', `/api/community/events/${event.id}/registrations`)).statusCode,
    ).toBe(404);
    const other = await otherServiceWorker();
    expect((await call(other, 'GET', `/api/community/events/${event.id}/registrations`)).statusCode).toBe(
      404,
    );
    const seen = await ok<TEvent>(other, 'GET', `/api/community/events/${event.id}`);
    expect(seen.canManage).toBe(false);
  });

  it('cancelling a registration gives the seat to the first person waiting', async () => {
    const event = await newEvent({ capacity: 1 }, { sessions: 1 });
    const first = await register(event, { name: 'Prima Persona' });
    const waiting = await register(event, { name: 'Seconda Persona' });
    const third = await register(event, { name: 'Terza Persona' });
    expect([first.status, waiting.status, third.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    const outsider = await call(
      'operatrice',
      'POST',
      `/api/community/events/${event.id}/registrations/${first.placeId}/cancel`,
    );
    expect(outsider.statusCode).toBe(404);
    const other = await newEvent({}, { sessions: 1 });
    const wrongEvent = await call(
      WORKER,
      'POST',
      `/api/community/events/${other.id}/registrations/${first.placeId}/cancel`,
    );
    expect(wrongEvent.statusCode).toBe(404);

    const res = await call(
      WORKER,
      'POST',
      `/api/community/events/${event.id}/registrations/${first.placeId}/cancel`,
    );
    expect(res.statusCode).toBe(204);
    const list = await ok<{ items: Registration[] }>(
      WORKER,
      'GET',
      `/api/community/events/${event.id}/registrations`,
    );
    expect(list.items.map((r) => [r.name, r.status])).toEqual([
      ['Prima Persona', 'cancelled'],
      ['Seconda Persona', 'confirmed'],
      ['Terza Persona', 'waitlisted'],
    ]);
    const [row] = await system<{ live: boolean }>(
      sql`select live from community_registrations where place_id = ${first.placeId}`,
    );
    expect(row!.live).toBe(false);
    const again = await call(
      WORKER,
      'POST',
      `/api/community/events/${event.id}/registrations/${first.placeId}/cancel`,
    );
    expect(again.statusCode).toBe(409);
  });

  it('six people registering at once for three seats: exactly three confirmed, three waiting', async () => {
    const event = await newEvent({ capacity: 3 }, { sessions: 1 });
    const tickets = await Promise.all(Array.from({ length: 6 }, () => register(event)));
    const statuses = tickets.map((x) => x.status).sort();
    expect(statuses).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);
    const [g] = await system<{ seats_taken: number }>(
      sql`select seats_taken from gatherings where id = ${event.gatheringId}`,
    );
    expect(g!.seats_taken).toBe(3);
  });
});

describe('the mediator', () => {
  it('asks the mediation service for a mediator at the first session, and keeps the event when it cannot', async () => {
    const event = await newEvent({ mediatorLanguage: 'ar' }, { sessions: 2 });
    expect(event.mediationRequestId).not.toBeNull();
    const [request] = await system<{
      language: string;
      starts_at: Date;
      work_package: string;
      purpose: string;
    }>(
      sql`select language, starts_at, work_package, purpose from mediation_requests where id = ${event.mediationRequestId}`,
    );
    expect(request!.language).toBe('ar');
    expect(new Date(request!.starts_at).toISOString()).toBe(
      new Date(event.sessions[0]!.startsAt).toISOString(),
    );
    expect([request!.work_package, request!.purpose]).toEqual(['wp3', 'other']);
    expect((await ok<TEvent>(WORKER, 'GET', `/api/community/events/${event.id}`)).mediationRequestId).toBe(
      event.mediationRequestId,
    );

    // A first session already past: the mediation service refuses, the event stands without a request.
    const past = await newEvent({ mediatorLanguage: 'ar' }, { sessions: 2, startDays: -3 });
    expect(past.id).toBeTruthy();
    expect(past.mediatorLanguage).toBe('ar');
    expect(past.mediationRequestId).toBeNull();
  });
});

describe('calendars', () => {
  const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

  it('the public feed has published, planned events’ sessions with place and comune, never names', async () => {
    const shown = await newEvent({ title: 'Incontro aperto a tutti' }, { sessions: 2 });
    await register(shown, { name: 'Nome Segreto', phone: '333 111 2233' });
    const hidden = await newEvent({ title: 'Riunione non pubblicata', published: false }, { sessions: 1 });
    const cancelled = await newEvent({ title: 'Incontro annullato' }, { sessions: 1 });
    await ok(WORKER, 'POST', `/api/community/events/${cancelled.id}/cancel`);

    const res = await t.app.inject({ method: 'GET', url: '/eventi/calendario.ics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const ics = unfold(res.body);
    for (const s of shown.sessions) expect(ics).toContain(`UID:${s.id}@trama.gatherings`);
    expect(ics).toContain('Incontro aperto a tutti');
    expect(ics).toContain('Biblioteca civica\\, sala A\\, Treviglio');
    expect(ics).not.toContain('Nome Segreto');
    expect(ics).not.toContain('2233');
    expect(ics).not.toContain(hidden.sessions[0]!.id);
    expect(ics).not.toContain(cancelled.sessions[0]!.id);

    const members = await call('operatrice', 'GET', '/api/community/events.ics');
    expect(members.statusCode).toBe(200);
    expect(unfold(members.body)).toContain(hidden.sessions[0]!.id);
    expect(unfold(members.body)).not.toContain('Nome Segreto');
  });
});

describe('home', () => {
  it('shows a community worker the sessions of today still to come', async () => {
    const start = new Date(Date.now() + 5 * 60_000);
    const end = new Date(start.getTime() + 60 * 60_000);
    // Late in the Italian evening a session five minutes ahead may fall tomorrow: only then skip.
    const sameDay = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' });
    if (sameDay(start) !== sameDay(new Date())) return;
    await ok(WORKER, 'POST', '/api/community/events', {
      kind: 'awareness_meeting',
      title: 'Incontro di oggi',
      municipality: TREVIGLIO,
      languages: ['it'],
      capacity: 10,
      sessions: [{ startsAt: start.toISOString(), endsAt: end.toISOString(), place: 'Sala civica' }],
    });
    const home = await ok<{ attention: { kind: string; count: number; link: string }[] }>(
      WORKER,
      'GET',
      '/api/home',
    );
    const today = home.attention.find((a) => a.kind === 'community_sessions_today');
    expect(today?.count).toBeGreaterThanOrEqual(1);
    expect(today?.link).toBe('/community/events');
    const others = await ok<{ attention: { kind: string }[] }>('operatrice', 'GET', '/api/home');
    expect(others.attention.some((a) => a.kind === 'community_sessions_today')).toBe(false);
  });
});
