import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const ImpactPage = lazyPage(() => import('./impact.pages.js'), 'ImpactPage');
const PeriodsPage = lazyPage(() => import('./impact.pages.js'), 'PeriodsPage');
// Its own chunk: the public page must not load the signed-in pages.
const ReportVerificationPage = lazyPage(() => import('./impact-verify.pages.js'), 'ReportVerificationPage');

/**
 * The project's impact: its indicators' live values against the project's targets (issue 25), and
 * its reporting periods with their locks and signed reports, reached from the impact page (one
 * menu entry for both); and the public page where anyone checks a report's file, with no account.
 */
export const impactModule = {
  id: 'impact',
  routes: ({ appLayout, publicLayout }) => {
    const impactRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/impact',
      beforeLoad: ({ context }) => requireAny(context.session, 'impact.read'),
      component: ImpactPage,
    });
    const periodsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/impact/periodi',
      beforeLoad: ({ context }) => requireAny(context.session, 'impact.read'),
      component: PeriodsPage,
    });
    const reportVerificationRoute = createRoute({
      getParentRoute: () => publicLayout,
      path: '/verifica-rapporto',
      component: ReportVerificationPage,
    });
    return [impactRoute, periodsRoute, reportVerificationRoute] as const;
  },
  nav: [{ to: '/impact', labelKey: 'impact.nav', anyOf: ['impact.read'], order: 133.5 }],
  i18n: { it, en },
} satisfies FeatureModule;
