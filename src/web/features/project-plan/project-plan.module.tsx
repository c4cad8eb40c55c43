import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const PlanPage = lazyPage(() => import('./project-plan.pages.js'), 'PlanPage');
const SustainabilityPage = lazyPage(() => import('./project-plan.pages.js'), 'SustainabilityPage');
const PartnersPage = lazyPage(() => import('./project-plan.pages.js'), 'PartnersPage');
const PartnerPage = lazyPage(() => import('./project-plan.pages.js'), 'PartnerPage');

/** The project plan, monitoring, what lasts and the partner directory (issue 21, items 3, 4, 7). */
export const projectPlanModule = {
  id: 'project-plan',
  routes: ({ appLayout }) => {
    const planRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/governance/plan',
      beforeLoad: ({ context }) => requireAny(context.session, 'governance.read'),
      component: PlanPage,
    });
    const sustainabilityRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/governance/sustainability',
      beforeLoad: ({ context }) => requireAny(context.session, 'governance.read'),
      component: SustainabilityPage,
    });
    const partnersRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/governance/partners',
      beforeLoad: ({ context }) => requireAny(context.session, 'governance.read'),
      component: PartnersPage,
    });
    const partnerRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/governance/partners/$partnerId',
      beforeLoad: ({ context }) => requireAny(context.session, 'governance.read'),
      component: routeWith([PartnerPage], function PartnerRoute() {
        const { partnerId } = partnerRoute.useParams();
        return <PartnerPage key={partnerId} partnerId={partnerId} />;
      }),
    });
    return [planRoute, sustainabilityRoute, partnersRoute, partnerRoute] as const;
  },
  nav: [
    { to: '/governance/plan', labelKey: 'projectPlan.nav.plan', anyOf: ['governance.read'], order: 133.61 },
    {
      to: '/governance/sustainability',
      labelKey: 'projectPlan.nav.sustainability',
      anyOf: ['governance.read'],
      order: 133.62,
    },
    {
      to: '/governance/partners',
      labelKey: 'projectPlan.nav.partners',
      anyOf: ['governance.read'],
      exact: true,
      order: 133.63,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
