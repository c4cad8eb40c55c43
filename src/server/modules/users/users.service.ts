import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TAddressForm } from '../../../contracts/auth.js';
import { GLOBAL_ROLES, type TRole } from '../../../contracts/roles.js';
import type {
  ZMembershipCreateSchema,
  ZUserCreateSchema,
  ZUserUpdateSchema,
} from '../../../contracts/users.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { noticeToDpos } from '../../platform/access/dpo-notice.js';
import { notFoundAudited } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { INVITATION_TTL_MS, issuePasswordToken } from '../../platform/auth/passwords.service.js';
import { revokeUserSessions } from '../../platform/auth/sessions.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { rethrowConstraintViolation } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { queueMail } from '../../platform/mail/mail-queue.js';
import { memberships, services, users } from '../../platform/tenancy/tenancy.sql.js';
import {
  grantedRoleMail,
  grantMembership,
  holdsOrAwaitsSensitiveRole,
  MEMBERSHIP_EXISTS,
  needsSecondPerson,
  refuseSelfGrant,
  requestRole,
} from './role-grants.service.js';
import { findUser, listUsers } from './users.repository.js';

export async function getUser({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  const user = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await findUser({ tx, ctx, id });
      if (found)
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: { action: 'user.read', recordType: 'user', recordId: id },
        });
      return found;
    },
  });
  return user ?? notFoundAudited({ db: deps.db, ctx, recordType: 'user', id });
}

export function searchUsers({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: {
    q?: string | undefined;
    role?: TRole | undefined;
    serviceId?: string | undefined;
    page: number;
    pageSize: number;
  };
}) {
  return scoped({ db: deps.db, ctx, work: (tx) => listUsers({ tx, ctx, ...query }) });
}

export async function createUser({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.infer<typeof ZUserCreateSchema>;
}) {
  try {
    const user = await scoped({
      db: deps.db,
      ctx,
      work: async (tx) => {
        // Column list written out: trama_app may insert only these columns, never a password or secret.
        const [created] = await queryRows<{ id: string }>(
          tx,
          sql`insert into users (username, display_name, email, phone, locale, address_form)
        values (${input.username}, ${input.displayName}, ${input.email}, ${input.phone ?? null}, ${input.locale},
          ${input.addressForm}) returning id`,
        );
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: { action: 'user.created', recordType: 'user', recordId: created!.id },
        });
        // trama_app has no grant on the token table (it holds secrets): the platform issues it.
        const invitation = await unsafeAsSystem(tx, (sys) =>
          issuePasswordToken({
            tx: sys,
            userId: created!.id,
            purpose: 'invitation',
            ttlMs: INVITATION_TTL_MS,
          }),
        );
        const link = `${deps.config.publicUrl}/reset-password#token=${invitation}`;
        await queueMail({
          deps,
          tx,
          mail: {
            to: input.email,
            subject: 'Trama: il tuo account / your account',
            text: `È stato creato per te un account Trama (${input.username}). Scegli la password entro 72 ore:\n${link}\n\nA Trama account (${input.username}) was created for you. Choose your password within 72 hours:\n${link}\n`,
          },
        });
        return (await findUser({ tx, ctx, id: created!.id }))!;
      },
    });
    // The invitation is queued with the account: it leaves when the mail server takes it.
    return { user, invitationSent: true };
  } catch (error) {
    rethrowConstraintViolation(error, {
      unique: {
        field: 'username',
        message: { it: 'Nome utente o e-mail già in uso.', en: 'Username or e-mail already in use.' },
      },
    });
  }
}

export async function updateUser({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZUserUpdateSchema>;
}) {
  try {
    const updated = await scoped({
      db: deps.db,
      ctx,
      work: async (tx) => {
        const { disabled, ...fields } = input;
        const set = {
          ...fields,
          ...(disabled === undefined ? {} : { disabledAt: disabled ? new Date() : null }),
        };
        if (Object.keys(set).length === 0) return findUser({ tx, ctx, id });
        if (fields.email !== undefined)
          await refuseEmailChangeOfSensitiveUser({ tx, id, email: fields.email });
        const rows = await tx.update(users).set(set).where(eq(users.id, id)).returning({ id: users.id });
        if (rows.length === 0) return null;
        // Disabling ends the person's sessions at once (ASVS 7.4.2); sessions are platform-owned.
        if (disabled) await revokeUserSessions({ tx, userId: id });
        await writeAudit({
          tx,
          actor: actorOf(ctx),
          event: {
            action: 'user.updated',
            recordType: 'user',
            recordId: id,
            details: { fields: Object.keys(input) },
          },
        });
        return findUser({ tx, ctx, id });
      },
    });
    return updated ?? notFoundAudited({ db: deps.db, ctx, recordType: 'user', id });
  } catch (error) {
    rethrowConstraintViolation(error, {
      unique: { field: 'email', message: { it: 'E-mail già in uso.', en: 'E-mail already in use.' } },
    });
  }
}

/**
 * Each person chooses how Trama addresses them in Italian. The route has no user id: it changes
 * the caller's own row, and row-level security (users_update: an admin, or oneself) holds beneath.
 */
export async function setOwnAddressForm({
  deps,
  ctx,
  addressForm,
}: {
  deps: Deps;
  ctx: AccessContext;
  addressForm: TAddressForm;
}) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await tx.update(users).set({ addressForm }).where(eq(users.id, ctx.userId));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'user.updated',
          recordType: 'user',
          recordId: ctx.userId,
          details: { fields: ['addressForm'] },
        },
      });
    },
  });
}

