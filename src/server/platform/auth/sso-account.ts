import { sql } from 'drizzle-orm';
import { isSecondFactorAmr } from '../../../contracts/identity-providers.js';
import { type Db, queryRows } from '../db/client.js';

/**
 * Which Trama account a provider's sign-in lands on (ADR 0014). Only an existing one: the
 * enabled account whose e-mail equals the ID token's verified `email` (ASCII only, compared in
 * ASCII lower case), in a domain the admin allowed for this provider, holding a membership in the
 * provider's organisation (directly or through one of its services). Nothing links the provider's
 * subject to the account, and nothing is created: a sign-in alone never makes or links an account.
 */

export type AccountRefusal =
  | 'email_unverified'
  | 'email_not_ascii'
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

/** Printable ASCII without spaces: no look-alike letters from other alphabets (`раоlа@…`, `K`). */
const ASCII_EMAIL = /^[\x21-\x7e]+@[\x21-\x7e]+$/;

/** Lower case for ASCII letters only: what the comparison with `users.email` means, everywhere. */
function asciiLowerCase(text: string) {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * The e-mail the claims vouch for, in ASCII lower case, or why they do not. Only a boolean `true`
 * counts as verified; an address with any other character is refused rather than folded, so a
 * provider's look-alike address can never reach someone else's account.
 */
export function verifiedEmailOf({
  claims,
  allowedDomains,
}: {
  claims: SsoClaims;
  allowedDomains: readonly string[];
}): { email: string } | { refusal: AccountRefusal } {
  if (claims.email_verified !== true || typeof claims.email !== 'string')
    return { refusal: 'email_unverified' };
  const trimmed = claims.email.trim();
  if (!ASCII_EMAIL.test(trimmed)) return { refusal: 'email_not_ascii' };
  const email = asciiLowerCase(trimmed);
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (!domain || !allowedDomains.includes(domain)) return { refusal: 'domain_not_allowed' };
  return { email };
}

/** The claim by which the provider vouched for a second factor: which one and its value. */
export interface AssertedFactor {
  claim: 'amr' | 'acr';
  value: string;
}

/**
 * The first of the provider's `amr` or `acr` values that the admin set for it and a second person
 * approved. An `amr` counts only if RFC 8176 gives it the meaning of a factor beyond a password,
 * whatever an older registration may list.
 */
export function providerAssertedFactor({
  claims,
  amrValues,
  acrValues,
}: {
  claims: SsoClaims;
  amrValues: readonly string[];
  acrValues: readonly string[];
}): AssertedFactor | null {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
  const byAmr = amr.find((value) => isSecondFactorAmr(value) && amrValues.includes(value));
  if (byAmr) return { claim: 'amr', value: byAmr };
  if (typeof claims.acr === 'string' && acrValues.includes(claims.acr))
    return { claim: 'acr', value: claims.acr };
  return null;
}

export interface SsoAccount {
  id: string;
  username: string;
  mfaEnrolled: boolean;
  /**
   * Every membership of the account is in the provider's organisation (directly or through its
   * services) and none is a global role (admin, DPO): only then may the provider's second factor
   * stand for Trama's. A provider speaks for its own organisation, not for the account's roles
   * elsewhere.
   */
  onlyInOrganisation: boolean;
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
  // lower() finds the one candidate through the unique index; the ASCII-only translate() then
  // requires that it is the same address byte for byte, not one that lower() folded into it.
  const [row] = await queryRows<{
    id: string;
    username: string;
    disabled: boolean;
    mfa_enrolled: boolean;
    in_organisation: boolean;
    only_in_organisation: boolean;
  }>(
    db,
    sql`select u.id, u.username, u.disabled_at is not null as disabled, u.mfa_enrolled_at is not null as mfa_enrolled,
          exists (select 1 from memberships m left join services s on s.id = m.service_id
                   where m.user_id = u.id
                     and coalesce(m.organisation_id, s.organisation_id) = ${organisationId}) as in_organisation,
          not exists (select 1 from memberships m left join services s on s.id = m.service_id
                       where m.user_id = u.id
                         and (m.role in ('admin', 'dpo')
                              or coalesce(m.organisation_id, s.organisation_id) is distinct from ${organisationId}::uuid))
            as only_in_organisation
          from users u
         where lower(u.email) = ${email}
           and translate(u.email, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = ${email}`,
  );
  if (!row) return { refusal: 'no_account' };
  if (row.disabled) return { refusal: 'account_disabled' };
  if (!row.in_organisation) return { refusal: 'other_organisation' };
  return {
    account: {
      id: row.id,
      username: row.username,
      mfaEnrolled: row.mfa_enrolled,
      onlyInOrganisation: row.only_in_organisation,
    },
  };
}
