import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TCommunityDashboard, TEvent } from '../../src/contracts/community.js';
import { communityTestKit, ROMANO, TREVIGLIO, WORKER } from './support.js';

/**
 * The WP3 dashboard (issue 19, item 7): holders mapped per comune and kind, opinion leaders
 * engaged, meetings and sessions held, needs most expressed, resources, and residents by group
 * under disclosure control; coordinators only, audited. Registry records are written here as the
 * owner, dated in April 2018, away from the demo data and from the other tests' months.
 */
const { t, call, ok, system, newEvent } = communityTestKit();

const rome = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(d);
const APRIL = '?from=2018-04-01&to=2018-04-30';

async function holder(name: string, kind: string, municipality: string, createdOn = '2018-03-01') {
  const worker = await t.userId(WORKER);
  const [row] = await system<{ id: string }>(
    sql`insert into community_holders (name, kind, municipality, created_by, created_at)
        values (${name}, ${kind}, ${municipality}, ${worker}, ${`${createdOn}T10:00:00Z`}) returning id`,
  );
  return row!.id;
}

async function person(holderId: string, fullName: string, opinionLeader: boolean) {
  await system(sql`insert into community_holder_people (holder_id, full_name, opinion_leader)
    values (${holderId}, ${fullName}, ${opinionLeader})`);
}

async function engagement(holderId: string, kind: string, on: string) {
  const worker = await t.userId(WORKER);
  await system(sql`insert into community_engagements (holder_id, kind, happened_on, summary, recorded_by)
    values (${holderId}, ${kind}, ${on}, 'Incontro con il direttivo', ${worker})`);
}

async function need(holderId: string, topic: string, on: string) {
  const worker = await t.userId(WORKER);
  await system(sql`insert into community_needs (holder_id, topic, source, recorded_on, question, recorded_by)
    values (${holderId}, ${topic}, 'meeting', ${on}, 'Dove si chiede il rinnovo del permesso?', ${worker})`);
}

async function holdOn(event: TEvent, day: string) {
  await system(
    sql`update gathering_sessions set starts_at = ${`${day}T16:00:00Z`}, ends_at = ${`${day}T18:00:00Z`}
         where gathering_id = ${event.gatheringId}`,
  );
}

