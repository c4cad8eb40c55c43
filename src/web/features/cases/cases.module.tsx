import { createRoute } from '@tanstack/react-router';
import { ZCaseListQuerySchema } from '../../../contracts/index.js';
import { ZDeadlineListQuerySchema, ZOwnCaseCreateSchema } from '../../../contracts/tutela.js';
import { mergeCatalogues } from '../../i18n/merge.js';
import { CASE_RECORD } from '../../routing/case-record.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch, flag } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import { CASE_TABS, type CaseTab } from './case-tabs.js';
import carePlanEn from './i18n/care-plan.en.json';
import carePlanIt from './i18n/care-plan.it.json';
import courtEn from './i18n/court.en.json';
import courtIt from './i18n/court.it.json';
import documentsEn from './i18n/documents.en.json';
import documentsIt from './i18n/documents.it.json';
import en from './i18n/en.json';
import familyEn from './i18n/family.en.json';
import familyIt from './i18n/family.it.json';
import it from './i18n/it.json';
import servicesEn from './i18n/services.en.json';
import servicesIt from './i18n/services.it.json';
import transfersEn from './i18n/transfers.en.json';
import transfersIt from './i18n/transfers.it.json';

const CaseDetailPage = lazyPage(() => import('./cases.pages.js'), 'CaseDetailPage');
const CasesListPage = lazyPage(() => import('./cases.pages.js'), 'CasesListPage');
const MySessionsPage = lazyPage(() => import('./cases.pages.js'), 'MySessionsPage');
const SessionDetailPage = lazyPage(() => import('./cases.pages.js'), 'SessionDetailPage');
const CaseCreatePage = lazyPage(() => import('./cases.pages.js'), 'CaseCreatePage');
const CourtDeadlinesPage = lazyPage(() => import('./cases.pages.js'), 'CourtDeadlinesPage');
const TransfersPage = lazyPage(() => import('./cases.pages.js'), 'TransfersPage');
const PendingCourtReportsPage = lazyPage(() => import('./cases.pages.js'), 'PendingCourtReportsPage');
const HandoverInboxPage = lazyPage(() => import('./cases.pages.js'), 'HandoverInboxPage');
/** A case opened by the mandated service starts from a household's page, which names it. */
const newCaseSearch = contractSearch({ householdId: ZOwnCaseCreateSchema.shape.householdId });
const deadlineSearch = contractSearch({ scope: ZDeadlineListQuerySchema.shape.scope });

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
    const caseCreateRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/cases/new',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'cases.write'),
      validateSearch: newCaseSearch,
      component: routeWith([CaseCreatePage], function CaseCreateRoute() {
        const { householdId } = caseCreateRoute.useSearch();
        return <CaseCreatePage key={householdId} householdId={householdId} />;
      }),
    });
    const courtDeadlinesRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/court-deadlines',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'cases.read'),
      validateSearch: deadlineSearch,
      component: routeWith([CourtDeadlinesPage], function CourtDeadlinesRoute() {
        const { scope } = courtDeadlinesRoute.useSearch();
        return <CourtDeadlinesPage scope={scope} />;
      }),
    });
    // Transfers between Ambiti: the receiving service answers here (it reads requests, never cases, until it accepts).
    const transfersRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/transfers',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'cases.read'),
      component: TransfersPage,
    });
    const handoversRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/handovers',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'cases.write'),
      component: HandoverInboxPage,
    });
    const pendingReportsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/court-reports/pending',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'cases.supervise'),
      component: PendingCourtReportsPage,
    });
    return [
      casesRoute,
      caseDetailRoute,
      sessionDetailRoute,
      mySessionsRoute,
      caseCreateRoute,
      courtDeadlinesRoute,
      transfersRoute,
      handoversRoute,
      pendingReportsRoute,
    ] as const;
  },
  nav: [
    { to: '/cases', labelKey: 'nav.cases', anyOf: ['cases.read'], order: 100 },
    { to: '/my-sessions', labelKey: 'nav.mySessions', anyOf: ['sessions.attend'], order: 110 },
    {
      to: '/court-deadlines',
      labelKey: 'court.nav.deadlines',
      anyOf: ['cases.write', 'cases.supervise'],
      order: 105,
    },
    { to: '/transfers', labelKey: 'transfers.nav', anyOf: ['cases.write'], order: 106 },
  ],
  // The court's messages have their own files (court.*.json), merged here; a key defined twice throws.
  // So do the family network's and the placements' (family.*.json), and the transfers' (transfers.*.json).
  i18n: {
    it: mergeCatalogues([it, courtIt, familyIt, transfersIt, carePlanIt, servicesIt, documentsIt]),
    en: mergeCatalogues([en, courtEn, familyEn, transfersEn, carePlanEn, servicesEn, documentsEn]),
  },
} satisfies FeatureModule;
