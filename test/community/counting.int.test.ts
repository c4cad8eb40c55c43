import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TCommunityDashboard, TEvent, TRegistrationInput } from '../../src/contracts/community.js';
import { EVENT_TARGET_GROUPS } from '../../src/contracts/community.js';
import { reachOf } from '../../src/server/modules/community/community-reach.js';
import { communityTestKit, WORKER } from './support.js';

/**
 * The issue's "Done when" fixture and the counting rule (community-reach.ts): one anonymous person
 * at three sessions of a four-session lab counts once; a walk-in head count on a single-session
 * meeting counts as counted, flagged; a professional is counted apart; the same phone at two
 * events is one resident; absent or unmarked registrations and sessions outside the period are
 * not counted. Each test dates its sessions in its own month years ago, away from the demo data.
 */
const { t, ok, system, newEvent } = communityTestKit();

/** Puts an event's sessions, in order, on the given days (17:00–19:00 in Italy, winter time). */
async function holdOn(event: TEvent, days: string[]) {
  for (const [i, s] of event.sessions.entries())
    await system(
      sql`update gathering_sessions set starts_at = ${`${days[i]}T16:00:00Z`}, ends_at = ${`${days[i]}T18:00:00Z`}
           where id = ${s.id}`,
    );
}

const register = (event: TEvent, input: Partial<TRegistrationInput>) =>
  ok<{ placeId: string; ticketCode: string }>(
    WORKER,
    'POST',
    `/api/community/events/${event.id}/registrations`,
    input,
  );

