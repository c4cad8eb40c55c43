import { createRoute } from '@tanstack/react-router';
import { ZAutonomyDashboardQuerySchema } from '../../../contracts/housing.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const DashboardPage = lazyPage(() => import('./autonomy-dashboard.pages.js'), 'AutonomyDashboardPage');
const dashboardSearch = contractSearch(ZAutonomyDashboardQuerySchema.shape);

/** The WP5 dashboard: targets, disclosure-controlled breakdowns (issue 20, item 6). */
export const autonomyDashboardModule = {
  id: 'autonomy-dashboard',
  routes: ({ appLayout }) => {
    const dashboardRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/autonomy/dashboard',
      validateSearch: dashboardSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'autonomy.dashboard'),
      component: routeWith([DashboardPage], function AutonomyDashboardRoute() {
        const { from, to } = dashboardRoute.useSearch();
        return <DashboardPage from={from} to={to} />;
      }),
    });
    return [dashboardRoute] as const;
  },
  nav: [
    {
      to: '/autonomy/dashboard',
      labelKey: 'autonomyDashboard.nav',
      anyOf: ['autonomy.dashboard'],
      order: 119.9,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
