import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ssoProvidersQuery, ssoStartPath } from './auth-api.js';

/**
 * One button per organisation's identity provider. Each is a plain link: signing in there is a
 * full-page journey (provider, then back to Trama), not an API call. Without providers, or when
 * the list cannot be had, the password form stands alone.
 */
export function SsoProviderLinks() {
  const { t } = useTranslation();
  const providers = useQuery(ssoProvidersQuery);
  if (!providers.data?.length) return null;
  return (
    <section aria-labelledby="sso-heading" className="mt-4 pt-3 border-top">
      <h2 id="sso-heading" className="h5">
        {t('auth.sso.heading')}
      </h2>
      <p>{t('auth.sso.intro')}</p>
      <ul className="list-unstyled d-flex flex-column gap-2 mb-0">
        {providers.data.map((provider) => (
          <li key={provider.id}>
            <a className="btn btn-outline-primary w-100" href={ssoStartPath(provider.id)}>
              {t('auth.sso.signInWith', { name: provider.name })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
