import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZMfaEnrolmentConfirmRequestSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { AuthCard } from './AuthCard.js';
import { confirmMfaEnrolment, startMfaEnrolment } from './auth-api.js';
import { useFinishSignIn } from './use-finish-sign-in.js';

/**
 * First-time two-factor set-up: scan (or type) the secret, prove it with a code, keep the recovery
 * codes. The secret is requested once per visit (a query, so React's double effects do not ask twice).
 */
export function MfaEnrolmentPage() {
  const { t } = useTranslation();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const enrolment = useQuery({
    queryKey: ['mfa-enrolment'],
    queryFn: startMfaEnrolment,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} />;

  return (
    <AuthCard title={t('auth.enrol.title')} intro={t('auth.enrol.intro')}>
      <AsyncContent query={enrolment}>
        {(data) => (
          <>
            <h2 className="h5 mt-4">{t('auth.enrol.step1')}</h2>
            <img
              className="qr-code d-block my-3"
              src={`data:image/svg+xml;utf8,${encodeURIComponent(data.qrSvg)}`}
              alt={t('auth.enrol.qrAlt')}
            />
            <p className="mb-1">{t('auth.enrol.secretLabel')}</p>
            <p className="fw-semibold text-break-all">
              <code>{data.secret}</code>
            </p>
            <h2 className="h5 mt-4">{t('auth.enrol.step2')}</h2>
            <ConfirmForm onConfirmed={setRecoveryCodes} />
          </>
        )}
      </AsyncContent>
      <p className="mt-4 mb-0">
        <Link to="/login" search={{}}>
          {t('auth.mfa.backToLogin')}
        </Link>
      </p>
    </AuthCard>
  );
}

function ConfirmForm({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(ZMfaEnrolmentConfirmRequestSchema), defaultValues: { code: '' } });

  const onSubmit = handleSubmit(async ({ code }) => {
    setError(null);
    try {
      const result = await confirmMfaEnrolment(code);
      onConfirmed(result.recoveryCodes);
    } catch (e) {
      if (!applyServerFieldErrors(e, setFieldError, locale, ['code'])) setError(e);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <ProblemAlert error={error} />
      <TextField
        id="enrol-code"
        label={t('auth.mfa.code')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        hint={t('auth.mfa.codeHint')}
        error={fieldErrorText(t, errors.code, t('validation.sixDigits'))}
        {...register('code')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('auth.enrol.submit')}
        </button>
      </FormActions>
    </form>
  );
}

/** Shown exactly once: the codes exist nowhere else in readable form. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const finishSignIn = useFinishSignIn();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function proceed() {
    setBusy(true);
    try {
      await finishSignIn('/');
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('auth.recovery.title')} intro={t('auth.recovery.intro')}>
      <ProblemAlert error={error} />
      <ul className="recovery-codes list-unstyled my-4" aria-label={t('auth.recovery.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-primary" onClick={proceed} disabled={busy}>
        {t('auth.recovery.continue')}
      </button>
    </AuthCard>
  );
}
