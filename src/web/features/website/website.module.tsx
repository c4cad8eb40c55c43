import { createRoute } from '@tanstack/react-router';
import { ZSitePagesQuerySchema, ZSiteVersionsQuerySchema } from '../../../contracts/website.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const SitePagesPage = lazyPage(() => import('./website.pages.js'), 'SitePagesPage');
const SitePagePage = lazyPage(() => import('./website.pages.js'), 'SitePagePage');
const HelpServicesPage = lazyPage(() => import('./website.pages.js'), 'HelpServicesPage');
const PlanPage = lazyPage(() => import('./website.pages.js'), 'PlanPage');
const MediaPage = lazyPage(() => import('./website.pages.js'), 'MediaPage');

const pagesSearch = contractSearch(ZSitePagesQuerySchema.shape);
/** The language whose text is open on a page (Italian when absent). */
const pageSearch = contractSearch(ZSiteVersionsQuerySchema.shape);

/**
 * The public website's editorial workflow (issue 24, item 3), for editors: pages and news in the
 * ten languages, reviewed, scheduled and published, the services of "where to get help" and the
 * communication plan, and the library of images the pages show.
 */
export const websiteModule = {
  id: 'website',
  routes: ({ appLayout }) => {
    const pagesRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/website',
      validateSearch: pagesSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'website.edit'),
      component: routeWith([SitePagesPage], function SitePagesRoute() {
        const { kind } = pagesRoute.useSearch();
        return <SitePagesPage key={kind ?? 'all'} kind={kind} />;
      }),
    });
    const pageRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/website/pages/$id',
      validateSearch: pageSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'website.edit'),
      component: routeWith([SitePagePage], function SitePageRoute() {
        const { id } = pageRoute.useParams();
        const { lang } = pageRoute.useSearch();
        return <SitePagePage key={id} id={id} lang={lang} />;
      }),
    });
    const helpRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/website/help-services',
      beforeLoad: ({ context }) => requireAny(context.session, 'website.edit'),
      component: HelpServicesPage,
    });
    const planRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/website/plan',
      beforeLoad: ({ context }) => requireAny(context.session, 'website.edit'),
      component: PlanPage,
    });
    const mediaRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/website/media',
      beforeLoad: ({ context }) => requireAny(context.session, 'website.edit'),
      component: MediaPage,
    });
    return [pagesRoute, pageRoute, helpRoute, planRoute, mediaRoute] as const;
  },
  nav: [{ to: '/website', labelKey: 'website.nav', anyOf: ['website.edit'], order: 126 }],
  i18n: { it, en },
} satisfies FeatureModule;
