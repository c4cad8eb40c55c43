import { sql } from 'drizzle-orm';
import { GOVERNANCE_LIMITS } from '../../../contracts/governance-codes.js';
import type {
  TCommittee,
  TCommitteeInput,
  TCommitteeUpdate,
  TMemberInput,
} from '../../../contracts/governance-committees.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { requireCommittee, requireGovernanceManager } from './governance.policy.js';
import { membersOf, toMember } from './governance-committees-members.js';

/**
 * Committees and their members (issue 21, item 1). Row-level security (0045_governance_rls) shows a
 * committee to its current members and to the coordinators, who alone set committees up. A
 * membership is never deleted: it ends (`until`), so who sat on a committee when stays known.
 */

const TODAY = sql`(now() at time zone 'Europe/Rome')::date`;

interface CommitteeDbRow {
  id: string;
  kind: TCommittee['kind'];
  name: string;
  description: string | null;
  quorum: number;
  active: boolean;
  my_role: TCommittee['myRole'];
  member_count: number;
  next_meeting_at: Date | string | null;
  manager: boolean;
}

const COMMITTEE_SELECT = sql`select c.id, c.kind, c.name, c.description, c.quorum, c.active,
    (select m.role from governance_members m where m.committee_id = c.id and m.user_id = trama_user()
        and m.since <= ${TODAY} and (m.until is null or m.until >= ${TODAY})
      order by case m.role when 'chair' then 0 when 'secretary' then 1 else 2 end limit 1) as my_role,
    (select count(*)::int from governance_members m where m.committee_id = c.id
        and m.since <= ${TODAY} and (m.until is null or m.until >= ${TODAY})) as member_count,
    (select min(g.starts_at) from governance_meetings g where g.committee_id = c.id
        and g.status = 'planned' and g.starts_at >= now()) as next_meeting_at,
    trama_is_governance_manager() as manager
  from governance_committees c`;

const toCommittee = (r: CommitteeDbRow): TCommittee => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  description: r.description,
  quorum: r.quorum,
  active: r.active,
  myRole: r.my_role,
  memberCount: r.member_count,
  nextMeetingAt: isoTime(r.next_meeting_at),
  canManage: r.manager,
  canPlan: r.my_role === 'chair' || r.my_role === 'secretary',
});

async function loadCommittee(tx: Tx, committeeId: string) {
  const [row] = await queryRows<CommitteeDbRow>(tx, sql`${COMMITTEE_SELECT} where c.id = ${committeeId}`);
  if (!row) throw new OutOfScope('governance_committee', committeeId);
  return toCommittee(row);
}

/** The caller's committees (a coordinator: all), active ones first. */
export async function listCommittees({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<CommitteeDbRow>(
        tx,
        sql`${COMMITTEE_SELECT} order by c.active desc, case c.kind when 'steering' then 0 when 'follow_up' then 1 else 2 end, c.name`,
      );
      return { items: rows.map(toCommittee) };
    },
  });
}

export async function getCommittee({
  deps,
  ctx,
  committeeId,
}: {
  deps: Deps;
  ctx: AccessContext;
  committeeId: string;
}) {
  return scoped({ db: deps.db, ctx, work: (tx) => loadCommittee(tx, committeeId) });
}

