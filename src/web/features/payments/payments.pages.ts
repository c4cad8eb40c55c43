/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */

export { BudgetsPage } from './BudgetsPage.js';
export { LedgerPage } from './LedgerPage.js';
export { RequestDetailPage } from './RequestDetailPage.js';
export { RequestsPage } from './RequestsPage.js';
