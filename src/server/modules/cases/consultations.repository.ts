import { sql } from 'drizzle-orm';
import {
  ATTENDANCE_ROLES,
  type TConsultationAccess,
  type TConsultationListItem,
  type TConsultationSession,
  type TOpinion,
} from '../../../contracts/consultations.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { displayNames } from './cases.policy.js';
import { todayInRome } from './rome-time.js';

/**
 * List and load SQL of consultations and the row → contract mapping. Row-level security decides
 * which rows come back; the caller's standing (consultations.policy.ts) decides which parts are read.
 */
export const CONSULTATION_LIST_LIMIT = 200;

type ListRow = {
  id: string;
  code: string;
  kind: TConsultationListItem['kind'];
  status: TConsultationListItem['status'];
  requesting_service: string;
  consulting_service: string;
  opinion_due_on: string | null;
  team: boolean;
  supervises: boolean;
};

const accessOf = (row: Pick<ListRow, 'team' | 'supervises'>): TConsultationAccess =>
  row.team ? 'team' : row.supervises ? 'supervisor' : 'requester';

const OPEN_STATUSES = ['requested', 'presentation', 'in_sessions', 'opinion_drafting'];

export function isOverdue(dueOn: string | null, status: string) {
  return dueOn !== null && OPEN_STATUSES.includes(status) && dueOn < todayInRome();
}

/**
 * The consultations the viewer reaches, nearest deadline first. A pair of Ambiti sees a few dozen a
 * year, so one bounded page is the whole list (consultations_service_idx / _requesting_idx).
 */
export async function listConsultations({ tx, status }: { tx: Tx; status?: string }) {
  const rows = await queryRows<ListRow>(
    tx,
    sql`select k.id, k.code, k.kind, k.status, rs.name as requesting_service, cs.name as consulting_service,
          to_char(k.opinion_due_on, 'YYYY-MM-DD') as opinion_due_on,
          k.id = any((select trama_consultations_of_team())::uuid[]) as team,
          k.service_id = any((select trama_supervised_services())::uuid[]) as supervises
        from consultations k
        join services rs on rs.id = k.requesting_service_id
        join services cs on cs.id = k.service_id
        where ${status ? sql`k.status = ${status}` : sql`true`}
        order by k.opinion_due_on asc nulls last, k.created_at desc, k.id
        limit ${CONSULTATION_LIST_LIMIT}`,
  );
  return rows.map(toListItem);
}

export function toListItem(row: ListRow): TConsultationListItem {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    status: row.status,
    access: accessOf(row),
    requestingService: row.requesting_service,
    consultingService: row.consulting_service,
    opinionDueOn: row.opinion_due_on,
    overdue: isOverdue(row.opinion_due_on, row.status),
  };
}

