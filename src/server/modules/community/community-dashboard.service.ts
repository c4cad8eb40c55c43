import { sql } from 'drizzle-orm';
import {
  AGE_BANDS,
  CITIZENSHIP_GROUPS,
  COMMUNITY_TARGETS,
  EVENT_KINDS,
  EVENT_TARGET_GROUPS,
  GENDERS,
  type TCommunityDashboard,
} from '../../../contracts/community.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { type Queryable, queryRows } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import {
  type LinkedTable,
  protectLinkedTables,
  sliceUnderK,
  WHOLE_POPULATION,
} from '../../platform/disclosure/disclosure.js';
import { problems } from '../../platform/http/problem.js';
import { type ReachDimension, reachBy, reachOf } from './community-reach.js';
import { resourcesValue } from './community-resources-value.js';

/**
 * The WP3 dashboard (issue 19, item 7) and the numbers the impact module reads. A period is of
 * dates in Italian time, both ends included; by default from the project's start (or the first
 * community session, if earlier) to today. Definitions:
 * - holders mapped: active holders entered in the registry by the period's end, per comune and kind
 *   (organisations, not people: no disclosure control);
 * - opinion leaders engaged: reference people flagged opinion leader whose holder had an engagement
 *   (meeting, contact, event co-organised, resource offered) dated in the period or co-organised an
 *   event with a session in it;
 * - meetings held: engagements of kind meeting in the period, plus awareness meetings (not
 *   cancelled) whose first session started in the period and is over;
 * - sessions held: sessions of community events (not cancelled) started in the period and over;
 * - reach: community-reach.ts (the counting rule), workshops and labs against COMMUNITY_TARGETS;
 *   residents by gender, age band and citizenship group are counts of people, protected together
 *   with platform/disclosure (a hidden cell is null; a population under k hides every cell);
 * - needs most expressed: needs recorded in the period per topic, the eight commonest.
 */
export const PROJECT_START = '2026-01-01';
/** ADR 0006's k, the platform's default for every published table. */
const K = 5;
const NEEDS_SHOWN = 8;

export interface CommunityPeriod {
  from: string;
  to: string;
}

const romeToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

/**
 * The period asked for, with its defaults (never a default start after the end asked for); `to`
 * before `from` is refused naming `to`.
 */
export async function periodOf(on: Queryable, query: { from?: string | undefined; to?: string | undefined }) {
  const to = query.to ?? romeToday();
  let from = query.from;
  if (!from) {
    const [row] = await queryRows<{ first: string | null }>(
      on,
      sql`select to_char(min(s.starts_at at time zone 'Europe/Rome'), 'YYYY-MM-DD') as first
            from gathering_sessions s join community_events e on e.gathering_id = s.gathering_id`,
    );
    from = [PROJECT_START, row?.first ?? PROJECT_START, to].sort()[0]!;
  }
  if (to < from)
    throw problems.field('to', 'order', {
      it: 'La data di fine non può precedere quella di inizio.',
      en: 'The end date cannot be before the start date.',
    });
  return { from, to };
}

/** The instants the period's dates cover in Italy: [start of `from`, start of the day after `to`). */
export async function windowOf(on: Queryable, { from, to }: CommunityPeriod) {
  const [row] = await queryRows<{ start: Date | string; end: Date | string }>(
    on,
    sql`select (${from}::date::timestamp at time zone 'Europe/Rome') as start,
               ((${to}::date + 1)::timestamp at time zone 'Europe/Rome') as end`,
  );
  return { from: new Date(row!.start), to: new Date(row!.end) };
}

/** Opinion leaders whose holder was engaged in the period (ids: never shown, the indicator codes them). */
export async function opinionLeadersEngaged({ on, period }: { on: Queryable; period: CommunityPeriod }) {
  const window = await windowOf(on, period);
  const rows = await queryRows<{ id: string }>(
    on,
    sql`select p.id from community_holder_people p
         where p.opinion_leader
           and (exists (select 1 from community_engagements g where g.holder_id = p.holder_id
                         and g.happened_on between ${period.from}::date and ${period.to}::date)
             or exists (select 1 from community_event_holders eh
                          join community_events e on e.id = eh.event_id and e.status <> 'cancelled'
                          join gathering_sessions s on s.gathering_id = e.gathering_id
                         where eh.holder_id = p.holder_id and s.starts_at >= ${window.from} and s.starts_at < ${window.to}))
         order by p.id`,
  );
  return rows.map((r) => r.id);
}

/** Active holders entered by the period's end, with their comune and kind. */
export function holdersMapped({ on, period }: { on: Queryable; period: CommunityPeriod }) {
  return queryRows<{ id: string; municipality: string; name: string; kind: string }>(
    on,
    sql`select h.id, h.municipality, m.name, h.kind from community_holders h
          join municipalities m on m.istat_code = h.municipality
         where h.active and (h.created_at at time zone 'Europe/Rome')::date <= ${period.to}::date
         order by h.id`,
  );
}

