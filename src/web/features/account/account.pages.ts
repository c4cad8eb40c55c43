/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { AccountPage } from './AccountPage.js';
export { ChangePasswordPage } from './ChangePasswordPage.js';
