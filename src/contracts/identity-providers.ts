import { z } from 'zod';
import { nonEmpty, text, ZIdSchema } from './common.js';

/**
 * Single sign-on with an organisation's own OpenID Connect provider (ADR 0014). An admin registers
 * the provider; its users sign in with it and land on their existing Trama account, never a new one.
 */

/**
 * Issuers reached over plain http: only this computer, and only where the server allows it (demo
 * and test set-ups, `TRAMA_SSO_ALLOW_INSECURE_LOCAL_ISSUER`), so tests can run a local provider.
 */
export const LOCAL_ISSUER_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** Whether an issuer address is acceptable: https, or http on this computer; no query or fragment. */
export function isAcceptableIssuer(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const local = (LOCAL_ISSUER_HOSTS as readonly string[]).includes(url.hostname);
  const scheme = url.protocol === 'https:' || (url.protocol === 'http:' && local);
  // "…//" would survive the one trailing slash taken off below and name the same provider twice.
  return scheme && !url.search && !url.hash && !url.username && !url.password && !url.pathname.endsWith('//');
}

/**
 * One provider, one spelling: `https://idp.example.org/` and `https://idp.example.org` are the same
 * issuer, so the registration keeps it without its trailing slash before the uniqueness check.
 */
export function normalisedIssuer(value: string): string {
  return value.endsWith('/') ? value.slice(0, -1) : value;
}

export const ZIssuerSchema = z
  .string()
  .trim()
  .max(300)
  .refine(isAcceptableIssuer, 'an https address (http only on this computer)')
  .transform(normalisedIssuer);

/** An e-mail domain, lower case: labels of letters, digits and dashes, at least one dot. */
export const ZEmailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'an e-mail domain such as example.org',
  );

/** An `acr` value as providers send them: a word, a URN or a URL, without spaces. */
const ZAssuranceValueSchema = z
  .string()
  .trim()
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'a value without spaces');

/**
 * The `amr` values (RFC 8176) that stand for a factor beyond a password: a provider's login
 * counts as Trama's second factor only by one of these. `pwd`, `pin`, `kba`, `user`, `wia`, `geo`
 * and `rba` say how a password-like or contextual check was done, never a second factor.
 */
export const SECOND_FACTOR_AMR_VALUES = [
  'mfa',
  'mca',
  'hwk',
  'swk',
  'otp',
  'sms',
  'tel',
  'sc',
  'fpt',
  'face',
  'iris',
  'retina',
  'vbm',
] as const;

export function isSecondFactorAmr(value: string): boolean {
  return (SECOND_FACTOR_AMR_VALUES as readonly string[]).includes(value);
}

const ZSecondFactorAmrSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(
    isSecondFactorAmr,
    'a second factor of RFC 8176 (mfa, mca, hwk, swk, otp, sms, tel, sc, fpt, face, iris, retina, vbm), not a password or a PIN',
  );

const eachOnce = <T extends z.ZodType<string>>(item: T, { min = 0, max }: { min?: number; max: number }) =>
  z
    .array(item)
    .min(min)
    .max(max)
    .refine((values) => new Set(values).size === values.length, 'each value once');

export const ZIdentityProviderSchema = z.object({
  id: ZIdSchema,
  organisationId: ZIdSchema,
  organisationName: z.string(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  allowedDomains: z.array(z.string()),
  mfaAmrValues: z.array(z.string()),
  mfaAcrValues: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Who registered it or last changed what it trusts: that person cannot approve it. */
  changedByName: z.string().nullable(),
  /** A second person's approval of the provider as it stands; null while it waits for one. */
  approvedByName: z.string().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  /** Whether the viewer may approve it now (an admin or a DPO who did not make the last change). */
  canApprove: z.boolean(),
});
export type TIdentityProvider = z.infer<typeof ZIdentityProviderSchema>;

/** The admin's list, with the address to register at the provider as the redirect URI. */
export const ZIdentityProviderListSchema = z.object({
  redirectUri: z.string(),
  providers: z.array(ZIdentityProviderSchema),
});

export const ZIdentityProviderCreateSchema = z.strictObject({
  organisationId: ZIdSchema,
  /** Shown on the sign-in page: "Accedi con <name>". */
  name: text({ max: 80 }),
  issuer: ZIssuerSchema,
  clientId: text({ max: 200 }),
  /** Stored encrypted and never returned. */
  clientSecret: text({ max: 500 }),
  allowedDomains: eachOnce(ZEmailDomainSchema, { min: 1, max: 20 }),
  mfaAmrValues: eachOnce(ZSecondFactorAmrSchema, { max: SECOND_FACTOR_AMR_VALUES.length }).default([]),
  mfaAcrValues: eachOnce(ZAssuranceValueSchema, { max: 20 }).default([]),
  enabled: z.boolean().default(true),
});

/**
 * What an admin may change. The issuer and the organisation stay: a provider of another
 * organisation or at another address is another registration. A secret left out is kept.
 */
export const ZIdentityProviderUpdateSchema = nonEmpty(
  z.strictObject({
    name: ZIdentityProviderCreateSchema.shape.name.optional(),
    clientId: ZIdentityProviderCreateSchema.shape.clientId.optional(),
    clientSecret: ZIdentityProviderCreateSchema.shape.clientSecret.optional(),
    allowedDomains: ZIdentityProviderCreateSchema.shape.allowedDomains.optional(),
    mfaAmrValues: eachOnce(ZSecondFactorAmrSchema, { max: SECOND_FACTOR_AMR_VALUES.length }).optional(),
    mfaAcrValues: eachOnce(ZAssuranceValueSchema, { max: 20 }).optional(),
    enabled: z.boolean().optional(),
  }),
);

/** What the sign-in page needs of an enabled provider: the button's words and where it leads. */
export const ZSsoProviderSchema = z.object({ id: ZIdSchema, name: z.string() });
export type TSsoProvider = z.infer<typeof ZSsoProviderSchema>;

/**
 * Why a sign-in through a provider ended on the error page, as the page's address says
 * (`/login/sso-error?reason=…`). The audit keeps the precise reason; the page says only as much
 * as the person needs to know what to do next.
 */
export const SSO_ERROR_REASONS = [
  'expired',
  'unavailable',
  'unreachable',
  'cancelled',
  'refused',
  'no_account',
  'locked',
  'too_many',
  'error',
] as const;
export const ZSsoErrorReasonSchema = z.enum(SSO_ERROR_REASONS);
export type TSsoErrorReason = z.infer<typeof ZSsoErrorReasonSchema>;
