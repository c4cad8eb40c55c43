import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZLoginRequestSchema } from '../../../contracts/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { AuthCard } from './AuthCard.js';
import { login } from './auth-api.js';
import { SsoProviderLinks } from './SsoProviderLinks.js';
import { useFinishSignIn } from './use-finish-sign-in.js';

export function LoginPage({ redirectTo }: { redirectTo?: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const finishSignIn = useFinishSignIn();
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(ZLoginRequestSchema), defaultValues: { username: '', password: '' } });

  const onSubmit = handleSubmit(async ({ username, password }) => {
    setError(null);
    try {
      const { state } = await login(username, password);
      if (state === 'authenticated') await finishSignIn(redirectTo);
      else if (state === 'mfa_required')
        await navigate({ to: '/login/mfa', search: { redirect: redirectTo } });
      else await navigate({ to: '/login/mfa-enrolment' });
    } catch (e) {
      setError(e);
    }
  });

  return (
    <AuthCard title={t('auth.login.title')} intro={t('auth.login.intro')}>
      <ProblemAlert error={error} />
      <form onSubmit={onSubmit} noValidate className="mt-4">
        <TextField
          id="login-username"
          label={t('auth.login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={fieldErrorText(t, errors.username, t('validation.required'))}
          {...register('username')}
        />
        <TextField
          id="login-password"
          type="password"
          label={t('auth.login.password')}
          autoComplete="current-password"
          required
          error={fieldErrorText(t, errors.password, t('validation.required'))}
          {...register('password')}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('auth.login.submit')}
          </button>
        </FormActions>
      </form>
      <p className="mt-4 mb-0">
        <Link to="/forgot-password">{t('auth.login.forgot')}</Link>
      </p>
      <SsoProviderLinks />
    </AuthCard>
  );
}