export async function addMembership({
  deps,
  ctx,
  userId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  userId: string;
  input: z.infer<typeof ZMembershipCreateSchema>;
}) {
  await refuseSelfGrant({ deps, ctx, userId });
  const isGlobalRole = GLOBAL_ROLES.includes(input.role);
  const scopes = [input.serviceId, input.organisationId].filter(Boolean).length;
  if (isGlobalRole && scopes > 0) {
    throw problems.field('role', 'global-role', {
      it: 'Amministratore e DPO sono ruoli globali: non indicare servizio o ente.',
      en: 'Admin and DPO are global roles: give no service or organisation.',
    });
  }
  if (!isGlobalRole && scopes !== 1) {
    throw problems.field('serviceId', 'scope-required', {
      it: 'Indica un servizio oppure un ente (uno solo).',
      en: 'Give either a service or an organisation (exactly one).',
    });
  }
  try {
    const outcome = await scoped({
      db: deps.db,
      ctx,
      work: async (tx) => {
        if (!(await findUser({ tx, ctx, id: userId }))) return null;
        if (
          input.serviceId &&
          (await tx.select({ id: services.id }).from(services).where(eq(services.id, input.serviceId)))
            .length === 0
        ) {
          throw problems.field('serviceId', 'unknown', {
            it: 'Servizio inesistente.',
            en: 'Unknown service.',
          });
        }
        if (needsSecondPerson(input.role)) return { pending: true as const };
        const membershipId = await grantMembership({
          tx,
          ctx,
          userId,
          role: input.role,
          serviceId: input.serviceId ?? null,
          organisationId: input.organisationId ?? null,
        });
        await noticeToDpos({
          deps,
          tx,
          kind: 'role.granted',
          payload: { userId, role: input.role, membershipId },
          mail: grantedRoleMail(input.role),
        });
        return { user: (await findUser({ tx, ctx, id: userId }))! };
      },
    });
    if (!outcome) return notFoundAudited({ db: deps.db, ctx, recordType: 'user', id: userId });
    if ('pending' in outcome) return { grant: await requestRole({ deps, ctx, userId, input }) };
    return outcome;
  } catch (error) {
    rethrowConstraintViolation(error, {
      unique: {
        field: 'role',
        message: MEMBERSHIP_EXISTS,
      },
      reference: {
        field: 'organisationId',
        message: { it: 'Ente inesistente.', en: 'Unknown organisation.' },
      },
    });
  }
}

export async function removeMembership({
  deps,
  ctx,
  userId,
  membershipId,
}: {
  deps: Deps;
  ctx: AccessContext;
  userId: string;
  membershipId: string;
}) {
  const removed = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await tx
        .delete(memberships)
        .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId)))
        .returning({ id: memberships.id });
      if (rows.length === 0) return false;
      // A session acting through the removed membership loses it at once (ASVS 8.3.1).
      await unsafeAsSystem(tx, (sys) =>
        sys.execute(
          sql`update sessions set active_membership_id = null where active_membership_id = ${membershipId}`,
        ),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'membership.deleted',
          recordType: 'user',
          recordId: userId,
          details: { membershipId },
        },
      });
      return true;
    },
  });
  if (!removed) throw problems.notFound();
}

export async function listSessions({
  deps,
  ctx,
  userId,
}: {
  deps: Deps;
  ctx: AccessContext;
  userId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<{
        id: string;
        created_at: string | Date;
        last_seen_at: string | Date;
        client_ip: string | null;
        user_agent: string | null;
      }>(
        tx,
        sql`select id, created_at, last_seen_at, client_ip, user_agent from sessions
      where user_id = ${userId} and revoked_at is null and absolute_expires_at > now() and last_seen_at > now() - interval '30 minutes'
      order by last_seen_at desc`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'user.sessions_listed', recordType: 'user', recordId: userId },
      });
      return rows.map((r) => ({
        id: r.id.slice(0, 12),
        createdAt: new Date(r.created_at).toISOString(),
        lastSeenAt: new Date(r.last_seen_at).toISOString(),
        clientIp: r.client_ip,
        userAgent: r.user_agent,
      }));
    },
  });
}

export async function revokeSessions({
  deps,
  ctx,
  userId,
}: {
  deps: Deps;
  ctx: AccessContext;
  userId: string;
}) {
  const revoked = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      if (!(await findUser({ tx, ctx, id: userId }))) return null;
      const count = await revokeUserSessions({ tx, userId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'session.revoked', recordType: 'user', recordId: userId, details: { count } },
      });
      return { revoked: count };
    },
  });
  return revoked ?? notFoundAudited({ db: deps.db, ctx, recordType: 'user', id: userId });
}

/**
 * The e-mail is where password resets go: changing it would hand the account, and a role a second
 * person approved, to whoever reads the new address. For someone who holds or awaits a role that
 * reaches case, safety or audit data, the roles come off first and are asked for again (a second
 * person approves them for the new address).
 */
async function refuseEmailChangeOfSensitiveUser({ tx, id, email }: { tx: Tx; id: string; email: string }) {
  const [current] = await tx.select({ email: users.email }).from(users).where(eq(users.id, id));
  if (!current || current.email?.toLowerCase() === email.toLowerCase()) return;
  if (!(await holdsOrAwaitsSensitiveRole({ tx, userId: id }))) return;
  throw problems.field(
    'email',
    'sensitive-role',
    {
      it: 'Questa persona ha (o attende) un ruolo con accesso a casi, dati di sicurezza o registro degli accessi: togli prima quei ruoli, cambia l’e-mail, poi richiedili di nuovo (li approva una seconda persona).',
      en: 'This person holds (or awaits) a role that reaches cases, safety data or the audit trail: remove those roles first, change the e-mail, then ask for them again (a second person approves them).',
    },
    409,
  );
}