/** Marks a registration at the sessions given by index (the organiser ticking the list). */
async function mark(event: TEvent, placeId: string, sessions: number[], status = 'present') {
  const worker = await t.userId(WORKER);
  for (const i of sessions)
    await system(
      sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by)
          values (${event.sessions[i]!.id}, ${placeId}, ${status}, 'organiser', ${worker})`,
    );
}

async function headCount(
  event: TEvent,
  rows: { gender: string; count: number; participant?: string; ageBand?: string }[],
) {
  const worker = await t.userId(WORKER);
  for (const r of rows)
    await system(
      sql`insert into community_head_counts (session_id, participant, gender, age_band, citizenship_group, count, recorded_by)
          values (${event.sessions[0]!.id}, ${r.participant ?? 'resident'}, ${r.gender}, ${r.ageBand ?? 'not_said'},
                  'not_said', ${r.count}, ${worker})`,
    );
}

/** Reach over sessions starting from `from` (inclusive) to `to` (exclusive), instants in Italy. */
const reach = (group: keyof typeof EVENT_TARGET_GROUPS, from: string, to: string) =>
  reachOf({ tx: t.database.db, kinds: EVENT_TARGET_GROUPS[group], from: new Date(from), to: new Date(to) });
const dashboard = (from: string, to: string) =>
  ok<TCommunityDashboard>('coordinatrice', 'GET', `/api/community/dashboard?from=${from}&to=${to}`);

describe('counting residents reached', () => {
  it('one anonymous resident at three lab sessions, a walk-in head count of four, one professional: exact figures', async () => {
    const lab = await newEvent({ kind: 'citizenship_lab' }, { sessions: 4 });
    const anonymous = await register(lab, {
      anonymous: true,
      gender: 'female',
      ageBand: '30_44',
      citizenshipGroup: 'non_eu',
      language: 'ar',
    });
    const professional = await register(lab, {
      participant: 'professional',
      name: 'Assistente sociale del comune',
    });
    await holdOn(lab, ['2016-03-02', '2016-03-09', '2016-03-16', '2016-03-23']);
    await mark(lab, anonymous.placeId, [0, 1, 2]);
    await mark(lab, anonymous.placeId, [3], 'absent');
    await mark(lab, professional.placeId, [0]);

    const meeting = await newEvent(
      { kind: 'awareness_meeting', title: 'Incontro sui diritti' },
      { sessions: 1 },
    );
    await holdOn(meeting, ['2016-03-12']);
    await headCount(meeting, [
      { gender: 'female', count: 3 },
      { gender: 'male', count: 1 },
    ]);

    const from = '2016-03-01T00:00:00+01:00';
    const to = '2016-04-01T00:00:00+02:00';
    expect(await reach('labs', from, to)).toEqual({ residents: 1, headCounted: 0, professionals: 1 });
    expect(await reach('workshops', from, to)).toEqual({ residents: 4, headCounted: 4, professionals: 0 });

    const seen = await dashboard('2016-03-01', '2016-03-31');
    expect(seen.labs).toEqual({ residents: 1, headCounted: 0, professionals: 1, target: 200 });
    expect(seen.workshops).toEqual({ residents: 4, headCounted: 4, professionals: 0, target: 240 });
    expect(seen.sessionsHeld).toBe(5);
    expect(seen.meetingsHeld).toBe(1);
    // Five residents in all (four head-counted women and men, one registered woman): by gender the
    // 4 and the 1 are hidden, only the zeros shown; no published cell lies between 1 and k − 1.
    expect(seen.byGender).toEqual([
      { key: 'female', value: null },
      { key: 'male', value: null },
      { key: 'other', value: 0 },
      { key: 'not_said', value: 0 },
    ]);
    for (const cells of [seen.byGender, seen.byAgeBand, seen.byCitizenshipGroup])
      expect(cells.filter((c) => c.value !== null && c.value > 0 && c.value < 5)).toEqual([]);
  });

  it('the same phone at two events is one resident; absent, unmarked and out-of-period attendance is not counted', async () => {
    const first = await newEvent({ kind: 'workshop', title: 'Workshop sulla scuola' }, { sessions: 1 });
    const second = await newEvent(
      { kind: 'awareness_meeting', title: 'Incontro sulla salute' },
      { sessions: 1 },
    );
    const sameAtFirst = await register(first, { name: 'Amina Diallo', phone: '333 765 4321' });
    const sameAtSecond = await register(second, { name: 'Amina D.', phone: '+39 3337654321' });
    const absent = await register(first, { name: 'Persona assente', phone: '333 111 2222' });
    await register(first, { name: 'Persona mai segnata', phone: '333 111 3333' });
    await holdOn(first, ['2017-05-04']);
    await holdOn(second, ['2017-05-18']);
    await mark(first, sameAtFirst.placeId, [0]);
    await mark(second, sameAtSecond.placeId, [0]);
    await mark(first, absent.placeId, [0], 'absent');

    // A lab whose resident came only to a session in July: not in May's count, in July's.
    const lab = await newEvent({ kind: 'citizenship_lab' }, { sessions: 2 });
    const july = await register(lab, { anonymous: true });
    await holdOn(lab, ['2017-05-25', '2017-07-06']);
    await mark(lab, july.placeId, [1]);

    expect(await reach('workshops', '2017-05-01T00:00:00+02:00', '2017-06-01T00:00:00+02:00')).toEqual({
      residents: 1,
      headCounted: 0,
      professionals: 0,
    });
    expect((await reach('labs', '2017-05-01T00:00:00+02:00', '2017-06-01T00:00:00+02:00')).residents).toBe(0);
    expect((await reach('labs', '2017-07-01T00:00:00+02:00', '2017-08-01T00:00:00+02:00')).residents).toBe(1);
    // Each event alone still counts the person (once per series, not once per project).
    const mayDashboard = await dashboard('2017-05-01', '2017-05-31');
    expect(mayDashboard.workshops.residents).toBe(1);
    expect(mayDashboard.labs.residents).toBe(0);
    expect(mayDashboard.sessionsHeld).toBe(3);
    // One resident: a slice under k publishes no breakdown at all, not even its zeros.
    expect(mayDashboard.byGender.every((c) => c.value === null)).toBe(true);
    expect((await dashboard('2017-07-01', '2017-07-31')).labs.residents).toBe(1);
  });
});
