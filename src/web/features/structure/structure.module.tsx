import { createRoute, redirect } from '@tanstack/react-router';
import { ZMunicipalityQuerySchema, ZServiceQuerySchema } from '../../../contracts/index.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const DistrictsPanel = lazyPage(() => import('./structure.pages.js'), 'DistrictsPanel');
const MunicipalitiesPanel = lazyPage(() => import('./structure.pages.js'), 'MunicipalitiesPanel');
const OrganisationsPanel = lazyPage(() => import('./structure.pages.js'), 'OrganisationsPanel');
const ServicesPanel = lazyPage(() => import('./structure.pages.js'), 'ServicesPanel');
const StructureLayout = lazyPage(() => import('./structure.pages.js'), 'StructureLayout');

/** The territorial structure: districts, municipalities, organisations, services. */
export const structureModule = {
  id: 'structure',
  routes: ({ appLayout }) => {
    const structureRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/structure',
      beforeLoad: ({ context }) => requireAny(context.session, 'structure.read'),
      component: StructureLayout,
    });
    const structureIndexRoute = createRoute({
      getParentRoute: () => structureRoute,
      path: '/',
      beforeLoad: () => {
        throw redirect({ to: '/structure/districts' });
      },
    });
    const districtsRoute = createRoute({
      getParentRoute: () => structureRoute,
      path: 'districts',
      component: DistrictsPanel,
    });
    const municipalitiesRoute = createRoute({
      getParentRoute: () => structureRoute,
      path: 'municipalities',
      validateSearch: contractSearch({ districtId: ZMunicipalityQuerySchema.shape.districtId }),
      component: routeWith([MunicipalitiesPanel], function MunicipalitiesRoute() {
        const { districtId } = municipalitiesRoute.useSearch();
        const navigate = municipalitiesRoute.useNavigate();
        return (
          <MunicipalitiesPanel
            districtId={districtId}
            onDistrictChange={(id) => navigate({ search: { districtId: id || undefined } })}
          />
        );
      }),
    });
    const organisationsRoute = createRoute({
      getParentRoute: () => structureRoute,
      path: 'organisations',
      component: OrganisationsPanel,
    });
    const servicesRoute = createRoute({
      getParentRoute: () => structureRoute,
      path: 'services',
      validateSearch: contractSearch({ organisationId: ZServiceQuerySchema.shape.organisationId }),
      component: routeWith([ServicesPanel], function ServicesRoute() {
        const { organisationId } = servicesRoute.useSearch();
        const navigate = servicesRoute.useNavigate();
        return (
          <ServicesPanel
            organisationId={organisationId}
            onOrganisationChange={(id) => navigate({ search: { organisationId: id || undefined } })}
          />
        );
      }),
    });
    return [
      structureRoute.addChildren([
        structureIndexRoute,
        districtsRoute,
        municipalitiesRoute,
        organisationsRoute,
        servicesRoute,
      ]),
    ] as const;
  },
  nav: [{ to: '/structure', labelKey: 'nav.structure', anyOf: ['structure.read'], order: 20 }],
  i18n: { it, en },
} satisfies FeatureModule;
