import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SSO_ERROR_REASONS, type TSsoErrorReason } from '../../../contracts/index.js';
import { AuthCard } from './AuthCard.js';

/**
 * Where a sign-in through an organisation's identity provider ends when it cannot finish: the
 * reason in words and the way back. The precise reason is in the audit trail, not here.
 */
export function SsoErrorPage({ reason }: { reason: TSsoErrorReason }) {
  const { t } = useTranslation();
  // The reason comes from the address bar: anything but a known one reads as the general failure.
  const known = (SSO_ERROR_REASONS as readonly string[]).includes(reason) ? reason : 'error';
  return (
    <AuthCard title={t('auth.ssoError.title')}>
      <div className="alert alert-danger" role="alert">
        {t(`auth.ssoError.reasons.${known}`)}
      </div>
      <p className="mb-0">
        <Link to="/login" search={{}}>
          {t('auth.ssoError.back')}
        </Link>
      </p>
    </AuthCard>
  );
}
