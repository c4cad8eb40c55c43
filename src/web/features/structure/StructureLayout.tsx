import { Link, Outlet, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading.js';

const TABS = [
  { to: '/structure/districts', key: 'structure.tabs.districts' },
  { to: '/structure/municipalities', key: 'structure.tabs.municipalities' },
  { to: '/structure/organisations', key: 'structure.tabs.organisations' },
  { to: '/structure/services', key: 'structure.tabs.services' },
] as const;

/** Sub-pages as links (not ARIA tabs): each has its own URL and the browser's back button works. */
export function StructureLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const activeTab = TABS.find((tab) => pathname.startsWith(tab.to));
  const title = t('structure.title');
  return (
    <>
      <PageHeading title={title} documentTitle={activeTab ? `${t(activeTab.key)} · ${title}` : title}>
        <p className="mb-0">{t('structure.intro')}</p>
      </PageHeading>
      <nav aria-label={t('structure.tabsLabel')} className="mb-4">
        <ul className="nav nav-tabs">
          {TABS.map((tab) => (
            <li key={tab.to} className="nav-item">
              <Link
                to={tab.to}
                search={{}}
                className="nav-link"
                activeProps={{ className: 'active', 'aria-current': 'page' }}
              >
                {t(tab.key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
