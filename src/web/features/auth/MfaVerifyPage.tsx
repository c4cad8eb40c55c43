import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ZMfaEnrolmentConfirmRequestSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerFieldErrors, fieldErrorText } from '../../ui/validation.js';
import { AuthCard } from './AuthCard.js';
import { verifyMfa } from './auth-api.js';
import { useFinishSignIn } from './use-finish-sign-in.js';

const ZRecoveryFormSchema = z.object({ recoveryCode: z.string().trim().min(8).max(32) });

/** Second sign-in step: the authenticator's 6-digit code, or one of the recovery codes. */
export function MfaVerifyPage({ redirectTo }: { redirectTo?: string | undefined }) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  return (
    <AuthCard
      title={t('auth.mfa.title')}
      intro={useRecovery ? t('auth.mfa.recoveryIntro') : t('auth.mfa.intro')}
    >
      {useRecovery ? <RecoveryCodeForm redirectTo={redirectTo} /> : <TotpForm redirectTo={redirectTo} />}
      <p className="mt-4 mb-1">
        <button type="button" className="btn btn-link p-0" onClick={() => setUseRecovery(!useRecovery)}>
          {useRecovery ? t('auth.mfa.useCode') : t('auth.mfa.useRecovery')}
        </button>
      </p>
      <p className="mb-0">
        <Link to="/login" search={{}}>
          {t('auth.mfa.backToLogin')}
        </Link>
      </p>
    </AuthCard>
  );
}

function TotpForm({ redirectTo }: { redirectTo?: string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const finishSignIn = useFinishSignIn();
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
      await verifyMfa({ code });
      await finishSignIn(redirectTo);
    } catch (e) {
      if (!applyServerFieldErrors(e, setFieldError, locale, ['code'])) setError(e);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4">
      <ProblemAlert error={error} />
      <TextField
        id="mfa-code"
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
          {t('auth.mfa.submit')}
        </button>
      </FormActions>
    </form>
  );
}

function RecoveryCodeForm({ redirectTo }: { redirectTo?: string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const finishSignIn = useFinishSignIn();
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(ZRecoveryFormSchema), defaultValues: { recoveryCode: '' } });

  const onSubmit = handleSubmit(async ({ recoveryCode }) => {
    setError(null);
    try {
      await verifyMfa({ recoveryCode });
      await finishSignIn(redirectTo);
    } catch (e) {
      if (!applyServerFieldErrors(e, setFieldError, locale, ['recoveryCode'])) setError(e);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4">
      <ProblemAlert error={error} />
      <TextField
        id="mfa-recovery-code"
        label={t('auth.mfa.recoveryCode')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        error={fieldErrorText(t, errors.recoveryCode, t('validation.recoveryCode'))}
        {...register('recoveryCode')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('auth.mfa.submitRecovery')}
        </button>
      </FormActions>
    </form>
  );
}
