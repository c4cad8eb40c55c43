import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TReferral, ZReferralSendSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { minLengthOf } from '../../ui/forms/limits.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { hasFieldError, serverFieldError } from '../../ui/forms/server-errors.js';
import { useReferralMutations } from './referrals-api.js';

const OVERRIDE_REASON = ZReferralSendSchema.shape.consentOverrideReason;
const OVERRIDE_MIN = minLengthOf(OVERRIDE_REASON);

/**
 * Sending needs a legal basis. Without valid consents the server refuses (field `consent`); a user
 * who may override then states why, knowing the DPO is told; anyone else records the consents first.
 */
export function SendPanel({ referral, onCancel }: { referral: TReferral; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canOverride = useCan()('consent.override');
  const { send } = useReferralMutations(referral.id);
  // Whose consent is missing is known before sending: the panel opens on the way forward, naming
  // them. Once refused for want of consent, it stays there, whatever happens next.
  const missing = (referral.content?.people ?? []).filter((p) =>
    referral.content?.withoutConsent.includes(p.id),
  );
  const [consentMessage, setConsentMessage] = useState<string | null>(
    missing.length > 0
      ? t('referrals.send.missingFor', {
          names: missing.map((p) => `${p.givenName} ${p.familyName}`).join(', '),
        })
      : null,
  );

  function sendPlain() {
    send.mutate(
      {},
      {
        onSuccess: onCancel,
        onError: (error) => {
          if (!hasFieldError(error, 'consent')) return;
          setConsentMessage(serverFieldError(error, locale, 'consent') ?? '');
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
          schema={OVERRIDE_REASON}
          name="consentOverrideReason"
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
