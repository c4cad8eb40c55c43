import { sql } from 'drizzle-orm';
import type { TMediatorJob } from '../../../contracts/mediation.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { decryptField, type Keyring } from '../../platform/crypto/field-crypto.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { requireMyMediator } from './mediation.policy.js';

/**
 * What a mediator sees of their work: pending offers and their own assignments, with only what
 * they need to go there — time, place, language, purpose, who asked and how to reach them. Never
 * the case, the person, the notes or the victim flags. A released assignment is gone from here.
 */

const LIVE: readonly string[] = ['assigned', 'confirmed'];

interface JobRow {
  kind: 'assignment' | 'offer';
  id: string;
  request_id: string;
  request_code: string;
  status: string;
  starts_at: Date;
  duration_minutes: number;
  mode: TMediatorJob['mode'];
  language: string;
  dialect: string | null;
  purpose: TMediatorJob['purpose'];
  municipality_name: string | null;
  place_encrypted: string | null;
  requester_name: string;
  requester_contact: string;
  service_name: string;
  actual_minutes: number | null;
  travel_minutes: number | null;
  travel_km: string | number | null;
}

export async function jobsOfMediator({
  tx,
  keyring,
  mediatorId,
  upcomingOnly = false,
}: {
  tx: Tx;
  keyring: Keyring;
  mediatorId: string;
  upcomingOnly?: boolean;
}): Promise<TMediatorJob[]> {
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<JobRow>(
      sys,
      sql`select * from (
            select 'assignment' as kind, a.id, r.id as request_id, r.code as request_code, a.status, r.starts_at,
                   r.duration_minutes, r.mode, r.language, r.dialect, r.purpose, mu.name as municipality_name,
                   r.place_encrypted, u.display_name as requester_name, r.requester_contact, s.name as service_name,
                   a.actual_minutes, a.travel_minutes, a.travel_km
              from mediation_assignments a join mediation_requests r on r.id = a.request_id
              join users u on u.id = r.requester_id join services s on s.id = r.service_id
              left join municipalities mu on mu.istat_code = r.municipality
             where a.mediator_id = ${mediatorId} and a.status in ('assigned', 'confirmed', 'completed', 'no_show')
            union all
            select 'offer', r.id, r.id, r.code, o.status, r.starts_at, r.duration_minutes, r.mode, r.language, r.dialect,
                   r.purpose, mu.name, null, u.display_name, null, s.name, null, null, null
              from mediation_offers o join mediation_requests r on r.id = o.request_id
              join users u on u.id = r.requester_id join services s on s.id = r.service_id
              left join municipalities mu on mu.istat_code = r.municipality
             where o.mediator_id = ${mediatorId} and o.status = 'pending' and r.status = 'offered') j
          ${upcomingOnly ? sql`where j.starts_at > now() - interval '1 day' and j.status in ('assigned', 'confirmed')` : sql``}
          order by j.starts_at desc, j.id limit 200`,
    ),
  );
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    requestCode: r.request_code,
    status: r.status,
    startsAt: isoTime(r.starts_at)!,
    durationMinutes: r.duration_minutes,
    mode: r.mode,
    language: r.language,
    dialect: r.dialect,
    purpose: r.purpose,
    municipalityName: r.municipality_name,
    // The place (maybe a shelter) and the contact only while the mediator holds the job.
    place:
      r.kind === 'assignment' && LIVE.includes(r.status) && r.place_encrypted
        ? decryptField({
            keyring,
            value: r.place_encrypted,
            context: `mediation_requests.place:${r.request_id}`,
          })
        : null,
    requesterName: r.requester_name,
    requesterContact: r.kind === 'assignment' && LIVE.includes(r.status) ? r.requester_contact : null,
    serviceName: r.service_name,
    actualMinutes: r.actual_minutes,
    travelMinutes: r.travel_minutes,
    travelKm: r.travel_km === null ? null : Number(r.travel_km),
  }));
}

export async function myJobs({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const mediatorId = await requireMyMediator(tx);
      const items = await jobsOfMediator({ tx, keyring: deps.keyring, mediatorId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.jobs_listed', details: { count: items.length } },
      });
      return { items };
    },
  });
}
