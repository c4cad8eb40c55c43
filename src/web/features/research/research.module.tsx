import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const ResearchExportsPage = lazyPage(() => import('./research.pages.js'), 'ResearchExportsPage');
const ResearchPage = lazyPage(() => import('./research.pages.js'), 'ResearchPage');

/** Pseudonymised research exports, and their review by the audit role. */
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
    return [researchRoute, researchExportsRoute] as const;
  },
  nav: [
    { to: '/research', labelKey: 'nav.research', anyOf: ['research.export'], exact: true, order: 120 },
    { to: '/research/exports', labelKey: 'nav.researchExports', anyOf: ['audit.read'], order: 130 },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
