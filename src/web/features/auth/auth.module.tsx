import { createRoute } from '@tanstack/react-router';
import { ZSsoErrorReasonSchema } from '../../../contracts/index.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch, optionalString } from '../../routing/search.js';
import { safeRedirect } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const ForgotPasswordPage = lazyPage(() => import('./auth.pages.js'), 'ForgotPasswordPage');
const LoginPage = lazyPage(() => import('./auth.pages.js'), 'LoginPage');
const MfaEnrolmentPage = lazyPage(() => import('./auth.pages.js'), 'MfaEnrolmentPage');
const MfaVerifyPage = lazyPage(() => import('./auth.pages.js'), 'MfaVerifyPage');
const ResetPasswordPage = lazyPage(() => import('./auth.pages.js'), 'ResetPasswordPage');
const SsoErrorPage = lazyPage(() => import('./auth.pages.js'), 'SsoErrorPage');

/**
 * The reset link carries its token in the fragment (#token=…): a fragment never reaches a server
 * log or a Referer header (ASVS 14.2.1).
 */
function tokenFromFragment() {
  return optionalString(new URLSearchParams(window.location.hash.slice(1)).get('token') ?? undefined);
}

/** Signing in, two-factor, password reset: public pages (no session needed). */
export const authModule = {
  id: 'auth',
  routes: ({ publicLayout }) => {
    const loginRoute = createRoute({
      getParentRoute: () => publicLayout,
      path: '/login',
      validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
        redirect: safeRedirect(search.redirect),
      }),
      component: routeWith([LoginPage], function LoginRoute() {
        return <LoginPage redirectTo={loginRoute.useSearch().redirect} />;
      }),
    });
    const mfaRoute = createRoute({
      getParentRoute: () => publicLayout,
      path: '/login/mfa',
      validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
        redirect: safeRedirect(search.redirect),
      }),
      component: routeWith([MfaVerifyPage], function MfaRoute() {
        return <MfaVerifyPage redirectTo={mfaRoute.useSearch().redirect} />;
      }),
    });
    const mfaEnrolmentRoute = createRoute({
      getParentRoute: () => publicLayout,
      path: '/login/mfa-enrolment',
      component: MfaEnrolmentPage,
    });
    const forgotPasswordRoute = createRoute({
      getParentRoute: () => publicLayout,
      path: '/forgot-password',
      component: ForgotPasswordPage,
    });
    const resetPasswordRoute = createRoute({
      getParentRoute: () => publicLayout,
      path: '/reset-password',
      component: routeWith([ResetPasswordPage], function ResetPasswordRoute() {
        return <ResetPasswordPage token={tokenFromFragment()} />;
      }),
    });
    // Where the server sends the browser when a sign-in through an identity provider cannot finish.
    const ssoErrorRoute = createRoute({
      getParentRoute: () => publicLayout,
      path: '/login/sso-error',
      validateSearch: contractSearch({ reason: ZSsoErrorReasonSchema }),
      component: routeWith([SsoErrorPage], function SsoErrorRoute() {
        return <SsoErrorPage reason={ssoErrorRoute.useSearch().reason ?? 'error'} />;
      }),
    });
    return [
      loginRoute,
      mfaRoute,
      mfaEnrolmentRoute,
      forgotPasswordRoute,
      resetPasswordRoute,
      ssoErrorRoute,
    ] as const;
  },
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
