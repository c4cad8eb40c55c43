import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZAddressFormChangeRequestSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { sessionQueryOptions, useSession } from '../../session/session.js';
import { FormActions, RadioGroup } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { saveAddressForm } from './account-api.js';

/** The signed-in person's own account: how Trama addresses them, and the way to their password. */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <div className="col-lg-8">
      <PageHeading title={t('account.title')}>
        <p className="mb-0">
          {session.user.displayName} · {session.user.username}
        </p>
      </PageHeading>
      <AddressFormSection />
      <section aria-labelledby="account-password-heading" className="mb-5">
        <h2 id="account-password-heading" className="h4">
          {t('account.passwordSection')}
        </h2>
        <Link to="/account/password">{t('account.password.title')}</Link>
      </section>
    </div>
  );
}

function AddressFormSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const {
    control,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZAddressFormChangeRequestSchema),
    defaultValues: { addressForm: session.user.addressForm },
  });

  const onSubmit = handleSubmit(async (body) => {
    setSaved(false);
    setError(null);
    try {
      await saveAddressForm(body);
      // The header, Home's greeting and every role name read the form from the session.
      await queryClient.invalidateQueries({ queryKey: sessionQueryOptions.queryKey });
      setSaved(true);
    } catch (e) {
      if (!applyServerFieldErrors(e, setFieldError, locale, ['addressForm'])) setError(e);
    }
  });

  return (
    <section aria-labelledby="account-address-heading" className="mb-5">
      <h2 id="account-address-heading" className="h4">
        {t('account.addressForm.title')}
      </h2>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={error} />
        {saved && (
          <div className="alert alert-success" role="status">
            {t('account.addressForm.saved')}
          </div>
        )}
        <Controller
          control={control}
          name="addressForm"
          render={({ field }) => (
            <RadioGroup
              id="account-address-form"
              name="addressForm"
              legend={t('account.addressForm.legend')}
              hint={t('account.addressForm.hint')}
              inline={false}
              options={codesOf(ZAddressFormChangeRequestSchema.shape.addressForm).map((form) => ({
                value: form,
                label: t(`account.addressForm.options.${form}`),
              }))}
              value={field.value}
              onChange={(value) => {
                setSaved(false);
                field.onChange(value);
              }}
              error={fieldErrorText(t, errors.addressForm, t('validation.choose'))}
            />
          )}
        />
        <FormActions>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {t('common.save')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
