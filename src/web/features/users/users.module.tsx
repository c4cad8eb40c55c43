import { createRoute } from '@tanstack/react-router';
import { ZUserQuerySchema } from '../../../contracts/index.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const UserCreatePage = lazyPage(() => import('./users.pages.js'), 'UserCreatePage');
const UserDetailPage = lazyPage(() => import('./users.pages.js'), 'UserDetailPage');
const UsersListPage = lazyPage(() => import('./users.pages.js'), 'UsersListPage');

const userFilters = contractSearch({
  q: ZUserQuerySchema.shape.q,
  role: ZUserQuerySchema.shape.role,
  serviceId: ZUserQuerySchema.shape.serviceId,
  page: ZUserQuerySchema.shape.page,
});

/** User accounts: the list, an invitation, a user's page. */
export const usersModule = {
  id: 'users',
  routes: ({ appLayout }) => {
    const usersRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/users',
      beforeLoad: ({ context }) => requireAny(context.session, 'users.read'),
      validateSearch: userFilters,
      component: routeWith([UsersListPage], function UsersRoute() {
        const { q, role, serviceId, page } = usersRoute.useSearch();
        const navigate = usersRoute.useNavigate();
        return (
          <UsersListPage
            filters={{ q: q ?? '', role, serviceId, page: page ?? 1 }}
            onChange={(next) =>
              navigate({
                search: {
                  q: next.q || undefined,
                  role: next.role,
                  serviceId: next.serviceId,
                  page: next.page > 1 ? next.page : undefined,
                },
              })
            }
          />
        );
      }),
    });
    const userCreateRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/users/new',
      beforeLoad: ({ context }) => requireAny(context.session, 'users.write'),
      component: UserCreatePage,
    });
    const userDetailRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/users/$userId',
      beforeLoad: ({ context }) => requireAny(context.session, 'users.read'),
      validateSearch: (search: Record<string, unknown>): { invited?: boolean } => ({
        invited: typeof search.invited === 'boolean' ? search.invited : undefined,
      }),
      component: routeWith([UserDetailPage], function UserDetailRoute() {
        const { userId } = userDetailRoute.useParams();
        const { invited } = userDetailRoute.useSearch();
        return <UserDetailPage key={userId} userId={userId} invited={invited} />;
      }),
    });
    return [usersRoute, userCreateRoute, userDetailRoute] as const;
  },
  nav: [{ to: '/users', labelKey: 'nav.users', anyOf: ['users.read'], order: 30 }],
  i18n: { it, en },
} satisfies FeatureModule;
