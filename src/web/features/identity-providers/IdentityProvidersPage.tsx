import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TIdentityProvider } from '../../../contracts/index.js';
import { EditButton, ListSection } from '../../ui/ListSection.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { IdentityProviderForm } from './IdentityProviderForm.js';
import { useIdentityProviders, useRedirectUri } from './identity-providers-api.js';

/**
 * The admin's page of organisations' identity providers: who may sign in with which provider, and
 * what counts as a second factor done there. A sign-in only ever reaches an existing account.
 */
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const providers = useIdentityProviders();
  const redirectUri = useRedirectUri();
  const [editing, setEditing] = useState<TIdentityProvider | 'new' | null>(null);
  const secondFactorOf = (p: TIdentityProvider) => {
    const values = [...p.mfaAmrValues, ...p.mfaAcrValues];
    return values.length ? values.join(', ') : t('identityProviders.secondFactorInTrama');
  };

  return (
    <>
      <PageHeading title={t('identityProviders.title')}>
        <p>{t('identityProviders.intro')}</p>
        {redirectUri.data && (
          <p className="mb-0">
            {t('identityProviders.redirectUri')} <code className="text-break">{redirectUri.data}</code>
          </p>
        )}
      </PageHeading>
      <ListSection
        id="identity-providers"
        title={t('identityProviders.listTitle')}
        newLabel={t('identityProviders.new')}
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
          t('common.actions'),
        ]}
        row={(p) => (
          <>
            <th scope="row">{p.name}</th>
            <td>{p.organisationName}</td>
            <td className="text-break">{p.allowedDomains.join(', ')}</td>
            <td className="text-break">{secondFactorOf(p)}</td>
            <td>{p.enabled ? t('identityProviders.enabled') : t('identityProviders.disabled')}</td>
            <td>
              <EditButton name={p.name} onClick={() => setEditing(p)} />
            </td>
          </>
        )}
      >
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
