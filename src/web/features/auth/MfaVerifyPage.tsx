import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ZMfaVerifyRequestSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { AuthCard } from './AuthCard.js';
import { verifyMfa } from './auth-api.js';
import { useFinishSignIn } from './use-finish-sign-in.js';

const [ZCodeRequest, ZRecoveryCodeRequest] = ZMfaVerifyRequestSchema.options;

/** The one field each kind of second factor asks for; the form around it is the same. */
const FACTORS = {
  code: {
    schema: z.object({ value: ZCodeRequest.shape.code }),
    id: 'mfa-code',
    label: 'auth.mfa.code',
    hint: 'auth.mfa.codeHint',
    invalid: 'validation.sixDigits',
    submit: 'auth.mfa.submit',
    input: { inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 6 },
  },
  recoveryCode: {
    schema: z.object({ value: ZRecoveryCodeRequest.shape.recoveryCode }),
    id: 'mfa-recovery-code',
    label: 'auth.mfa.recoveryCode',
    hint: undefined,
    invalid: 'validation.recoveryCode',
    submit: 'auth.mfa.submitRecovery',
    input: { autoComplete: 'off', autoCapitalize: 'none', spellCheck: false },
  },
} as const;

/** Second sign-in step: the authenticator's 6-digit code, or one of the recovery codes. */
export function MfaVerifyPage({ redirectTo }: { redirectTo?: string | undefined }) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  return (
    <AuthCard
      title={t('auth.mfa.title')}
      intro={useRecovery ? t('auth.mfa.recoveryIntro') : t('auth.mfa.intro')}
    >
      <SecondFactorForm
        key={useRecovery ? 'recoveryCode' : 'code'}
        factor={useRecovery ? 'recoveryCode' : 'code'}
        redirectTo={redirectTo}
      />
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

function SecondFactorForm({
  factor,
  redirectTo,
}: {
  factor: keyof typeof FACTORS;
  redirectTo?: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const finishSignIn = useFinishSignIn();
  const [error, setError] = useState<unknown>(null);
  const config = FACTORS[factor];
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(config.schema), defaultValues: { value: '' } });

  const onSubmit = handleSubmit(async ({ value }) => {
    setError(null);
    try {
      await verifyMfa(factor === 'code' ? { code: value } : { recoveryCode: value });
      await finishSignIn(redirectTo);
    } catch (e) {
      // The server names the field as sent ('code' or 'recoveryCode'); here it is 'value'.
      if (!applyServerFieldErrors(e, (_name, err) => setFieldError('value', err), locale, [factor]))
        setError(e);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4">
      <ProblemAlert error={error} />
      <TextField
        id={config.id}
        label={t(config.label)}
        {...config.input}
        required
        hint={config.hint && t(config.hint)}
        error={fieldErrorText(t, errors.value, t(config.invalid))}
        {...register('value')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t(config.submit)}
        </button>
      </FormActions>
    </form>
  );
}
