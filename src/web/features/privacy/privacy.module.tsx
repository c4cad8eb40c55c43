import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const PrivacyPage = lazyPage(() => import('./privacy.pages.js'), 'PrivacyPage');

/** Privacy operations (issue 23): retention periods, legal holds and retention runs, for the DPO. */
export const privacyModule = {
  id: 'privacy',
  routes: ({ appLayout }) => {
    const privacyRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/privacy',
      beforeLoad: ({ context }) => requireAny(context.session, 'privacy.manage', 'privacy.retention.read'),
      component: PrivacyPage,
    });
    return [privacyRoute] as const;
  },
  nav: [
    {
      to: '/privacy',
      labelKey: 'nav.privacy',
      anyOf: ['privacy.manage', 'privacy.retention.read'],
      order: 148,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
