import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const MyActionsPage = lazyPage(() => import('./governance-actions.pages.js'), 'MyActionsPage');
const CommitteeActionsPage = lazyPage(() => import('./governance-actions.pages.js'), 'CommitteeActionsPage');
const ActionPage = lazyPage(() => import('./governance-actions.pages.js'), 'ActionPage');

/**
 * Minutes, decisions and actions (issue 21, item 2). The minutes and decisions live on the
 * meeting's page (MeetingRecord, rendered by the committees feature); here the action lists and
 * the action's own page. The committee decides who sees what (the server answers 404 otherwise).
 */
export const governanceActionsModule = {
  id: 'governance-actions',
  routes: ({ appLayout }) => {
    const mineRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/governance/actions',
      beforeLoad: ({ context }) => requireAny(context.session, 'governance.read'),
      component: MyActionsPage,
    });
    const actionRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/governance/actions/$actionId',
      beforeLoad: ({ context }) => requireAny(context.session, 'governance.read'),
      component: routeWith([ActionPage], function ActionRoute() {
        const { actionId } = actionRoute.useParams();
        return <ActionPage key={actionId} actionId={actionId} />;
      }),
    });
    const committeeRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/governance/committees/$committeeId/actions',
      beforeLoad: ({ context }) => requireAny(context.session, 'governance.read'),
      component: routeWith([CommitteeActionsPage], function CommitteeActionsRoute() {
        const { committeeId } = committeeRoute.useParams();
        return <CommitteeActionsPage key={committeeId} committeeId={committeeId} />;
      }),
    });
    return [mineRoute, actionRoute, committeeRoute] as const;
  },
  nav: [
    {
      to: '/governance/actions',
      labelKey: 'governanceActions.nav',
      anyOf: ['governance.read'],
      exact: true,
      order: 121.5,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
