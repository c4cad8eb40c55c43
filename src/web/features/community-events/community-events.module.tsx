import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import {
  ZDashboardQuerySchema,
  ZEventListQuerySchema,
  ZTicketLookupQuerySchema,
} from '../../../contracts/community.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const EventsPage = lazyPage(() => import('./community-events.pages.js'), 'EventsPage');
const EventCreatePage = lazyPage(() => import('./community-events.pages.js'), 'EventCreatePage');
const EventEditPage = lazyPage(() => import('./community-events.pages.js'), 'EventEditPage');
const EventPage = lazyPage(() => import('./community-events.pages.js'), 'EventPage');
const SessionPage = lazyPage(() => import('./community-events.pages.js'), 'SessionPage');
const TicketPage = lazyPage(() => import('./community-events.pages.js'), 'TicketPage');
const DashboardPage = lazyPage(() => import('./community-events.pages.js'), 'CommunityDashboardPage');

const list = ZEventListQuerySchema.shape;
/** The calendar's filters and view as the address keeps them (a month is YYYY-MM). */
const eventsSearch = contractSearch({
  view: z.enum(['calendar', 'list']),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  kind: list.kind,
  municipality: list.municipality,
  page: list.page,
});
const ticketSearch = contractSearch({ code: ZTicketLookupQuerySchema.shape.code });
const dashboardSearch = contractSearch(ZDashboardQuerySchema.shape);

/** Awareness meetings, workshops and citizenship labs: calendar, registration, check-in, dashboard (issue 19, items 5–7). */
export const communityEventsModule = {
  id: 'community-events',
  routes: ({ appLayout }) => {
    const eventsRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/community/events',
      validateSearch: eventsSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'community.read'),
      component: routeWith([EventsPage], function EventsRoute() {
        return <EventsPage {...eventsRoute.useSearch()} />;
      }),
    });
    const eventCreateRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/community/events/new',
      beforeLoad: ({ context }) => requireAny(context.session, 'community.manage'),
      component: EventCreatePage,
    });
    const eventRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/community/events/$eventId',
      beforeLoad: ({ context }) => requireAny(context.session, 'community.read'),
      component: routeWith([EventPage], function EventRoute() {
        const { eventId } = eventRoute.useParams();
        return <EventPage key={eventId} eventId={eventId} />;
      }),
    });
    const eventEditRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/community/events/$eventId/edit',
      beforeLoad: ({ context }) => requireAny(context.session, 'community.manage'),
      component: routeWith([EventEditPage], function EventEditRoute() {
        const { eventId } = eventEditRoute.useParams();
        return <EventEditPage key={eventId} eventId={eventId} />;
      }),
    });
    const sessionRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/community/sessions/$sessionId',
      beforeLoad: ({ context }) => requireAny(context.session, 'community.manage'),
      component: routeWith([SessionPage], function SessionRoute() {
        const { sessionId } = sessionRoute.useParams();
        return <SessionPage key={sessionId} sessionId={sessionId} />;
      }),
    });
    // The address printed on a ticket's QR: the organiser's phone opens it, signed in.
    const ticketRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/community/ticket',
      validateSearch: ticketSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'community.manage'),
      component: routeWith([TicketPage], function TicketRoute() {
        const { code } = ticketRoute.useSearch();
        return <TicketPage key={code ?? ''} code={code ?? null} />;
      }),
    });
    const dashboardRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/community/dashboard',
      validateSearch: dashboardSearch,
      beforeLoad: ({ context }) => requireAny(context.session, 'community.dashboard'),
      component: routeWith([DashboardPage], function CommunityDashboardRoute() {
        const { from, to } = dashboardRoute.useSearch();
        return <DashboardPage from={from} to={to} />;
      }),
    });
    return [
      eventsRoute,
      eventCreateRoute,
      eventRoute,
      eventEditRoute,
      sessionRoute,
      ticketRoute,
      dashboardRoute,
    ] as const;
  },
  nav: [
    {
      to: '/community/events',
      labelKey: 'communityEvents.nav.events',
      anyOf: ['community.read'],
      order: 118.5,
    },
    {
      to: '/community/dashboard',
      labelKey: 'communityEvents.nav.dashboard',
      anyOf: ['community.dashboard'],
      order: 118.7,
    },
  ],
  i18n: { it, en },
} satisfies FeatureModule;
