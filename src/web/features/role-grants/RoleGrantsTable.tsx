import { useTranslation } from 'react-i18next';
import type { TRoleGrant } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../ui/format.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useDecideRoleGrant } from './role-grants-api.js';

/**
 * Requested roles with what the viewer may do: approve or reject (a second person only), or cancel
 * its own request. `showUser` is false inside a user's page, where the name is the page's.
 */
export function RoleGrantsTable({ items, showUser = true }: { items: TRoleGrant[]; showUser?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const decide = useDecideRoleGrant();
  const scopeOf = (g: TRoleGrant) => g.serviceName ?? g.organisationName ?? t('users.memberships.global');

  return (
    <>
      {decide.error ? <ProblemAlert error={decide.error} /> : null}
      <div className="table-responsive">
        <table className="table">
          <caption>{t('roleGrants.caption')}</caption>
          <thead>
            <tr>
              {showUser && <th scope="col">{t('roleGrants.user')}</th>}
              <th scope="col">{t('users.memberships.role')}</th>
              <th scope="col">{t('roleGrants.scope')}</th>
              <th scope="col">{t('roleGrants.requested')}</th>
              <th scope="col">{t('roleGrants.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((g) => {
              const label = { role: t(`roles.${g.role}`), name: g.userDisplayName, scope: scopeOf(g) };
              return (
                <tr key={g.id}>
                  {showUser && (
                    <th scope="row">
                      {g.userDisplayName}
                      <small className="d-block fw-normal">
                        {[g.userUsername, g.userEmail].filter(Boolean).join(' · ')}
                      </small>
                    </th>
                  )}
                  <td>{t(`roles.${g.role}`)}</td>
                  <td>{scopeOf(g)}</td>
                  <td>
                    {t('roleGrants.requestedBy', {
                      name: g.requestedByName,
                      when: formatDateTime(g.requestedAt, locale),
                    })}
                  </td>
                  <td>
                    {g.status === 'pending'
                      ? t('roleGrants.pendingUntil', { when: formatDateTime(g.expiresAt, locale) })
                      : t(`roleGrants.statuses.${g.status}`)}
                    {g.decidedByName && g.decidedAt ? (
                      <small className="d-block">
                        {t('roleGrants.decidedBy', {
                          name: g.decidedByName,
                          when: formatDateTime(g.decidedAt, locale),
                        })}
                      </small>
                    ) : null}
                  </td>
                  <td>
                    <div className="d-flex flex-wrap gap-2">
                      {g.canDecide && (
                        <>
                          <button
                            type="button"
                            className="btn btn-primary btn-xs"
                            disabled={decide.isPending}
                            aria-label={t('roleGrants.approveNamed', label)}
                            onClick={() => decide.mutate({ id: g.id, decision: 'approve' })}
                          >
                            {t('roleGrants.approve')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-outline-danger btn-xs"
                            disabled={decide.isPending}
                            aria-label={t('roleGrants.rejectNamed', label)}
                            onClick={() => decide.mutate({ id: g.id, decision: 'reject' })}
                          >
                            {t('roleGrants.reject')}
                          </button>
                        </>
                      )}
                      {g.canCancel && (
                        <button
                          type="button"
                          className="btn btn-outline-secondary btn-xs"
                          disabled={decide.isPending}
                          aria-label={t('roleGrants.cancelNamed', label)}
                          onClick={() => decide.mutate({ id: g.id, decision: 'cancel' })}
                        >
                          {t('roleGrants.cancel')}
                        </button>
                      )}
                      {!g.canDecide && !g.canCancel && g.status === 'pending' && (
                        <span>{t('roleGrants.waitingForOther')}</span>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
