import { createRoute } from '@tanstack/react-router';
import { ZCaseListQuerySchema } from '../../../contracts/index.js';
import { CASE_RECORD } from '../../routing/case-record.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch, flag } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import { CASE_TABS, type CaseTab } from './case-tabs.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const CaseDetailPage = lazyPage(() => import('./cases.pages.js'), 'CaseDetailPage');
const CasesListPage = lazyPage(() => import('./cases.pages.js'), 'CasesListPage');
const MySessionsPage = lazyPage(() => import('./cases.pages.js'), 'MySessionsPage');
const SessionDetailPage = lazyPage(() => import('./cases.pages.js'), 'SessionDetailPage');

/** The case-list filters are the API's own (`ZCaseListQuerySchema`); `overdue` is a flag in the URL. */
const { status, serviceId, districtId, workerId, q, page } = ZCaseListQuerySchema.shape;
const caseFilters = contractSearch({ status, serviceId, districtId, workerId, q, page });
type CaseSearch = ReturnType<typeof caseFilters> & { overdue?: boolean; cursor?: string };

/** The opaque position a page after the first starts from, kept as the API wrote it if the API would take it. */
function listCursor(value: unknown, page: number | undefined): string | undefined {
  if (typeof value !== 'string' || !page || page < 2) return undefined;
  return ZCaseListQuerySchema.shape.cursor.safeParse(value).success ? value : undefined;
}

/** Cases and their sessions. */
export const casesModule = {
  id: 'cases',
  routes: ({ appLayout }) => {
    const casesRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/cases',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'cases.read'),
      validateSearch: (search: Record<string, unknown>): CaseSearch => {
        const filters = caseFilters(search);
        return {
          ...filters,
          overdue: flag(search.overdue),
          cursor: listCursor(search.cursor, filters.page),
        };
      },
      component: routeWith([CasesListPage], function CasesRoute() {
        const search = casesRoute.useSearch();
        const navigate = casesRoute.useNavigate();
        return (
          <CasesListPage
            filters={{ ...search, page: search.page ?? 1 }}
            onChange={(next) =>
              navigate({
                search: {
                  ...next,
                  page: next.page > 1 ? next.page : undefined,
                  cursor: next.page > 1 ? next.cursor : undefined,
                },
              })
            }
          />
        );
      }),
    });
    const caseDetailRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/cases/$caseId',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'cases.read'),
      validateSearch: (search: Record<string, unknown>): { tab?: CaseTab } => ({
        tab:
          (CASE_TABS as readonly unknown[]).includes(search.tab) && search.tab !== 'overview'
            ? (search.tab as CaseTab)
            : undefined,
      }),
      component: routeWith([CaseDetailPage], function CaseDetailRoute() {
        const { caseId } = caseDetailRoute.useParams();
        const { tab } = caseDetailRoute.useSearch();
        return <CaseDetailPage key={caseId} caseId={caseId} tab={tab ?? 'overview'} />;
      }),
    });
    const sessionDetailRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/sessions/$sessionId',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'cases.read', 'sessions.attend'),
      component: routeWith([SessionDetailPage], function SessionDetailRoute() {
        const { sessionId } = sessionDetailRoute.useParams();
        return <SessionDetailPage key={sessionId} sessionId={sessionId} />;
      }),
    });
    const mySessionsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/my-sessions',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'sessions.attend'),
      component: MySessionsPage,
    });
    return [casesRoute, caseDetailRoute, sessionDetailRoute, mySessionsRoute] as const;
  },
  nav: [
    { to: '/cases', labelKey: 'nav.cases', anyOf: ['cases.read'], order: 100 },
    { to: '/my-sessions', labelKey: 'nav.mySessions', anyOf: ['sessions.attend'], order: 110 },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
