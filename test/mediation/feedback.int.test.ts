import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MEDIATION_LIMITS, type TMediatorJob, type TRequest } from '../../src/contracts/mediation.js';
import { COORD, mediationTestKit, weekdayAt } from './support.js';

/**
 * Feedback from both sides and the mediator's calendar feed (issue 18, items 4 and 6): the
 * requester's rating, the anonymous answers of the person mediated through a link with no
 * session, the coordinator's summary that hides a handful of answers, and the ICS feed.
 */
const k = mediationTestKit();
const { call, ok, fields, system, newMediator, newRequest } = k;

interface Summary {
  ratings: number;
  averageRating: number | null;
  people: number | null;
  answers: Record<string, Record<string, number>> | null;
}

const ANSWER = { understood: 'yes', respected: 'partly', again: 'no' } as const;

/** The mediator's assignment on the request, as their own view lists it. */
async function assignmentOf(username: string, request: TRequest) {
  const jobs = (await ok<{ items: TMediatorJob[] }>(username, 'GET', '/api/mediation/my/jobs')).items;
  return jobs.find((j) => j.kind === 'assignment' && j.requestCode === request.code)!.id;
}

/** A request assigned to a new mediator and confirmed by them; `language` defaults to Twi. */
async function confirmedAssignment({ language = 'tw', mode = 'in_person' as const, days = 2 } = {}) {
  const mediator = await newMediator({ languages: [{ language, level: 'native', written: false }] });
  const request = await newRequest({
    language,
    mode,
    startsAt: weekdayAt(days, 10),
    ...(mode === 'in_person' ? {} : { municipality: null, place: null }),
  });
  await ok(COORD, 'POST', `/api/mediation/requests/${request.id}/assign`, {
    mediatorId: mediator.mediator.id,
  });
  const id = await assignmentOf(mediator.username, request);
  await ok(mediator.username, 'POST', `/api/mediation/my/assignments/${id}/confirm`, {});
  return { ...mediator, request, id };
}

/** The same, then the mediation takes place (its time moved into the past) and the hours are logged. */
async function completedAssignment({ language = 'tw' } = {}) {
  const done = await confirmedAssignment({ language });
  await k.moveIntoPast(done.request.id, 4);
  await ok(done.username, 'POST', `/api/mediation/my/assignments/${done.id}/hours`, { actualMinutes: 60 });
  return done;
}

const makeLink = (assignmentId: string, who = 'operatrice') =>
  ok<{ token: string; path: string; expiresAt: string }>(
    who,
    'POST',
    `/api/mediation/assignments/${assignmentId}/feedback-link`,
  );

/** Without any session: the person mediated on the requester's device or through a printed QR. */
const publicPage = (token: string) =>
  k.t.app.inject({ method: 'GET', url: `/api/public/mediation-feedback/${token}` });
const publicAnswer = (token: string, answer: object = ANSWER) =>
  k.t.app.inject({ method: 'POST', url: `/api/public/mediation-feedback/${token}`, payload: answer });

const answersOf = async (assignmentId: string) =>
  system<{ understood: string; respected: string; again: string; answered_month: string }>(
    sql`select * from mediation_person_feedback
         where mediator_id = (select mediator_id from mediation_assignments where id = ${assignmentId})`,
  );

describe('the requester’s rating', () => {
  it('is given by the requester only, once the mediation took place, and only once', async () => {
    const early = await confirmedAssignment();
    const tooSoon = await call('operatrice', 'POST', `/api/mediation/assignments/${early.id}/rating`, {
      rating: 5,
    });
    expect(tooSoon.statusCode).toBe(409);

    const { id, request } = await completedAssignment();
    const url = `/api/mediation/assignments/${id}/rating`;
    // Another practitioner cannot see the assignment; the mediation coordinator sees it but did not ask.
    expect((await call('clinica', 'POST', url, { rating: 1 })).statusCode).toBe(404);
    expect((await call(COORD, 'POST', url, { rating: 1 })).statusCode).toBe(403);
    expect(fields(await call('operatrice', 'POST', url, { rating: 6 }))).toEqual(['rating']);

    const rated = await ok<TRequest>('operatrice', 'POST', url, { rating: 4, comment: 'Puntuale e chiara' });
    expect(rated.id).toBe(request.id);
    expect(rated.assignment).toMatchObject({ id, rating: 4 });
    const again = await call('operatrice', 'POST', url, { rating: 1 });
    expect(again.statusCode).toBe(409);
    const rows = await system<{ rating: number; comment: string }>(
      sql`select rating, comment from mediation_ratings where assignment_id = ${id}`,
    );
    expect(rows).toEqual([{ rating: 4, comment: 'Puntuale e chiara' }]);
  });
});

