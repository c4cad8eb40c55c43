import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { COORD, mediationTestKit, weekdayAt } from './support.js';

/**
 * Double booking is impossible under concurrency (issue 18): the request row, then the mediator row,
 * are locked in that order and eligibility is judged again inside the locks
 * (`mediation-booking.ts`). Real concurrent requests; on PostgreSQL they race, on PGlite (one
 * connection) they take turns — the outcome must be the same.
 */
const k = mediationTestKit();
const { call, ok, system, newMediator, newRequest } = k;

const LANGUAGE = 'so';
const somali = () => newMediator({ languages: [{ language: LANGUAGE, level: 'native', written: false }] });

/** The live (assigned or confirmed) assignments of a request, or of a mediator. */
const liveOf = (column: 'request_id' | 'mediator_id', id: string) =>
  system<{ request_id: string; mediator_id: string; status: string }>(
    sql`select request_id, mediator_id, status from mediation_assignments
         where ${sql.identifier(column)} = ${id} and status in ('assigned', 'confirmed')`,
  );
const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();

describe('concurrent bookings', () => {
  it('gives a request offered to five mediators to exactly one when all accept at once', async () => {
    const five = await Promise.all([1, 2, 3, 4, 5].map(() => somali()));
    const request = await newRequest({ language: LANGUAGE, startsAt: weekdayAt(3, 9) });
    await ok(COORD, 'POST', `/api/mediation/requests/${request.id}/offer`, {
      mediatorIds: five.map((m) => m.mediator.id),
    });
    // Signed in beforehand, so the accepts leave together.
    for (const m of five) await ok(m.username, 'GET', '/api/mediation/my/jobs');
    const answers = await Promise.all(
      five.map((m) => call(m.username, 'POST', `/api/mediation/my/offers/${request.id}/accept`)),
    );
    expect(statuses(answers)).toEqual([200, 409, 409, 409, 409]);
    const winner = five[answers.findIndex((r) => r.statusCode === 200)]!;
    expect(await liveOf('request_id', request.id)).toEqual([
      { request_id: request.id, mediator_id: winner.mediator.id, status: 'confirmed' },
    ]);
    const offers = await system<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from mediation_offers where request_id = ${request.id}
           group by status order by status`,
    );
    expect(offers).toEqual([
      { status: 'accepted', n: 1 },
      { status: 'withdrawn', n: 4 },
    ]);
  });

  it('lets a mediator offered two overlapping requests take only one when accepting both at once', async () => {
    const { username, mediator } = await somali();
    const first = await newRequest({ language: LANGUAGE, startsAt: weekdayAt(4, 10), durationMinutes: 120 });
    const second = await newRequest({ language: LANGUAGE, startsAt: weekdayAt(4, 11), durationMinutes: 60 });
    for (const r of [first, second])
      await ok(COORD, 'POST', `/api/mediation/requests/${r.id}/offer`, { mediatorIds: [mediator.id] });
    await ok(username, 'GET', '/api/mediation/my/jobs');
    const answers = await Promise.all(
      [first, second].map((r) => call(username, 'POST', `/api/mediation/my/offers/${r.id}/accept`)),
    );
    expect(statuses(answers)).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json()).toMatchObject({
      type: expect.stringContaining('overlap'),
    });
    expect(await liveOf('mediator_id', mediator.id)).toHaveLength(1);
  });

  it('lets the coordinator book one mediator on only one of two overlapping requests assigned at once', async () => {
    const { mediator } = await somali();
    const first = await newRequest({ language: LANGUAGE, startsAt: weekdayAt(5, 14), durationMinutes: 90 });
    const second = await newRequest({ language: LANGUAGE, startsAt: weekdayAt(5, 15), durationMinutes: 60 });
    const answers = await Promise.all(
      [first, second].map((r) =>
        call(COORD, 'POST', `/api/mediation/requests/${r.id}/assign`, { mediatorId: mediator.id }),
      ),
    );
    expect(statuses(answers)).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json()).toMatchObject({
      type: expect.stringContaining('overlap'),
    });
    const live = await liveOf('mediator_id', mediator.id);
    expect(live).toHaveLength(1);
    // The request that lost stays open for someone else.
    const lost = live[0]!.request_id === first.id ? second : first;
    const [row] = await system<{ status: string }>(
      sql`select status from mediation_requests where id = ${lost.id}`,
    );
    expect(row!.status).toBe('open');
  });

  it('keeps one assignment when the coordinator assigns a request while an offered mediator accepts it', async () => {
    const offered = await somali();
    const assigned = await somali();
    const request = await newRequest({ language: LANGUAGE, startsAt: weekdayAt(6, 9) });
    await ok(COORD, 'POST', `/api/mediation/requests/${request.id}/offer`, {
      mediatorIds: [offered.mediator.id],
    });
    await ok(offered.username, 'GET', '/api/mediation/my/jobs');
    const answers = await Promise.all([
      call(offered.username, 'POST', `/api/mediation/my/offers/${request.id}/accept`),
      call(COORD, 'POST', `/api/mediation/requests/${request.id}/assign`, {
        mediatorId: assigned.mediator.id,
      }),
    ]);
    expect(statuses(answers)).toEqual([200, 409]);
    expect(await liveOf('request_id', request.id)).toHaveLength(1);
  });

  it('lets a confirmation and a removal, or hours and a cancellation, take turns without a deadlock', async () => {
    for (let round = 0; round < 4; round++) {
      const { username, mediator } = await somali();
      const request = await newRequest({ language: LANGUAGE, startsAt: weekdayAt(7 + round, 11) });
      await ok(COORD, 'POST', `/api/mediation/requests/${request.id}/assign`, { mediatorId: mediator.id });
      const [job] = await system<{ id: string }>(
        sql`select id from mediation_assignments where request_id = ${request.id}`,
      );
      const answers = await Promise.all([
        call(username, 'POST', `/api/mediation/my/assignments/${job!.id}/confirm`, {}),
        call(COORD, 'POST', `/api/mediation/requests/${request.id}/remove-mediator`),
      ]);
      // Whichever came first, the other sees its result: never a 500.
      for (const answer of answers) expect(answer.statusCode).toBeLessThan(500);
      expect(answers[1]!.statusCode).toBe(200);
    }
  });
});
