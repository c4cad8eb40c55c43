import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../cases/ActionProblem.js';
import { stepUp } from './households-api.js';

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
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const verify = useMutation({ mutationFn: stepUp, onSuccess: onVerified });
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);

  const codeError = isApiError(verify.error)
    ? verify.error.fieldErrors(locale).find((e) => e.field.endsWith('code'))?.message
    : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const ok = /^\d{6}$/.test(code);
    setInvalid(!ok);
    if (ok) verify.mutate({ code, reason });
  }

  return (
    <form onSubmit={submit} noValidate className="card shadow-sm p-4 my-3" aria-labelledby="step-up-heading">
      <h4 id="step-up-heading" className="h6">
        {t('households.stepUp.title')}
      </h4>
      <p>{t('households.stepUp.intro')}</p>
      {verify.error && !codeError ? <ActionProblem error={verify.error} /> : null}
      {error ? <ActionProblem error={error} /> : null}
      <TextField
        ref={ref}
        id="step-up-code"
        label={t('households.stepUp.code')}
        hint={t('households.stepUp.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\s/g, ''))}
        error={invalid ? t('validation.sixDigits') : codeError}
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
