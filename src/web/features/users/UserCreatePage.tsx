import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZUserCreateSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { createUser } from './users-api.js';

const FIELDS = ['username', 'displayName', 'email', 'phone', 'locale', 'addressForm'] as const;

/** A new user gets an e-mail invitation to set a password; memberships are added on the next page. */
export function UserCreatePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZUserCreateSchema),
    defaultValues: {
      username: '',
      displayName: '',
      email: '',
      phone: null,
      locale: 'it' as const,
      addressForm: 'neutral' as const,
    },
  });

  const onSubmit = handleSubmit(async (body) => {
    setError(null);
    try {
      const result = await createUser(body);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      await navigate({
        to: '/users/$userId',
        params: { userId: result.user.id },
        search: { invited: result.invitationSent },
      });
    } catch (e) {
      if (!applyServerFieldErrors(e, setFieldError, locale, FIELDS)) setError(e);
    }
  });

  return (
    <>
      <PageHeading title={t('users.create.title')}>
        <p className="mb-0">{t('users.create.intro')}</p>
      </PageHeading>
      <form onSubmit={onSubmit} noValidate className="col-lg-8">
        <ProblemAlert error={error} />
        <TextField
          id="user-username"
          label={t('users.fields.username')}
          hint={t('users.create.usernameHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={fieldErrorText(t, errors.username, t('users.create.usernameHint'))}
          {...register('username')}
        />
        <TextField
          id="user-display-name"
          label={t('users.fields.displayName')}
          autoComplete="off"
          required
          error={fieldErrorText(t, errors.displayName)}
          {...register('displayName')}
        />
        <TextField
          id="user-email"
          type="email"
          label={t('users.fields.email')}
          autoComplete="off"
          required
          error={fieldErrorText(t, errors.email, t('validation.email'))}
          {...register('email')}
        />
        <TextField
          id="user-phone"
          type="tel"
          label={t('users.fields.phone')}
          hint={t('users.phoneHint')}
          autoComplete="off"
          error={fieldErrorText(t, errors.phone, t('users.phoneHint'))}
          {...register('phone', {
            setValueAs: (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v),
          })}
        />
        <SelectField
          id="user-locale"
          label={t('users.fields.locale')}
          options={codesOf(ZUserCreateSchema.shape.locale).map((l) => ({
            value: l,
            label: t(`locales.${l}`),
          }))}
          error={fieldErrorText(t, errors.locale)}
          {...register('locale')}
        />
        <SelectField
          id="user-address-form"
          label={t('users.fields.addressForm')}
          hint={t('users.addressFormHint')}
          options={codesOf(ZUserCreateSchema.shape.addressForm).map((form) => ({
            value: form,
            label: t(`users.addressForms.${form}`),
          }))}
          error={fieldErrorText(t, errors.addressForm)}
          {...register('addressForm')}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('users.create.submit')}
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary"
            onClick={() => navigate({ to: '/users' })}
          >
            {t('common.cancel')}
          </button>
        </FormActions>
      </form>
    </>
  );
}
