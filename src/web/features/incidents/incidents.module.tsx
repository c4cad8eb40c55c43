import { createRoute } from '@tanstack/react-router';
import { ZIncidentQuerySchema } from '../../../contracts/index.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import type { SavedNotice } from './IncidentsListPage.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const ImportPage = lazyPage(() => import('./incidents.pages.js'), 'ImportPage');
const IncidentCreatePage = lazyPage(() => import('./incidents.pages.js'), 'IncidentCreatePage');
const IncidentEditPage = lazyPage(() => import('./incidents.pages.js'), 'IncidentEditPage');
const IncidentsListPage = lazyPage(() => import('./incidents.pages.js'), 'IncidentsListPage');

const { status, coreType, page } = ZIncidentQuerySchema.shape;
const incidentFilters = contractSearch({ status, coreType, page });
type IncidentSearch = ReturnType<typeof incidentFilters> & { saved?: SavedNotice };

/** Incident records for the observatory: the list, a form, the spreadsheet import. */
export const incidentsModule = {
  id: 'incidents',
  routes: ({ appLayout }) => {
    const incidentsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/incidents',
      beforeLoad: ({ context }) => requireAny(context.session, 'incidents.record'),
      validateSearch: (search: Record<string, unknown>): IncidentSearch => ({
        ...incidentFilters(search),
        saved:
          search.saved === 'draft' || search.saved === 'recorded' || search.saved === 'deleted'
            ? search.saved
            : undefined,
      }),
      component: routeWith([IncidentsListPage], function IncidentsRoute() {
        const { saved, ...search } = incidentsRoute.useSearch();
        const navigate = incidentsRoute.useNavigate();
        return (
          <IncidentsListPage
            filters={{ ...search, page: search.page ?? 1 }}
            saved={saved}
            onChange={(next) =>
              navigate({
                search: {
                  status: next.status,
                  coreType: next.coreType,
                  page: next.page > 1 ? next.page : undefined,
                },
              })
            }
          />
        );
      }),
    });
    const incidentCreateRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/incidents/new',
      beforeLoad: ({ context }) => requireAny(context.session, 'incidents.record'),
      component: IncidentCreatePage,
    });
    const incidentImportRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/incidents/import',
      beforeLoad: ({ context }) => requireAny(context.session, 'incidents.record'),
      component: ImportPage,
    });
    const incidentEditRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/incidents/$incidentId',
      beforeLoad: ({ context }) => requireAny(context.session, 'incidents.record'),
      component: routeWith([IncidentEditPage], function IncidentEditRoute() {
        const { incidentId } = incidentEditRoute.useParams();
        return <IncidentEditPage key={incidentId} incidentId={incidentId} />;
      }),
    });
    return [incidentsRoute, incidentCreateRoute, incidentImportRoute, incidentEditRoute] as const;
  },
  nav: [{ to: '/incidents', labelKey: 'nav.incidents', anyOf: ['incidents.record'], order: 50 }],
  i18n: { it, en },
} satisfies FeatureModule;
