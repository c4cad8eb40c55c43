import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import { sessionQueryOptions } from '../session/session.js';

/*
 * The skeleton every feature hangs its routes on: the root, the public pages (no session needed) and
 * the signed-in app. They carry no page of their own: `app/router.tsx` gives them the shells, so a
 * feature can name its parent route without reaching up into `app/`.
 */
export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({ component: Outlet });

export const publicLayout = createRoute({ getParentRoute: () => rootRoute, id: 'public' });

export const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions);
    if (!session) throw redirect({ to: '/login', search: { redirect: location.href } });
    if (session.state === 'mfa_required')
      throw redirect({ to: '/login/mfa', search: { redirect: location.href } });
    if (session.state === 'mfa_enrolment_required') throw redirect({ to: '/login/mfa-enrolment' });
    return { session };
  },
});

/** The parent routes a feature's `routes()` receives. */
export const layouts = { publicLayout, appLayout };
export type Layouts = typeof layouts;
