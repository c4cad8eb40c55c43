import { createRoute } from '@tanstack/react-router';
import { ZGlossaryQuerySchema } from '../../../contracts/mediation-library.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const LibraryPage = lazyPage(() => import('./mediation-library.pages.js'), 'LibraryPage');
const MaterialPage = lazyPage(() => import('./mediation-library.pages.js'), 'MaterialPage');
const GlossaryPage = lazyPage(() => import('./mediation-library.pages.js'), 'GlossaryPage');

const glossarySearch = contractSearch(ZGlossaryQuerySchema.shape);

/**
 * The intercultural communication unit (issue 18, item 7): the library of materials with their
 * versions per language, reviewed before use and downloadable as PDF, and the glossary.
 */
export const mediationLibraryModule = {
  id: 'mediation-library',
  routes: ({ appLayout }) => {
    const libraryRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/mediation/library',
      beforeLoad: ({ context }) => requireAny(context.session, 'mediation.library'),
      component: LibraryPage,
    });
    const materialRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/mediation/library/$materialId',
      beforeLoad: ({ context }) => requireAny(context.session, 'mediation.library'),
      component: routeWith([MaterialPage], function MaterialRoute() {
        const { materialId } = materialRoute.useParams();
        return <MaterialPage key={materialId} materialId={materialId} />;
      }),
    });
    const glossaryRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/mediation/glossary',
      validateSearch: glossarySearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'mediation.library'),
      component: routeWith([GlossaryPage], function GlossaryRoute() {
        const query = glossaryRoute.useSearch();
        const navigate = glossaryRoute.useNavigate();
        return <GlossaryPage query={query} onSearch={(next) => navigate({ search: next })} />;
      }),
    });
    return [libraryRoute, materialRoute, glossaryRoute] as const;
  },
  nav: [
    {
      to: '/mediation/library',
      labelKey: 'mediationLibrary.nav.library',
      anyOf: ['mediation.library'],
      order: 111,
    },
    {
      to: '/mediation/glossary',
      labelKey: 'mediationLibrary.nav.glossary',
      anyOf: ['mediation.library'],
      order: 111.5,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
