import { createRoute } from '@tanstack/react-router';
import { ZStatisticsQuerySchema } from '../../../contracts/index.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const ObservatoryPage = lazyPage(() => import('./observatory.pages.js'), 'ObservatoryPage');
const TrainingPage = lazyPage(() => import('./observatory.pages.js'), 'TrainingPage');

/** A year in the URL is user input: only a year the statistics API takes is kept. */
const yearSearch = contractSearch({ year: ZStatisticsQuerySchema.shape.year });

/** The observatory's published statistics and the training view. */
export const observatoryModule = {
  id: 'observatory',
  routes: ({ appLayout }) => {
    const observatoryRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/observatory',
      beforeLoad: ({ context }) => requireAny(context.session, 'observatory.read'),
      validateSearch: yearSearch,
      component: routeWith([ObservatoryPage], function ObservatoryRoute() {
        const { year } = observatoryRoute.useSearch();
        const navigate = observatoryRoute.useNavigate();
        return <ObservatoryPage year={year} onYearChange={(next) => navigate({ search: { year: next } })} />;
      }),
    });
    const trainingRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/observatory/training',
      beforeLoad: ({ context }) => requireAny(context.session, 'observatory.read'),
      validateSearch: yearSearch,
      component: routeWith([TrainingPage], function TrainingRoute() {
        const { year } = trainingRoute.useSearch();
        return <TrainingPage year={year} />;
      }),
    });
    return [observatoryRoute, trainingRoute] as const;
  },
  nav: [
    { to: '/observatory', labelKey: 'nav.observatory', anyOf: ['observatory.read'], exact: true, order: 60 },
    { to: '/observatory/training', labelKey: 'nav.training', anyOf: ['observatory.read'], order: 70 },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