describe('the person mediated', () => {
  it('answers through the link with no session, at most six times, with the day and nothing else', async () => {
    const { id } = await completedAssignment();
    expect((await call('clinica', 'POST', `/api/mediation/assignments/${id}/feedback-link`)).statusCode).toBe(
      404,
    );
    const link = await makeLink(id);
    expect(link.path).toBe(`/parere/${link.token}`);
    const days = (new Date(link.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const page = await publicPage(link.token);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({ language: 'tw', rtl: false, open: true });

    for (let i = 0; i < MEDIATION_LIMITS.feedbackPerAssignment; i++)
      expect((await publicAnswer(link.token)).statusCode).toBe(204);
    const seventh = await publicAnswer(link.token);
    expect(seventh.statusCode).toBe(409);
    expect((await publicPage(link.token)).json()).toMatchObject({ open: false });

    const rows = await answersOf(id);
    expect(rows).toHaveLength(MEDIATION_LIMITS.feedbackPerAssignment);
    // Anonymous: the three answers, the mediator and the month; nothing that says who, from where,
    // when or about which meeting.
    expect(Object.keys(rows[0]!).sort()).toEqual(
      ['again', 'answered_month', 'id', 'mediator_id', 'respected', 'understood'].sort(),
    );
    expect(rows[0]).toMatchObject(ANSWER);
    const trail = await system<{ client_ip: string | null; record_id: string | null; actor_user_id: null }>(
      sql`select client_ip, record_id, actor_user_id from audit_events where action = 'mediation.person_answered'`,
    );
    expect(trail.length).toBeGreaterThanOrEqual(MEDIATION_LIMITS.feedbackPerAssignment);
    expect(trail.every((e) => e.client_ip === null && e.record_id === null && e.actor_user_id === null)).toBe(
      true,
    );
  });

  it('never lets answers sent together pass the limit', async () => {
    const { id } = await completedAssignment();
    const link = await makeLink(id);
    const answers = await Promise.all(Array.from({ length: 10 }, () => publicAnswer(link.token)));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 204)).toHaveLength(MEDIATION_LIMITS.feedbackPerAssignment);
    expect(codes.filter((c) => c === 409)).toHaveLength(10 - MEDIATION_LIMITS.feedbackPerAssignment);
    expect(await answersOf(id)).toHaveLength(MEDIATION_LIMITS.feedbackPerAssignment);
    const [counted] = await system<{ feedback_count: number }>(
      sql`select feedback_count from mediation_assignments where id = ${id}`,
    );
    expect(counted!.feedback_count).toBe(MEDIATION_LIMITS.feedbackPerAssignment);
  });

  it('shows the page right to left for Arabic; an expired, replaced or unknown link is not found', async () => {
    const { id } = await confirmedAssignment({ language: 'ar', days: 4 });
    const first = await makeLink(id);
    expect((await publicPage(first.token)).json()).toEqual({ language: 'ar', rtl: true, open: true });
    // Made again, the link replaces the old one: the old token opens nothing.
    const second = await makeLink(id);
    expect((await publicAnswer(first.token)).statusCode).toBe(404);
    expect((await publicPage(first.token)).statusCode).toBe(404);
    expect((await publicAnswer(second.token)).statusCode).toBe(204);

    await system(
      sql`update mediation_assignments set feedback_expires_at = now() - interval '1 minute' where id = ${id}`,
    );
    const expired = await publicAnswer(second.token);
    expect(expired.statusCode).toBe(404);
    expect((await publicPage(second.token)).json()).toMatchObject({ open: false });
    const unknown = await publicAnswer('x'.repeat(32));
    expect(unknown.statusCode).toBe(404);
    // The same answer, word for word, but for the address it names.
    const withoutAddress = (res: { json(): object }) => ({ ...res.json(), instance: undefined });
    expect(withoutAddress(expired)).toEqual(withoutAddress(unknown));
    expect((await publicPage('x'.repeat(32))).statusCode).toBe(404);
    expect(await answersOf(id)).toHaveLength(1);
  });
});

