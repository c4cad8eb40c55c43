import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { TAddressForm } from '../../../contracts/auth.js';
import { ROLE_GRANT_TTL_HOURS, SECOND_PERSON_ROLES, type TRole } from '../../../contracts/roles.js';
import type { TRoleGrant, ZMembershipCreateSchema, ZRoleGrantQuerySchema } from '../../../contracts/users.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { noticeToDpos } from '../../platform/access/dpo-notice.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit, writeAuditApart } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { rethrowConstraintViolation } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { appMessage } from '../../platform/i18n/enum-labels.js';
import { memberships, organisations, services, users } from '../../platform/tenancy/tenancy.sql.js';
import { roleGrants } from './users.sql.js';

/**
 * Separation of duties (docs/security.md): no one grants a role to themselves; a role that
 * reaches case, safety or audit data waits for a second person. Row-level security enforces the
 * same two rules beneath (db/migrations/0006_role_grants.sql), so no other path skips them.
 */
export function needsSecondPerson(role: TRole) {
  return SECOND_PERSON_ROLES.includes(role);
}

/** Whether someone holds, or waits for, a role that reaches case, safety or audit data. */
export async function holdsOrAwaitsSensitiveRole({ tx, userId }: { tx: Tx; userId: string }) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ sensitive: boolean }>(
      sys,
      sql`select exists (select 1 from memberships where user_id = ${userId} and trama_role_needs_second_person(role))
              or exists (select 1 from role_grants where user_id = ${userId} and status = 'pending' and expires_at > now())
              as sensitive`,
    ),
  );
  return row?.sensitive === true;
}

export async function refuseSelfGrant({
  deps,
  ctx,
  userId,
}: {
  deps: Deps;
  ctx: AccessContext;
  userId: string;
}) {
  if (userId !== ctx.userId) return;
  await writeAuditApart({
    db: deps.db,
    actor: actorOf(ctx),
    event: {
      action: 'access.denied',
      outcome: 'denied',
      recordType: 'user',
      recordId: userId,
      details: { rule: 'self-grant' },
    },
  });
  throw new HttpProblem(
    403,
    'self-grant',
    { it: 'Operazione non consentita', en: 'Not allowed' },
    {
      it: 'Nessuno può assegnare un ruolo a sé stesso: chiedi a un altro amministratore.',
      en: 'No one can give a role to themselves: ask another administrator.',
    },
  );
}

type MembershipInput = z.infer<typeof ZMembershipCreateSchema>;

/** Said when a membership asked for already exists. */
export const MEMBERSHIP_EXISTS = {
  it: 'Questa appartenenza esiste già.',
  en: 'This membership already exists.',
};

/** Records the request; the membership comes into being only when a second person approves. */
export async function requestRole({
  deps,
  ctx,
  userId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  userId: string;
  input: MembershipInput;
}) {
  const grant = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [created] = await tx
        .insert(roleGrants)
        .values({
          userId,
          role: input.role,
          serviceId: input.serviceId ?? null,
          organisationId: input.organisationId ?? null,
          requestedBy: ctx.userId,
          expiresAt: new Date(Date.now() + ROLE_GRANT_TTL_HOURS * 3_600_000),
        })
        .returning({ id: roleGrants.id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'membership.requested',
          recordType: 'user',
          recordId: userId,
          details: { grantId: created!.id, role: input.role },
        },
      });
      await noticeToDpos({
        deps,
        tx,
        kind: 'role.requested',
        payload: { grantId: created!.id, userId, role: input.role },
        mail: {
          subject: 'Trama: ruolo da approvare / role waiting for approval',
          text: `Un amministratore ha chiesto un ruolo che richiede una seconda approvazione (${roleName(input.role, 'it')}). Apri Trama, «Ruoli da approvare».\n\nAn administrator asked for a role that needs a second approval (${roleName(input.role, 'en')}). Open Trama, "Roles to approve".\n`,
        },
      });
      return (await grantRows({ tx, ctx, id: created!.id }))[0]!;
    },
  });
  return grant;
}

