import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const IdentityProvidersPage = lazyPage(
  () => import('./identity-providers.pages.js'),
  'IdentityProvidersPage',
);

/**
 * Organisations' identity providers for single sign-on: the admin registers and edits them; an
 * admin or a DPO reads them and approves another person's registration or change.
 */
export const identityProvidersModule = {
  id: 'identity-providers',
  routes: ({ appLayout }) => {
    const identityProvidersRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/identity-providers',
      beforeLoad: ({ context }) => requireAny(context.session, 'identity-providers.review'),
      component: IdentityProvidersPage,
    });
    return [identityProvidersRoute] as const;
  },
  nav: [
    {
      to: '/identity-providers',
      labelKey: 'identityProviders.nav',
      anyOf: ['identity-providers.review'],
      order: 35,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
