import { sql } from 'drizzle-orm';
import type { TLocalizedText } from '../../../contracts/common.js';
import type { TCommitteeRole } from '../../../contracts/governance-codes.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import type { AuditAction } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { type MeetingAccess, requireCommitteeRole, requireMeeting } from './governance.policy.js';

/** What the minutes, decisions and actions services share: names, audit, refusals in words. */

/**
 * The display names of accounts the caller already reached through a governance row it may read
 * (a drafter, an approver, an action's owner): the users table is the platform's, read as owner.
 */
export async function namesOf(tx: Tx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; display_name: string }>(
      sys,
      sql`select id, display_name from users where id = any(${sqlArray(wanted, 'uuid')})`,
    ),
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export const personOf = (names: Map<string, string>, id: string) => ({ id, name: names.get(id) ?? '' });

export function audit(
  tx: Tx,
  ctx: AccessContext,
  action: AuditAction,
  recordType: string,
  recordId: string,
  details?: Record<string, unknown>,
) {
  return writeAudit({ tx, actor: actorOf(ctx), event: { action, recordType, recordId, details } });
}

/** A state that forbids the change asked (an approved version edited, a closed action moved): 409 in words. */
export const conflict = (code: string, detail: TLocalizedText) =>
  new HttpProblem(409, code, { it: 'Non è possibile', en: 'Not possible' }, detail);

const RECORD_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Minutes and decisions cite a case only by its code: an identifier of a record is refused. */
export const citesRecordId = (value: string) => RECORD_ID.test(value);

export const NO_RECORD_IDS: TLocalizedText = {
  it: 'Il testo contiene un identificativo interno: cita un caso solo con il suo codice.',
  en: 'The text holds an internal identifier: cite a case only by its code.',
};

/** Today in Rome, the date every due date is judged on. */
export const TODAY = sql`(now() at time zone 'Europe/Rome')::date`;

/**
 * One operation on a meeting's minutes or decisions, in the caller's scope: the meeting as the
 * caller may read it (the audited 404 otherwise) and, when `roles` is given, the caller's part in
 * its committee (403 in words), before `work` runs. No row is locked here: the writes that race
 * guard themselves in one statement (a conditional update, the unique version, the numbering upsert).
 */
export function changeMeeting<T>({
  deps,
  ctx,
  meetingId,
  roles,
  work,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
  roles?: readonly TCommitteeRole[];
  work: (tx: Tx, meeting: MeetingAccess) => Promise<T>;
}): Promise<T> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const meeting = await requireMeeting({ tx, meetingId });
      if (roles) requireCommitteeRole(meeting.committee, roles);
      return work(tx, meeting);
    },
  });
}
