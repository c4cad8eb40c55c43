import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { FormActions } from '../../ui/fields.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { NewPasswordFields, withNewPassword } from '../../ui/NewPasswordFields.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { AuthCard } from './AuthCard.js';
import { confirmPasswordReset } from './auth-api.js';

const ZResetFormSchema = withNewPassword({});

export function ResetPasswordPage({ token }: { token?: string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZResetFormSchema),
    defaultValues: { newPassword: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(async ({ newPassword }) => {
    if (!token) return;
    setError(null);
    try {
      await confirmPasswordReset(token, newPassword);
      setDone(true);
    } catch (e) {
      if (!applyServerFieldErrors(e, setFieldError, locale, ['newPassword'])) setError(e);
    }
  });

  if (!token) {
    return (
      <AuthCard title={t('auth.reset.title')}>
        <div className="alert alert-danger" role="alert">
          {t('auth.reset.noToken')}
        </div>
        <Link to="/forgot-password">{t('auth.reset.askAgain')}</Link>
      </AuthCard>
    );
  }

  if (done) {
    return (
      <AuthCard title={t('auth.reset.title')}>
        <div className="alert alert-success" role="status">
          {t('auth.reset.done')}
        </div>
        <Link to="/login" search={{}}>
          {t('auth.reset.goToLogin')}
        </Link>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.reset.title')} intro={t('auth.reset.intro')}>
      <form onSubmit={onSubmit} noValidate className="mt-4">
        <ProblemAlert error={error} />
        <NewPasswordFields
          ids={{ password: 'reset-new-password', confirm: 'reset-confirm-password' }}
          register={register}
          errors={errors}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('auth.reset.submit')}
          </button>
        </FormActions>
      </form>
    </AuthCard>
  );
}
