import { and, eq, isNull, sql } from 'drizzle-orm';
import { MFA_REQUIRED_ROLES, type TRole } from '../../../contracts/roles.js';
import type { AuditActor } from '../audit/audit-events.js';
import { writeAudit, writeAuditApart } from '../audit/audit-writer.js';
import { mfaSecretContext } from '../crypto/encrypted-columns.js';
import { decryptField, encryptField } from '../crypto/field-crypto.js';
import type { Tx } from '../db/client.js';
import { systemTransaction } from '../db/context.js';
import type { Deps } from '../deps.js';
import { HttpProblem, problems } from '../http/problem.js';
import { memberships, users } from '../tenancy/tenancy.sql.js';
import { recoveryCodes, sessions } from './auth.sql.js';
import { verifyPassword } from './passwords.js';
import { createSession, type LoadedSession, rotateSession, type SessionState } from './sessions.js';
import {
  clearFailures,
  confirmFailure,
  LIMITS,
  releaseAttempt,
  reserveAttempt,
  WINDOW_MINUTES,
} from './throttle.js';
import {
  acceptedTotpStep,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpQrSvg,
  totpUri,
} from './totp.js';

const BAD_CREDENTIALS = new HttpProblem(
  401,
  'bad-credentials',
  { it: 'Accesso non riuscito', en: 'Sign-in failed' },
  {
    it: 'Nome utente o password non corretti.',
    en: 'Wrong username or password.',
  },
);
const LOCKED = new HttpProblem(
  429,
  'temporarily-locked',
  { it: 'Accesso bloccato temporaneamente', en: 'Sign-in temporarily locked' },
  {
    it: 'Troppi tentativi non riusciti. Riprova tra 15 minuti.',
    en: 'Too many failed attempts. Try again in 15 minutes.',
  },
);
const BAD_CODE = new HttpProblem(
  401,
  'bad-code',
  { it: 'Codice non valido', en: 'Invalid code' },
  {
    it: 'Il codice non è valido o è già stato usato.',
    en: 'The code is not valid or was already used.',
  },
  [{ field: 'code', code: 'invalid', message: { it: 'Codice non valido', en: 'Invalid code' } }],
);

export interface Client {
  ip: string | null;
  userAgent: string | null;
}

export function anonymousActor(
  client: Client,
  username: string | null = null,
  userId: string | null = null,
): AuditActor {
  return { userId, username, role: null, serviceId: null, clientIp: client.ip };
}

