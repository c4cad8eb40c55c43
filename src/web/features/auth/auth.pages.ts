/** The feature's pages, loaded on first use as one chunk (see `routing/lazy.ts`). */
export { ForgotPasswordPage } from './ForgotPasswordPage.js';
export { LoginPage } from './LoginPage.js';
export { MfaEnrolmentPage } from './MfaEnrolmentPage.js';
export { MfaVerifyPage } from './MfaVerifyPage.js';
export { ResetPasswordPage } from './ResetPasswordPage.js';
export { SsoErrorPage } from './SsoErrorPage.js';
