import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useMatches } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { saveLocale } from '../../features/auth/auth-api.js';
import { takeChosenLocale } from '../../i18n/index.js';
import { sessionQueryOptions, useSession } from '../../session/session.js';
import { AppHeader } from './AppHeader.js';
import { Footer } from './Footer.js';
import { MAIN_ID, SkipLink } from './SkipLink.js';

/**
 * Frame of every signed-in page (and of "page not found" for a signed-in user): header with the
 * menu (`AppHeader`), the page, footer. A page of a case record (a route with
 * `staticData: { caseRecord: true }`) prints only a notice: the case record is printed as an
 * audited PDF, never from the browser.
 */
export function AppShell({ children }: { children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const caseRecord = useMatches({ select: (matches) => matches.some((m) => m.staticData?.caseRecord) });

  // Once per sign-in: a language chosen on the login page becomes the saved preference; otherwise
  // the saved one applies. Later switches are saved back by LanguageSwitch.
  const userId = session.user.id;
  const savedLocale = session.user.locale;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the user changes
  useEffect(() => {
    const chosen = takeChosenLocale();
    if (chosen && chosen !== savedLocale) {
      saveLocale(chosen)
        .then(() => queryClient.invalidateQueries({ queryKey: sessionQueryOptions.queryKey }))
        .catch(() => undefined);
    } else if (i18n.language !== savedLocale) void i18n.changeLanguage(savedLocale);
  }, [userId]);

  return (
    <>
      <SkipLink />
      <AppHeader />
      <main
        id={MAIN_ID}
        tabIndex={-1}
        className={`container-xxl my-4${caseRecord ? ' print-case-record' : ''}`}
      >
        {caseRecord && <p className="print-only lead">{t('shell.printCaseRecord')}</p>}
        {children ?? <Outlet />}
      </main>
      <Footer />
    </>
  );
}