async function userRoles(tx: Tx, userId: string) {
  const rows = await tx
    .select({ id: memberships.id, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return rows as { id: string; role: TRole }[];
}

interface AttemptKey {
  key: string;
  limit: number;
}

/**
 * Takes an attempt slot on every key before the attempt is judged, or none: a refusal gives back
 * what it took, is audited, and answers 429 (ASVS 6.3.1; concurrent guesses cannot outrun it).
 */
async function reserveOrRefuse({ deps, keys, actor }: { deps: Deps; keys: AttemptKey[]; actor: AuditActor }) {
  const taken: AttemptKey[] = [];
  for (const attempt of keys) {
    if (await reserveAttempt({ db: deps.db, ...attempt })) {
      taken.push(attempt);
      continue;
    }
    await Promise.all(taken.map((t) => releaseAttempt({ db: deps.db, key: t.key })));
    await writeAuditApart({
      db: deps.db,
      actor,
      event: { action: 'auth.locked', outcome: 'denied', details: { scope: scopeOf(attempt.key) } },
    });
    throw LOCKED;
  }
}

/** A judged failure keeps its slots; a key that reaches its limit locks, and the lock is audited. */
async function keepFailure({ deps, keys, actor }: { deps: Deps; keys: AttemptKey[]; actor: AuditActor }) {
  const locked = await Promise.all(keys.map((attempt) => confirmFailure({ db: deps.db, ...attempt })));
  const lockedScopes = keys.filter((_, i) => locked[i]).map((attempt) => scopeOf(attempt.key));
  for (const scope of lockedScopes) {
    await writeAuditApart({
      db: deps.db,
      actor,
      event: {
        action: 'auth.lockout_started',
        outcome: 'denied',
        details: { scope, minutes: WINDOW_MINUTES },
      },
    });
  }
  return lockedScopes.length > 0;
}

/**
 * One guess at a user's second factor, on the one `mfa:<user>` counter that sign-in, enrolment and
 * step-up share (they guess the same secret): a slot is reserved before `judge` runs; a null
 * verdict keeps the failure, is audited as `failedAction` and answers BAD_CODE; a pass clears it.
 */
async function judgedMfaAttempt<T>({
  deps,
  userId,
  actor,
  failedAction,
  judge,
}: {
  deps: Deps;
  userId: string;
  actor: AuditActor;
  failedAction: 'auth.mfa_failed' | 'auth.step_up_failed';
  judge: () => Promise<T | null>;
}): Promise<T> {
  const attempt = { key: `mfa:${userId}`, limit: LIMITS.mfa };
  await reserveOrRefuse({ deps, keys: [attempt], actor });
  const verdict = await judge();
  if (verdict === null) {
    await keepFailure({ deps, keys: [attempt], actor });
    await writeAuditApart({ db: deps.db, actor, event: { action: failedAction, outcome: 'failure' } });
    throw BAD_CODE;
  }
  await clearFailures({ db: deps.db, key: attempt.key });
  return verdict;
}

/** The kind of counter, never its value (an address or a username stays out of `details`). */
function scopeOf(key: string) {
  return key.slice(0, key.indexOf(':'));
}

/**
 * Accepts a TOTP time step once: the check against the last used step and its recording are one
 * conditional UPDATE, so two requests with the same code at the same moment cannot both pass.
 */
async function claimTotpStep({ tx, userId, step }: { tx: Tx; userId: string; step: number }) {
  const claimed = await tx
    .update(users)
    .set({ mfaLastStep: step })
    .where(and(eq(users.id, userId), sql`(${users.mfaLastStep} is null or ${users.mfaLastStep} < ${step})`))
    .returning({ id: users.id });
  return claimed.length > 0;
}

export async function login({
  deps,
  username,
  password,
  client,
}: {
  deps: Deps;
  username: string;
  password: string;
  client: Client;
}) {
  const { db } = deps;
  const attempts = [
    { key: `user:${username}`, limit: LIMITS.user },
    { key: `ip:${client.ip}`, limit: LIMITS.ip },
  ];
  await reserveOrRefuse({ deps, keys: attempts, actor: anonymousActor(client, username) });
  const [user] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      mfaEnrolledAt: users.mfaEnrolledAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.username, username));
  const usable = user && !user.disabledAt ? user : undefined;
  const ok = await verifyPassword({ passwordHash: usable?.passwordHash ?? null, password });
  if (!ok || !usable) {
    const actor = anonymousActor(client, username, user?.id ?? null);
    const lockedNow = await keepFailure({ deps, keys: attempts, actor });
    await writeAuditApart({
      db,
      actor,
      event: { action: 'auth.login_failed', outcome: 'failure', details: { lockedNow } },
    });
    throw BAD_CREDENTIALS;
  }
  await clearFailures({ db, key: attempts[0]!.key });
  await releaseAttempt({ db, key: attempts[1]!.key });
  return systemTransaction(db, async (tx) => {
    const session = await openSession({ tx, userId: usable.id, mfaEnrolled: !!usable.mfaEnrolledAt, client });
    await writeAudit({
      tx,
      actor: anonymousActor(client, username, usable.id),
      event: { action: 'auth.login', details: { state: session.state } },
    });
    return session;
  });
}

