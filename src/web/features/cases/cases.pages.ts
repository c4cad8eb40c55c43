/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { CaseCreatePage } from './CaseCreatePage.js';
export { CaseDetailPage } from './CaseDetailPage.js';
export { CasesListPage } from './CasesListPage.js';
export { CourtDeadlinesPage } from './CourtDeadlinesPage.js';
export { HandoverInboxPage } from './HandoverInboxPage.js';
export { MySessionsPage } from './MySessionsPage.js';
export { PendingCourtReportsPage } from './PendingCourtReportsPage.js';
export { SessionDetailPage } from './SessionDetailPage.js';
export { TransfersPage } from './TransfersPage.js';
