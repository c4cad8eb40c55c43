import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const RoleGrantsPage = lazyPage(() => import('./role-grants.pages.js'), 'RoleGrantsPage');

/** Role requests awaiting a decision. */
export const roleGrantsModule = {
  id: 'role-grants',
  routes: ({ appLayout }) => {
    const roleGrantsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/role-grants',
      beforeLoad: ({ context }) => requireAny(context.session, 'roles.approve'),
      component: RoleGrantsPage,
    });
    return [roleGrantsRoute] as const;
  },
  nav: [{ to: '/role-grants', labelKey: 'nav.roleGrants', anyOf: ['roles.approve'], order: 40 }],
  i18n: { it, en },
} satisfies FeatureModule;
