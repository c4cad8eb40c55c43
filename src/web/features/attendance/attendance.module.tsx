import { createRoute } from '@tanstack/react-router';
import { ZIdSchema } from '../../../contracts/common.js';
import type { FeatureModule } from '../../routing/feature-module.js';
import { lazyPage, routeWith } from '../../routing/lazy.js';
import { contractSearch } from '../../routing/search.js';
import { requireAny } from '../../session/guards.js';
import en from './i18n/en.json';
import it from './i18n/it.json';

const SessionAttendancePage = lazyPage(() => import('./attendance.pages.js'), 'SessionAttendancePage');
const CheckinPage = lazyPage(() => import('./attendance.pages.js'), 'CheckinPage');
const PersonalPage = lazyPage(() => import('./attendance.pages.js'), 'PersonalPage');
const VerificationPage = lazyPage(() => import('./attendance.pages.js'), 'VerificationPage');

/** The edition the session belongs to (its course's title and the session's time), when the link gives it. */
const sessionSearch = contractSearch({ edition: ZIdSchema });

/**
 * The check-in code travels in the QR's address as `?c=`; read as written (the router would read a
 * code of digits as a number).
 */
function codeFromAddress(): string | null {
  const code = new URLSearchParams(window.location.search).get('c')?.trim() ?? '';
  return code.length > 0 && code.length <= 40 ? code : null;
}

/**
 * Attendance of training sessions: the trainer's phone page (the rotating QR and the list to mark),
 * and the public pages that need no account: the check-in a QR opens, an external participant's
 * page reached by their personal link, and the verification of a certificate by its code.
 */
export const attendanceModule = {
  id: 'attendance',
  routes: ({ appLayout, publicLayout }) => {
    const sessionAttendanceRoute = createRoute({
      getParentRoute: () => appLayout,
      path: '/training/sessions/$sessionId',
      beforeLoad: ({ context }) => requireAny(context.session, 'training.manage'),
      validateSearch: sessionSearch,
      component: routeWith([SessionAttendancePage], function SessionAttendanceRoute() {
        const { sessionId } = sessionAttendanceRoute.useParams();
        const { edition } = sessionAttendanceRoute.useSearch();
        return <SessionAttendancePage sessionId={sessionId} editionId={edition} />;
      }),
    });
    const checkinRoute = createRoute({
      getParentRoute: () => publicLayout,
      path: '/presenza/$sessionId',
      component: routeWith([CheckinPage], function CheckinRoute() {
        const { sessionId } = checkinRoute.useParams();
        return <CheckinPage sessionId={sessionId} code={codeFromAddress()} />;
      }),
    });
    const personalRoute = createRoute({
      getParentRoute: () => publicLayout,
      path: '/partecipa/$token',
      component: routeWith([PersonalPage], function PersonalRoute() {
        return <PersonalPage token={personalRoute.useParams().token} />;
      }),
    });
    const verificationRoute = createRoute({
      getParentRoute: () => publicLayout,
      path: '/verifica/$code',
      component: routeWith([VerificationPage], function VerificationRoute() {
        return <VerificationPage code={verificationRoute.useParams().code} />;
      }),
    });
    return [sessionAttendanceRoute, checkinRoute, personalRoute, verificationRoute] as const;
  },
  nav: [],
  i18n: { it, en },
} satisfies FeatureModule;