describe('community dashboard', () => {
  it('counts the registry, meetings, sessions, needs and resources of the period', async () => {
    const mosque = await holder('Centro culturale islamico', 'faith_community', TREVIGLIO);
    const club = await holder('Polisportiva di Romano', 'sports_club', ROMANO);
    const parish = await holder('Parrocchia di San Pietro', 'parish', TREVIGLIO);
    await holder('Associazione entrata a maggio', 'volunteer_association', TREVIGLIO, '2018-05-03');
    const closed = await holder('Associazione sciolta', 'volunteer_association', ROMANO);
    await system(sql`update community_holders set active = false where id = ${closed}`);

    await person(mosque, 'Imam del centro', true); // engaged: a meeting in April
    await person(mosque, 'Segretaria del centro', false); // not an opinion leader
    await person(club, 'Allenatore storico', true); // engaged only in 2019
    await person(parish, 'Parroco', true); // engaged: co-organises an April event
    await engagement(mosque, 'meeting', '2018-04-10');
    await engagement(club, 'meeting', '2019-01-15');
    const meeting = await newEvent({ kind: 'awareness_meeting', coOrganiserIds: [parish] }, { sessions: 1 });
    await holdOn(meeting, '2018-04-20');
    // A cancelled meeting's session is not held.
    const cancelled = await newEvent({ kind: 'awareness_meeting' }, { sessions: 1 });
    await holdOn(cancelled, '2018-04-21');
    await system(sql`update community_events set status = 'cancelled' where id = ${cancelled.id}`);

    for (const [topic, n] of [
      ['documents', 3],
      ['housing', 2],
      ['health', 1],
    ] as const)
      for (let i = 0; i < n; i += 1) await need(mosque, topic, '2018-04-05');
    await need(club, 'work', '2018-06-01');

    const worker = await t.userId(WORKER);
    await system(sql`insert into community_resources (source_kind, holder_id, source_name, kind, description,
        quantity, unit, value_cents, valuation_rule, offered_on, recorded_by)
      values ('community_holder', ${parish}, 'Parrocchia di San Pietro', 'room', 'Salone dell’oratorio', 1, 'days',
              15000, 'market_rent', '2018-04-20', ${worker}),
             ('community_holder', ${mosque}, 'Centro culturale islamico', 'volunteer_hours', 'Accoglienza', 10, 'hours',
              22000, 'volunteer_hour_rate', '2018-04-20', ${worker}),
             ('community_holder', ${mosque}, 'Centro culturale islamico', 'money', 'Contributo', 50, 'euro',
              5000, 'cash', '2018-05-02', ${worker})`);

    const seen = await ok<TCommunityDashboard>('coordinatrice', 'GET', `/api/community/dashboard${APRIL}`);
    expect(seen.from).toBe('2018-04-01');
    expect(seen.to).toBe('2018-04-30');
    // Holders entered by the period's end and still active, per comune and kind.
    expect(seen.holdersByMunicipality).toEqual([
      { municipality: TREVIGLIO, name: 'Treviglio', count: 2 },
      { municipality: ROMANO, name: 'Romano di Lombardia', count: 1 },
    ]);
    expect(seen.holdersByKind).toEqual([
      { kind: 'faith_community', count: 1 },
      { kind: 'parish', count: 1 },
      { kind: 'sports_club', count: 1 },
    ]);
    expect(seen.opinionLeadersEngaged).toBe(2);
    expect(seen.meetingsHeld).toBe(2); // the mosque's meeting and the awareness meeting
    expect(seen.sessionsHeld).toBe(1);
    expect(seen.needsMostExpressed).toEqual([
      { topic: 'documents', count: 3 },
      { topic: 'housing', count: 2 },
      { topic: 'health', count: 1 },
    ]);
    expect(seen.resourcesValueCents).toBe(37_000);
    // Only counts and names of organisations and comuni leave: no record's id.
    for (const id of [mosque, club, parish, meeting.id]) expect(JSON.stringify(seen)).not.toContain(id);

    const [audit] = await system<{ details: { from: string; to: string } }>(
      sql`select details from audit_events where action = 'community.dashboard_read'
           and actor_user_id = ${await t.userId('coordinatrice')} order by id desc limit 1`,
    );
    expect(audit!.details).toEqual({ from: '2018-04-01', to: '2018-04-30' });
  });

  it('protects the residents by group: no shown count between 1 and k − 1, hidden cells null', async () => {
    const workshop = await newEvent({ kind: 'workshop', title: 'Workshop sul lavoro' }, { sessions: 1 });
    await holdOn(workshop, '2018-09-12');
    const worker = await t.userId(WORKER);
    for (const [gender, count] of [
      ['female', 12],
      ['male', 6],
      ['other', 2],
    ] as const)
      await system(sql`insert into community_head_counts (session_id, participant, gender, age_band, citizenship_group,
          count, recorded_by)
        values (${workshop.sessions[0]!.id}, 'resident', ${gender}, 'not_said', 'non_eu', ${count}, ${worker})`);

    const seen = await ok<TCommunityDashboard>(
      'coordinatrice',
      'GET',
      '/api/community/dashboard?from=2018-09-01&to=2018-09-30',
    );
    expect(seen.workshops).toEqual({ residents: 20, headCounted: 20, professionals: 0, target: 240 });
    const gender = Object.fromEntries(seen.byGender.map((c) => [c.key, c.value]));
    expect(gender.female).toBe(12);
    expect(gender.other).toBeNull();
    // The 2 alone would be given away by the total: a second cell is hidden to protect it.
    expect(seen.byGender.filter((c) => c.value === null).length).toBeGreaterThanOrEqual(2);
    for (const cells of [seen.byGender, seen.byAgeBand, seen.byCitizenshipGroup])
      for (const c of cells) expect(c.value === null || c.value === 0 || c.value >= 5).toBe(true);
    expect(seen.byCitizenshipGroup.find((c) => c.key === 'non_eu')!.value).toBe(20);
  });

  it('is for coordinators; the period defaults to the project start (or the first session) until today', async () => {
    for (const who of [WORKER, 'operatrice', 'clinica', 'mediatrice', 'formatore'])
      expect((await call(who, 'GET', '/api/community/dashboard')).statusCode).toBe(403);
    const seen = await ok<TCommunityDashboard>('coordinatrice', 'GET', '/api/community/dashboard');
    expect(seen.to).toBe(rome(new Date()));
    expect(seen.from <= '2026-01-01').toBe(true);
    // An end asked for before any default start: the period starts on that day.
    const early = await ok<TCommunityDashboard>(
      'coordinatrice',
      'GET',
      '/api/community/dashboard?to=2015-06-30',
    );
    expect([early.from, early.to]).toEqual(['2015-06-30', '2015-06-30']);
    const backwards = await call(
      'coordinatrice',
      'GET',
      '/api/community/dashboard?from=2018-05-01&to=2018-04-01',
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('to');
  });
});
