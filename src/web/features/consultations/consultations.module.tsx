import { createRoute } from '@tanstack/react-router';
import { CASE_RECORD } from '../../routing/case-record.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const ConsultationsListPage = lazyPage(() => import('./consultations.pages.js'), 'ConsultationsListPage');
const ConsultationDetailPage = lazyPage(() => import('./consultations.pages.js'), 'ConsultationDetailPage');

/**
 * Ethnoclinical consultations (issue 22, item 5): a first-line service asks the ethnoclinical team
 * for a consultation without handing the family over; the team's list and the requester's.
 */
export const consultationsModule = {
  id: 'consultations',
  routes: ({ appLayout }) => {
    const consultationsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/consultations',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'cases.read'),
      component: routeWith([ConsultationsListPage], function ConsultationsRoute() {
        return <ConsultationsListPage />;
      }),
    });
    const consultationDetailRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/consultations/$consultationId',
      staticData: CASE_RECORD,
      beforeLoad: ({ context }) => requireAny(context.session, 'cases.read'),
      component: routeWith([ConsultationDetailPage], function ConsultationDetailRoute() {
        const { consultationId } = consultationDetailRoute.useParams();
        return <ConsultationDetailPage key={consultationId} consultationId={consultationId} />;
      }),
    });
    return [consultationsRoute, consultationDetailRoute] as const;
  },
  nav: [{ to: '/consultations', labelKey: 'consultations.nav', anyOf: ['cases.read'], order: 101 }],
  i18n: { it, en },
} satisfies FeatureModule;
