import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage } from '../../routing/lazy.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const AccountPage = lazyPage(() => import('./account.pages.js'), 'AccountPage');
const ChangePasswordPage = lazyPage(() => import('./account.pages.js'), 'ChangePasswordPage');

/** The signed-in user's own account (reached from the shell's user menu, not the main menu). */
export const accountModule = {
  id: 'account',
  routes: ({ appLayout }) => {
    const accountRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/account',
      component: AccountPage,
    });
    const changePasswordRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/account/password',
      component: ChangePasswordPage,
    });
    return [accountRoute, changePasswordRoute] as const;
  },
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
