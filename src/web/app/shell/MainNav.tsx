import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TPermission } from '../../../contracts/index.js';
import { useSession } from '../session.js';

type NavTarget =
  | '/'
  | '/structure'
  | '/users'
  | '/role-grants'
  | '/incidents'
  | '/observatory'
  | '/observatory/training'
  | '/households'
  | '/referrals'
  | '/cases'
  | '/my-sessions'
  | '/research'
  | '/research/exports'
  | '/audit'
  | '/break-glass'
  | '/api-docs';

/**
 * Modules in menu order, each with the permissions that open it (any of them); Home is for everyone.
 * `exact`: the entry is current only on its own path, not below it (Home; the Observatory, whose
 * training page has its own entry).
 */
const MODULES: { to: NavTarget; labelKey: string; anyOf: TPermission[] | null; exact?: boolean }[] = [
  { to: '/', labelKey: 'nav.home', anyOf: null, exact: true },
  { to: '/structure', labelKey: 'nav.structure', anyOf: ['structure.read'] },
  { to: '/users', labelKey: 'nav.users', anyOf: ['users.read'] },
  { to: '/role-grants', labelKey: 'nav.roleGrants', anyOf: ['roles.approve'] },
  { to: '/incidents', labelKey: 'nav.incidents', anyOf: ['incidents.record'] },
  { to: '/observatory', labelKey: 'nav.observatory', anyOf: ['observatory.read'], exact: true },
  { to: '/observatory/training', labelKey: 'nav.training', anyOf: ['observatory.read'] },
  { to: '/households', labelKey: 'nav.households', anyOf: ['households.read'] },
  { to: '/referrals', labelKey: 'nav.referrals', anyOf: ['referrals.send', 'referrals.answer'] },
  { to: '/cases', labelKey: 'nav.cases', anyOf: ['cases.read'] },
  { to: '/my-sessions', labelKey: 'nav.mySessions', anyOf: ['sessions.attend'] },
  { to: '/research', labelKey: 'nav.research', anyOf: ['research.export'], exact: true },
  { to: '/research/exports', labelKey: 'nav.researchExports', anyOf: ['audit.read'] },
  { to: '/audit', labelKey: 'nav.audit', anyOf: ['audit.read'] },
  { to: '/break-glass', labelKey: 'nav.breakGlass', anyOf: ['break-glass.request', 'break-glass.review'] },
  { to: '/api-docs', labelKey: 'nav.apiDocs', anyOf: ['api-docs.read'] },
];

export function MainNav() {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const visible = MODULES.filter((m) => !m.anyOf || m.anyOf.some((p) => permissions.includes(p)));

  return (
    <nav className="app-nav bg-primary" aria-label={t('nav.label')}>
      <div className="container-xxl">
        <ul className="nav flex-wrap">
          {visible.map((module) => (
            <li key={module.to} className="nav-item">
              <Link
                to={module.to}
                className="nav-link text-white px-3 py-3"
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
