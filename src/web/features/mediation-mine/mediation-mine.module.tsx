import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const MyJobsPage = lazyPage(() => import('./mediation-mine.pages.js'), 'MyJobsPage');

/**
 * A mediator's own work (issue 18, item 4), on a phone first: offers and assignments with only what
 * is needed to go there, answers, hours, absences and a calendar feed. Home's notices lead here.
 */
export const mediationMineModule = {
  id: 'mediation-mine',
  routes: ({ appLayout }) => {
    const mineRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/mediation/mine',
      beforeLoad: ({ context }) => requireAny(context.session, 'mediation.work'),
      component: MyJobsPage,
    });
    return [mineRoute] as const;
  },
  nav: [{ to: '/mediation/mine', labelKey: 'mediationMine.nav', anyOf: ['mediation.work'], order: 117 }],
  i18n: { it, en },
} satisfies FeatureModule;
