import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZStepUpRequestSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { stepUp } from './identity-providers-api.js';

const ZCodeSchema = ZStepUpRequestSchema.pick({ code: true });

/**
 * Registering, changing or approving a provider decides who can enter Trama, so the server wants a
 * fresh second factor first: the code from the authenticator app, then the caller repeats what it
 * was doing. The reason recorded with the confirmation is the action's own, in words.
 */
export function ConfirmIdentity({
  id,
  reason,
  onVerified,
  onCancel,
}: {
  id: string;
  reason: string;
  onVerified: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const verify = useMutation({ mutationFn: stepUp, onSuccess: onVerified });
  const { register, handleSubmit, setFocus, formState } = useForm({
    resolver: zodResolver(ZCodeSchema),
    defaultValues: { code: '' },
    reValidateMode: 'onSubmit',
  });
  useEffect(() => {
    setFocus('code');
  }, [setFocus]);
  const codeField = register('code');
  const codeError = serverFieldError(verify.error, locale, 'code');
  const submit = handleSubmit(({ code }) => verify.mutate({ code, reason }));

  return (
    <form onSubmit={submit} noValidate className="card shadow-sm p-4 my-3" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="h6">
        {t('identityProviders.stepUp.title')}
      </h4>
      <p>{t('identityProviders.stepUp.intro')}</p>
      {verify.error && !codeError ? <ActionProblem error={verify.error} /> : null}
      <TextField
        id={`${id}-code`}
        label={t('identityProviders.stepUp.code')}
        hint={t('identityProviders.stepUp.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        {...codeField}
        onChange={(e) => {
          // Authenticator apps show the code in two groups: the spaces are dropped as it is typed.
          e.target.value = e.target.value.replace(/\s/g, '');
          return codeField.onChange(e);
        }}
        error={formState.errors.code ? t('validation.sixDigits') : codeError}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={verify.isPending}>
          {t('identityProviders.stepUp.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
