import { sql } from 'drizzle-orm';
import { ATTENDED_STATUSES } from '../../../contracts/gatherings.js';
import { queryRows, type Tx, uuidList } from '../db/client.js';

/**
 * Hours come from attendance: a session counts its whole length for a participant marked present
 * or late, nothing for absent or excused (ADR 0019). Rounded to hundredths where they are shown.
 */
export const sessionHours = (alias: string) =>
  sql.raw(`(extract(epoch from (${alias}.ends_at - ${alias}.starts_at)) / 3600.0)`);

const attended = sql.raw(ATTENDED_STATUSES.map((s) => `'${s}'`).join(', '));

/** The hours each registration attended, by place id (missing: none). Reads as the caller (RLS). */
export async function attendedHoursOf({ tx, placeIds }: { tx: Tx; placeIds: readonly string[] }) {
  if (placeIds.length === 0) return new Map<string, number>();
  const rows = await queryRows<{ place_id: string; hours: string | number }>(
    tx,
    sql`select a.place_id, sum(${sessionHours('s')}) as hours
          from gathering_attendance a join gathering_sessions s on s.id = a.session_id
          join gathering_places p on p.id = a.place_id and p.gathering_id = s.gathering_id
         where a.place_id in (${uuidList(placeIds)}) and a.status in (${attended})
         group by a.place_id`,
  );
  return new Map(rows.map((r) => [r.place_id, roundHours(Number(r.hours))]));
}

/** A gathering's scheduled hours (all its sessions). */
export async function gatheringHoursOf({ tx, gatheringId }: { tx: Tx; gatheringId: string }) {
  const [row] = await queryRows<{ hours: string | number | null }>(
    tx,
    sql`select sum(${sessionHours('s')}) as hours from gathering_sessions s where s.gathering_id = ${gatheringId}`,
  );
  return roundHours(Number(row?.hours ?? 0));
}

export const roundHours = (hours: number) => Math.round(hours * 100) / 100;
