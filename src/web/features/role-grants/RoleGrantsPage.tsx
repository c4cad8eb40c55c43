import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { RoleGrantsList } from './RoleGrantsList.js';
import { useRoleGrants } from './role-grants-api.js';

/** Roles waiting for a second person (admins and DPOs), and on request the recent decisions. */
export function RoleGrantsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const grants = useRoleGrants(status);

  return (
    <>
      <PageHeading title={t('roleGrants.title')}>
        <p className="mb-0">{t('roleGrants.intro')}</p>
      </PageHeading>
      <div className="form-check mb-3">
        <input
          id="role-grants-all"
          className="form-check-input"
          type="checkbox"
          checked={status === 'all'}
          onChange={(e) => setStatus(e.target.checked ? 'all' : 'open')}
        />
        <label className="form-check-label" htmlFor="role-grants-all">
          {t('roleGrants.showDecided')}
        </label>
      </div>
      <AsyncContent query={grants}>
        {(items) => <RoleGrantsList items={items} emptyText={t('roleGrants.empty')} />}
      </AsyncContent>
    </>
  );
}
