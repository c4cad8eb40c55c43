import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { Header, HeaderContent, HeaderRightZone, Headers } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logout } from '../../features/auth/auth-api.js';
import { sessionQueryOptions, useSession } from '../../session/session.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { MainNav } from './MainNav.js';
import { ServiceSwitcher } from './ServiceSwitcher.js';
import { NARROW_SCREEN, useMediaQuery } from './useMediaQuery.js';

const MENU_ID = 'app-menu';

function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);
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
  return { signOut, leaving };
}

/**
 * The signed-in header. Wide (992 px and more): slim header (user, password, language, sign out),
 * centre header (brand, active service) and the menu bar. Narrow: one bar with the brand, the
 * languages and a menu button (Bootstrap Italia's pattern: `aria-expanded`, `aria-controls`) that
 * opens the menu, the active service and the account links below it.
 */
export function AppHeader() {
  const narrow = useMediaQuery(NARROW_SCREEN);
  return <header>{narrow ? <CompactHeader /> : <FullHeader />}</header>;
}

function FullHeader() {
  const { t } = useTranslation();
  const session = useSession();
  const { signOut, leaving } = useSignOut();
  return (
    <>
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
                <Link to="/account" className="text-white small">
                  {t('shell.account')}
                </Link>
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
    </>
  );
}

function CompactHeader() {
  const { t } = useTranslation();
  const session = useSession();
  const { signOut, leaving } = useSignOut();
  const [open, setOpen] = useState(false);
  const toggler = useRef<HTMLButtonElement>(null);
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  // Choosing a page closes the menu (the page's heading then takes the focus).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the path changes
  useEffect(() => setOpen(false), [pathname]);

  // Escape closes the open menu and gives the focus back to its button.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggler.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <div className="bg-primary">
      <div className="it-header-slim-wrapper app-bar d-flex align-items-center">
        <div className="container-xxl d-flex align-items-center justify-content-between gap-2 py-1">
          <Link to="/" className="app-brand">
            {t('app.name')}
          </Link>
          <div className="d-flex align-items-center gap-2">
            <LanguageSwitch signedIn />
            <button
              ref={toggler}
              type="button"
              className="btn btn-xs px-2 py-1 bg-white text-primary border border-white app-menu-toggler"
              aria-expanded={open}
              aria-controls={MENU_ID}
              onClick={() => setOpen((o) => !o)}
            >
              <span className="bars" aria-hidden="true" />
              {t('shell.menu')}
            </button>
          </div>
        </div>
      </div>
      <div id={MENU_ID} className="app-menu" hidden={!open}>
        <MainNav vertical />
        <div className="app-account container-xxl py-3 d-flex flex-column gap-3">
          <p className="mb-0 text-white small">
            <span className="visually-hidden">{t('shell.signedInAs')} </span>
            {session.user.displayName}
          </p>
          <ServiceSwitcher />
          <div className="d-flex flex-wrap align-items-center gap-3">
            <Link to="/account" className="text-white">
              {t('shell.account')}
            </Link>
            <Link to="/account/password" className="text-white">
              {t('shell.changePassword')}
            </Link>
            <button
              type="button"
              className="btn btn-sm bg-white text-primary border border-white"
              onClick={signOut}
              disabled={leaving}
            >
              {t('shell.logout')}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
