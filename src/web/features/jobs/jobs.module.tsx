import { createRoute } from '@tanstack/react-router';
import { ZJobListQuerySchema } from '../../../contracts/jobs.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const JobsPage = lazyPage(() => import('./jobs.pages.js'), 'JobsPage');

const jobFilters = contractSearch({ state: ZJobListQuerySchema.shape.state });

/** The admin's view of the background jobs: their state and attempts, and a new run of a failed one. */
export const jobsModule = {
  id: 'jobs',
  routes: ({ appLayout }) => {
    const jobsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/jobs',
      beforeLoad: ({ context }) => requireAny(context.session, 'jobs.manage'),
      validateSearch: jobFilters,
      component: routeWith([JobsPage], function JobsRoute() {
        const { state } = jobsRoute.useSearch();
        const navigate = jobsRoute.useNavigate();
        return <JobsPage state={state} onStateChange={(next) => navigate({ search: { state: next } })} />;
      }),
    });
    return [jobsRoute] as const;
  },
  nav: [{ to: '/jobs', labelKey: 'nav.jobs', anyOf: ['jobs.manage'], order: 155 }],
  i18n: { it, en },
} satisfies FeatureModule;
