import { sql } from 'drizzle-orm';
import type { TCommitteeRole } from '../../../contracts/governance-codes.js';
import type { TMember } from '../../../contracts/governance-committees.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';

/**
 * A committee's members as the caller may read them (governance_members' RLS), with the names and
 * addresses of those with an account: members sit on a committee with colleagues of other
 * organisations, whose account rows the request role does not see, so those two columns are read
 * as the owner once RLS has said which members the caller reads.
 */

export interface MemberRow {
  id: string;
  committeeId: string;
  userId: string | null;
  role: TCommitteeRole;
  name: string;
  organisation: string | null;
  email: string | null;
  since: string;
  until: string | null;
  current: boolean;
}

export async function membersOf({
  tx,
  committeeId,
  onlyCurrent = false,
}: {
  tx: Tx;
  committeeId: string;
  onlyCurrent?: boolean;
}): Promise<MemberRow[]> {
  const rows = await queryRows<{
    id: string;
    committee_id: string;
    user_id: string | null;
    role: TCommitteeRole;
    external_name: string | null;
    external_organisation: string | null;
    external_email: string | null;
    since: string;
    until: string | null;
    current: boolean;
  }>(
    tx,
    sql`select id, committee_id, user_id, role, external_name, external_organisation, external_email,
               since::text, until::text,
               (since <= (now() at time zone 'Europe/Rome')::date
                and (until is null or until >= (now() at time zone 'Europe/Rome')::date)) as current
          from governance_members where committee_id = ${committeeId}
           ${onlyCurrent ? sql`and (until is null or until >= (now() at time zone 'Europe/Rome')::date)` : sql``}
         order by case role when 'chair' then 0 when 'secretary' then 1 else 2 end, created_at, id`,
  );
  const accounts = await accountsOf(
    tx,
    rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
  );
  return rows.map((r) => {
    const account = r.user_id ? accounts.get(r.user_id) : undefined;
    return {
      id: r.id,
      committeeId: r.committee_id,
      userId: r.user_id,
      role: r.role,
      name: account?.name ?? r.external_name ?? '—',
      organisation: account ? account.organisation : r.external_organisation,
      email: account ? account.email : r.external_email,
      since: r.since,
      until: r.until,
      current: r.current,
    };
  });
}

/** Names, addresses and organisations of accounts the caller already reads through a membership. */
async function accountsOf(tx: Tx, userIds: string[]) {
  const found = new Map<string, { name: string; email: string | null; organisation: string | null }>();
  if (userIds.length === 0) return found;
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; display_name: string; email: string | null; organisation: string | null }>(
      sys,
      sql`select u.id, u.display_name, u.email,
                 (select o.name from memberships m join organisations o on o.id = m.organisation_id
                   where m.user_id = u.id order by m.created_at limit 1) as organisation
            from users u where u.id in (${uuidList(userIds)})`,
    ),
  );
  for (const r of rows)
    found.set(r.id, { name: r.display_name, email: r.email, organisation: r.organisation });
  return found;
}

export function toMember(row: MemberRow, showEmail: boolean): TMember {
  return {
    id: row.id,
    hasAccount: row.userId !== null,
    name: row.name,
    organisation: row.organisation,
    email: showEmail ? row.email : null,
    role: row.role,
    since: row.since,
    until: row.until,
    current: row.current,
  };
}