/** What the registry, the calendar and the ledger show: read with the caller's row-level security. */
async function registryFigures(on: Queryable, period: CommunityPeriod) {
  const window = await windowOf(on, period);
  const holders = await holdersMapped({ on, period });
  const tally = (key: (h: (typeof holders)[number]) => string) => {
    const counts = new Map<string, number>();
    for (const h of holders) counts.set(key(h), (counts.get(key(h)) ?? 0) + 1);
    return counts;
  };
  const names = new Map(holders.map((h) => [h.municipality, h.name]));
  const byMunicipality = [...tally((h) => h.municipality)]
    .map(([municipality, count]) => ({ municipality, name: names.get(municipality)!, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'it'));
  const byKind = [...tally((h) => h.kind)]
    .map(([kind, count]) => ({ kind: kind as TCommunityDashboard['holdersByKind'][number]['kind'], count }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  const [held] = await queryRows<{ meetings: number; awareness: number; sessions: number }>(
    on,
    sql`with held as (
          select s.gathering_id, s.starts_at, e.kind,
                 (select min(x.starts_at) from gathering_sessions x where x.gathering_id = s.gathering_id) as first_start
            from gathering_sessions s
            join community_events e on e.gathering_id = s.gathering_id and e.status <> 'cancelled'
           where s.ends_at <= now() and s.starts_at >= ${window.from} and s.starts_at < ${window.to})
        select (select count(*)::int from community_engagements
                 where kind = 'meeting' and happened_on between ${period.from}::date and ${period.to}::date) as meetings,
               (select count(distinct gathering_id)::int from held
                 where kind = 'awareness_meeting' and starts_at = first_start) as awareness,
               (select count(*)::int from held) as sessions`,
  );
  const needs = await queryRows<{
    topic: TCommunityDashboard['needsMostExpressed'][number]['topic'];
    count: number;
  }>(
    on,
    sql`select topic, count(*)::int as count from community_needs
         where recorded_on between ${period.from}::date and ${period.to}::date
         group by topic order by count(*) desc, topic limit ${NEEDS_SHOWN}`,
  );
  const resources = await resourcesValue({ on, from: period.from, to: period.to });
  return {
    holdersByMunicipality: byMunicipality,
    holdersByKind: byKind,
    opinionLeadersEngaged: (await opinionLeadersEngaged({ on, period })).length,
    meetingsHeld: held!.meetings + held!.awareness,
    sessionsHeld: held!.sessions,
    needsMostExpressed: needs,
    resourcesValueCents: resources.totalCents,
  };
}

const DIMENSIONS: { key: ReachDimension; categories: readonly string[] }[] = [
  { key: 'gender', categories: GENDERS },
  { key: 'age_band', categories: AGE_BANDS },
  { key: 'citizenship_group', categories: CITIZENSHIP_GROUPS },
];

/**
 * Who the events reached: from registrations, attendance and head counts, which only the
 * organisers read one by one. `on` must see them all (the owner, or the system connection); only
 * counts leave, the breakdowns protected.
 */
async function reachFigures(on: Queryable, period: CommunityPeriod) {
  const window = await windowOf(on, period);
  const reach = async (group: keyof typeof EVENT_TARGET_GROUPS) => ({
    ...(await reachOf({ tx: on, kinds: EVENT_TARGET_GROUPS[group], ...window })),
    target: COMMUNITY_TARGETS[group],
  });
  // Residents of every kind of event, each person once: one population, three linked tables.
  const tables: LinkedTable[] = [];
  for (const { key, categories } of DIMENSIONS) {
    const counted = new Map(
      (await reachBy({ tx: on, kinds: EVENT_KINDS, dimension: key, ...window })).map((r) => [r.key, r.count]),
    );
    tables.push({
      key,
      rowDimension: key,
      columnDimension: WHOLE_POPULATION,
      rows: [...categories],
      columns: [WHOLE_POPULATION],
      counts: categories.map((c) => [counted.get(c) ?? 0]),
    });
  }
  const population = tables[0]!.counts.reduce((sum, [n]) => sum + n!, 0);
  // A population under k publishes no breakdown at all: one hidden cell among zeros would name its
  // profile. Nobody reached hides nothing.
  const hideAll = population > 0 && sliceUnderK({ population, k: K });
  const shown = hideAll ? null : protectLinkedTables({ tables, k: K });
  const cellsOf = (index: number) =>
    tables[index]!.rows.map((key, r) => ({
      key,
      value: shown ? (shown[tables[index]!.key]!.cells[r]![0] ?? null) : null,
    }));
  return {
    workshops: await reach('workshops'),
    labs: await reach('labs'),
    byGender: cellsOf(0),
    byAgeBand: cellsOf(1),
    byCitizenshipGroup: cellsOf(2),
  };
}

/** The dashboard over whatever `on` may read: the impact module calls it on the system connection. */
export async function communityDashboard({
  on,
  from,
  to,
}: {
  on: Queryable;
  from?: string | undefined;
  to?: string | undefined;
}): Promise<TCommunityDashboard> {
  const period = await periodOf(on, { from, to });
  return { ...period, ...(await registryFigures(on, period)), ...(await reachFigures(on, period)) };
}

/**
 * The dashboard for a coordinator (the route requires community.dashboard): the registry, the
 * calendar and the ledger read as the caller; the counts of people, which come from the organisers'
 * lists, read as the owner — only the published, protected aggregate leaves. Audited.
 */
export async function readCommunityDashboard({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: { from?: string | undefined; to?: string | undefined };
}): Promise<TCommunityDashboard> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const period = await periodOf(tx, query);
      const registry = await registryFigures(tx, period);
      const reach = await unsafeAsSystem(tx, (sys) => reachFigures(sys, period));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'community.dashboard_read', details: { from: period.from, to: period.to } },
      });
      return { ...period, ...registry, ...reach };
    },
  });
}
