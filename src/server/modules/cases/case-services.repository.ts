import { sql } from 'drizzle-orm';
import type { TCaseService, TFollowup, TSessionPractice } from '../../../contracts/case-services.js';
import { FOLLOWUP_DUE_SOON_DAYS } from '../../../contracts/case-services.js';
import { openRecordField } from '../../platform/crypto/record-keys.js';
import { countOf, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { displayNames } from './cases.policy.js';

/**
 * Data access for services delivered, follow-ups and what a session adds once it happened (issue
 * 22). Every query runs in the request's scoped transaction: row-level security decides what comes
 * back (db/migrations-wip/2-case-services.sql).
 */
export const noteVersionContext = (versionId: string) => `session_note_versions.body:${versionId}`;

const day = (value: Date | string | null) =>
  value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

export async function servicesOfCase({ tx, caseId }: { tx: Tx; caseId: string }): Promise<TCaseService[]> {
  const rows = await queryRows<{
    id: string;
    type: TCaseService['type'];
    person_id: string | null;
    given_name: string | null;
    provider_user_id: string | null;
    provider_organisation: string | null;
    started_on: string;
    ended_on: string | null;
    hours: number | null;
    status: TCaseService['status'];
    note: string | null;
  }>(
    tx,
    sql`select s.id, s.type, s.person_id, p.given_name, s.provider_user_id, s.provider_organisation,
          s.started_on::text as started_on, s.ended_on::text as ended_on, s.hours, s.status, s.note
        from case_services s left join people p on p.id = s.person_id
        where s.case_id = ${caseId} order by s.started_on desc, s.id`,
  );
  const names = await displayNames({
    tx,
    ids: rows.flatMap((r) => (r.provider_user_id ? [r.provider_user_id] : [])),
  });
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    person: r.person_id ? { id: r.person_id, givenName: r.given_name ?? '' } : null,
    provider: {
      userId: r.provider_user_id,
      name: r.provider_user_id
        ? (names.get(r.provider_user_id)?.name ?? '')
        : (r.provider_organisation ?? ''),
    },
    startedOn: day(r.started_on)!,
    endedOn: day(r.ended_on),
    hours: r.hours,
    status: r.status,
    note: r.note,
  }));
}

export async function followupsOfCase({ tx, caseId }: { tx: Tx; caseId: string }): Promise<TFollowup[]> {
  const rows = await queryRows<{
    id: string;
    what: string;
    due_on: string;
    service_id: string | null;
    assigned_to: string;
    done_at: Date | null;
    done_by: string | null;
    outcome: string | null;
  }>(
    tx,
    sql`select id, what, due_on::text as due_on, service_id, assigned_to, done_at, done_by, outcome
        from case_followups where case_id = ${caseId}
        order by (done_at is not null), due_on, id`,
  );
  const names = await displayNames({
    tx,
    ids: rows.flatMap((r) => [r.assigned_to, ...(r.done_by ? [r.done_by] : [])]),
  });
  return rows.map((r) => ({
    id: r.id,
    what: r.what,
    dueOn: day(r.due_on)!,
    serviceId: r.service_id,
    assignedTo: { id: r.assigned_to, displayName: names.get(r.assigned_to)?.name ?? '' },
    doneAt: r.done_at ? new Date(r.done_at).toISOString() : null,
    doneBy: r.done_by ? (names.get(r.done_by)?.name ?? '') : null,
    outcome: r.outcome,
  }));
}

/** The case's clinical team (lead and members): who may provide a service or be assigned a follow-up. */
export async function clinicalTeam({ tx, caseId }: { tx: Tx; caseId: string }) {
  const rows = await queryRows<{ user_id: string }>(
    tx,
    sql`select user_id from case_team where case_id = ${caseId} and team_role in ('lead', 'member')`,
  );
  const names = await displayNames({ tx, ids: rows.map((r) => r.user_id) });
  return rows.map((r) => ({ id: r.user_id, displayName: names.get(r.user_id)?.name ?? '' }));
}

