import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRoleGrant } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { roleLabel } from '../../i18n/role-label.js';
import { formatDateTime } from '../../ui/format.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useDecideRoleGrant } from './role-grants-api.js';

type Decision = 'approve' | 'reject' | 'cancel';

/**
 * Requested roles with what the viewer may do: approve or reject (a second person only), or cancel
 * its own request. One card per request, so the actions stay in view on a phone. `showUser` is
 * false inside a user's page, where the name is the page's.
 */
export function RoleGrantsList({
  items,
  showUser = true,
  emptyText,
}: {
  items: TRoleGrant[];
  showUser?: boolean;
  /** Shown when nothing is listed (the list stays mounted so the last decision's message stays). */
  emptyText?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const decide = useDecideRoleGrant();
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const scopeOf = (g: TRoleGrant) => g.serviceName ?? g.organisationName ?? t('users.memberships.global');

  // The button used is gone with the decision: the focus goes to what happened.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  function run(g: TRoleGrant, decision: Decision) {
    setDone(null);
    decide.mutate(
      { id: g.id, decision },
      {
        onSuccess: () =>
          setDone(
            t(`roleGrants.done.${decision}`, {
              role: roleLabel(t, g.role, g.userAddressForm),
              name: g.userDisplayName,
              scope: scopeOf(g),
            }),
          ),
      },
    );
  }

  return (
    <>
      {decide.error ? <ProblemAlert error={decide.error} /> : null}
      {done && (
        <div ref={doneRef} tabIndex={-1} role="status" className="alert alert-success">
          {done}
        </div>
      )}
      {items.length === 0 && emptyText ? <p>{emptyText}</p> : null}
      <ul className="list-unstyled" aria-label={t('roleGrants.caption')} hidden={items.length === 0}>
        {items.map((g) => {
          const label = {
            role: roleLabel(t, g.role, g.userAddressForm),
            name: g.userDisplayName,
            scope: scopeOf(g),
          };
          return (
            <li key={g.id} className="card shadow-sm p-3 mb-3">
              <p className="fw-semibold mb-2">
                {roleLabel(t, g.role, g.userAddressForm)} · {scopeOf(g)}
              </p>
              <dl className="row mb-2">
                {showUser && (
                  <>
                    <dt className="col-sm-3">{t('roleGrants.user')}</dt>
                    <dd className="col-sm-9">
                      {g.userDisplayName}
                      <span className="d-block small">
                        {[g.userUsername, g.userEmail].filter(Boolean).join(' · ')}
                      </span>
                    </dd>
                  </>
                )}
                <dt className="col-sm-3">{t('roleGrants.requested')}</dt>
                <dd className="col-sm-9">
                  {t('roleGrants.requestedBy', {
                    name: g.requestedByName,
                    when: formatDateTime(g.requestedAt, locale),
                  })}
                </dd>
                <dt className="col-sm-3">{t('roleGrants.status')}</dt>
                <dd className="col-sm-9">
                  {g.status === 'pending'
                    ? t('roleGrants.pendingUntil', { when: formatDateTime(g.expiresAt, locale) })
                    : t(`roleGrants.statuses.${g.status}`)}
                  {g.decidedByName && g.decidedAt ? (
                    <span className="d-block small">
                      {t('roleGrants.decidedBy', {
                        name: g.decidedByName,
                        when: formatDateTime(g.decidedAt, locale),
                      })}
                    </span>
                  ) : null}
                </dd>
              </dl>
              <div className="d-flex flex-wrap gap-2">
                {decisionsOf(g).map(({ decision, tone }) => (
                  <button
                    key={decision}
                    type="button"
                    className={`btn ${tone} btn-sm`}
                    disabled={decide.isPending}
                    aria-label={t(`roleGrants.${decision}Named`, label)}
                    onClick={() => run(g, decision)}
                  >
                    {t(`roleGrants.${decision}`)}
                  </button>
                ))}
                {!g.canDecide && !g.canCancel && g.status === 'pending' && (
                  <span className="small">{t('roleGrants.waitingForOther')}</span>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** What the viewer may do with a request: approve or reject it (a second person), or cancel it (its author). */
function decisionsOf(g: TRoleGrant): { decision: Decision; tone: string }[] {
  return [
    ...(g.canDecide
      ? [
          { decision: 'approve' as const, tone: 'btn-primary' },
          { decision: 'reject' as const, tone: 'btn-outline-danger' },
        ]
      : []),
    ...(g.canCancel ? [{ decision: 'cancel' as const, tone: 'btn-outline-secondary' }] : []),
  ];
}
