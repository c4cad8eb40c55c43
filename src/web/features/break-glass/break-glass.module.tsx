import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const BreakGlassPage = lazyPage(() => import('./break-glass.pages.js'), 'BreakGlassPage');

/** Emergency access (break the glass): requests and their review. */
export const breakGlassModule = {
  id: 'break-glass',
  routes: ({ appLayout }) => {
    const breakGlassRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/break-glass',
      beforeLoad: ({ context }) => requireAny(context.session, 'break-glass.request', 'break-glass.review'),
      component: BreakGlassPage,
    });
    return [breakGlassRoute] as const;
  },
  nav: [
    {
      to: '/break-glass',
      labelKey: 'nav.breakGlass',
      anyOf: ['break-glass.request', 'break-glass.review'],
      order: 150,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
