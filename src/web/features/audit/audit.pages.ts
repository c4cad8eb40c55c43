/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { AuditEventsPage } from './AuditEventsPage.js';
export { RecordAccessPage } from './RecordAccessPage.js';