/** Home: the viewer's open follow-ups due within FOLLOWUP_DUE_SOON_DAYS or overdue, on cases they still reach. */
export function followupsDueCount({ tx }: { tx: Tx }) {
  return countOf(
    tx,
    sql`select count(*)::int as n from case_followups f
        where f.assigned_to = (select trama_user()) and f.done_at is null
          and f.due_on <= current_date + ${FOLLOWUP_DUE_SOON_DAYS}::int
          and exists (select 1 from cases c where c.id = f.case_id and c.status <> 'closed')`,
  );
}

/** What a session adds once it happened: its status, outside participants, earlier texts of its notes. */
export async function sessionPractice({
  tx,
  deps,
  sessionId,
}: {
  tx: Tx;
  deps: Deps;
  sessionId: string;
}): Promise<Omit<TSessionPractice, 'referrer' | 'researchers' | 'canWrite'> | null> {
  const [s] = await queryRows<{
    status: TSessionPractice['status'];
    status_reason: string | null;
    held_at: Date | null;
  }>(tx, sql`select status, status_reason, held_at from case_sessions where id = ${sessionId}`);
  if (!s) return null;
  const outside = await queryRows<{
    id: string;
    role: TSessionPractice['outsideParticipants'][number]['role'];
    name: string;
    organisation: string | null;
  }>(
    tx,
    sql`select id, role, name, organisation from session_outside_participants
        where session_id = ${sessionId} order by added_at, id`,
  );
  // Row-level security returns the versions of the notes this viewer may read, and no others.
  const versions = await queryRows<{
    id: string;
    section: TSessionPractice['noteHistory'][number]['section'];
    body_encrypted: string;
    edited_by: string;
    edited_at: Date;
  }>(
    tx,
    sql`select v.id, n.section, v.body_encrypted, v.edited_by, v.edited_at
        from session_note_versions v join session_notes n on n.id = v.note_id
        where n.session_id = ${sessionId} order by n.section, v.edited_at desc`,
  );
  const names = await displayNames({ tx, ids: versions.map((v) => v.edited_by) });
  return {
    status: s.status,
    statusReason: s.status_reason,
    heldAt: s.held_at ? new Date(s.held_at).toISOString() : null,
    outsideParticipants: outside,
    noteHistory: await Promise.all(
      versions.map(async (v) => ({
        section: v.section,
        body: await openRecordField({ deps, tx, value: v.body_encrypted, context: noteVersionContext(v.id) }),
        editedBy: names.get(v.edited_by)?.name ?? '',
        editedAt: new Date(v.edited_at).toISOString(),
      })),
    ),
  };
}

/**
 * Whether these people would bring together a perpetrator and someone he may harm (a victim, a
 * minor, anyone at risk). Read as the owner: under row-level security a perpetrator hidden from
 * the viewer would answer "no" (fail open). Only a yes/no.
 */
export async function perpetratorWithProtected({ tx, personIds }: { tx: Tx; personIds: readonly string[] }) {
  if (personIds.length < 2) return false;
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ yes: boolean }>(
      sys,
      sql`select exists (select 1 from people p where p.id in (${uuidList(personIds)}) and p.case_role = 'perpetrator')
            and exists (select 1 from people p where p.id in (${uuidList(personIds)}) and p.case_role <> 'perpetrator'
              and trama_is_protected(p.case_role, p.at_risk, p.birth_date, p.birth_year)) as yes`,
    ),
  );
  return row?.yes ?? false;
}

/** The referring social worker of the case (the referral's sender), whom the team may record as attending. */
export async function referringUser({ tx, caseId }: { tx: Tx; caseId: string }) {
  // Read as the owner (users are scoped to one's organisation), for a case the caller already reached.
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; display_name: string; service_name: string }>(
      sys,
      sql`select u.id, u.display_name, sv.name as service_name from cases c join referrals r on r.id = c.referral_id
        join users u on u.id = r.created_by join services sv on sv.id = r.from_service_id
        where c.id = ${caseId} and r.origin = 'service'`,
    ),
  );
  return row ?? null;
}
