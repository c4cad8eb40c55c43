import { notFound } from '@tanstack/react-router';
import type { TPermission, TSessionInfo } from '../../contracts/index.js';

/**
 * Route guard: a module the user may not use looks exactly like a missing page, as the server's 404
 * does for records outside the user's scope.
 */
export function requireAny(session: TSessionInfo, ...permissions: TPermission[]): void {
  if (!permissions.some((p) => session.permissions.includes(p))) throw notFound();
}

/** Only same-app paths may be used as a post-login destination (no open redirect). */
export function safeRedirect(target: unknown): string | undefined {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//')
    ? target
    : undefined;
}
