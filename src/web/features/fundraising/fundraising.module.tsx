import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const PipelinePage = lazyPage(() => import('./fundraising.pages.js'), 'PipelinePage');
const OpportunityPage = lazyPage(() => import('./fundraising.pages.js'), 'OpportunityPage');
const FundersPage = lazyPage(() => import('./fundraising.pages.js'), 'FundersPage');
const CampaignsPage = lazyPage(() => import('./fundraising.pages.js'), 'CampaignsPage');
const ResourcesPage = lazyPage(() => import('./fundraising.pages.js'), 'ResourcesPage');

/** The fundraising plan and complementary resources (issue 21, items 5, 6): coordinators and fundraisers. */
export const fundraisingModule = {
  id: 'fundraising',
  routes: ({ appLayout }) => {
    const opportunityRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/fundraising/opportunities/$id',
      beforeLoad: ({ context }) => requireAny(context.session, 'fundraising.read'),
      component: routeWith([OpportunityPage], function OpportunityRoute() {
        const { id } = opportunityRoute.useParams();
        return <OpportunityPage key={id} id={id} />;
      }),
    });
    const pipelineRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/fundraising',
      beforeLoad: ({ context }) => requireAny(context.session, 'fundraising.read'),
      component: PipelinePage,
    });
    const fundersRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/fundraising/funders',
      beforeLoad: ({ context }) => requireAny(context.session, 'fundraising.read'),
      component: FundersPage,
    });
    const campaignsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/fundraising/campaigns',
      beforeLoad: ({ context }) => requireAny(context.session, 'fundraising.read'),
      component: CampaignsPage,
    });
    const resourcesRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/fundraising/resources',
      beforeLoad: ({ context }) => requireAny(context.session, 'fundraising.read'),
      component: ResourcesPage,
    });
    return [pipelineRoute, opportunityRoute, fundersRoute, campaignsRoute, resourcesRoute] as const;
  },
  nav: [
    {
      to: '/fundraising',
      labelKey: 'fundraising.nav',
      anyOf: ['fundraising.read'],
      exact: true,
      order: 125.1,
    },
    {
      to: '/fundraising/funders',
      labelKey: 'fundraising.navFunders',
      anyOf: ['fundraising.read'],
      order: 125.2,
    },
    {
      to: '/fundraising/campaigns',
      labelKey: 'fundraising.navCampaigns',
      anyOf: ['fundraising.read'],
      order: 125.3,
    },
    {
      to: '/fundraising/resources',
      labelKey: 'fundraising.navResources',
      anyOf: ['fundraising.read'],
      order: 125.4,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