/**
 * A membership takes effect, in the caller's transaction: the row and its audit event (a direct
 * grant, or a request a second person approved: then with its `grantId`).
 */
export async function grantMembership({
  tx,
  ctx,
  userId,
  role,
  serviceId,
  organisationId,
  grantId,
}: {
  tx: Tx;
  ctx: AccessContext;
  userId: string;
  role: TRole;
  serviceId: string | null;
  organisationId: string | null;
  grantId?: string;
}) {
  const [created] = await tx
    .insert(memberships)
    .values({ userId, role, serviceId, organisationId })
    .returning({ id: memberships.id });
  const membershipId = created!.id;
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: {
      action: 'membership.created',
      recordType: 'user',
      recordId: userId,
      details: { membershipId, role, ...(grantId ? { grantId } : {}) },
    },
  });
  return membershipId;
}

/** A role's name as the app shows it (a mail names no one, so the neutral form), never its code. */
function roleName(role: TRole, language: 'it' | 'en') {
  return appMessage({ key: `roles.${role}`, language }) ?? role;
}

/** The DPOs' e-mail for a membership that takes effect (the in-app notice is the record). */
export function grantedRoleMail(role: TRole) {
  return {
    subject: 'Trama: nuovo ruolo assegnato / role granted',
    text: `È stato assegnato un ruolo (${roleName(role, 'it')}). Il registro degli accessi riporta chi e quando.\n\nA role was granted (${roleName(role, 'en')}). The audit trail records who and when.\n`,
  };
}

export function listRoleGrants({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: z.infer<typeof ZRoleGrantQuerySchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await grantRows({ tx, ctx, open: query.status === 'open', userId: query.userId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'membership.grants_listed', details: { count: rows.length, status: query.status } },
      });
      return rows;
    },
  });
}

const EXPIRED = new HttpProblem(
  409,
  'grant-expired',
  { it: 'Richiesta scaduta', en: 'Request expired' },
  {
    it: `La richiesta non è stata approvata entro ${ROLE_GRANT_TTL_HOURS} ore: va ripresentata.`,
    en: `The request was not approved within ${ROLE_GRANT_TTL_HOURS} hours: it must be made again.`,
  },
);

const ALREADY_DECIDED = problems.conflict({
  it: 'Richiesta già decisa.',
  en: 'The request was already decided.',
});

const NOT_YOURS = new HttpProblem(
  403,
  'second-person-required',
  { it: 'Operazione non consentita', en: 'Not allowed' },
  {
    it: 'La decisione spetta a una seconda persona: né chi ha chiesto il ruolo né chi lo riceve.',
    en: 'A second person decides: neither who asked for the role nor who receives it.',
  },
);

export async function decideRoleGrant({
  deps,
  ctx,
  id,
  decision,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  decision: 'approve' | 'reject' | 'cancel';
}) {
  let result: TRoleGrant;
  try {
    result = await scoped({
      db: deps.db,
      ctx,
      work: async (tx) => {
        const [grant] = await grantRows({ tx, ctx, id });
        // Not one this viewer may see: the audited 404 (the platform tells "none" from "not yours").
        if (!grant) throw new OutOfScope('role_grant', id);
        if (grant.status !== 'pending' && !(grant.status === 'expired' && decision === 'cancel')) {
          throw grant.status === 'expired' ? EXPIRED : ALREADY_DECIDED;
        }
        if (decision === 'cancel' ? !grant.canCancel : !grant.canDecide) throw NOT_YOURS;
        const status = { approve: 'approved', reject: 'rejected', cancel: 'cancelled' }[decision];
        // The pending check and the decision are one conditional UPDATE: of two people deciding at
        // the same moment, one decides and the other is told it was already decided.
        const [decided] = await tx
          .update(roleGrants)
          .set({ status, decidedBy: ctx.userId, decidedAt: new Date() })
          .where(and(eq(roleGrants.id, id), eq(roleGrants.status, 'pending')))
          .returning({ serviceId: roleGrants.serviceId, organisationId: roleGrants.organisationId });
        if (!decided) throw ALREADY_DECIDED;
        let membershipId: string | null = null;
        if (decision === 'approve') {
          membershipId = await grantMembership({
            tx,
            ctx,
            userId: grant.userId,
            role: grant.role,
            ...decided,
            grantId: id,
          });
          await tx.update(roleGrants).set({ membershipId }).where(eq(roleGrants.id, id));
        }
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: {
            action: `membership.${status}` as 'membership.approved',
            recordType: 'user',
            recordId: grant.userId,
            details: { grantId: id, role: grant.role },
          },
        });
        await noticeToDpos({
          deps,
          tx,
          kind: `role.${status}`,
          payload: { grantId: id, userId: grant.userId, role: grant.role, membershipId },
          ...(decision === 'approve' ? { mail: grantedRoleMail(grant.role) } : {}),
        });
        return (await grantRows({ tx, ctx, id }))[0]!;
      },
    });
  } catch (error) {
    // The same membership came into being meanwhile: the request stays pending (all rolled back).
    rethrowConstraintViolation(error, { unique: { field: 'role', message: MEMBERSHIP_EXISTS } });
  }
  return result;
}

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

