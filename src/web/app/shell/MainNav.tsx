import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { NavEntry } from '../../routing/feature-module.js';
import { useSession } from '../../session/session.js';
import { FEATURE_MODULES } from '../feature-modules.js';

/**
 * The features' menu entries in menu order (`order`), each with the permissions that open it (any of
 * them); Home is for everyone. `exact`: the entry is current only on its own path, not below it.
 */
const ENTRIES = FEATURE_MODULES.flatMap((module) => module.nav as readonly NavEntry[]).sort(
  (a, b) => a.order - b.order,
);

/** `vertical`: one entry per line, inside the narrow screen's menu panel. */
export function MainNav({ vertical = false }: { vertical?: boolean }) {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const visible = ENTRIES.filter((m) => !m.anyOf || m.anyOf.some((p) => permissions.includes(p)));

  return (
    <nav className="app-nav bg-primary" aria-label={t('nav.label')}>
      <div className="container-xxl">
        <ul className={vertical ? 'nav flex-column py-2' : 'nav flex-wrap'}>
          {visible.map((module) => (
            <li key={module.to} className="nav-item">
              <Link
                to={module.to}
                className={`nav-link text-white ${vertical ? 'px-2 py-2' : 'px-3 py-3'}`}
                activeOptions={{ exact: module.exact ?? false, includeSearch: false }}
                activeProps={{ 'aria-current': 'page' }}
              >
                {t(module.labelKey)}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
