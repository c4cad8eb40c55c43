import { and, eq, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../audit/audit-writer.js';
import type { Tx } from '../db/client.js';
import { systemTransaction } from '../db/context.js';
import type { Deps } from '../deps.js';
import { problems } from '../http/problem.js';
import { queueMail } from '../mail/mail-queue.js';
import { users } from '../tenancy/tenancy.sql.js';
import { anonymousActor, type Client } from './auth.service.js';
import { passwordResetTokens } from './auth.sql.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { type LoadedSession, revokeUserSessions } from './sessions.js';
import { countAttempt, LIMITS } from './throttle.js';
import { newToken, tokenHash } from './tokens.js';

/** Passwords: invitation and reset tokens by e-mail, their confirmation, and a change by the signed-in user. */
const RESET_TTL_MS = 30 * 60_000;
export const INVITATION_TTL_MS = 72 * 60 * 60_000;

export async function issuePasswordToken({
  tx,
  userId,
  purpose,
  ttlMs,
}: {
  tx: Tx;
  userId: string;
  purpose: 'reset' | 'invitation';
  ttlMs: number;
}) {
  const token = newToken();
  await tx
    .insert(passwordResetTokens)
    .values({ tokenHash: tokenHash(token), userId, purpose, expiresAt: new Date(Date.now() + ttlMs) });
  return token;
}

/**
 * Always answers the same way, whether or not the address is known (ASVS 6.3.8); the mail goes
 * out after the answer so timing does not tell either.
 */
export async function requestPasswordReset({
  deps,
  email,
  client,
}: {
  deps: Deps;
  email: string;
  client: Client;
}) {
  const { db } = deps;
  const ipKey = `reset:${client.ip}`;
  if (!(await countAttempt({ db, key: ipKey, limit: LIMITS.reset * 4 }))) return;
  const work = systemTransaction(db, async (tx) => {
    const [user] = await tx
      .select({ id: users.id, username: users.username, locale: users.locale })
      .from(users)
      .where(and(sql`lower(${users.email}) = lower(${email})`, isNull(users.disabledAt)));
    await writeAudit({
      tx,
      actor: anonymousActor(client, user?.username ?? null, user?.id ?? null),
      event: { action: 'auth.password_reset_requested', outcome: user ? 'success' : 'failure' },
    });
    if (!user) return;
    const token = await issuePasswordToken({ tx, userId: user.id, purpose: 'reset', ttlMs: RESET_TTL_MS });
    const link = `${deps.config.publicUrl}/reset-password#token=${token}`;
    await queueMail({
      deps,
      tx,
      mail: {
        to: email,
        subject: 'Trama: reimpostazione della password / password reset',
        text: `Per scegliere una nuova password apri questo link entro 30 minuti:\n${link}\n\nTo choose a new password open this link within 30 minutes:\n${link}\n\nSe non hai chiesto tu la reimpostazione, ignora questo messaggio. / If you did not ask, ignore this message.\n`,
      },
    });
  });
  // The answer does not wait for the work, so its timing does not tell a known address either.
  void work.catch(() => {});
}

export async function confirmPasswordToken({
  deps,
  token,
  newPassword,
  client,
}: {
  deps: Deps;
  token: string;
  newPassword: string;
  client: Client;
}) {
  return systemTransaction(deps.db, async (tx) => {
    const [row] = await tx
      .select({
        userId: passwordResetTokens.userId,
        purpose: passwordResetTokens.purpose,
        username: users.username,
        displayName: users.displayName,
        email: users.email,
      })
      .from(passwordResetTokens)
      .innerJoin(users, eq(users.id, passwordResetTokens.userId))
      .where(
        and(
          eq(passwordResetTokens.tokenHash, tokenHash(token)),
          isNull(passwordResetTokens.usedAt),
          sql`${passwordResetTokens.expiresAt} > now()`,
        ),
      )
      .for('update');
    if (!row) {
      throw problems.field('token', 'invalid', {
        it: 'Link scaduto o già usato: chiedine uno nuovo.',
        en: 'Link expired or already used: ask for a new one.',
      });
    }
    const weak = passwordProblem({
      password: newPassword,
      userInputs: [row.username, row.displayName, row.email ?? ''],
    });
    if (weak) throw problems.field('newPassword', 'weak', weak);
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(eq(passwordResetTokens.tokenHash, tokenHash(token)));
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date() })
      .where(eq(users.id, row.userId));
    // A reset ends every session; the second factor is still asked at the next sign-in (ASVS 6.4.3).
    await revokeUserSessions({ tx, userId: row.userId });
    await writeAudit({
      tx,
      actor: anonymousActor(client, row.username, row.userId),
      event: { action: 'auth.password_reset', details: { purpose: row.purpose } },
    });
  });
}

export async function changePassword({
  deps,
  session,
  currentPassword,
  newPassword,
  client,
}: {
  deps: Deps;
  session: LoadedSession;
  currentPassword: string;
  newPassword: string;
  client: Client;
}) {
  const [user] = await deps.db
    .select({ hash: users.passwordHash, email: users.email })
    .from(users)
    .where(eq(users.id, session.userId));
  if (!(await verifyPassword({ passwordHash: user?.hash ?? null, password: currentPassword }))) {
    throw problems.field('currentPassword', 'wrong', {
      it: 'Password attuale errata.',
      en: 'Wrong current password.',
    });
  }
  const weak = passwordProblem({
    password: newPassword,
    userInputs: [session.username, session.displayName, user?.email ?? ''],
  });
  if (weak) throw problems.field('newPassword', 'weak', weak);
  await systemTransaction(deps.db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date() })
      .where(eq(users.id, session.userId));
    await revokeUserSessions({ tx, userId: session.userId, exceptSessionId: session.id });
    await writeAudit({
      tx,
      actor: anonymousActor(client, session.username, session.userId),
      event: { action: 'auth.password_changed' },
    });
  });
}