export async function loadConsultationRow({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await queryRows<
    ListRow & {
      household_code: string;
      referral_id: string;
      reason: string | null;
      requesting_authority: 'juvenile_court' | 'juvenile_prosecutor' | null;
      request_reference: string | null;
      request_date: string | null;
      covers_team_involvement: boolean | null;
      lead_user_id: string | null;
      case_id: string | null;
      presentation_summary: string | null;
      axes: string[];
      service_id: string;
    }
  >(
    tx,
    sql`select k.id, k.code, k.kind, k.status, rs.name as requesting_service, cs.name as consulting_service,
          to_char(k.opinion_due_on, 'YYYY-MM-DD') as opinion_due_on,
          k.id = any((select trama_consultations_of_team())::uuid[]) as team,
          k.service_id = any((select trama_supervised_services())::uuid[]) as supervises,
          trama_household_code(k.household_id) as household_code, k.referral_id, k.reason,
          k.requesting_authority, k.request_reference, to_char(k.request_date, 'YYYY-MM-DD') as request_date,
          k.covers_team_involvement, k.lead_user_id, k.case_id, k.presentation_summary, k.axes, k.service_id
        from consultations k
        join services rs on rs.id = k.requesting_service_id
        join services cs on cs.id = k.service_id
        where k.id = ${id}`,
  );
  return row;
}

export async function loadSessions({ tx, consultationId }: { tx: Tx; consultationId: string }) {
  const sessions = await queryRows<{
    id: string;
    held_on: string;
    duration_minutes: number;
    place: string;
    family_explanation: string | null;
    hypotheses: string | null;
    feedback: string | null;
    next_appointment_on: string | null;
  }>(
    tx,
    sql`select s.id, to_char(s.held_on, 'YYYY-MM-DD') as held_on, s.duration_minutes, s.place,
          s.family_explanation, s.hypotheses, s.feedback, to_char(s.next_appointment_on, 'YYYY-MM-DD') as next_appointment_on
        from consultation_sessions s where s.consultation_id = ${consultationId}
        order by s.held_on, s.created_at, s.id`,
  );
  const attendance = sessions.length
    ? await queryRows<{
        session_id: string;
        role: TConsultationSession['attendees'][number]['role'];
        user_id: string | null;
        person_id: string | null;
        name: string | null;
        profession: TConsultationSession['attendees'][number]['profession'];
        language: string | null;
        professional_role: string | null;
        organisation: string | null;
      }>(
        tx,
        sql`select a.session_id, a.role, a.user_id, a.person_id, a.name, a.profession, a.language,
              a.professional_role, a.organisation
            from consultation_attendance a left join people p on p.id = a.person_id
            where a.session_id in (${uuidList(sessions.map((s) => s.id))})
            -- The circle as the mission describes it (lead, co-therapists, mediator, first line, family), the family by its order in the household.
            order by array_position(array[${sql.join(
              ATTENDANCE_ROLES.map((role) => sql`${role}`),
              sql`, `,
            )}]::text[], a.role), p.position, a.name, a.id`,
      )
    : [];
  const staff = await displayNames({ tx, ids: attendance.flatMap((a) => (a.user_id ? [a.user_id] : [])) });
  const family = await personNames({
    tx,
    ids: attendance.flatMap((a) => (a.person_id ? [a.person_id] : [])),
  });
  return sessions.map(
    (s): TConsultationSession => ({
      id: s.id,
      heldOn: s.held_on,
      durationMinutes: s.duration_minutes,
      place: s.place,
      familyExplanation: s.family_explanation,
      hypotheses: s.hypotheses,
      feedback: s.feedback,
      nextAppointmentOn: s.next_appointment_on,
      attendees: attendance
        .filter((a) => a.session_id === s.id)
        .map((a) => ({
          role: a.role,
          name:
            a.name ??
            (a.user_id ? staff.get(a.user_id)?.name : undefined) ??
            (a.person_id ? family.get(a.person_id) : undefined) ??
            '—',
          profession: a.profession,
          language: a.language,
          professionalRole: a.professional_role,
          organisation: a.organisation,
        })),
    }),
  );
}

/**
 * The names of the referral's people, for the team that consults on them. After acceptance the
 * household is no longer the team's to read (households_read), so the names are read as the owner,
 * only the names, only of the referral's people, for a consultation the caller has already reached.
 */
export async function referralPeopleNames({ tx, referralId }: { tx: Tx; referralId: string }) {
  return unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; name: string }>(
      sys,
      sql`select p.id, p.given_name || ' ' || p.family_name as name from referral_people rp
          join people p on p.id = rp.person_id where rp.referral_id = ${referralId} order by p.position, p.id`,
    ),
  );
}

async function personNames({ tx, ids }: { tx: Tx; ids: string[] }) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; name: string }>(
      sys,
      sql`select p.id, p.given_name || ' ' || p.family_name as name from people p where p.id in (${uuidList(ids)})`,
    ),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The users of the consulting service (lead and co-therapists are chosen among them). */
export async function serviceUsers({ tx, serviceId }: { tx: Tx; serviceId: string }) {
  return unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; name: string }>(
      sys,
      sql`select distinct u.id, u.display_name as name from memberships m join users u on u.id = m.user_id
          where m.service_id = ${serviceId} and m.role in ('clinician', 'practitioner') order by 2, 1`,
    ),
  );
}

/** The opinions the viewer may read: RLS leaves the requester only the approved versions. */
export async function loadOpinions({ tx, consultationId }: { tx: Tx; consultationId: string }) {
  const rows = await queryRows<{
    id: string;
    version: number;
    text: string;
    status: TOpinion['status'];
    created_by: string;
    created_at: Date;
    approved_by: string | null;
    approved_at: Date | null;
  }>(
    tx,
    sql`select o.id, o.version, o.text, o.status, o.created_by, o.created_at, o.approved_by, o.approved_at
        from consultation_opinions o where o.consultation_id = ${consultationId} order by o.version desc`,
  );
  const names = await displayNames({
    tx,
    ids: rows.flatMap((r) => [r.created_by, ...(r.approved_by ? [r.approved_by] : [])]),
  });
  return rows.map(
    (r): TOpinion => ({
      id: r.id,
      version: r.version,
      text: r.text,
      status: r.status,
      writtenBy: names.get(r.created_by)?.name ?? '—',
      createdAt: new Date(r.created_at).toISOString(),
      approvedBy: r.approved_by ? (names.get(r.approved_by)?.name ?? '—') : null,
      approvedAt: r.approved_at ? new Date(r.approved_at).toISOString() : null,
    }),
  );
}
