import { createRoute } from '@tanstack/react-router';
import { ZOfferListQuerySchema, ZPlanListQuerySchema } from '../../../contracts/autonomy.js';
import { CASE_RECORD } from '../../routing/case-record.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch, flag } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import catalogueEn from './i18n/catalogue.en.json';
import catalogueIt from './i18n/catalogue.it.json';
import en from './i18n/en.json';
import it from './i18n/it.json';
import jobsEn from './i18n/jobs.en.json';
import jobsIt from './i18n/jobs.it.json';

const PlansListPage = lazyPage(() => import('./autonomy.pages.js'), 'PlansListPage');
const PlanCreatePage = lazyPage(() => import('./autonomy.pages.js'), 'PlanCreatePage');
const PlanPage = lazyPage(() => import('./autonomy.pages.js'), 'PlanPage');
const OffersPage = lazyPage(() => import('./autonomy.pages.js'), 'OffersPage');
const EnterprisesPage = lazyPage(() => import('./autonomy.pages.js'), 'EnterprisesPage');
const offerSearch = contractSearch(ZOfferListQuerySchema.shape);

/** The list's filters are the API's own (`ZPlanListQuerySchema`); `mine` and `reviewDue` are flags in the URL. */
const planFilters = contractSearch({ status: ZPlanListQuerySchema.shape.status });
type PlanSearch = ReturnType<typeof planFilters> & { mine?: true; reviewDue?: true };

/** Autonomy plans: the list, a plan with its goals, steps, meetings, enrolments, skills balance and job placements (issue 20, items 2–3). */
export const autonomyModule = {
  id: 'autonomy',
  routes: ({ appLayout }) => {
    const plansRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/autonomy',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'autonomy.read'),
      validateSearch: (search: Record<string, unknown>): PlanSearch => ({
        ...planFilters(search),
        mine: flag(search.mine),
        reviewDue: flag(search.reviewDue),
      }),
      component: routeWith([PlansListPage], function PlansRoute() {
        const search = plansRoute.useSearch();
        const navigate = plansRoute.useNavigate();
        return (
          <PlansListPage
            key={JSON.stringify(search)}
            filters={search}
            onChange={(next) =>
              navigate({
                search: {
                  status: next.status,
                  mine: next.mine || undefined,
                  reviewDue: next.reviewDue || undefined,
                },
              })
            }
          />
        );
      }),
    });
    const planCreateRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/autonomy/plans/new',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'autonomy.write'),
      component: PlanCreatePage,
    });
    const planRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/autonomy/plans/$planId',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'autonomy.read'),
      component: routeWith([PlanPage], function PlanRoute() {
        const { planId } = planRoute.useParams();
        return <PlanPage key={planId} planId={planId} />;
      }),
    });
    // The partners' offers catalogue and the social enterprises (items 1 and 3): read by whoever
    // follows plans, kept by the autonomy workers (the server says so with `canEdit`, `canCreate`).
    const offersRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/autonomy/offers',
      validateSearch: offerSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'autonomy.read'),
      component: routeWith([OffersPage], function OffersRoute() {
        const filters = offersRoute.useSearch();
        const navigate = offersRoute.useNavigate();
        return <OffersPage filters={filters} onChange={(next) => navigate({ search: next })} />;
      }),
    });
    const enterprisesRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/autonomy/enterprises',
      beforeLoad: ({ context }) => requireAny(context.session, 'autonomy.read'),
      component: EnterprisesPage,
    });
    return [plansRoute, planCreateRoute, planRoute, offersRoute, enterprisesRoute] as const;
  },
  nav: [
    { to: '/autonomy', labelKey: 'autonomy.nav', anyOf: ['autonomy.read'], exact: true, order: 119.1 },
    {
      to: '/autonomy/offers',
      labelKey: 'autonomyCatalogue.nav.offers',
      anyOf: ['autonomy.read'],
      order: 119.2,
    },
    {
      to: '/autonomy/enterprises',
      labelKey: 'autonomyCatalogue.nav.enterprises',
      anyOf: ['autonomy.read'],
      order: 119.3,
    },
  ],
  i18n: {
    it: { ...it, ...jobsIt, ...catalogueIt },
    en: { ...en, ...jobsEn, ...catalogueEn },
  },
} satisfies FeatureModule;