async function grantRows({
  tx,
  ctx,
  id,
  open,
  userId,
}: {
  tx: Tx;
  ctx: AccessContext;
  id?: string;
  open?: boolean;
  userId?: string | undefined;
}): Promise<TRoleGrant[]> {
  const rows = await tx
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      userDisplayName: users.displayName,
      userUsername: users.username,
      userEmail: users.email,
      userAddressForm: users.addressForm,
      role: roleGrants.role,
      serviceName: services.name,
      organisationName: organisations.name,
      status: roleGrants.status,
      requestedBy: roleGrants.requestedBy,
      requestedByName: requester.displayName,
      requestedAt: roleGrants.requestedAt,
      expiresAt: roleGrants.expiresAt,
      decidedByName: decider.displayName,
      decidedAt: roleGrants.decidedAt,
      // The database's own rule (the policy that refuses the approval uses it too): the DPO role
      // is approved by a DPO, by another admin only where no other active DPO exists.
      roleApprovable: sql<boolean>`(${roleGrants.role} <> 'dpo' or trama_may_approve_dpo(${roleGrants.userId}))`,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .innerJoin(requester, eq(requester.id, roleGrants.requestedBy))
    .leftJoin(decider, eq(decider.id, roleGrants.decidedBy))
    .leftJoin(services, eq(services.id, roleGrants.serviceId))
    .leftJoin(organisations, eq(organisations.id, roleGrants.organisationId))
    .where(
      and(
        id ? eq(roleGrants.id, id) : undefined,
        userId ? eq(roleGrants.userId, userId) : undefined,
        open ? sql`${roleGrants.status} = 'pending'` : undefined,
      ),
    )
    .orderBy(sql`${roleGrants.requestedAt} desc`)
    .limit(200);
  const now = Date.now();
  const result: TRoleGrant[] = [];
  for (const row of rows) {
    const expired = row.status === 'pending' && row.expiresAt.getTime() <= now;
    const status = (expired ? 'expired' : row.status) as TRoleGrant['status'];
    const secondPerson = row.requestedBy !== ctx.userId && row.userId !== ctx.userId;
    const eligibleRole = (ctx.role === 'admin' || ctx.role === 'dpo') && row.roleApprovable;
    result.push({
      id: row.id,
      userId: row.userId,
      userDisplayName: row.userDisplayName,
      userUsername: row.userUsername,
      userEmail: row.userEmail,
      userAddressForm: row.userAddressForm as TAddressForm,
      role: row.role as TRole,
      serviceName: row.serviceName,
      organisationName: row.organisationName,
      status,
      requestedByName: row.requestedByName,
      requestedAt: row.requestedAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      decidedByName: row.decidedByName,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      canDecide: status === 'pending' && secondPerson && eligibleRole,
      canCancel: (status === 'pending' || status === 'expired') && row.requestedBy === ctx.userId,
    });
  }
  return result;
}
