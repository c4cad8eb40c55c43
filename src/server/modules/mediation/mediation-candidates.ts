import { sql } from 'drizzle-orm';
import { ACTIVE_ASSIGNMENT_STATUSES } from '../../../contracts/mediation.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Candidate, MatchRequest } from './matching.js';
import { localSlot } from './matching.js';

/**
 * What matching needs to know about every mediator who speaks the request's language, judged in
 * one query for the request: absences that day, overlapping bookings, conflicts. Runs as the owner
 * (the conflicts and other mediators' bookings are the coordinator's to read, not the
 * requester's) and only after the service has judged that the caller may see the request.
 */

export interface RequestRow {
  id: string;
  language: string;
  dialect: string | null;
  starts_at: Date;
  ends_at: Date;
  mode: MatchRequest['mode'];
  municipality: string | null;
  gender_preference: MatchRequest['genderPreference'];
  victim: boolean;
  victim_mediator_gender: 'female' | 'male' | null;
  community: string | null;
  avoid_same_community: boolean;
  case_id: string | null;
  person_id: string | null;
}

/** The columns of a request matching reads (`RequestRow`). */
export const REQUEST_ROW_COLUMNS = sql.raw(
  'id, language, dialect, starts_at, ends_at, mode, municipality, gender_preference, victim, victim_mediator_gender, community, avoid_same_community, case_id, person_id',
);

/** A request as matching reads it (as the owner), or undefined. */
export async function requestRowOf(sys: Tx, requestId: string): Promise<RequestRow | undefined> {
  const [row] = await queryRows<RequestRow>(
    sys,
    sql`select ${REQUEST_ROW_COLUMNS} from mediation_requests where id = ${requestId}`,
  );
  return row;
}

const LIVE = sql.raw(ACTIVE_ASSIGNMENT_STATUSES.map((s) => `'${s}'`).join(', '));
// A mediator "works on" a case through a live or logged assignment, a place on its team, or one of its sessions.
const WORKED = sql.raw(`'assigned', 'confirmed', 'completed', 'no_show'`);

/** The request as matching reads it: local time slot and the place's centre. */
export async function matchRequestOf(sys: Tx, request: RequestRow): Promise<MatchRequest> {
  const start = localSlot(new Date(request.starts_at));
  const minutes = Math.round(
    (new Date(request.ends_at).getTime() - new Date(request.starts_at).getTime()) / 60_000,
  );
  let place: MatchRequest['place'] = null;
  if (request.mode === 'in_person' && request.municipality) {
    const [m] = await queryRows<{
      latitude: number | null;
      longitude: number | null;
      district_id: string | null;
    }>(
      sys,
      sql`select latitude, longitude, district_id from municipalities where istat_code = ${request.municipality}`,
    );
    place = {
      latitude: m?.latitude ?? Number.NaN,
      longitude: m?.longitude ?? Number.NaN,
      municipality: request.municipality,
      districtId: m?.district_id ?? null,
    };
  }
  return {
    language: request.language,
    dialect: request.dialect,
    mode: request.mode,
    weekday: start.weekday,
    fromMinute: start.minute,
    toMinute: start.minute + minutes,
    place,
    genderPreference: request.gender_preference,
    victim: request.victim,
    victimMediatorGender: request.victim_mediator_gender,
    community: request.community,
    avoidSameCommunity: request.avoid_same_community,
  };
}

interface CandidateRow {
  id: string;
  user_id: string;
  display_name: string;
  organisation_name: string;
  gender: 'female' | 'male';
  modes: string[];
  countries: string[];
  own_community: string | null;
  district_ids: string[];
  municipalities: string[];
  latitude: number | null;
  longitude: number | null;
  languages: Candidate['languages'] | null;
  availability: { weekday: number; from_minute: number; to_minute: number }[] | null;
  absent: boolean;
  busy: boolean;
  conflict: boolean;
  week_minutes: number;
  continuity: boolean;
}

/**
 * The candidates for a request (as the owner). `onlyMediatorIds` narrows to some mediators: the
 * assignment and the acceptance judge one mediator again inside their locks.
 */
