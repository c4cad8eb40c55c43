import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TPermission } from '../../../contracts/roles.js';
import { writeAuditApart } from '../audit/audit-writer.js';
import { type LoadedSession, loadSession, SESSION_COOKIE } from '../auth/sessions.js';
import type { Db, Tx } from '../db/client.js';
import { withDbContext } from '../db/context.js';
import { problems } from '../http/problem.js';
import { type AccessContext, actorOf, dbContextOf } from './access-context.js';
import { notFoundAudited, OutOfScope } from './not-found.js';
import { permissionsOf } from './permissions.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: LoadedSession | null;
    access: AccessContext | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function accessContextOf({
  session,
  clientIp,
}: {
  session: LoadedSession;
  clientIp: string | null;
}): AccessContext {
  const role = session.membership?.role ?? null;
  return {
    sessionId: session.id,
    userId: session.userId,
    username: session.username,
    membershipId: session.membership?.id ?? null,
    role,
    organisationId: session.membership?.organisationId ?? null,
    serviceId: session.membership?.serviceId ?? null,
    districtId: session.membership?.districtId ?? null,
    permissions: new Set(permissionsOf(role)),
    clientIp,
    stepUpAt: session.stepUpAt,
  };
}

/**
 * Enforces every route's declaration before its body is even validated (onRequest): the session, the second factor,
 * the anti-CSRF token on writes, and the permission of the acting role. A refusal is audited in
 * its own transaction.
 */
export function installAccessHook({ app, db }: { app: FastifyInstance; db: Db }) {
  app.decorateRequest('session', null);
  app.decorateRequest('access', null);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) throw problems.notFound();
    // Public routes (sign-in, the app's files, status) never read a session: one query saved.
    if (access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await loadSession({ db, token }) : null;
    request.session = session;
    if (!session) throw problems.unauthenticated();
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw problems.csrf();
    }
    if (access === 'session') return;
    if (session.state !== 'authenticated') throw problems.unauthenticated('mfa-required');
    const ctx = accessContextOf({ session, clientIp: request.ip });
    request.access = ctx;
    if (access === 'authenticated') return;
    if (!ctx.permissions.has(access as TPermission)) {
      await writeAuditApart({
        db,
        actor: actorOf(ctx),
        event: {
          action: 'access.denied',
          outcome: 'denied',
          details: { route: request.routeOptions.url, method: request.method, needs: access },
        },
      });
      throw problems.forbidden();
    }
  });
}

/** The request's access context; only routes declared beyond `session` have one. */
export function requireAccess(request: FastifyRequest): AccessContext {
  if (!request.access) throw problems.unauthenticated();
  return request.access;
}

/**
 * Runs data work for this request in one transaction as trama_app with its RLS context. Work that
 * throws `OutOfScope` ends as an audited 404 once its transaction has rolled back.
 */
export async function scoped<T>({
  db,
  ctx,
  work,
}: {
  db: Db;
  ctx: AccessContext;
  work: (tx: Tx) => Promise<T>;
}) {
  try {
    return await inScope({ db, ctx, work });
  } catch (error) {
    if (error instanceof OutOfScope)
      return notFoundAudited({ db, ctx, recordType: error.recordType, id: error.id });
    throw error;
  }
}

function inScope<T>({ db, ctx, work }: { db: Db; ctx: AccessContext; work: (tx: Tx) => Promise<T> }) {
  return withDbContext(db, dbContextOf(ctx), work);
}
