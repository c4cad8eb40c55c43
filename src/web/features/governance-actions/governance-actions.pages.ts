/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { ActionPage, CommitteeActionsPage, MyActionsPage } from './ActionsPages.js';