export async function loadCandidates({
  sys,
  request,
  onlyMediatorIds,
}: {
  sys: Tx;
  request: RequestRow;
  onlyMediatorIds?: readonly string[];
}): Promise<Candidate[]> {
  const startsAt = new Date(request.starts_at);
  const endsAt = new Date(request.ends_at);
  const { date, weekday } = localSlot(startsAt);
  const weekFrom = new Date(startsAt.getTime() - 3.5 * 86_400_000);
  const weekTo = new Date(startsAt.getTime() + 3.5 * 86_400_000);
  const only = onlyMediatorIds
    ? sql`and m.id in (${sql.join(
        onlyMediatorIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const rows = await queryRows<CandidateRow>(
    sys,
    sql`with the_case as (
          select c.id, c.household_id,
                 coalesce(array_agg(rp.person_id) filter (where rp.person_id is not null), '{}') as people,
                 bool_or(p.case_role = 'perpetrator') as perpetrator_side
            from cases c left join referral_people rp on rp.referral_id = c.referral_id
            left join people p on p.id = rp.person_id
           where c.id = ${request.case_id}
           group by c.id, c.household_id),
        household_people as (
          select coalesce(array_agg(p.id), '{}') as people from people p
           where p.household_id = (select household_id from the_case)),
        blocked_users as (
          select public.trama_users_blocked_from((select people from the_case)) as blocked
          union
          select x.user_id from person_exclusions x
           where x.person_id = any (coalesce((select people from household_people), '{}'))),
        household_cases as (
          select c.id, coalesce(bool_or(p.case_role = 'perpetrator'), false) as perpetrator_side
            from cases c left join referral_people rp on rp.referral_id = c.referral_id
            left join people p on p.id = rp.person_id
           where c.household_id = (select household_id from the_case)
           group by c.id),
        worked as (
          select a.mediator_id, r.case_id from mediation_assignments a join mediation_requests r on r.id = a.request_id
           where a.status in (${WORKED}) and r.case_id in (select id from household_cases) and r.id <> ${request.id}
          union
          select mt.id, t.case_id from case_team t join mediators mt on mt.user_id = t.user_id
           where t.case_id in (select id from household_cases)
          union
          select ms.id, s.case_id from case_sessions s join mediators ms on ms.user_id = s.mediator_id
           where s.case_id in (select id from household_cases))
        select m.id, m.user_id, u.display_name, o.name as organisation_name, m.gender, m.modes, m.countries,
               m.own_community, m.district_ids, m.municipalities, mu.latitude, mu.longitude,
               (select json_agg(json_build_object('language', l.language, 'dialect', l.dialect, 'level', l.level))
                  from mediator_languages l where l.mediator_id = m.id and l.language = ${request.language}) as languages,
               (select json_agg(json_build_object('weekday', a.weekday, 'from_minute', a.from_minute, 'to_minute', a.to_minute))
                  from mediator_availability a where a.mediator_id = m.id and a.weekday = ${weekday}) as availability,
               exists (select 1 from mediator_absences x where x.mediator_id = m.id
                        and ${date}::date between x.from_date and x.to_date) as absent,
               exists (select 1 from mediation_assignments a where a.mediator_id = m.id and a.status in (${LIVE})
                        and a.starts_at < ${endsAt} and a.ends_at > ${startsAt} and a.request_id <> ${request.id}) as busy,
               (exists (select 1 from mediator_conflicts k where k.mediator_id = m.id and (
                          (k.kind = 'person' and (k.person_id = ${request.person_id}
                             or k.person_id = any (coalesce((select people from household_people), '{}'))))
                       or (k.kind = 'household' and k.household_id = (select household_id from the_case))
                       or (k.kind = 'community' and k.country = ${request.community})))
                -- Users who must never reach the case's people (trama_users_blocked_from, migration 0036),
                -- and anyone locked out of one of the household's people: knowing one of the family, the
                -- perpetrator first, keeps a mediator from every case of the household. Sets computed once.
                or m.user_id in (select blocked from blocked_users)
                or exists (select 1 from worked w join household_cases hc on hc.id = w.case_id
                            where w.mediator_id = m.id
                              and hc.perpetrator_side <> (select perpetrator_side from the_case))) as conflict,
               coalesce((select sum(extract(epoch from (a.ends_at - a.starts_at)))::int / 60 from mediation_assignments a
                          where a.mediator_id = m.id and a.status in ('assigned', 'confirmed', 'completed')
                            and a.starts_at >= ${weekFrom} and a.starts_at < ${weekTo}), 0)::int as week_minutes,
               exists (select 1 from worked w join household_cases hc on hc.id = w.case_id
                        where w.mediator_id = m.id and hc.perpetrator_side = (select perpetrator_side from the_case)) as continuity
          from mediators m join users u on u.id = m.user_id join organisations o on o.id = m.organisation_id
          left join municipalities mu on mu.istat_code = m.base_municipality
         where m.active and u.disabled_at is null
           and exists (select 1 from mediator_languages l where l.mediator_id = m.id and l.language = ${request.language})
           ${only}`,
  );
  return rows.map((r) => ({
    mediatorId: r.id,
    displayName: r.display_name,
    organisationName: r.organisation_name,
    gender: r.gender,
    modes: r.modes,
    countries: r.countries,
    ownCommunity: r.own_community,
    languages: r.languages ?? [],
    districtIds: r.district_ids,
    municipalities: r.municipalities,
    base:
      r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude } : null,
    availability: (r.availability ?? []).map((a) => ({
      weekday: a.weekday,
      fromMinute: a.from_minute,
      toMinute: a.to_minute,
    })),
    absent: r.absent,
    busy: r.busy,
    conflict: r.conflict,
    weekMinutes: Number(r.week_minutes),
    continuity: r.continuity,
  }));
}
