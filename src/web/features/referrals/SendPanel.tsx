import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReferral } from '../../../contracts/index.js';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { ActionProblem } from '../cases/ActionProblem.js';
import { hasFieldError } from '../cases/form-helpers.js';
import { ReasonForm } from '../cases/ReasonForm.js';
import { useReferralMutations } from './referrals-api.js';

export const OVERRIDE_MIN = 20;

/**
 * Sending needs a legal basis. Without valid consents the server refuses (field `consent`); a user
 * who may override then states why, knowing the DPO is told; anyone else records the consents first.
 */
export function SendPanel({ referral, onCancel }: { referral: TReferral; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canOverride = useCan()('consent.override');
  const { send } = useReferralMutations(referral.id);
  // Once refused for want of consent, the panel stays on the way forward, whatever happens next.
  const [consentMessage, setConsentMessage] = useState<string | null>(null);

  function sendPlain() {
    send.mutate(
      {},
      {
        onSuccess: onCancel,
        onError: (error) => {
          if (!hasFieldError(error, 'consent') || !isApiError(error)) return;
          const message = error.fieldErrors(locale).find((e) => e.field.replace(/^body\./, '') === 'consent');
          setConsentMessage(message?.message ?? '');
          send.reset();
        },
      },
    );
  }

  if (consentMessage === null) {
    return (
      <div className="card shadow-sm p-4 my-3">
        <p>{t('referrals.send.confirm', { service: referral.toServiceName })}</p>
        {send.error ? <ActionProblem error={send.error} /> : null}
        <div className="d-flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={send.isPending}
            onClick={sendPlain}
          >
            {t('referrals.send.submit')}
          </button>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="my-3">
      <div className="alert alert-warning" role="alert">
        <strong className="d-block">{t('referrals.send.consentMissing')}</strong>
        {consentMessage && <span className="d-block">{consentMessage}</span>}
        {!canOverride && (
          <span className="d-block mt-2">
            {t('referrals.send.recordConsents')}{' '}
            <Link to="/households/$householdId" params={{ householdId: referral.householdId }}>
              {t('referrals.send.toHousehold', { code: referral.householdCode })}
            </Link>
          </span>
        )}
      </div>
      {canOverride ? (
        <ReasonForm
          id="referral-override-reason"
          label={t('referrals.send.overrideReason')}
          hint={t('referrals.send.overrideHint', { min: OVERRIDE_MIN })}
          minLength={OVERRIDE_MIN}
          submitLabel={t('referrals.send.overrideSubmit')}
          note={<p className="fw-semibold">{t('referrals.send.dpoNotified')}</p>}
          pending={send.isPending}
          error={send.error}
          onSubmit={(reason) => send.mutate({ consentOverrideReason: reason }, { onSuccess: onCancel })}
          onCancel={() => {
            send.reset();
            onCancel();
          }}
        />
      ) : (
        <button
          type="button"
          className="btn btn-outline-secondary btn-sm"
          onClick={() => {
            send.reset();
            onCancel();
          }}
        >
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
