import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const ImpactPage = lazyPage(() => import('./impact.pages.js'), 'ImpactPage');

/** The project's impact: its indicators' live values against the project's targets (issue 25). */
export const impactModule = {
  id: 'impact',
  routes: ({ appLayout }) => {
    const impactRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/impact',
      beforeLoad: ({ context }) => requireAny(context.session, 'impact.read'),
      component: ImpactPage,
    });
    return [impactRoute] as const;
  },
  nav: [{ to: '/impact', labelKey: 'impact.nav', anyOf: ['impact.read'], order: 133.5 }],
  i18n: { it, en },
} satisfies FeatureModule;
