import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZPasswordResetRequestSchema } from '../../../contracts/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { AuthCard } from './AuthCard.js';
import { requestPasswordReset } from './auth-api.js';

/** The answer is the same whether or not the address is known, so it reveals nothing about accounts. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(ZPasswordResetRequestSchema), defaultValues: { email: '' } });

  const onSubmit = handleSubmit(async ({ email }) => {
    setError(null);
    try {
      await requestPasswordReset(email);
      setSent(true);
    } catch (e) {
      setError(e);
    }
  });

  return (
    <AuthCard title={t('auth.forgot.title')} intro={sent ? undefined : t('auth.forgot.intro')}>
      {sent ? (
        <div className="alert alert-success" role="status">
          {t('auth.forgot.sent')}
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="mt-4">
          <ProblemAlert error={error} />
          <TextField
            id="forgot-email"
            type="email"
            label={t('auth.forgot.email')}
            autoComplete="email"
            required
            error={fieldErrorText(t, errors.email, t('validation.email'))}
            {...register('email')}
          />
          <FormActions>
            <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
              {t('auth.forgot.submit')}
            </button>
          </FormActions>
        </form>
      )}
      <p className="mt-4 mb-0">
        <Link to="/login" search={{}}>
          {t('auth.mfa.backToLogin')}
        </Link>
      </p>
    </AuthCard>
  );
}
