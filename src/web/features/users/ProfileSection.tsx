import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TUser, ZUserUpdateSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { CheckboxField, FormActions, SelectField, TextField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { HiddenValue } from './HiddenValue.js';
import { useUserMutations } from './users-api.js';

export function ProfileSection({ user }: { user: TUser }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canWrite = useCan()('users.write');
  const [editing, setEditing] = useState(false);

  return (
    <section aria-labelledby="profile-heading" className="mb-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center mb-3">
        <h2 id="profile-heading" className="h4 mb-0">
          {t('users.detail.profile')}
        </h2>
        {canWrite && !editing && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
            {t('users.detail.editProfile')}
          </button>
        )}
      </div>
      {editing ? (
        <ProfileForm user={user} onDone={() => setEditing(false)} />
      ) : (
        <dl className="row">
          <dt className="col-sm-3">{t('users.fields.email')}</dt>
          <dd className="col-sm-9">
            <HiddenValue value={user.email} />
          </dd>
          <dt className="col-sm-3">{t('users.fields.phone')}</dt>
          <dd className="col-sm-9">
            <HiddenValue value={user.phone} />
          </dd>
          <dt className="col-sm-3">{t('users.fields.locale')}</dt>
          <dd className="col-sm-9">{t(`locales.${user.locale}`)}</dd>
          <dt className="col-sm-3">{t('users.fields.addressForm')}</dt>
          <dd className="col-sm-9">{t(`users.addressForms.${user.addressForm}`)}</dd>
          <dt className="col-sm-3">{t('users.fields.mfa')}</dt>
          <dd className="col-sm-9">
            {user.mfaEnrolled ? t('users.mfa.enrolled') : t('users.mfa.notEnrolled')}
          </dd>
          <dt className="col-sm-3">{t('users.fields.status')}</dt>
          <dd className="col-sm-9">
            {user.disabled ? t('users.status.disabled') : t('users.status.active')}
          </dd>
          <dt className="col-sm-3">{t('users.fields.createdAt')}</dt>
          <dd className="col-sm-9">{formatDateTime(user.createdAt, locale)}</dd>
        </dl>
      )}
    </section>
  );
}

/** Fields the viewer cannot see are not offered for editing: saving them would overwrite blindly. */
function ProfileForm({ user, onDone }: { user: TUser; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { update } = useUserMutations(user.id);
  const emailVisible = user.email !== null;
  const phoneVisible = user.phone !== null || emailVisible;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZUserUpdateSchema),
    defaultValues: {
      displayName: user.displayName,
      email: user.email ?? undefined,
      phone: user.phone,
      locale: user.locale,
      addressForm: user.addressForm,
      disabled: user.disabled,
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    const body: Record<string, unknown> = {
      displayName: values.displayName,
      locale: values.locale,
      addressForm: values.addressForm,
      disabled: values.disabled,
    };
    if (emailVisible) body.email = values.email;
    if (phoneVisible) body.phone = values.phone ?? null;
    try {
      await update.mutateAsync(body);
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, setError, locale, [
        'displayName',
        'email',
        'phone',
        'locale',
        'addressForm',
        'disabled',
      ]);
    }
  });

  return (
    <EditorCard id="profile-editor" title={t('users.detail.editProfile')}>
      <form onSubmit={onSubmit} noValidate>
        {update.error && !Object.keys(errors).length ? <ProblemAlert error={update.error} /> : null}
        <TextField
          id="profile-display-name"
          label={t('users.fields.displayName')}
          required
          error={fieldErrorText(t, errors.displayName)}
          {...register('displayName')}
        />
        {emailVisible && (
          <TextField
            id="profile-email"
            type="email"
            label={t('users.fields.email')}
            required
            error={fieldErrorText(t, errors.email, t('validation.email'))}
            {...register('email')}
          />
        )}
        {phoneVisible && (
          <TextField
            id="profile-phone"
            type="tel"
            label={t('users.fields.phone')}
            hint={t('users.phoneHint')}
            error={fieldErrorText(t, errors.phone, t('users.phoneHint'))}
            {...register('phone', {
              setValueAs: (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v),
            })}
          />
        )}
        <SelectField
          id="profile-locale"
          label={t('users.fields.locale')}
          options={codesOf(ZUserUpdateSchema.shape.locale).map((l) => ({
            value: l,
            label: t(`locales.${l}`),
          }))}
          {...register('locale')}
        />
        <SelectField
          id="profile-address-form"
          label={t('users.fields.addressForm')}
          hint={t('users.addressFormHint')}
          options={codesOf(ZUserUpdateSchema.shape.addressForm).map((form) => ({
            value: form,
            label: t(`users.addressForms.${form}`),
          }))}
          {...register('addressForm')}
        />
        <CheckboxField
          id="profile-disabled"
          label={t('users.fields.disabled')}
          hint={t('users.detail.disabledHint')}
          {...register('disabled')}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('common.save')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </FormActions>
      </form>
    </EditorCard>
  );
}
