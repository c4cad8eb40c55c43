import { type TSessionInfo, ZSessionInfoSchema } from '../../contracts/index.js';
import { api, setCsrfToken } from '../api/client.js';
import { isApiError } from '../api/problem.js';

/**
 * The signed-in session, or null when there is none. It also gives back the CSRF token (kept in
 * memory only), so a page reload in the middle of signing in can carry on.
 */
export async function fetchSession(): Promise<TSessionInfo | null> {
  try {
    const session = await api('/api/auth/session', {
      schema: ZSessionInfoSchema,
      skipUnauthorizedRedirect: true,
    });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.isUnauthorized) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}
