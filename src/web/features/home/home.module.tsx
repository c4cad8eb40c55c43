import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage } from '../../routing/lazy.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const HomePage = lazyPage(() => import('./home.pages.js'), 'HomePage');

/** The signed-in home page, for everyone. */
export const homeModule = {
  id: 'home',
  routes: ({ appLayout }) => {
    const homeRoute = createRoute({ getParentRoute: () => appLayout, path: '/', component: HomePage });
    return [homeRoute] as const;
  },
  nav: [{ to: '/', labelKey: 'nav.home', anyOf: null, exact: true, order: 10 }],
  i18n: { it, en },
} satisfies FeatureModule;
