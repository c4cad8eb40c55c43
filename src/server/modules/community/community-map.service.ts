import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZMapQuerySchema, ZMapSchema } from '../../../contracts/community.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { isoTime, queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { holderWhere } from './community-holders.repository.js';

/**
 * The map (issue 19, item 3): every comune of the two districts with its centre, the active
 * holders matching the filters and the published events held there lately or coming. The web
 * draws it over the comuni's boundaries shipped with the app, and lists the same data. Holders are
 * organisations and events are public: nothing personal, so no audit event.
 */

type MapQuery = z.infer<typeof ZMapQuerySchema>;
type TMap = z.infer<typeof ZMapSchema>;

/** Events whose last session is at most this many days ago still show on the map. */
export const MAP_RECENT_DAYS = 90;

export async function communityMap({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: MapQuery;
}): Promise<TMap> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const comuni = await queryRows<{
        istat_code: string;
        name: string;
        district: string | null;
        latitude: number | null;
        longitude: number | null;
      }>(
        tx,
        sql`select m.istat_code, m.name, d.name as district, m.latitude, m.longitude
              from municipalities m left join districts d on d.id = m.district_id
             order by m.name, m.istat_code`,
      );
      const holders = await queryRows<{
        id: string;
        name: string;
        kind: TMap['municipalities'][number]['holders'][number]['kind'];
        municipality: string;
      }>(
        tx,
        sql`select h.id, h.name, h.kind, h.municipality from community_holders h
             where ${holderWhere({ ...query, activeOnly: true })} order by h.name, h.id`,
      );
      // The topic filter reads on events as their topics; a holder's kind or community does not apply to them.
      const events = await queryRows<{
        id: string;
        title: string;
        kind: TMap['municipalities'][number]['events'][number]['kind'];
        municipality: string;
        starts_at: Date;
      }>(
        tx,
        sql`select e.id, g.title, e.kind, e.municipality, min(s.starts_at) as starts_at
              from community_events e join gatherings g on g.id = e.gathering_id
              join gathering_sessions s on s.gathering_id = e.gathering_id
             where e.published and e.status = 'planned'
               ${query.need ? sql`and ${query.need}::text = any (e.topics)` : sql``}
             group by e.id, g.title, e.kind, e.municipality
            having max(s.starts_at) >= now() - make_interval(days => ${MAP_RECENT_DAYS})
             order by starts_at, e.id`,
      );
      return {
        municipalities: comuni.map((m) => ({
          istatCode: m.istat_code,
          name: m.name,
          district: m.district,
          lat: m.latitude === null ? null : Number(m.latitude),
          lon: m.longitude === null ? null : Number(m.longitude),
          holders: holders
            .filter((h) => h.municipality === m.istat_code)
            .map((h) => ({ id: h.id, name: h.name, kind: h.kind })),
          events: events
            .filter((e) => e.municipality === m.istat_code)
            .map((e) => ({ id: e.id, title: e.title, kind: e.kind, startsAt: isoTime(e.starts_at)! })),
        })),
      };
    },
  });
}
