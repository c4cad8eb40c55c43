import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import {
  CASE_STATUSES,
  CORE_TYPES,
  REFERRAL_STATUSES,
  type TCoreType,
  type TReferralStatus,
} from '../../contracts/index.js';
import { ChangePasswordPage } from '../features/account/ChangePasswordPage.js';
import { ApiDocsPage } from '../features/api-docs/ApiDocsPage.js';
import { AuditEventsPage, parseAuditSearch } from '../features/audit/AuditEventsPage.js';
import { RecordAccessPage } from '../features/audit/RecordAccessPage.js';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { MfaEnrolmentPage } from '../features/auth/MfaEnrolmentPage.js';
import { MfaVerifyPage } from '../features/auth/MfaVerifyPage.js';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage.js';
import { BreakGlassPage } from '../features/break-glass/BreakGlassPage.js';
import { CASE_TABS, CaseDetailPage, type CaseTab } from '../features/cases/CaseDetailPage.js';
import { CasesListPage } from '../features/cases/CasesListPage.js';
import { MySessionsPage } from '../features/cases/MySessionsPage.js';
import { SessionDetailPage } from '../features/cases/SessionDetailPage.js';
import { NotFoundPage } from '../features/errors/NotFoundPage.js';
import { HomePage } from '../features/home/HomePage.js';
import { HouseholdCreatePage } from '../features/households/HouseholdCreatePage.js';
import { HouseholdDetailPage } from '../features/households/HouseholdDetailPage.js';
import { HouseholdsListPage } from '../features/households/HouseholdsListPage.js';
import { ImportPage } from '../features/incidents/ImportPage.js';
import { IncidentCreatePage, IncidentEditPage } from '../features/incidents/IncidentFormPage.js';
import { IncidentsListPage, type SavedNotice } from '../features/incidents/IncidentsListPage.js';
import { ObservatoryPage } from '../features/observatory/ObservatoryPage.js';
import { TrainingPage } from '../features/observatory/TrainingPage.js';
import { ReferralCreatePage } from '../features/referrals/ReferralCreatePage.js';
import { ReferralDetailPage } from '../features/referrals/ReferralDetailPage.js';
import { ReferralsListPage } from '../features/referrals/ReferralsListPage.js';
import type { ReferralBox } from '../features/referrals/referrals-api.js';
import { ResearchExportsPage } from '../features/research/ResearchExportsPage.js';
import { ResearchPage } from '../features/research/ResearchPage.js';
import { RoleGrantsPage } from '../features/role-grants/RoleGrantsPage.js';
import { DistrictsPanel } from '../features/structure/DistrictsPanel.js';
import { MunicipalitiesPanel } from '../features/structure/MunicipalitiesPanel.js';
import { OrganisationsPanel } from '../features/structure/OrganisationsPanel.js';
import { ServicesPanel } from '../features/structure/ServicesPanel.js';
import { StructureLayout } from '../features/structure/StructureLayout.js';
import { UserCreatePage } from '../features/users/UserCreatePage.js';
import { UserDetailPage } from '../features/users/UserDetailPage.js';
import { UsersListPage } from '../features/users/UsersListPage.js';
import { requireAny, safeRedirect } from './permissions.js';
import { optionalString, positiveInt } from './search.js';
import { sessionQueryOptions } from './session.js';
import { AppShell } from './shell/AppShell.js';
import { PublicShell } from './shell/PublicShell.js';

/*
 * Code-based routes. Route components stay thin: they read params/search and hand plain props to the
 * feature pages, so features do not depend on the route tree.
 */
const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: () => (
    <PublicShell>
      <NotFoundPage />
    </PublicShell>
  ),
});

// ---- Public pages (no session needed) ----
const publicLayout = createRoute({ getParentRoute: () => rootRoute, id: 'public', component: PublicShell });

const loginRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: safeRedirect(search.redirect),
  }),
  component: function LoginRoute() {
    return <LoginPage redirectTo={loginRoute.useSearch().redirect} />;
  },
});

const mfaRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/login/mfa',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: safeRedirect(search.redirect),
  }),
  component: function MfaRoute() {
    return <MfaVerifyPage redirectTo={mfaRoute.useSearch().redirect} />;
  },
});

const mfaEnrolmentRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/login/mfa-enrolment',
  component: MfaEnrolmentPage,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

/**
 * The reset link carries its token in the fragment (#token=…): a fragment never reaches a server
 * log or a Referer header (ASVS 14.2.1).
 */
function tokenFromFragment() {
  return optionalString(new URLSearchParams(window.location.hash.slice(1)).get('token') ?? undefined);
}

const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: '/reset-password',
  component: function ResetPasswordRoute() {
    return <ResetPasswordPage token={tokenFromFragment()} />;
  },
});

