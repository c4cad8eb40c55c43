import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TAddressForm } from '../../../contracts/auth.js';
import type { TRole } from '../../../contracts/roles.js';
import { type Db, type Queryable, queryRows } from '../db/client.js';
import { memberships, organisations, services, users } from '../tenancy/tenancy.sql.js';
import { sessions } from './auth.sql.js';
import { newToken, tokenHash } from './tokens.js';

export const SESSION_COOKIE = '__Host-trama-session';
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** last_seen_at is written at most once a minute: idle timeout is exact to the minute, reads stay cheap. */
const TOUCH_AFTER_MS = 60_000;

export type SessionState = 'mfa_required' | 'mfa_enrolment_required' | 'authenticated';

export interface LoadedSession {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  locale: 'it' | 'en';
  addressForm: TAddressForm;
  state: SessionState;
  csrfToken: string;
  stepUpAt: Date | null;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
  membership: {
    id: string;
    role: TRole;
    organisationId: string | null;
    serviceId: string | null;
    districtId: string | null;
  } | null;
}

export async function createSession({
  tx,
  userId,
  state,
  clientIp,
  userAgent,
  activeMembershipId,
}: {
  tx: Queryable;
  userId: string;
  state: SessionState;
  clientIp: string | null;
  userAgent: string | null;
  activeMembershipId: string | null;
}) {
  const token = newToken();
  const csrfToken = newToken();
  await tx.insert(sessions).values({
    id: tokenHash(token),
    userId,
    state,
    csrfToken,
    activeMembershipId,
    clientIp,
    userAgent: userAgent?.slice(0, 300) ?? null,
    absoluteExpiresAt: new Date(Date.now() + ABSOLUTE_TIMEOUT_MS),
  });
  return { token, csrfToken, id: tokenHash(token) };
}

/** A fresh token at every change of authentication level (ASVS 7.2.4); the old one stops working. */
export async function rotateSession({
  tx,
  sessionId,
  state,
}: {
  tx: Queryable;
  sessionId: string;
  state: SessionState;
}) {
  const token = newToken();
  const csrfToken = newToken();
  await tx
    .update(sessions)
    .set({ id: tokenHash(token), state, csrfToken, pendingMfaSecret: null, lastSeenAt: new Date() })
    .where(eq(sessions.id, sessionId));
  return { token, csrfToken, id: tokenHash(token) };
}

/** The session behind a cookie, if it is live: not revoked, not idle, not past 12 hours, user enabled. */
/**
 * The session lookup runs on every request: built once per database as a named prepared
 * statement, so neither the query builder nor the planner runs again per request.
 */
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();

function prepareLookup(db: Db) {
  return db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      state: sessions.state,
      csrfToken: sessions.csrfToken,
      stepUpAt: sessions.stepUpAt,
      lastSeenAt: sessions.lastSeenAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      username: users.username,
      displayName: users.displayName,
      locale: users.locale,
      addressForm: users.addressForm,
      membershipId: memberships.id,
      role: memberships.role,
      organisationId: sql<string | null>`coalesce(${memberships.organisationId}, ${services.organisationId})`,
      serviceId: memberships.serviceId,
      districtId: sql<string | null>`coalesce(${services.districtId}, ${organisations.districtId})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, eq(memberships.id, sessions.activeMembershipId))
    .leftJoin(services, eq(services.id, memberships.serviceId))
    .leftJoin(
      organisations,
      eq(organisations.id, sql`coalesce(${memberships.organisationId}, ${services.organisationId})`),
    )
    .where(and(eq(sessions.id, sql.placeholder('id')), isNull(sessions.revokedAt), isNull(users.disabledAt)))
    .prepare('trama_load_session');
}

/** The session behind a cookie, if it is live: not revoked, not idle, not past 12 hours, user enabled. */
export async function loadSession({ db, token }: { db: Db; token: string }): Promise<LoadedSession | null> {
  const id = tokenHash(token);
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = prepareLookup(db);
    lookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ id });
  if (!row) return null;
  const now = Date.now();
  if (row.absoluteExpiresAt.getTime() <= now || row.lastSeenAt.getTime() + IDLE_TIMEOUT_MS <= now)
    return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return {
    id: row.id,
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    locale: row.locale === 'en' ? 'en' : 'it',
    // The database's check allows only these three values.
    addressForm: row.addressForm as TAddressForm,
    state: row.state as SessionState,
    csrfToken: row.csrfToken,
    stepUpAt: row.stepUpAt,
    lastSeenAt: new Date(Math.max(row.lastSeenAt.getTime(), now - TOUCH_AFTER_MS)),
    absoluteExpiresAt: row.absoluteExpiresAt,
    membership: row.membershipId
      ? {
          id: row.membershipId,
          role: row.role as TRole,
          organisationId: row.organisationId,
          serviceId: row.serviceId,
          districtId: row.districtId,
        }
      : null,
  };
}

export async function revokeUserSessions({
  tx,
  userId,
  exceptSessionId,
}: {
  tx: Queryable;
  userId: string;
  exceptSessionId?: string;
}) {
  const result = await queryRows(
    tx,
    sql`update sessions set revoked_at = now()
    where user_id = ${userId} and revoked_at is null ${exceptSessionId ? sql`and id <> ${exceptSessionId}` : sql``}
    returning id`,
  );
  return result.length;
}