describe('the coordinator’s summary', () => {
  it('counts the ratings, and the people’s answers only once five people answered', async () => {
    const { id, mediator } = await completedAssignment();
    const url = `/api/mediation/feedback?mediatorId=${mediator.id}`;
    expect((await call('operatrice', 'GET', url)).statusCode).toBe(403);
    expect((await call('coordinatrice', 'GET', url)).statusCode).toBe(403);

    await ok('operatrice', 'POST', `/api/mediation/assignments/${id}/rating`, { rating: 3 });
    const link = await makeLink(id);
    for (let i = 0; i < 4; i++) expect((await publicAnswer(link.token)).statusCode).toBe(204);
    expect(await ok<Summary>(COORD, 'GET', url)).toEqual({
      ratings: 1,
      averageRating: 3,
      people: null,
      answers: null,
    });

    expect(
      (await publicAnswer(link.token, { understood: 'no', respected: 'yes', again: 'yes' })).statusCode,
    ).toBe(204);
    // Five answers, but this month's: not shown until the month closes (no reading before and after a visit).
    expect(await ok<Summary>(COORD, 'GET', url)).toMatchObject({ people: null, answers: null });
    await system(
      sql`update mediation_person_feedback set answered_month = (answered_month - interval '1 month')::date
           where mediator_id = ${mediator.id}`,
    );
    expect(await ok<Summary>(COORD, 'GET', url)).toEqual({
      ratings: 1,
      averageRating: 3,
      people: 5,
      answers: {
        understood: { yes: 4, partly: 0, no: 1 },
        respected: { yes: 1, partly: 4, no: 0 },
        again: { yes: 1, partly: 0, no: 4 },
      },
    });
    const [read] = await system<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'mediation.feedback_read' and record_id = ${mediator.id}`,
    );
    expect(read!.n).toBe(3);
  });
});

describe('the mediator’s calendar feed', () => {
  const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

  it('carries the assignment with the minimum, and loses it once the mediator is removed', async () => {
    const { username, mediator, request, id } = await confirmedAssignment({ days: 7 });
    const phone = await newRequest({
      mode: 'phone',
      municipality: null,
      place: null,
      startsAt: weekdayAt(8, 15),
    });
    await ok(COORD, 'POST', `/api/mediation/requests/${phone.id}/assign`, { mediatorId: mediator.id });
    const phoneId = await assignmentOf(username, phone);

    const { url } = await ok<{ url: string }>(username, 'POST', '/api/mediation/my/calendar-link');
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/api\/mediation\/calendar\/[A-Za-z0-9_-]{20,64}$/);
    const feed = await k.t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const ics = unfold(feed.body);
    const [language] = await system<{ name_it: string }>(
      sql`select name_it from languages where code = 'tw'`,
    );
    expect(ics).toContain(`UID:${id}@trama.mediation`);
    expect(ics).toContain(`SUMMARY:Mediazione — ${language!.name_it} — Colloquio`);
    expect(ics).toContain('LOCATION:Treviglio');
    expect(ics).toContain(`UID:${phoneId}@trama.mediation`);
    expect(ics).toContain('LOCATION:Telefono');
    expect(ics).toContain('STATUS:TENTATIVE'); // the phone one is assigned, not yet confirmed
    for (const hidden of ['Via Roma', request.code, '0363 000000', 'Mediatore', 'operatrice'])
      expect(ics).not.toContain(hidden);

    await ok(COORD, 'POST', `/api/mediation/requests/${request.id}/remove-mediator`);
    const after = unfold((await k.t.app.inject({ method: 'GET', url: path })).body);
    expect(after).not.toContain(`UID:${id}@trama.mediation`);
    expect(after).toContain(`UID:${phoneId}@trama.mediation`);
  });

  it('opens only with its own token: another mediator, a made-up token or a replaced one get nothing', async () => {
    const a = await confirmedAssignment({ days: 9 });
    const b = await newMediator();
    const linkA = new URL(
      (await ok<{ url: string }>(a.username, 'POST', '/api/mediation/my/calendar-link')).url,
    ).pathname;
    const linkB = new URL(
      (await ok<{ url: string }>(b.username, 'POST', '/api/mediation/my/calendar-link')).url,
    ).pathname;
    const feedB = await call(b.username, 'GET', linkB);
    expect(feedB.statusCode).toBe(200);
    expect(feedB.body).not.toContain(a.id);
    // A session is no key: B signed in, with a token that is not A's, reads nothing of A.
    expect((await call(b.username, 'GET', `/api/mediation/calendar/${'y'.repeat(32)}`)).statusCode).toBe(404);
    expect((await call(b.username, 'GET', '/api/mediation/calendar/short')).statusCode).toBe(400);
    // A remade link revokes the old one.
    await ok(a.username, 'POST', '/api/mediation/my/calendar-link');
    expect((await k.t.app.inject({ method: 'GET', url: linkA })).statusCode).toBe(404);
    // Only a mediator makes a calendar link of this kind.
    expect((await call('operatrice', 'POST', '/api/mediation/my/calendar-link')).statusCode).toBe(403);
  });
});