// ---- The signed-in app ----
const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions);
    if (!session) throw redirect({ to: '/login', search: { redirect: location.href } });
    if (session.state === 'mfa_required')
      throw redirect({ to: '/login/mfa', search: { redirect: location.href } });
    if (session.state === 'mfa_enrolment_required') throw redirect({ to: '/login/mfa-enrolment' });
    return { session };
  },
  component: AppShell,
  notFoundComponent: NotFoundPage,
});

const homeRoute = createRoute({ getParentRoute: () => appLayout, path: '/', component: HomePage });

const structureRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/structure',
  beforeLoad: ({ context }) => requireAny(context.session, 'structure.read'),
  component: StructureLayout,
});
const structureIndexRoute = createRoute({
  getParentRoute: () => structureRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/structure/districts' });
  },
});
const districtsRoute = createRoute({
  getParentRoute: () => structureRoute,
  path: 'districts',
  component: DistrictsPanel,
});
const municipalitiesRoute = createRoute({
  getParentRoute: () => structureRoute,
  path: 'municipalities',
  validateSearch: (search: Record<string, unknown>): { districtId?: string } => ({
    districtId: optionalString(search.districtId, 36),
  }),
  component: function MunicipalitiesRoute() {
    const { districtId } = municipalitiesRoute.useSearch();
    const navigate = municipalitiesRoute.useNavigate();
    return (
      <MunicipalitiesPanel
        districtId={districtId}
        onDistrictChange={(id) => navigate({ search: { districtId: id || undefined } })}
      />
    );
  },
});
const organisationsRoute = createRoute({
  getParentRoute: () => structureRoute,
  path: 'organisations',
  component: OrganisationsPanel,
});
const servicesRoute = createRoute({
  getParentRoute: () => structureRoute,
  path: 'services',
  validateSearch: (search: Record<string, unknown>): { organisationId?: string } => ({
    organisationId: optionalString(search.organisationId, 36),
  }),
  component: function ServicesRoute() {
    const { organisationId } = servicesRoute.useSearch();
    const navigate = servicesRoute.useNavigate();
    return (
      <ServicesPanel
        organisationId={organisationId}
        onOrganisationChange={(id) => navigate({ search: { organisationId: id || undefined } })}
      />
    );
  },
});

const usersRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/users',
  beforeLoad: ({ context }) => requireAny(context.session, 'users.read'),
  validateSearch: (search: Record<string, unknown>): { q?: string; page?: number } => ({
    q: optionalString(search.q, 100),
    page: search.page === undefined ? undefined : positiveInt(search.page),
  }),
  component: function UsersRoute() {
    const { q, page } = usersRoute.useSearch();
    const navigate = usersRoute.useNavigate();
    return (
      <UsersListPage
        q={q ?? ''}
        page={page ?? 1}
        onChange={(next) =>
          navigate({ search: { q: next.q || undefined, page: next.page > 1 ? next.page : undefined } })
        }
      />
    );
  },
});
const userCreateRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/users/new',
  beforeLoad: ({ context }) => requireAny(context.session, 'users.write'),
  component: UserCreatePage,
});
const userDetailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/users/$userId',
  beforeLoad: ({ context }) => requireAny(context.session, 'users.read'),
  validateSearch: (search: Record<string, unknown>): { invited?: boolean } => ({
    invited: typeof search.invited === 'boolean' ? search.invited : undefined,
  }),
  component: function UserDetailRoute() {
    const { userId } = userDetailRoute.useParams();
    const { invited } = userDetailRoute.useSearch();
    return <UserDetailPage key={userId} userId={userId} invited={invited} />;
  },
});

const auditRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/audit',
  beforeLoad: ({ context }) => requireAny(context.session, 'audit.read'),
  validateSearch: parseAuditSearch,
  component: function AuditRoute() {
    const search = auditRoute.useSearch();
    const navigate = auditRoute.useNavigate();
    return <AuditEventsPage filters={search} onChange={(next) => navigate({ search: next })} />;
  },
});
const recordAccessRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/audit/record-access',
  beforeLoad: ({ context }) => requireAny(context.session, 'audit.read'),
  validateSearch: (search: Record<string, unknown>): { recordType?: string; recordId?: string } => ({
    recordType: optionalString(search.recordType, 80),
    recordId: optionalString(search.recordId, 80),
  }),
  component: function RecordAccessRoute() {
    const search = recordAccessRoute.useSearch();
    const navigate = recordAccessRoute.useNavigate();
    return <RecordAccessPage {...search} onSearch={(next) => navigate({ search: next })} />;
  },
});

const breakGlassRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/break-glass',
  beforeLoad: ({ context }) => requireAny(context.session, 'break-glass.request', 'break-glass.review'),
  component: BreakGlassPage,
});

const roleGrantsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/role-grants',
  beforeLoad: ({ context }) => requireAny(context.session, 'roles.approve'),
  component: RoleGrantsPage,
});

const apiDocsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/api-docs',
  beforeLoad: ({ context }) => requireAny(context.session, 'api-docs.read'),
  component: ApiDocsPage,
});

const incidentsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/incidents',
  beforeLoad: ({ context }) => requireAny(context.session, 'incidents.record'),
  validateSearch: (
    search: Record<string, unknown>,
  ): { status?: 'draft' | 'recorded'; coreType?: TCoreType; page?: number; saved?: SavedNotice } => ({
    status: search.status === 'draft' || search.status === 'recorded' ? search.status : undefined,
    coreType: (CORE_TYPES as readonly unknown[]).includes(search.coreType)
      ? (search.coreType as TCoreType)
      : undefined,
    page: search.page === undefined ? undefined : positiveInt(search.page),
    saved:
      search.saved === 'draft' || search.saved === 'recorded' || search.saved === 'deleted'
        ? search.saved
        : undefined,
  }),
  component: function IncidentsRoute() {
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
  },
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
  component: function IncidentEditRoute() {
    const { incidentId } = incidentEditRoute.useParams();
    return <IncidentEditPage key={incidentId} incidentId={incidentId} />;
  },
});

/** A year in the URL is user input: only a plausible calendar year is kept. */
function yearSearch(search: Record<string, unknown>): { year?: number } {
  const year = Number(search.year);
  return { year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined };
}

const observatoryRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/observatory',
  beforeLoad: ({ context }) => requireAny(context.session, 'observatory.read'),
  validateSearch: yearSearch,
  component: function ObservatoryRoute() {
    const { year } = observatoryRoute.useSearch();
    const navigate = observatoryRoute.useNavigate();
    return <ObservatoryPage year={year} onYearChange={(next) => navigate({ search: { year: next } })} />;
  },
});
const trainingRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/observatory/training',
  beforeLoad: ({ context }) => requireAny(context.session, 'observatory.read'),
  validateSearch: yearSearch,
  component: function TrainingRoute() {
    const { year } = trainingRoute.useSearch();
    return <TrainingPage year={year} />;
  },
});

// ---- Case management: households, referrals, cases, sessions, research ----
const householdsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/households',
  beforeLoad: ({ context }) => requireAny(context.session, 'households.read'),
  validateSearch: (search: Record<string, unknown>): { q?: string; page?: number } => ({
    q: optionalString(search.q, 40),
    page: search.page === undefined ? undefined : positiveInt(search.page),
  }),
  component: function HouseholdsRoute() {
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
  },
});
const householdCreateRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/households/new',
  beforeLoad: ({ context }) => requireAny(context.session, 'households.write'),
  component: HouseholdCreatePage,
});
const householdDetailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/households/$householdId',
  beforeLoad: ({ context }) => requireAny(context.session, 'households.read'),
  component: function HouseholdDetailRoute() {
    const { householdId } = householdDetailRoute.useParams();
    return <HouseholdDetailPage key={householdId} householdId={householdId} />;
  },
});

/** The box is always in the URL (so the box links know which is current); its default by role. */
const referralsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/referrals',
  validateSearch: (
    search: Record<string, unknown>,
  ): { box?: ReferralBox; status?: TReferralStatus; overdue?: boolean; page?: number } => ({
    box: search.box === 'sent' || search.box === 'received' ? search.box : undefined,
    status: (REFERRAL_STATUSES as readonly unknown[]).includes(search.status)
      ? (search.status as TReferralStatus)
      : undefined,
    overdue: search.overdue === true || search.overdue === 'true' ? true : undefined,
    page: search.page === undefined ? undefined : positiveInt(search.page),
  }),
  beforeLoad: ({ context, search }) => {
    requireAny(context.session, 'referrals.send', 'referrals.answer');
    if (!search.box) {
      const box = context.session.permissions.includes('referrals.answer') ? 'received' : 'sent';
      throw redirect({ to: '/referrals', search: { ...search, box } });
    }
  },
  component: function ReferralsRoute() {
    const search = referralsRoute.useSearch();
    const navigate = referralsRoute.useNavigate();
    return (
      <ReferralsListPage
        filters={{ ...search, box: search.box ?? 'received', page: search.page ?? 1 }}
        onChange={(next) =>
          navigate({
            search: {
              box: next.box,
              status: next.status,
              overdue: next.overdue,
              page: next.page > 1 ? next.page : undefined,
            },
          })
        }
      />
    );
  },
});
const referralCreateRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/referrals/new',
  beforeLoad: ({ context }) => requireAny(context.session, 'referrals.send'),
  validateSearch: (search: Record<string, unknown>): { householdId?: string } => ({
    householdId: optionalString(search.householdId, 36),
  }),
  component: function ReferralCreateRoute() {
    const { householdId } = referralCreateRoute.useSearch();
    return <ReferralCreatePage key={householdId} householdId={householdId} />;
  },
});
const referralDetailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/referrals/$referralId',
  beforeLoad: ({ context }) => requireAny(context.session, 'referrals.send', 'referrals.answer'),
  validateSearch: (search: Record<string, unknown>): { saved?: boolean } => ({
    saved: search.saved === true ? true : undefined,
  }),
  component: function ReferralDetailRoute() {
    const { referralId } = referralDetailRoute.useParams();
    const { saved } = referralDetailRoute.useSearch();
    return <ReferralDetailPage key={referralId} referralId={referralId} saved={saved} />;
  },
});

const casesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/cases',
  beforeLoad: ({ context }) => requireAny(context.session, 'cases.read'),
  validateSearch: (
    search: Record<string, unknown>,
  ): {
    status?: (typeof CASE_STATUSES)[number];
    serviceId?: string;
    districtId?: string;
    workerId?: string;
    overdue?: boolean;
    q?: string;
    page?: number;
  } => ({
    status: (CASE_STATUSES as readonly unknown[]).includes(search.status)
      ? (search.status as (typeof CASE_STATUSES)[number])
      : undefined,
    serviceId: optionalString(search.serviceId, 36),
    districtId: optionalString(search.districtId, 36),
    workerId: optionalString(search.workerId, 36),
    overdue: search.overdue === true || search.overdue === 'true' ? true : undefined,
    q: optionalString(search.q, 40),
    page: search.page === undefined ? undefined : positiveInt(search.page),
  }),
  component: function CasesRoute() {
    const search = casesRoute.useSearch();
    const navigate = casesRoute.useNavigate();
    return (
      <CasesListPage
        filters={{ ...search, page: search.page ?? 1 }}
        onChange={(next) => navigate({ search: { ...next, page: next.page > 1 ? next.page : undefined } })}
      />
    );
  },
});
const caseDetailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/cases/$caseId',
  beforeLoad: ({ context }) => requireAny(context.session, 'cases.read'),
  validateSearch: (search: Record<string, unknown>): { tab?: CaseTab } => ({
    tab:
      (CASE_TABS as readonly unknown[]).includes(search.tab) && search.tab !== 'overview'
        ? (search.tab as CaseTab)
        : undefined,
  }),
  component: function CaseDetailRoute() {
    const { caseId } = caseDetailRoute.useParams();
    const { tab } = caseDetailRoute.useSearch();
    return <CaseDetailPage key={caseId} caseId={caseId} tab={tab ?? 'overview'} />;
  },
});
const sessionDetailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/sessions/$sessionId',
  beforeLoad: ({ context }) => requireAny(context.session, 'cases.read', 'sessions.attend'),
  component: function SessionDetailRoute() {
    const { sessionId } = sessionDetailRoute.useParams();
    return <SessionDetailPage key={sessionId} sessionId={sessionId} />;
  },
});
const mySessionsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/my-sessions',
  beforeLoad: ({ context }) => requireAny(context.session, 'sessions.attend'),
  component: MySessionsPage,
});

const researchRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/research',
  beforeLoad: ({ context }) => requireAny(context.session, 'research.export'),
  component: ResearchPage,
});
const researchExportsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/research/exports',
  beforeLoad: ({ context }) => requireAny(context.session, 'audit.read'),
  component: ResearchExportsPage,
});

const changePasswordRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/account/password',
  component: ChangePasswordPage,
});

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([
    loginRoute,
    mfaRoute,
    mfaEnrolmentRoute,
    forgotPasswordRoute,
    resetPasswordRoute,
  ]),
  appLayout.addChildren([
    homeRoute,
    structureRoute.addChildren([
      structureIndexRoute,
      districtsRoute,
      municipalitiesRoute,
      organisationsRoute,
      servicesRoute,
    ]),
    usersRoute,
    userCreateRoute,
    userDetailRoute,
    auditRoute,
    recordAccessRoute,
    breakGlassRoute,
    roleGrantsRoute,
    apiDocsRoute,
    incidentsRoute,
    incidentCreateRoute,
    incidentImportRoute,
    incidentEditRoute,
    observatoryRoute,
    trainingRoute,
    householdsRoute,
    householdCreateRoute,
    householdDetailRoute,
    referralsRoute,
    referralCreateRoute,
    referralDetailRoute,
    casesRoute,
    caseDetailRoute,
    sessionDetailRoute,
    mySessionsRoute,
    researchRoute,
    researchExportsRoute,
    changePasswordRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
