/**
 * The public page that checks a report's file, a chunk of its own: someone with no account loads
 * only this page, never the signed-in pages of `impact.pages.ts`.
 */
export { ReportVerificationPage } from './ReportVerificationPage.js';
