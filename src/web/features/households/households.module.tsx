import { createRoute } from '@tanstack/react-router';
import { ZHouseholdListQuerySchema } from '../../../contracts/index.js';
import { mergeCatalogues } from '../../i18n/merge.js';
import { CASE_RECORD } from '../../routing/case-record.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import familyEn from './i18n/family.en.json';
import familyIt from './i18n/family.it.json';
import it from './i18n/it.json';
import mergesEn from './i18n/merges.en.json';
import mergesIt from './i18n/merges.it.json';

const HouseholdCreatePage = lazyPage(() => import('./households.pages.js'), 'HouseholdCreatePage');
const HouseholdDetailPage = lazyPage(() => import('./households.pages.js'), 'HouseholdDetailPage');
const DuplicatesPage = lazyPage(() => import('./households.pages.js'), 'DuplicatesPage');
const HouseholdsListPage = lazyPage(() => import('./households.pages.js'), 'HouseholdsListPage');

const householdFilters = contractSearch({
  q: ZHouseholdListQuerySchema.shape.q,
  page: ZHouseholdListQuerySchema.shape.page,
});

/** Households and their members (case management). */
export const householdsModule = {
  id: 'households',
  routes: ({ appLayout }) => {
    const householdsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/households',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'households.read'),
      validateSearch: householdFilters,
      component: routeWith([HouseholdsListPage], function HouseholdsRoute() {
        const { q, page } = householdsRoute.useSearch();
        const navigate = householdsRoute.useNavigate();
        return (
          <HouseholdsListPage
            q={q ?? ''}
            page={page ?? 1}
            onChange={(next) =>
              navigate({ search: { q: next.q || undefined, page: next.page > 1 ? next.page : undefined } })
            }
          />
        );
      }),
    });
    const householdCreateRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/households/new',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'households.write'),
      component: HouseholdCreatePage,
    });
    const duplicatesRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/households/duplicates',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'households.write'),
      component: DuplicatesPage,
    });
    const householdDetailRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/households/$householdId',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'households.read'),
      component: routeWith([HouseholdDetailPage], function HouseholdDetailRoute() {
        const { householdId } = householdDetailRoute.useParams();
        return <HouseholdDetailPage key={householdId} householdId={householdId} />;
      }),
    });
    return [householdsRoute, householdCreateRoute, duplicatesRoute, householdDetailRoute] as const;
  },
  nav: [{ to: '/households', labelKey: 'nav.households', anyOf: ['households.read'], order: 80 }],
  // The family network's messages have their own files (family.*.json); a key defined twice throws.
  i18n: { it: mergeCatalogues([it, familyIt, mergesIt]), en: mergeCatalogues([en, familyEn, mergesEn]) },
} satisfies FeatureModule;
