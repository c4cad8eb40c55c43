import { createRoute } from '@tanstack/react-router';
import { ZMonthQuerySchema, ZRequestListQuerySchema } from '../../../contracts/mediation.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch, flag } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const RequestsListPage = lazyPage(() => import('./mediation.pages.js'), 'RequestsListPage');
const RequestCreatePage = lazyPage(() => import('./mediation.pages.js'), 'RequestCreatePage');
const RequestDetailPage = lazyPage(() => import('./mediation.pages.js'), 'RequestDetailPage');
const RegistryPage = lazyPage(() => import('./mediation.pages.js'), 'RegistryPage');
const MediatorCreatePage = lazyPage(() => import('./mediation.pages.js'), 'MediatorCreatePage');
const MediatorPage = lazyPage(() => import('./mediation.pages.js'), 'MediatorPage');
const HoursPage = lazyPage(() => import('./mediation.pages.js'), 'HoursPage');

const { status, page } = ZRequestListQuerySchema.shape;
const requestFilters = contractSearch({ status, page });
type RequestSearch = ReturnType<typeof requestFilters> & { unmatched?: boolean };
const monthSearch = contractSearch(ZMonthQuerySchema.shape);

/**
 * Mediation for requesters and the mediation coordinator (issue 18): the requests and their ranked
 * matches, the registry of mediators, hours and the cooperatives' statements.
 */
export const mediationModule = {
  id: 'mediation',
  routes: ({ appLayout }) => {
    const requestsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/mediation/requests',
      validateSearch: (search: Record<string, unknown>): RequestSearch => ({
        ...requestFilters(search),
        unmatched: flag(search.unmatched),
      }),
      beforeLoad: ({ context }) => requireAny(context.session, 'mediation.request'),
      component: routeWith([RequestsListPage], function RequestsRoute() {
        const search = requestsRoute.useSearch();
        const navigate = requestsRoute.useNavigate();
        return (
          <RequestsListPage
            filters={{ status: search.status, unmatched: search.unmatched, page: search.page ?? 1 }}
            onChange={(next) =>
              navigate({
                search: {
                  status: next.status,
                  unmatched: next.unmatched || undefined,
                  page: next.page > 1 ? next.page : undefined,
                },
              })
            }
          />
        );
      }),
    });
    const requestCreateRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/mediation/requests/new',
      beforeLoad: ({ context }) => requireAny(context.session, 'mediation.request'),
      component: RequestCreatePage,
    });
    const requestRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/mediation/requests/$requestId',
      beforeLoad: ({ context }) => requireAny(context.session, 'mediation.request'),
      component: routeWith([RequestDetailPage], function RequestRoute() {
        const { requestId } = requestRoute.useParams();
        return <RequestDetailPage key={requestId} requestId={requestId} />;
      }),
    });
    const registryRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/mediation/registry',
      beforeLoad: ({ context }) => requireAny(context.session, 'mediation.coordinate'),
      component: RegistryPage,
    });
    const mediatorCreateRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/mediation/registry/new',
      beforeLoad: ({ context }) => requireAny(context.session, 'mediation.coordinate'),
      component: MediatorCreatePage,
    });
    const mediatorRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/mediation/registry/$mediatorId',
      beforeLoad: ({ context }) => requireAny(context.session, 'mediation.coordinate'),
      component: routeWith([MediatorPage], function MediatorRoute() {
        const { mediatorId } = mediatorRoute.useParams();
        return <MediatorPage key={mediatorId} mediatorId={mediatorId} />;
      }),
    });
    const hoursRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/mediation/hours',
      validateSearch: monthSearch,
      // Hours and costs are the coordinators' (the issue's access rule); the API narrows each one's view.
      beforeLoad: ({ context }) => requireAny(context.session, 'mediation.coordinate'),
      component: routeWith([HoursPage], function HoursRoute() {
        const { month } = hoursRoute.useSearch();
        const navigate = hoursRoute.useNavigate();
        return <HoursPage month={month} onMonth={(next) => navigate({ search: { month: next } })} />;
      }),
    });
    return [
      requestsRoute,
      requestCreateRoute,
      requestRoute,
      registryRoute,
      mediatorCreateRoute,
      mediatorRoute,
      hoursRoute,
    ] as const;
  },
  nav: [
    {
      to: '/mediation/requests',
      labelKey: 'mediation.nav.requests',
      anyOf: ['mediation.request'],
      order: 107,
    },
    {
      to: '/mediation/registry',
      labelKey: 'mediation.nav.registry',
      anyOf: ['mediation.coordinate'],
      order: 108,
    },
    // Hours and costs are for coordinators (the API decides which lines each sees); the menu offers it
    // to those who coordinate, the people the report is for.
    { to: '/mediation/hours', labelKey: 'mediation.nav.hours', anyOf: ['mediation.coordinate'], order: 109 },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
