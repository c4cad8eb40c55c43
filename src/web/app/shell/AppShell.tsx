import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { Header, HeaderContent, HeaderRightZone, Headers } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logout } from '../../features/auth/auth-api.js';
import { sessionQueryOptions, useSession } from '../../session/session.js';
import { Footer } from './Footer.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { MainNav } from './MainNav.js';
import { ServiceSwitcher } from './ServiceSwitcher.js';
import { MAIN_ID, SkipLink } from './SkipLink.js';

/** Frame of every signed-in page: slim header (user, language, logout), centre header, menu, footer. */
export function AppShell() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);

  // The user's saved language wins once per sign-in; later switches are saved back by LanguageSwitch.
  const userId = session.user.id;
  const savedLocale = session.user.locale;
  // biome-ignore lint/correctness/useExhaustiveDependencies: apply the saved locale only when the user changes
  useEffect(() => {
    if (i18n.language !== savedLocale) void i18n.changeLanguage(savedLocale);
  }, [userId]);

  async function signOut() {
    setLeaving(true);
    try {
      await logout();
    } catch {
      // Even if the server is unreachable, the local state is cleared below.
    }
    queryClient.setQueryData(sessionQueryOptions.queryKey, null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    await navigate({ to: '/login', search: {} });
  }

  return (
    <>
      <SkipLink />
      <header>
        <Headers>
          <Header type="slim">
            <HeaderContent>
              <span className="navbar-brand text-white fw-semibold">{t('app.name')}</span>
              <HeaderRightZone>
                <div className="d-flex align-items-center gap-3 flex-wrap">
                  <span className="text-white small">
                    <span className="visually-hidden">{t('shell.signedInAs')} </span>
                    {session.user.displayName}
                  </span>
                  <Link to="/account/password" className="text-white small">
                    {t('shell.changePassword')}
                  </Link>
                  <LanguageSwitch signedIn />
                  <button
                    type="button"
                    className="btn btn-xs px-2 py-1 bg-white text-primary border border-white"
                    onClick={signOut}
                    disabled={leaving}
                  >
                    {t('shell.logout')}
                  </button>
                </div>
              </HeaderRightZone>
            </HeaderContent>
          </Header>
          <Header type="center" small>
            <HeaderContent>
              <div className="it-brand-wrapper">
                <Link to="/">
                  <div className="it-brand-text">
                    <p className="it-brand-title h2 mb-0">{t('app.name')}</p>
                    <p className="it-brand-tagline mb-0 d-none d-md-block">{t('app.tagline')}</p>
                  </div>
                </Link>
              </div>
              <HeaderRightZone>
                <ServiceSwitcher />
              </HeaderRightZone>
            </HeaderContent>
          </Header>
        </Headers>
        <MainNav />
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="container-xxl my-4">
        <Outlet />
      </main>
      <Footer />
    </>
  );
}
