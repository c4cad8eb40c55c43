import { createRoute } from '@tanstack/react-router';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const CommitteesPage = lazyPage(() => import('./committees.pages.js'), 'CommitteesPage');
const CommitteePage = lazyPage(() => import('./committees.pages.js'), 'CommitteePage');
const MeetingPage = lazyPage(() => import('./committees.pages.js'), 'MeetingPage');

/**
 * Committees and meetings (issue 21, item 1): the committees the user sits on (coordinators: all),
 * members, meetings with agenda, documents, attendance and quorum, ICS invitations. RLS decides
 * what each page shows; the pages show the buttons of the user's part in the committee.
 */
export const committeesModule = {
  id: 'committees',
  routes: ({ appLayout }) => {
    const listRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/governance/committees',
      beforeLoad: ({ context }) => requireAny(context.session, 'governance.read'),
      component: CommitteesPage,
    });
    const committeeRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/governance/committees/$id',
      beforeLoad: ({ context }) => requireAny(context.session, 'governance.read'),
      component: routeWith([CommitteePage], function CommitteeRoute() {
        const { id } = committeeRoute.useParams();
        return <CommitteePage key={id} id={id} />;
      }),
    });
    const meetingRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/governance/meetings/$id',
      beforeLoad: ({ context }) => requireAny(context.session, 'governance.read'),
      component: routeWith([MeetingPage], function MeetingRoute() {
        const { id } = meetingRoute.useParams();
        return <MeetingPage key={id} id={id} />;
      }),
    });
    return [listRoute, committeeRoute, meetingRoute] as const;
  },
  nav: [
    {
      to: '/governance/committees',
      labelKey: 'committees.nav.committees',
      anyOf: ['governance.read'],
      order: 121.4,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
