import { sql } from 'drizzle-orm';
import type { TEventKind, TParticipantKind } from '../../../contracts/community.js';
import { type Queryable, queryRows, sqlArray } from '../../platform/db/client.js';

/**
 * Who events reached, by the exact rule:
 * - a registered person who attended at least one session counts once per event series (their
 *   ticket is reused across the sessions of a lab), and once across events when the same phone
 *   registered to several (its keyed hash); an anonymous person is their registration;
 * - head counts (single-session events only) are added as they were counted, flagged as not
 *   de-duplicated (`headCounted`);
 * - professionals are counted apart from residents.
 * The caller decides who may read it and applies disclosure control to any breakdown it shows.
 */

export interface Reach {
  residents: number;
  headCounted: number;
  professionals: number;
}

export interface ReachWindow {
  /** A request's transaction read as the owner, or the system connection (the impact module). */
  tx: Queryable;
  kinds: readonly TEventKind[];
  /** Sessions starting from this moment (inclusive)… */
  from: Date;
  /** …to this one (exclusive). */
  to: Date;
}

/**
 * The attended registrations, one row per distinct person, with their declared group and the
 * registration that stands for them (their first).
 */
const attendedPeople = ({ kinds, from, to }: Omit<ReachWindow, 'tx'>) => sql`
  select distinct on (coalesce(r.phone_hash, r.place_id::text), r.participant)
         r.place_id, r.participant, r.gender, r.age_band, r.citizenship_group
    from community_registrations r
    join community_events e on e.id = r.event_id
   where e.kind = any (${sqlArray(kinds)})
     and exists (select 1 from gathering_attendance a join gathering_sessions s on s.id = a.session_id
                  where a.place_id = r.place_id and a.status in ('present', 'late')
                    and s.starts_at >= ${from} and s.starts_at < ${to})
   order by coalesce(r.phone_hash, r.place_id::text), r.participant, r.created_at`;

const headCounts = ({ kinds, from, to }: Omit<ReachWindow, 'tx'>) => sql`
  select h.id, h.participant, h.gender, h.age_band, h.citizenship_group, h.count
    from community_head_counts h
    join gathering_sessions s on s.id = h.session_id
    join community_events e on e.gathering_id = s.gathering_id
   where e.kind = any (${sqlArray(kinds)}) and s.starts_at >= ${from} and s.starts_at < ${to}`;

export async function reachOf({ tx, ...window }: ReachWindow): Promise<Reach> {
  const [row] = await queryRows<{ residents: number; head_counted: number; professionals: number }>(
    tx,
    sql`with people as (${attendedPeople(window)}), counted as (${headCounts(window)})
        select (select count(*)::int from people where participant = 'resident')
                 + (select coalesce(sum(count), 0)::int from counted where participant = 'resident') as residents,
               (select coalesce(sum(count), 0)::int from counted where participant = 'resident') as head_counted,
               (select count(*)::int from people where participant = 'professional')
                 + (select coalesce(sum(count), 0)::int from counted where participant = 'professional') as professionals`,
  );
  return { residents: row!.residents, headCounted: row!.head_counted, professionals: row!.professionals };
}

export type ReachDimension = 'gender' | 'age_band' | 'citizenship_group';

/** Residents reached by one declared attribute (registrations and head counts together), raw counts. */
export async function reachBy({
  tx,
  dimension,
  participant = 'resident',
  ...window
}: ReachWindow & { dimension: ReachDimension; participant?: TParticipantKind }) {
  const column = sql.raw(dimension);
  return queryRows<{ key: string; count: number }>(
    tx,
    sql`with people as (${attendedPeople(window)}), counted as (${headCounts(window)}),
             together as (select ${column} as key, 1 as n from people where participant = ${participant}
                          union all select ${column} as key, count as n from counted where participant = ${participant})
        select key, sum(n)::int as count from together group by key order by key`,
  );
}

/**
 * The records behind a reach count, for the impact module's drill-down: the registration that
 * stands for each distinct person reached, and the head counts added in (each counts `count`).
 */
export async function reachRecords({
  tx,
  participant = 'resident',
  ...window
}: ReachWindow & { participant?: TParticipantKind }) {
  const people = await queryRows<{ place_id: string }>(
    tx,
    sql`with people as (${attendedPeople(window)})
        select place_id from people where participant = ${participant} order by place_id`,
  );
  const counted = await queryRows<{ id: string; count: number }>(
    tx,
    sql`with counted as (${headCounts(window)})
        select id, count from counted where participant = ${participant} order by id`,
  );
  return { placeIds: people.map((p) => p.place_id), headCounts: counted };
}
