/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { CommunityDashboardPage } from './CommunityDashboardPage.js';
export { EventCreatePage, EventEditPage } from './EventEditPages.js';
export { EventPage } from './EventPage.js';
export { EventsPage } from './EventsPage.js';
export { SessionPage } from './SessionPage.js';
export { TicketPage } from './TicketPage.js';
