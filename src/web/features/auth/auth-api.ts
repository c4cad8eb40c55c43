import { z } from 'zod';
import {
  type TLocale,
  ZLoginResponseSchema,
  ZMfaEnrolmentConfirmResponseSchema,
  ZMfaEnrolmentResponseSchema,
  ZSsoProviderSchema,
} from '../../../contracts/index.js';
import { api, hasCsrfToken, setCsrfToken } from '../../api/client.js';
import { fetchSession } from '../../session/session-api.js';

/** Some auth steps rotate the session; when they return a new CSRF token we keep it. */
const ZMaybeTokenSchema = z.unknown().transform((body) => {
  if (body && typeof body === 'object' && 'csrfToken' in body && typeof body.csrfToken === 'string') {
    return body.csrfToken;
  }
  return null;
});

function keepToken(token: string | null): void {
  if (token) setCsrfToken(token);
}

/** The organisations' identity providers offered on the sign-in page (public). */
export const ssoProvidersQuery = {
  queryKey: ['sso-providers'] as const,
  queryFn: () =>
    api('/api/auth/sso/providers', { schema: z.array(ZSsoProviderSchema), skipUnauthorizedRedirect: true }),
  staleTime: 5 * 60_000,
};

/** Where a provider's button leads: the server starts the sign-in and sends the browser on. */
export function ssoStartPath(providerId: string) {
  return `/api/auth/sso/${encodeURIComponent(providerId)}/start`;
}

export async function login(username: string, password: string) {
  const result = await api('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    schema: ZLoginResponseSchema,
    skipUnauthorizedRedirect: true,
  });
  setCsrfToken(result.csrfToken);
  return result;
}

/**
 * After a page reload in the middle of signing in, the cookie session survives but the in-memory CSRF
 * token does not: the session endpoint gives it back (it answers for half-signed-in sessions too).
 */
async function ensureCsrfToken(): Promise<void> {
  if (!hasCsrfToken()) await fetchSession();
}

export async function verifyMfa(body: { code: string } | { recoveryCode: string }) {
  await ensureCsrfToken();
  keepToken(
    await api('/api/auth/mfa/verify', {
      method: 'POST',
      body,
      schema: ZMaybeTokenSchema,
      skipUnauthorizedRedirect: true,
    }),
  );
}

export async function startMfaEnrolment() {
  await ensureCsrfToken();
  return api('/api/auth/mfa/enrolment', { method: 'POST', schema: ZMfaEnrolmentResponseSchema });
}

/** Enrolment completes the sign-in, so the session (and its CSRF token) is renewed. */
export async function confirmMfaEnrolment(code: string) {
  const result = await api('/api/auth/mfa/enrolment/confirm', {
    method: 'POST',
    body: { code },
    schema: ZMfaEnrolmentConfirmResponseSchema.extend({ csrfToken: z.string().optional() }),
  });
  keepToken(result.csrfToken ?? null);
  return result;
}

export function requestPasswordReset(email: string) {
  return api('/api/auth/password-reset', { method: 'POST', body: { email }, skipUnauthorizedRedirect: true });
}

export function confirmPasswordReset(token: string, newPassword: string) {
  return api('/api/auth/password-reset/confirm', {
    method: 'POST',
    body: { token, newPassword },
    skipUnauthorizedRedirect: true,
  });
}

export async function logout(): Promise<void> {
  try {
    await api('/api/auth/logout', { method: 'POST', skipUnauthorizedRedirect: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function switchMembership(membershipId: string): Promise<void> {
  keepToken(
    await api('/api/auth/active-membership', {
      method: 'PUT',
      body: { membershipId },
      schema: ZMaybeTokenSchema,
    }),
  );
}

export function saveLocale(locale: TLocale) {
  return api('/api/auth/locale', { method: 'PUT', body: { locale } });
}
