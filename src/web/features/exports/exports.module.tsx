import { createRoute } from '@tanstack/react-router';
import { ZExportRequestSchema } from '../../../contracts/exports.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import { PARAM_SCHEMAS } from './export-kinds.js';
import { EXPORT_PERMISSIONS } from './export-permissions.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const ExportsPage = lazyPage(() => import('./exports.pages.js'), 'ExportsPage');

/** An entry point may preselect a kind and its parameters; the URL is user input, checked here. */
const exportSearch = contractSearch({
  kind: ZExportRequestSchema.shape.kind,
  year: PARAM_SCHEMAS.year,
  status: PARAM_SCHEMAS.status,
});

/** Long exports made in the background: asked for, approved where needed, followed, downloaded once. */
export const exportsModule = {
  id: 'exports',
  routes: ({ appLayout }) => {
    const exportsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/exports',
      beforeLoad: ({ context }) => requireAny(context.session, ...EXPORT_PERMISSIONS),
      validateSearch: exportSearch,
      component: routeWith([ExportsPage], function ExportsRoute() {
        const preset = exportsRoute.useSearch();
        return <ExportsPage preset={preset} />;
      }),
    });
    return [exportsRoute] as const;
  },
  nav: [{ to: '/exports', labelKey: 'nav.exports', anyOf: EXPORT_PERMISSIONS, order: 115 }],
  i18n: { it, en },
} satisfies FeatureModule;
