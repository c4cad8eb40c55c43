import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TCommunityDashboard, TEvent } from '../../src/contracts/community.js';
import { MODULES } from '../../src/server/app.js';
import { indicatorsOf } from '../../src/server/platform/module.js';
import { communityTestKit, TREVIGLIO, WORKER } from './support.js';

/**
 * The numbers community engagement gives the impact module, counted as the dashboard counts them,
 * with keyed pseudonyms for the records behind them (never names or database ids). The records
 * are dated in March 2019, away from the demo data.
 */
const { t, ok, system, newEvent } = communityTestKit();

const indicator = (key: string) => {
  const found = indicatorsOf(MODULES).find((i) => i.key === key);
  if (!found) throw new Error(`no indicator ${key}`);
  return found;
};
const period = { from: '2019-03-01', to: '2019-03-31' };
const compute = (key: string) =>
  indicator(key).compute({ on: t.database.db, keyring: t.deps.keyring, period });
const CODE = /^[RHOLV]-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/;

async function holdOn(event: TEvent, days: string[]) {
  for (const [i, s] of event.sessions.entries())
    await system(
      sql`update gathering_sessions set starts_at = ${`${days[i]}T16:00:00Z`}, ends_at = ${`${days[i]}T18:00:00Z`}
           where id = ${s.id}`,
    );
}

async function present(event: TEvent, placeId: string, sessions: number[]) {
  const worker = await t.userId(WORKER);
  for (const i of sessions)
    await system(sql`insert into gathering_attendance (session_id, place_id, status, source, recorded_by)
      values (${event.sessions[i]!.id}, ${placeId}, 'present', 'organiser', ${worker})`);
}

describe('community indicators', () => {
  it('give the dashboard’s numbers with pseudonymous codes of the records behind them', async () => {
    const register = (event: TEvent, input: object) =>
      ok<{ placeId: string }>(WORKER, 'POST', `/api/community/events/${event.id}/registrations`, input);
    const lab = await newEvent({ kind: 'citizenship_lab' }, { sessions: 2 });
    const one = await register(lab, { anonymous: true });
    const two = await register(lab, { name: 'Hira Khan', phone: '333 222 4444' });
    await holdOn(lab, ['2019-03-05', '2019-03-12']);
    await present(lab, one.placeId, [0, 1]);
    await present(lab, two.placeId, [1]);
    const meeting = await newEvent({ kind: 'awareness_meeting' }, { sessions: 1 });
    await holdOn(meeting, ['2019-03-20']);
    const worker = await t.userId(WORKER);
    await system(sql`insert into community_head_counts (session_id, participant, gender, age_band, citizenship_group,
        count, recorded_by) values (${meeting.sessions[0]!.id}, 'resident', 'female', 'not_said', 'not_said', 7, ${worker})`);

    const [holder] = await system<{ id: string }>(
      sql`insert into community_holders (name, kind, municipality, created_by, created_at)
          values ('Associazione senegalese della Bassa', 'foreign_citizens_association', ${TREVIGLIO}, ${worker},
                  '2019-02-01T10:00:00Z') returning id`,
    );
    await system(sql`insert into community_holder_people (holder_id, full_name, opinion_leader)
      values (${holder!.id}, 'Presidente dell’associazione', true)`);
    await system(sql`insert into community_engagements (holder_id, kind, happened_on, summary, recorded_by)
      values (${holder!.id}, 'contact', '2019-03-08', 'Telefonata', ${worker})`);
    await system(sql`insert into community_resources (source_kind, holder_id, source_name, kind, description,
        quantity, unit, value_cents, valuation_rule, offered_on, recorded_by)
      values ('community_holder', ${holder!.id}, 'Associazione senegalese della Bassa', 'volunteer_hours',
              'Mediazione alla festa del quartiere', 12, 'hours', ${26_450}, 'volunteer_hour_rate', '2019-03-20', ${worker})`);

    const dashboard = await ok<TCommunityDashboard>(
      'coordinatrice',
      'GET',
      `/api/community/dashboard?from=${period.from}&to=${period.to}`,
    );
    const labs = await compute('community.residents_labs');
    expect(labs.value).toBe(2);
    expect(labs.value).toBe(dashboard.labs.residents);
    const workshops = await compute('community.residents_workshops');
    expect(workshops.value).toBe(7);
    expect(workshops.value).toBe(dashboard.workshops.residents);
    expect(workshops.recordIds).toHaveLength(1); // the head count, one record counted as 7
    expect(workshops.recordIds[0]).toMatch(/^H-/);
    const holders = await compute('community.holders_mapped');
    expect(holders.value).toBe(dashboard.holdersByKind.reduce((sum, k) => sum + k.count, 0));
    const leaders = await compute('community.opinion_leaders_engaged');
    expect(leaders.value).toBe(1);
    expect(leaders.value).toBe(dashboard.opinionLeadersEngaged);
    const resources = await compute('community.resources_value');
    expect(resources).toEqual({ value: 264.5, recordIds: [expect.stringMatching(/^V-/)] });
    expect(indicator('community.resources_value').unit).toBe('euro');

    const all = [labs, workshops, holders, leaders, resources];
    for (const value of all) for (const code of value.recordIds) expect(code).toMatch(CODE);
    const text = JSON.stringify(all);
    for (const id of [one.placeId, two.placeId, holder!.id, lab.id, meeting.sessions[0]!.id])
      expect(text).not.toContain(id);
    expect(text).not.toContain('Hira');
    // The same record gives the same code each time (a drill-down can follow it).
    expect((await compute('community.residents_labs')).recordIds).toEqual(labs.recordIds);
    expect(
      await indicator('community.residents_labs').compute({
        on: t.database.db,
        keyring: t.deps.keyring,
        period: { from: '2001-01-01', to: '2001-12-31' },
      }),
    ).toEqual({ value: 0, recordIds: [] });
  });
});
