import { sql } from 'drizzle-orm';
import type { TRequest, TRequestStatus } from '../../../contracts/mediation.js';
import { decryptField, type Keyring } from '../../platform/crypto/field-crypto.js';
import { isoTime, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';

export interface RequestFilter {
  ids?: readonly string[];
  mediationServiceId?: string;
  status?: TRequestStatus;
  unmatched?: boolean;
  page?: number;
  pageSize?: number;
}

interface Row {
  id: string;
  code: string;
  status: TRequestStatus;
  unmatched: boolean;
  language: string;
  dialect: string | null;
  starts_at: Date;
  duration_minutes: number;
  mode: TRequest['mode'];
  municipality: string | null;
  municipality_name: string | null;
  place_encrypted: string | null;
  purpose: TRequest['purpose'];
  urgency: TRequest['urgency'];
  gender_preference: TRequest['genderPreference'];
  victim: boolean;
  victim_mediator_gender: TRequest['victimMediatorGender'];
  community: string | null;
  avoid_same_community: boolean;
  work_package: TRequest['workPackage'];
  service_id: string;
  service_name: string;
  requester_id: string;
  requester_name: string;
  requester_contact: string;
  case_id: string | null;
  case_code: string | null;
  session_id: string | null;
  notes: string | null;
  created_at: Date;
  assignment: {
    id: string;
    mediator_id: string;
    mediator_name: string;
    status: NonNullable<TRequest['assignment']>['status'];
    actual_minutes: number | null;
    travel_minutes: number | null;
    travel_km: number | string | null;
    rating: number | null;
  } | null;
  offers:
    | { mediator_id: string; display_name: string; status: TRequest['offeredTo'][number]['status'] }[]
    | null;
}

/**
 * Requests as their readers see them. Which requests is the caller's own query (RLS applies);
 * their names, assignment and offers are then read as the owner for exactly those requests.
 */
export async function loadRequests({
  tx,
  keyring,
  filter,
}: {
  tx: Tx;
  keyring: Keyring;
  filter: RequestFilter;
}): Promise<TRequest[]> {
  const pageSize = filter.pageSize ?? 25;
  const visible = await queryRows<{ id: string }>(
    tx,
    sql`select r.id from mediation_requests r where true
         ${filter.ids ? sql`and r.id in (${uuidList(filter.ids)})` : sql``}
         ${filter.mediationServiceId ? sql`and r.mediation_service_id = ${filter.mediationServiceId}` : sql``}
         ${filter.status ? sql`and r.status = ${filter.status}` : sql``}
         ${filter.unmatched ? sql`and r.unmatched` : sql``}
         order by r.starts_at desc, r.id limit ${pageSize} offset ${((filter.page ?? 1) - 1) * pageSize}`,
  );
  if (visible.length === 0) return [];
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<Row>(
      sys,
      sql`select r.id, r.code, r.status, r.unmatched, r.language, r.dialect, r.starts_at, r.duration_minutes, r.mode,
                 r.municipality, mu.name as municipality_name, r.place_encrypted, r.purpose, r.urgency,
                 r.gender_preference, r.victim, r.victim_mediator_gender, r.community, r.avoid_same_community,
                 r.work_package, r.service_id, s.name as service_name, r.requester_id, u.display_name as requester_name,
                 r.requester_contact, r.case_id, c.code as case_code, r.session_id, r.notes, r.created_at,
                 (select json_build_object('id', a.id, 'mediator_id', a.mediator_id, 'mediator_name', mu2.display_name,
                          'status', a.status, 'actual_minutes', a.actual_minutes, 'travel_minutes', a.travel_minutes,
                          'travel_km', a.travel_km, 'rating', rt.rating)
                    from mediation_assignments a join mediators m on m.id = a.mediator_id
                    join users mu2 on mu2.id = m.user_id left join mediation_ratings rt on rt.assignment_id = a.id
                   where a.request_id = r.id order by a.assigned_at desc, a.id limit 1) as assignment,
                 (select json_agg(json_build_object('mediator_id', o.mediator_id, 'display_name', ou.display_name,
                          'status', o.status) order by o.offered_at, ou.display_name)
                    from mediation_offers o join mediators om on om.id = o.mediator_id join users ou on ou.id = om.user_id
                   where o.request_id = r.id) as offers
            from mediation_requests r join services s on s.id = r.service_id join users u on u.id = r.requester_id
            left join municipalities mu on mu.istat_code = r.municipality left join cases c on c.id = r.case_id
           where r.id in (${uuidList(visible.map((v) => v.id))})
           order by r.starts_at desc, r.id`,
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    status: r.status,
    unmatched: r.unmatched,
    language: r.language,
    dialect: r.dialect,
    startsAt: isoTime(r.starts_at)!,
    durationMinutes: r.duration_minutes,
    mode: r.mode,
    municipality: r.municipality,
    municipalityName: r.municipality_name,
    place: r.place_encrypted
      ? decryptField({ keyring, value: r.place_encrypted, context: `mediation_requests.place:${r.id}` })
      : null,
    purpose: r.purpose,
    urgency: r.urgency,
    genderPreference: r.gender_preference,
    victim: r.victim,
    victimMediatorGender: r.victim_mediator_gender,
    community: r.community,
    avoidSameCommunity: r.avoid_same_community,
    workPackage: r.work_package,
    serviceId: r.service_id,
    serviceName: r.service_name,
    requesterId: r.requester_id,
    requesterName: r.requester_name,
    requesterContact: r.requester_contact,
    caseId: r.case_id,
    caseCode: r.case_code,
    sessionId: r.session_id,
    notes: r.notes,
    createdAt: isoTime(r.created_at)!,
    // A declined or removed mediator is history: the request shows who holds it now, if anyone.
    assignment:
      r.assignment && !['declined', 'removed', 'cancelled'].includes(r.assignment.status)
        ? {
            id: r.assignment.id,
            mediatorId: r.assignment.mediator_id,
            mediatorName: r.assignment.mediator_name,
            status: r.assignment.status,
            actualMinutes: r.assignment.actual_minutes,
            travelMinutes: r.assignment.travel_minutes,
            travelKm: r.assignment.travel_km === null ? null : Number(r.assignment.travel_km),
            rating: r.assignment.rating,
          }
        : null,
    offeredTo: (r.offers ?? []).map((o) => ({
      mediatorId: o.mediator_id,
      displayName: o.display_name,
      status: o.status,
    })),
  }));
}

/** One request as its reader sees it, once the service has judged that they may. */
export async function loadRequest({
  tx,
  keyring,
  id,
}: {
  tx: Tx;
  keyring: Keyring;
  id: string;
}): Promise<TRequest> {
  const [request] = await loadRequests({ tx, keyring, filter: { ids: [id] } });
  if (!request) throw new Error(`request ${id} not readable after it was judged`);
  return request;
}
