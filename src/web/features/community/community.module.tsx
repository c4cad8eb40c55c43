import { createRoute } from '@tanstack/react-router';
import {
  ZHolderListQuerySchema,
  ZNeedListQuerySchema,
  ZResourceListQuerySchema,
} from '../../../contracts/community.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const HoldersPage = lazyPage(() => import('./community.pages.js'), 'HoldersPage');
const HolderCreatePage = lazyPage(() => import('./community.pages.js'), 'HolderCreatePage');
const HolderDetailPage = lazyPage(() => import('./community.pages.js'), 'HolderDetailPage');
const NeedsPage = lazyPage(() => import('./community.pages.js'), 'NeedsPage');
const ResourcesPage = lazyPage(() => import('./community.pages.js'), 'ResourcesPage');

const { q, kind, municipality, community, need, opinionLeaders, page } = ZHolderListQuerySchema.shape;
const holderSearch = contractSearch({ q, kind, municipality, community, need, opinionLeaders, page });
type HolderSearch = ReturnType<typeof holderSearch> & { view?: 'map' };
const needSearch = contractSearch(ZNeedListQuerySchema.shape);
const resourceSearch = contractSearch(ZResourceListQuerySchema.shape);

/**
 * The registry of community holders, the map and the information needs, the engagement timeline
 * and the complementary-resources ledger (issue 19, items 1–4). Every practitioner reads the
 * registry (a directory of who to call); community workers change it (`canEdit` on each holder).
 */
export const communityModule = {
  id: 'community',
  routes: ({ appLayout }) => {
    const holdersRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/community',
      validateSearch: (search: Record<string, unknown>): HolderSearch => ({
        ...holderSearch(search),
        // The list is the default (and the accessible view); the map is asked for.
        view: search.view === 'map' ? 'map' : undefined,
      }),
      beforeLoad: ({ context }) => requireAny(context.session, 'community.read'),
      component: routeWith([HoldersPage], function HoldersRoute() {
        const { view, ...filters } = holdersRoute.useSearch();
        const navigate = holdersRoute.useNavigate();
        return (
          <HoldersPage
            filters={filters}
            view={view ?? 'list'}
            onChange={(next, nextView) =>
              navigate({
                search: {
                  ...next,
                  page: next.page && next.page > 1 ? next.page : undefined,
                  view: nextView === 'map' ? 'map' : undefined,
                },
              })
            }
          />
        );
      }),
    });
    const holderCreateRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/community/holders/new',
      beforeLoad: ({ context }) => requireAny(context.session, 'community.manage'),
      component: HolderCreatePage,
    });
    const holderRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/community/holders/$holderId',
      beforeLoad: ({ context }) => requireAny(context.session, 'community.read'),
      component: routeWith([HolderDetailPage], function HolderRoute() {
        const { holderId } = holderRoute.useParams();
        return <HolderDetailPage key={holderId} holderId={holderId} />;
      }),
    });
    const needsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/community/needs',
      validateSearch: needSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'community.read'),
      component: routeWith([NeedsPage], function NeedsRoute() {
        const filters = needsRoute.useSearch();
        const navigate = needsRoute.useNavigate();
        return <NeedsPage filters={filters} onChange={(next) => navigate({ search: next })} />;
      }),
    });
    const resourcesRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/community/resources',
      validateSearch: resourceSearch,
      // The ledger is the engagement service's own book-keeping, not the directory's.
      beforeLoad: ({ context }) => requireAny(context.session, 'community.manage'),
      component: routeWith([ResourcesPage], function ResourcesRoute() {
        const filters = resourcesRoute.useSearch();
        const navigate = resourcesRoute.useNavigate();
        return <ResourcesPage filters={filters} onChange={(next) => navigate({ search: next })} />;
      }),
    });
    return [holdersRoute, holderCreateRoute, holderRoute, needsRoute, resourcesRoute] as const;
  },
  nav: [
    {
      to: '/community',
      labelKey: 'community.nav.registry',
      anyOf: ['community.read'],
      exact: true,
      order: 118,
    },
    { to: '/community/needs', labelKey: 'community.nav.needs', anyOf: ['community.read'], order: 118.2 },
    {
      to: '/community/resources',
      labelKey: 'community.nav.resources',
      anyOf: ['community.manage'],
      order: 118.4,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