/**
 * The session a first factor opens, for password and single sign-on alike (ADR 0004, 0014): the
 * second factor is still due if the account has one, or must be set up if a role needs one;
 * `secondFactorDone` only when the identity provider asserted one. Acts as the first membership.
 */
export async function openSession({
  tx,
  userId,
  mfaEnrolled,
  secondFactorDone = false,
  client,
}: {
  tx: Tx;
  userId: string;
  mfaEnrolled: boolean;
  secondFactorDone?: boolean;
  client: Client;
}) {
  const roles = await userRoles(tx, userId);
  const state: SessionState = secondFactorDone
    ? 'authenticated'
    : mfaEnrolled
      ? 'mfa_required'
      : roles.some((m) => MFA_REQUIRED_ROLES.includes(m.role))
        ? 'mfa_enrolment_required'
        : 'authenticated';
  const session = await createSession({
    tx,
    userId,
    state,
    clientIp: client.ip,
    userAgent: client.userAgent,
    activeMembershipId: roles[0]?.id ?? null,
  });
  return { ...session, state };
}

export async function verifySecondFactor({
  deps,
  session,
  code,
  recoveryCode,
  client,
}: {
  deps: Deps;
  session: LoadedSession;
  code?: string;
  recoveryCode?: string;
  client: Client;
}) {
  const { db } = deps;
  if (session.state !== 'mfa_required')
    throw problems.conflict({ it: 'Secondo fattore non richiesto.', en: 'No second factor is pending.' });
  const actor = anonymousActor(client, session.username, session.userId);
  return judgedMfaAttempt({
    deps,
    userId: session.userId,
    actor,
    failedAction: 'auth.mfa_failed',
    judge: () =>
      systemTransaction(db, async (tx) => {
        if (recoveryCode) {
          const used = await tx
            .update(recoveryCodes)
            .set({ usedAt: new Date() })
            .where(
              and(
                eq(recoveryCodes.userId, session.userId),
                eq(recoveryCodes.codeHash, hashRecoveryCode(recoveryCode)),
                isNull(recoveryCodes.usedAt),
              ),
            )
            .returning({ id: recoveryCodes.id });
          if (used.length === 0) return null;
          await writeAudit({ tx, actor, event: { action: 'auth.recovery_code_used' } });
        } else {
          const [user] = await tx
            .select({ secret: users.mfaSecret, lastStep: users.mfaLastStep })
            .from(users)
            .where(eq(users.id, session.userId));
          if (!user?.secret || !code) return null;
          const secret = decryptField({
            keyring: deps.keyring,
            value: user.secret,
            context: mfaSecretContext(session.userId),
          });
          const step = acceptedTotpStep({ secret, code, lastStep: user.lastStep });
          if (step === null || !(await claimTotpStep({ tx, userId: session.userId, step }))) return null;
        }
        await writeAudit({ tx, actor, event: { action: 'auth.mfa_verified' } });
        return rotateSession({ tx, sessionId: session.id, state: 'authenticated' });
      }),
  });
}

export async function startEnrolment({ deps, session }: { deps: Deps; session: LoadedSession }) {
  if (session.state !== 'mfa_enrolment_required') {
    throw problems.conflict({
      it: 'Registrazione del secondo fattore non richiesta.',
      en: 'No two-factor enrolment is pending.',
    });
  }
  const secret = newTotpSecret();
  const stored = encryptField({
    keyring: deps.keyring,
    plaintext: secret,
    context: mfaSecretContext(session.userId),
  });
  await deps.db.update(sessions).set({ pendingMfaSecret: stored }).where(eq(sessions.id, session.id));
  const otpauthUri = totpUri({ username: session.username, secret });
  return { secret, otpauthUri, qrSvg: await totpQrSvg(otpauthUri) };
}

