/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { CheckinPage } from './CheckinPage.js';
export { PersonalPage } from './PersonalPage.js';
export { SessionAttendancePage } from './SessionAttendancePage.js';
export { VerificationPage } from './VerificationPage.js';
