import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const UnitsPage = lazyPage(() => import('./housing.pages.js'), 'UnitsPage');
const UnitPage = lazyPage(() => import('./housing.pages.js'), 'UnitPage');
const AddressRequestsPage = lazyPage(() => import('./housing.pages.js'), 'AddressRequestsPage');
const AskAddressPage = lazyPage(() => import('./housing.pages.js'), 'AskAddressPage');

/** Protected apartments: units, stays, the address revealed after a step-up and requests to see it (issue 20, item 4). */
export const housingModule = {
  id: 'housing',
  routes: ({ appLayout }) => {
    const unitsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/housing',
      beforeLoad: ({ context }) => requireAny(context.session, 'housing.read'),
      component: UnitsPage,
    });
    const unitRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/housing/units/$unitId',
      beforeLoad: ({ context }) => requireAny(context.session, 'housing.read'),
      component: routeWith([UnitPage], function UnitRoute() {
        const { unitId } = unitRoute.useParams();
        return <UnitPage key={unitId} unitId={unitId} />;
      }),
    });
    const askRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/housing/units/$unitId/ask',
      beforeLoad: ({ context }) => requireAny(context.session, 'housing.address'),
      component: routeWith([AskAddressPage], function AskRoute() {
        const { unitId } = askRoute.useParams();
        return <AskAddressPage key={unitId} unitId={unitId} />;
      }),
    });
    const requestsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/housing/address-requests',
      beforeLoad: ({ context }) => requireAny(context.session, 'housing.address'),
      component: AddressRequestsPage,
    });
    return [unitsRoute, unitRoute, askRoute, requestsRoute] as const;
  },
  nav: [
    { to: '/housing', labelKey: 'housing.nav.units', anyOf: ['housing.read'], exact: true, order: 119.5 },
    {
      to: '/housing/address-requests',
      labelKey: 'housing.nav.requests',
      anyOf: ['housing.address'],
      order: 119.55,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