export async function confirmEnrolment({
  deps,
  session,
  code,
  client,
}: {
  deps: Deps;
  session: LoadedSession;
  code: string;
  client: Client;
}) {
  const { db } = deps;
  const [row] = await db
    .select({ pending: sessions.pendingMfaSecret })
    .from(sessions)
    .where(eq(sessions.id, session.id));
  if (session.state !== 'mfa_enrolment_required' || !row?.pending) {
    throw problems.conflict({ it: 'Avvia prima la registrazione.', en: 'Start the enrolment first.' });
  }
  const secret = decryptField({
    keyring: deps.keyring,
    value: row.pending,
    context: mfaSecretContext(session.userId),
  });
  const actor = anonymousActor(client, session.username, session.userId);
  const step = await judgedMfaAttempt({
    deps,
    userId: session.userId,
    actor,
    failedAction: 'auth.mfa_failed',
    judge: async () => acceptedTotpStep({ secret, code, lastStep: null }),
  });
  const codes = newRecoveryCodes();
  const rotated = await systemTransaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ mfaSecret: row.pending, mfaEnrolledAt: new Date(), mfaLastStep: step })
      .where(eq(users.id, session.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, session.userId));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((c) => ({ userId: session.userId, codeHash: hashRecoveryCode(c) })));
    await writeAudit({
      tx,
      actor: anonymousActor(client, session.username, session.userId),
      event: { action: 'auth.mfa_enrolled' },
    });
    return rotateSession({ tx, sessionId: session.id, state: 'authenticated' });
  });
  return { ...rotated, recoveryCodes: codes };
}

export async function logout({
  deps,
  session,
  client,
}: {
  deps: Deps;
  session: LoadedSession;
  client: Client;
}) {
  await systemTransaction(deps.db, async (tx) => {
    await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, session.id));
    await writeAudit({
      tx,
      actor: anonymousActor(client, session.username, session.userId),
      event: { action: 'auth.logout' },
    });
  });
}

export async function switchMembership({
  deps,
  session,
  membershipId,
  client,
}: {
  deps: Deps;
  session: LoadedSession;
  membershipId: string;
  client: Client;
}) {
  await systemTransaction(deps.db, async (tx) => {
    const [own] = await tx
      .select({ id: memberships.id, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.id, membershipId), eq(memberships.userId, session.userId)));
    if (!own) throw problems.notFound();
    await tx.update(sessions).set({ activeMembershipId: own.id }).where(eq(sessions.id, session.id));
    await writeAudit({
      tx,
      actor: { ...anonymousActor(client, session.username, session.userId), role: own.role },
      event: { action: 'auth.membership_switched', recordType: 'membership', recordId: own.id },
    });
  });
}

export async function stepUp({
  deps,
  session,
  code,
  reason,
  client,
}: {
  deps: Deps;
  session: LoadedSession;
  code: string;
  reason: string;
  client: Client;
}) {
  const actor = anonymousActor(client, session.username, session.userId);
  // The step-up guesses the same secret as the second factor at sign-in: same counter, same lock.
  await judgedMfaAttempt({
    deps,
    userId: session.userId,
    actor,
    failedAction: 'auth.step_up_failed',
    judge: async () => {
      const [user] = await deps.db
        .select({ secret: users.mfaSecret, lastStep: users.mfaLastStep })
        .from(users)
        .where(eq(users.id, session.userId));
      const step = user?.secret
        ? acceptedTotpStep({
            secret: decryptField({
              keyring: deps.keyring,
              value: user.secret,
              context: mfaSecretContext(session.userId),
            }),
            code,
            lastStep: user.lastStep,
          })
        : null;
      if (step === null) return null;
      return systemTransaction(deps.db, async (tx) => {
        if (!(await claimTotpStep({ tx, userId: session.userId, step }))) return null;
        await tx.update(sessions).set({ stepUpAt: new Date() }).where(eq(sessions.id, session.id));
        await writeAudit({ tx, actor, event: { action: 'auth.step_up', purpose: reason } });
        return true;
      });
    },
  });
}
