import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const ApiDocsPage = lazyPage(() => import('./api-docs.pages.js'), 'ApiDocsPage');

/** The API reference (OpenAPI). */
export const apiDocsModule = {
  id: 'api-docs',
  routes: ({ appLayout }) => {
    const apiDocsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/api-docs',
      beforeLoad: ({ context }) => requireAny(context.session, 'api-docs.read'),
      component: ApiDocsPage,
    });
    return [apiDocsRoute] as const;
  },
  nav: [{ to: '/api-docs', labelKey: 'nav.apiDocs', anyOf: ['api-docs.read'], order: 160 }],
  i18n: { it, en },
} satisfies FeatureModule;
