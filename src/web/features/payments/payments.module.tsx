import { createRoute } from '@tanstack/react-router';
import { ZLedgerQuerySchema, ZRentRequestListQuerySchema } from '../../../contracts/housing.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const RequestsPage = lazyPage(() => import('./payments.pages.js'), 'RequestsPage');
const RequestDetailPage = lazyPage(() => import('./payments.pages.js'), 'RequestDetailPage');
const BudgetsPage = lazyPage(() => import('./payments.pages.js'), 'BudgetsPage');
const LedgerPage = lazyPage(() => import('./payments.pages.js'), 'LedgerPage');

const requestSearch = contractSearch({ status: ZRentRequestListQuerySchema.shape.status });
const { year, budgetId, householdCode } = ZLedgerQuerySchema.shape;
const ledgerSearch = contractSearch({ year, budgetId, householdCode });

/** Rent support: budgets, requests approved by a second person, payment orders, the ledger and its export (issue 20, item 5). */
export const paymentsModule = {
  id: 'payments',
  routes: ({ appLayout }) => {
    const requestsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/payments',
      validateSearch: requestSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'payments.request', 'payments.read'),
      component: routeWith([RequestsPage], function PaymentRequestsRoute() {
        const search = requestsRoute.useSearch();
        const navigate = requestsRoute.useNavigate();
        return (
          <RequestsPage
            filters={{ status: search.status }}
            onChange={(next) => navigate({ search: { status: next.status } })}
          />
        );
      }),
    });
    const requestRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/payments/requests/$requestId',
      beforeLoad: ({ context }) => requireAny(context.session, 'payments.request'),
      component: routeWith([RequestDetailPage], function PaymentRequestRoute() {
        const { requestId } = requestRoute.useParams();
        return <RequestDetailPage key={requestId} requestId={requestId} />;
      }),
    });
    const budgetsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/payments/budgets',
      beforeLoad: ({ context }) => requireAny(context.session, 'payments.request'),
      component: BudgetsPage,
    });
    const ledgerRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/payments/ledger',
      validateSearch: ledgerSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'payments.read'),
      component: routeWith([LedgerPage], function PaymentLedgerRoute() {
        const search = ledgerRoute.useSearch();
        const navigate = ledgerRoute.useNavigate();
        return (
          <LedgerPage
            filters={{ year: search.year, budgetId: search.budgetId, householdCode: search.householdCode }}
            onChange={(next) => navigate({ search: next })}
          />
        );
      }),
    });
    return [requestsRoute, requestRoute, budgetsRoute, ledgerRoute] as const;
  },
  // One entry: the budgets and the ledger are reached from the requests' page.
  nav: [
    {
      to: '/payments',
      labelKey: 'payments.nav.requests',
      anyOf: ['payments.request', 'payments.read'],
      order: 119.7,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
