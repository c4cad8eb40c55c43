import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { NewPasswordFields, withNewPassword } from '../../ui/NewPasswordFields.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';

const ZChangePasswordFormSchema = withNewPassword({ currentPassword: z.string().min(1).max(128) });

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZChangePasswordFormSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setError(null);
    setDone(false);
    try {
      await api('/api/auth/password', { method: 'PUT', body: { currentPassword, newPassword } });
      reset();
      setDone(true);
    } catch (e) {
      if (!applyServerFieldErrors(e, setFieldError, locale, ['currentPassword', 'newPassword'])) setError(e);
    }
  });

  return (
    <div className="col-lg-8">
      <PageHeading title={t('account.password.title')}>
        <p className="mb-0">{t('auth.reset.intro')}</p>
      </PageHeading>
      {done && (
        <div className="alert alert-success" role="status">
          {t('account.password.done')}
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={error} />
        <TextField
          id="password-current"
          type="password"
          label={t('account.password.current')}
          autoComplete="current-password"
          required
          error={fieldErrorText(t, errors.currentPassword, t('validation.required'))}
          {...register('currentPassword')}
        />
        <NewPasswordFields
          ids={{ password: 'password-new', confirm: 'password-confirm' }}
          register={register}
          errors={errors}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('account.password.submit')}
          </button>
        </FormActions>
      </form>
    </div>
  );
}
