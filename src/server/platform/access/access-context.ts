import type { TPermission, TRole } from '../../../contracts/roles.js';
import type { AuditActor } from '../audit/audit-events.js';
import type { DbContext } from '../db/context.js';

/**
 * Who is asking, acting as which membership. Built once per request from the session; every
 * policy function and every audit event reads it. The acting membership alone sets the scope
 * (least privilege: a user with two services sees one at a time, the one in the header).
 */
export interface AccessContext {
  sessionId: string;
  userId: string;
  username: string;
  membershipId: string | null;
  role: TRole | null;
  organisationId: string | null;
  serviceId: string | null;
  districtId: string | null;
  permissions: ReadonlySet<TPermission>;
  clientIp: string | null;
  /** When this session last re-authenticated (step-up) before a highly sensitive read. */
  stepUpAt: Date | null;
}

export function actorOf(ctx: AccessContext): AuditActor {
  return {
    userId: ctx.userId,
    username: ctx.username,
    role: ctx.role,
    serviceId: ctx.serviceId,
    clientIp: ctx.clientIp,
  };
}

/** What the database must know of the acting membership for row-level security (withDbContext). */
export function dbContextOf(ctx: AccessContext): DbContext {
  return {
    userId: ctx.userId,
    role: ctx.role ?? '',
    organisationId: ctx.organisationId,
    serviceId: ctx.serviceId,
  };
}
