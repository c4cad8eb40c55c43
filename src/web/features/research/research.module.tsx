import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const ResearchExportsPage = lazyPage(() => import('./research.pages.js'), 'ResearchExportsPage');
const ResearchPage = lazyPage(() => import('./research.pages.js'), 'ResearchPage');
const ResearchSessionsPage = lazyPage(() => import('./research.pages.js'), 'ResearchSessionsPage');

/** Pseudonymised research exports, their review by the audit role, and the sessions researchers attend. */
export const researchModule = {
  id: 'research',
  routes: ({ appLayout }) => {
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
    const researchSessionsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/research/sessions',
      beforeLoad: ({ context }) => requireAny(context.session, 'research.sessions'),
      component: ResearchSessionsPage,
    });
    return [researchRoute, researchExportsRoute, researchSessionsRoute] as const;
  },
  nav: [
    { to: '/research', labelKey: 'nav.research', anyOf: ['research.export'], exact: true, order: 120 },
    { to: '/research/sessions', labelKey: 'nav.researchSessions', anyOf: ['research.sessions'], order: 125 },
    { to: '/research/exports', labelKey: 'nav.researchExports', anyOf: ['audit.read'], order: 130 },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
