import { Outlet } from '@tanstack/react-router';
import { Header, HeaderContent, HeaderRightZone, Headers } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Footer } from './Footer.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { MAIN_ID, SkipLink } from './SkipLink.js';

/** Frame of the pages before sign-in: brand, language switch, one narrow column. */
export function PublicShell({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <header>
        <Headers>
          <Header type="slim">
            <HeaderContent>
              <span className="navbar-brand text-white fw-semibold">{t('app.name')}</span>
              <HeaderRightZone>
                <LanguageSwitch signedIn={false} />
              </HeaderRightZone>
            </HeaderContent>
          </Header>
          <Header type="center" small>
            <HeaderContent>
              <div className="it-brand-wrapper">
                <div className="it-brand-text text-white">
                  <p className="it-brand-title h2 mb-0 text-white">{t('app.name')}</p>
                  <p className="it-brand-tagline mb-0 d-none d-md-block text-white">{t('app.tagline')}</p>
                </div>
              </div>
            </HeaderContent>
          </Header>
        </Headers>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="container-xxl my-5">
        <div className="row justify-content-center">
          <div className="col-12 col-md-8 col-lg-6">{children ?? <Outlet />}</div>
        </div>
      </main>
      <Footer />
    </>
  );
}