export async function createCommittee({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TCommitteeInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireGovernanceManager(tx);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into governance_committees (kind, name, description, quorum, created_by)
            values (${input.kind}, ${input.name}, ${input.description}, ${input.quorum}, ${ctx.userId}) returning id`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.committee_saved',
          recordType: 'governance_committee',
          recordId: row!.id,
        },
      });
      return loadCommittee(tx, row!.id);
    },
  });
}

export async function updateCommittee({
  deps,
  ctx,
  committeeId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  committeeId: string;
  input: TCommitteeUpdate;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireCommittee({ tx, committeeId });
      await requireGovernanceManager(tx);
      await tx.execute(
        sql`update governance_committees set name = ${input.name}, description = ${input.description},
                   quorum = ${input.quorum}, active = ${input.active} where id = ${committeeId}`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.committee_saved',
          recordType: 'governance_committee',
          recordId: committeeId,
        },
      });
      return loadCommittee(tx, committeeId);
    },
  });
}

/** The members, past ones too; names and addresses are identifying: the read is audited (the count only). */
export async function listMembers({
  deps,
  ctx,
  committeeId,
}: {
  deps: Deps;
  ctx: AccessContext;
  committeeId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const committee = await requireCommittee({ tx, committeeId });
      const [manager] = await queryRows<{ ok: boolean }>(tx, sql`select trama_is_governance_manager() as ok`);
      const showEmail = manager?.ok === true || committee.role === 'chair' || committee.role === 'secretary';
      const rows = await membersOf({ tx, committeeId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.members_listed',
          recordType: 'governance_committee',
          recordId: committeeId,
          details: { count: rows.length },
        },
      });
      return { items: rows.map((r) => toMember(r, showEmail)) };
    },
  });
}

const fieldError = (field: string, it: string, en: string) =>
  problems.fields([{ field, code: 'rule', message: { it, en } }]);

/** Chair and secretary act as themselves (they draft and approve): they hold an account. */
function checkMemberInput(input: TMemberInput) {
  if (input.userId && (input.externalName || input.externalOrganisation || input.externalEmail))
    throw fieldError(
      'externalName',
      'Un componente con account non ha nome e indirizzo esterni.',
      'A member with an account has no external name and address.',
    );
  if (!input.userId && !input.externalName)
    throw fieldError(
      'externalName',
      'Scegli una persona con account o scrivi il nome del componente esterno.',
      'Pick a person with an account or write the external member’s name.',
    );
  if (!input.userId && input.role !== 'member')
    throw fieldError(
      'role',
      'Presidenza e segreteria spettano a una persona con account.',
      'The chair and the secretary must hold an account.',
    );
}

export async function addMember({
  deps,
  ctx,
  committeeId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  committeeId: string;
  input: TMemberInput;
}) {
  checkMemberInput(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireCommittee({ tx, committeeId });
      await requireGovernanceManager(tx);
      if (input.userId) await requireActiveAccount(tx, committeeId, input.userId);
      // The limit and the insert in one statement: two coordinators adding at once never pass it.
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into governance_members (committee_id, user_id, external_name, external_organisation,
                                            external_email, role, since)
            select ${committeeId}, ${input.userId}, ${input.externalName}, ${input.externalOrganisation},
                   ${input.externalEmail}, ${input.role}, coalesce(${input.since ?? null}::date, ${TODAY})
             where (select count(*) from governance_members where committee_id = ${committeeId}
                      and (until is null or until >= ${TODAY})) < ${GOVERNANCE_LIMITS.members}
            returning id`,
      );
      if (!row)
        throw problems.conflict({
          it: `Un comitato ha al massimo ${GOVERNANCE_LIMITS.members} componenti in carica.`,
          en: `A committee has at most ${GOVERNANCE_LIMITS.members} current members.`,
        });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.member_saved',
          recordType: 'governance_committee',
          recordId: committeeId,
          details: { memberId: row.id, role: input.role },
        },
      });
      const member = (await membersOf({ tx, committeeId })).find((m) => m.id === row.id)!;
      return toMember(member, true);
    },
  });
}

/** The person must hold an active account and not sit on the committee already. */
async function requireActiveAccount(tx: Tx, committeeId: string, userId: string) {
  const [account] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ ok: boolean }>(sys, sql`select disabled_at is null as ok from users where id = ${userId}`),
  );
  if (!account?.ok)
    throw fieldError(
      'userId',
      'Scegli una persona con un account attivo.',
      'Pick a person with an active account.',
    );
  const [sitting] = await queryRows<{ id: string }>(
    tx,
    sql`select id from governance_members where committee_id = ${committeeId} and user_id = ${userId}
           and (until is null or until >= ${TODAY}) limit 1`,
  );
  if (sitting)
    throw fieldError(
      'userId',
      'Questa persona fa già parte del comitato.',
      'This person already sits on the committee.',
    );
}

export async function endMember({
  deps,
  ctx,
  committeeId,
  memberId,
  until,
}: {
  deps: Deps;
  ctx: AccessContext;
  committeeId: string;
  memberId: string;
  until: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireCommittee({ tx, committeeId });
      await requireGovernanceManager(tx);
      const [row] = await queryRows<{ id: string; ok: boolean }>(
        tx,
        sql`select id, since <= ${until}::date as ok from governance_members
             where id = ${memberId} and committee_id = ${committeeId}`,
      );
      if (!row) throw new OutOfScope('governance_committee', committeeId);
      if (!row.ok)
        throw fieldError(
          'until',
          'La fine non può venire prima dell’ingresso nel comitato.',
          'The end cannot come before the member joined.',
        );
      await tx.execute(sql`update governance_members set until = ${until}::date where id = ${memberId}`);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.member_saved',
          recordType: 'governance_committee',
          recordId: committeeId,
          details: { memberId, ended: true },
        },
      });
      const member = (await membersOf({ tx, committeeId })).find((m) => m.id === memberId)!;
      return toMember(member, true);
    },
  });
}

/** People with an active account who may be named (coordinators only; names, no addresses). */
export async function listPeopleOptions({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireGovernanceManager(tx);
      const rows = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ id: string; name: string }>(
          sys,
          sql`select u.id, u.display_name as name from users u
               where u.disabled_at is null and exists (select 1 from memberships m where m.user_id = u.id)
               order by u.display_name limit 2000`,
        ),
      );
      return { items: rows };
    },
  });
}
