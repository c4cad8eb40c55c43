import { type QueryClient, useQuery } from '@tanstack/react-query';
import { type AnyRoute, createRouter, type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../features/errors/NotFoundPage.js';
import type { RoutesOf } from '../routing/feature-module.js';
import { appLayout, layouts, publicLayout, rootRoute } from '../routing/layouts.js';
import { sessionQueryOptions } from '../session/session.js';
import { Loading } from '../ui/Loading.js';
import { ProblemAlert } from '../ui/ProblemAlert.js';
import { FEATURE_MODULES } from './feature-modules.js';
import { AppShell } from './shell/AppShell.js';
import { PublicShell } from './shell/PublicShell.js';

/*
 * Code-based routes, assembled from the feature modules (`feature-modules.ts`): each feature hangs its
 * routes on the layouts (`routing/layouts.ts`); here they get their shells. Route components stay thin:
 * they read params/search and hand plain props to the feature pages.
 */
rootRoute.update({ notFoundComponent: RootNotFound, errorComponent: RootError });
publicLayout.update({ component: PublicShell });
appLayout.update({ component: AppShell, notFoundComponent: NotFoundPage });

/**
 * An address no route knows. A signed-in user keeps the app's header, menu and footer (and the
 * page's link back to Home); anyone else sees it in the public frame.
 */
function RootNotFound() {
  const session = useQuery(sessionQueryOptions);
  if (session.isPending) return <Loading />;
  const Shell = session.data?.state === 'authenticated' ? AppShell : PublicShell;
  return (
    <Shell>
      <NotFoundPage />
    </Shell>
  );
}

/**
 * A page that could not be built (its data refused: too many requests, the server gone): the
 * reason in words in the public frame, and a way to try again, never the router's own page.
 */
function RootError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <PublicShell>
      <ProblemAlert error={error} />
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => {
          reset();
          void router.invalidate();
        }}
      >
        {t('errors.retry')}
      </button>
    </PublicShell>
  );
}

/** Any route a listed feature creates, with its precise type (for the typed route tree). */
type FeatureRoute = RoutesOf<(typeof FEATURE_MODULES)[number]>;
const featureRoutes = FEATURE_MODULES.flatMap((module) => module.routes(layouts) as readonly FeatureRoute[]);

/*
 * Compile-time guard: if one module's route types cannot be inferred (TypeScript then falls back to
 * `any` on a circular inference, e.g. a page imported eagerly, whose links depend on this route tree),
 * every link in the app silently loses its checking. This line then fails to compile.
 */
type IsAny<T> = 0 extends 1 & T ? true : false;
const routeTypesKnown: IsAny<FeatureRoute> = false;
void routeTypesKnown;

/** The feature routes hung on one layout. */
function childrenOf(layout: AnyRoute) {
  return featureRoutes.filter((route) => route.options.getParentRoute?.() === layout);
}
const unplaced = featureRoutes.filter((route) => {
  const parent = route.options.getParentRoute?.();
  return parent !== publicLayout && parent !== appLayout;
});
if (unplaced.length > 0) throw new Error('a feature route hangs on neither the public nor the app layout');

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren(childrenOf(publicLayout)),
  appLayout.addChildren(childrenOf(appLayout)),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
