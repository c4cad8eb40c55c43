import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.js';

/**
 * Which Trama account a provider's sign-in lands on (ADR 0014). Only an existing one: the
 * enabled account whose e-mail equals the ID token's verified `email` (case ignored), in a domain
 * the admin allowed for this provider, holding a membership in the provider's organisation
 * (directly or through one of its services). Nothing links the provider's subject to the account,
 * and nothing is created: a sign-in alone never makes or links an account.
 */

export type AccountRefusal =
  | 'email_unverified'
  | 'domain_not_allowed'
  | 'no_account'
  | 'account_disabled'
  | 'other_organisation';

export interface SsoClaims {
  email?: unknown;
  email_verified?: unknown;
  amr?: unknown;
  acr?: unknown;
}

/** The e-mail the claims vouch for, or why they do not. Only a boolean `true` counts as verified. */
export function verifiedEmailOf({
  claims,
  allowedDomains,
}: {
  claims: SsoClaims;
  allowedDomains: readonly string[];
}): { email: string } | { refusal: AccountRefusal } {
  if (claims.email_verified !== true || typeof claims.email !== 'string')
    return { refusal: 'email_unverified' };
  const email = claims.email.trim();
  const at = email.lastIndexOf('@');
  const domain = at > 0 ? email.slice(at + 1).toLowerCase() : '';
  if (!domain || !allowedDomains.includes(domain)) return { refusal: 'domain_not_allowed' };
  return { email };
}

/** Whether the provider vouched for a second factor, by the values the admin set for it. */
export function providerAssertedMfa({
  claims,
  amrValues,
  acrValues,
}: {
  claims: SsoClaims;
  amrValues: readonly string[];
  acrValues: readonly string[];
}) {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
  const byAmr = amr.some((value) => amrValues.includes(value));
  const byAcr = typeof claims.acr === 'string' && acrValues.includes(claims.acr);
  return byAmr || byAcr;
}

export interface SsoAccount {
  id: string;
  username: string;
  mfaEnrolled: boolean;
}

/** The account behind a verified e-mail for this organisation, read as the platform (no session yet). */
export async function accountForSso({
  db,
  email,
  organisationId,
}: {
  db: Db;
  email: string;
  organisationId: string;
}): Promise<{ account: SsoAccount } | { refusal: AccountRefusal }> {
  const [row] = await queryRows<{
    id: string;
    username: string;
    disabled: boolean;
    mfa_enrolled: boolean;
    in_organisation: boolean;
  }>(
    db,
    sql`select u.id, u.username, u.disabled_at is not null as disabled, u.mfa_enrolled_at is not null as mfa_enrolled,
          exists (select 1 from memberships m left join services s on s.id = m.service_id
                   where m.user_id = u.id
                     and coalesce(m.organisation_id, s.organisation_id) = ${organisationId}) as in_organisation
          from users u where lower(u.email) = lower(${email})`,
  );
  if (!row) return { refusal: 'no_account' };
  if (row.disabled) return { refusal: 'account_disabled' };
  if (!row.in_organisation) return { refusal: 'other_organisation' };
  return { account: { id: row.id, username: row.username, mfaEnrolled: row.mfa_enrolled } };
}
