/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */

export { CommitteePage } from './CommitteePage.js';
export { CommitteesPage } from './CommitteesPage.js';
export { MeetingPage } from './MeetingPage.js';
