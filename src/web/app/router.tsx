import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { CORE_TYPES, type TCoreType } from '../../contracts/index.js';
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
import { NotFoundPage } from '../features/errors/NotFoundPage.js';
import { HomePage } from '../features/home/HomePage.js';
import { ImportPage } from '../features/incidents/ImportPage.js';
import { IncidentCreatePage, IncidentEditPage } from '../features/incidents/IncidentFormPage.js';
import { IncidentsListPage, type SavedNotice } from '../features/incidents/IncidentsListPage.js';
import { ObservatoryPage } from '../features/observatory/ObservatoryPage.js';
import { TrainingPage } from '../features/observatory/TrainingPage.js';
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
    apiDocsRoute,
    incidentsRoute,
    incidentCreateRoute,
    incidentImportRoute,
    incidentEditRoute,
    observatoryRoute,
    trainingRoute,
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
