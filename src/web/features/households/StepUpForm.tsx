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
import { stepUp } from './households-api.js';

const ZCodeSchema = ZStepUpRequestSchema.pick({ code: true });

/**
 * The server wants a fresh second factor before revealing: the code from the authenticator app,
 * sent with the reason already given, then the caller retries.
 */
export function StepUpForm({
  reason,
  pending,
  error,
  onVerified,
  onCancel,
}: {
  reason: string;
  pending: boolean;
  error: unknown;
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
    <form onSubmit={submit} noValidate className="card shadow-sm p-4 my-3" aria-labelledby="step-up-heading">
      <h4 id="step-up-heading" className="h6">
        {t('households.stepUp.title')}
      </h4>
      <p>{t('households.stepUp.intro')}</p>
      {verify.error && !codeError ? <ActionProblem error={verify.error} /> : null}
      {error ? <ActionProblem error={error} /> : null}
      <TextField
        id="step-up-code"
        label={t('households.stepUp.code')}
        hint={t('households.stepUp.codeHint')}
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
        <button type="submit" className="btn btn-primary btn-sm" disabled={verify.isPending || pending}>
          {t('households.stepUp.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
