import { sql } from 'drizzle-orm';
import type { TCommitteeRole } from '../../../contracts/governance-codes.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { HttpProblem } from '../../platform/http/problem.js';

/**
 * Who may do what in governance (RLS: 0045_governance_rls; the same rules here, in words). A
 * committee's records are read by its current members and by the coordinators who set committees
 * up; its secretary drafts the minutes and its chair approves them; chair and secretary keep the
 * meetings, the decisions and the actions; an action's owner moves and closes it. The plan is read
 * by everyone in governance and kept by the coordinators; fundraising by coordinators and fundraisers.
 */

export interface CommitteeAccess {
  id: string;
  name: string;
  /** The caller's part in the committee today, or null for a coordinator who is not a member. */
  role: TCommitteeRole | null;
}

/** The committee as the caller may read it, or the audited 404. */
export async function requireCommittee({
  tx,
  committeeId,
}: {
  tx: Tx;
  committeeId: string;
}): Promise<CommitteeAccess> {
  const [row] = await queryRows<{ id: string; name: string; role: TCommitteeRole | null }>(
    tx,
    sql`select c.id, c.name,
               (select m.role from governance_members m
                 where m.committee_id = c.id and m.user_id = trama_user()
                   and m.since <= (now() at time zone 'Europe/Rome')::date
                   and (m.until is null or m.until >= (now() at time zone 'Europe/Rome')::date)
                 order by case m.role when 'chair' then 0 when 'secretary' then 1 else 2 end limit 1) as role
          from governance_committees c where c.id = ${committeeId}`,
  );
  if (!row) throw new OutOfScope('governance_committee', committeeId);
  return row;
}

const onlyFor = (it: string, en: string) =>
  new HttpProblem(403, 'not-committee-officer', { it: 'Non consentito', en: 'Not allowed' }, { it, en });

/** The caller must hold one of `roles` in the committee (403 in words otherwise). */
export function requireCommitteeRole(committee: CommitteeAccess, roles: readonly TCommitteeRole[]) {
  if (committee.role && roles.includes(committee.role)) return;
  const words: Record<TCommitteeRole, { it: string; en: string }> = {
    chair: { it: 'la presidenza', en: 'the chair' },
    secretary: { it: 'la segreteria', en: 'the secretary' },
    member: { it: 'i componenti', en: 'the members' },
  };
  throw onlyFor(
    `Lo può fare solo ${roles.map((r) => words[r].it).join(' o ')} del comitato.`,
    `Only ${roles.map((r) => words[r].en).join(' or ')} of the committee may do this.`,
  );
}

export interface MeetingAccess {
  id: string;
  committeeId: string;
  startsAt: string;
  status: string;
  committee: CommitteeAccess;
}

/** The meeting as the caller may read it (through its committee), or the audited 404. */
export async function requireMeeting({
  tx,
  meetingId,
}: {
  tx: Tx;
  meetingId: string;
}): Promise<MeetingAccess> {
  const [row] = await queryRows<{ id: string; committee_id: string; starts_at: string; status: string }>(
    tx,
    sql`select id, committee_id, starts_at::text, status from governance_meetings where id = ${meetingId}`,
  );
  if (!row) throw new OutOfScope('governance_meeting', meetingId);
  const committee = await requireCommittee({ tx, committeeId: row.committee_id });
  return {
    id: row.id,
    committeeId: row.committee_id,
    startsAt: row.starts_at,
    status: row.status,
    committee,
  };
}

/** The plan, the partner directory and the settings are kept by the coordinators. */
export async function requireGovernanceManager(tx: Tx) {
  const [row] = await queryRows<{ ok: boolean }>(tx, sql`select trama_is_governance_manager() as ok`);
  if (!row?.ok)
    throw new HttpProblem(
      403,
      'not-governance-manager',
      { it: 'Non consentito', en: 'Not allowed' },
      {
        it: 'Il piano di progetto e la rete dei partner sono curati dai coordinatori.',
        en: 'The project plan and the partner directory are kept by the coordinators.',
      },
    );
}
