import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TIdentityProvider } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { formatDateTime } from '../../ui/format.js';
import { EditButton, ListSection } from '../../ui/ListSection.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ConfirmIdentity } from './ConfirmIdentity.js';
import { IdentityProviderForm } from './IdentityProviderForm.js';
import {
  isStepUpRequired,
  useApproveIdentityProvider,
  useIdentityProviders,
  useRedirectUri,
} from './identity-providers-api.js';

/**
 * Organisations' identity providers: who may sign in with which provider, and what counts as a
 * second factor done there. An admin registers and changes them; a provider accepts sign-ins
 * only once a second person (another admin, or a DPO) has approved it as it stands. A sign-in
 * only ever reaches an existing account.
 */
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const canManage = useCan()('identity-providers.manage');
  const providers = useIdentityProviders();
  const redirectUri = useRedirectUri();
  const approve = useApproveIdentityProvider();
  const [editing, setEditing] = useState<TIdentityProvider | 'new' | null>(null);
  const [confirmingFor, setConfirmingFor] = useState<TIdentityProvider | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  // The button used is gone with the approval: the focus goes to what happened.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const secondFactorOf = (p: TIdentityProvider) => {
    const values = [...p.mfaAmrValues, ...p.mfaAcrValues];
    return values.length ? values.join(', ') : t('identityProviders.secondFactorInTrama');
  };

  function runApproval(p: TIdentityProvider) {
    setDone(null);
    approve.mutate(p.id, {
      onSuccess: () => {
        setConfirmingFor(null);
        setDone(t('identityProviders.approval.done', { name: p.name }));
      },
      onError: (error) => {
        if (isStepUpRequired(error)) setConfirmingFor(p);
      },
    });
  }

  return (
    <>
      <PageHeading title={t('identityProviders.title')}>
        <p>{t('identityProviders.intro')}</p>
        <p>{t('identityProviders.secondPerson')}</p>
        {redirectUri.data && (
          <p className="mb-0">
            {t('identityProviders.redirectUri')} <code className="text-break">{redirectUri.data}</code>
          </p>
        )}
      </PageHeading>
      <ListSection
        id="identity-providers"
        title={t('identityProviders.listTitle')}
        newLabel={canManage && t('identityProviders.new')}
        onNew={() => setEditing('new')}
        query={providers}
        empty={t('identityProviders.empty')}
        caption={t('identityProviders.caption')}
        columns={[
          t('identityProviders.fields.name'),
          t('identityProviders.fields.organisation'),
          t('identityProviders.fields.allowedDomains'),
          t('identityProviders.secondFactor'),
          t('identityProviders.state'),
          t('identityProviders.approval.column'),
          t('common.actions'),
        ]}
        row={(p) => (
          <>
            <th scope="row">
              {p.name}
              {/* What the approver approves: the address the sign-ins come from. */}
              <span className="d-block small fw-normal text-break">{p.issuer}</span>
            </th>
            <td>{p.organisationName}</td>
            <td className="text-break">{p.allowedDomains.join(', ')}</td>
            <td className="text-break">{secondFactorOf(p)}</td>
            <td>{p.enabled ? t('identityProviders.enabled') : t('identityProviders.disabled')}</td>
            <td>
              {p.approvedAt ? (
                t('identityProviders.approval.approved', {
                  name: p.approvedByName ?? t('identityProviders.approval.someone'),
                  when: formatDateTime(p.approvedAt, locale),
                })
              ) : (
                <>
                  {t('identityProviders.approval.pending')}
                  {p.changedByName && (
                    <span className="d-block small">
                      {t('identityProviders.approval.changedBy', { name: p.changedByName })}
                    </span>
                  )}
                </>
              )}
            </td>
            <td>
              <div className="d-flex flex-wrap gap-2">
                {p.canApprove && (
                  <button
                    type="button"
                    className="btn btn-primary btn-sm"
                    disabled={approve.isPending}
                    aria-label={t('identityProviders.approval.approveNamed', { name: p.name })}
                    onClick={() => runApproval(p)}
                  >
                    {t('identityProviders.approval.approve')}
                  </button>
                )}
                {canManage && <EditButton name={p.name} onClick={() => setEditing(p)} />}
              </div>
            </td>
          </>
        )}
      >
        {done && (
          <div ref={doneRef} tabIndex={-1} role="status" className="alert alert-success">
            {done}
          </div>
        )}
        {approve.error && !isStepUpRequired(approve.error) ? <ProblemAlert error={approve.error} /> : null}
        {confirmingFor && (
          <ConfirmIdentity
            key={confirmingFor.id}
            id="approval-step-up"
            reason={t('identityProviders.stepUp.reasonApprove', { name: confirmingFor.name })}
            onVerified={() => runApproval(confirmingFor)}
            onCancel={() => setConfirmingFor(null)}
          />
        )}
        {editing && (
          <IdentityProviderForm
            key={editing === 'new' ? 'new' : editing.id}
            provider={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </ListSection>
    </>
  );
}
