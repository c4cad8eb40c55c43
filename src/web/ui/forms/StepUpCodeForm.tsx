import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZStepUpRequestSchema } from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../fields.js';
import { ActionProblem } from './ActionProblem.js';
import { serverFieldError } from './server-errors.js';

const ZCodeSchema = ZStepUpRequestSchema.pick({ code: true });

function stepUp(body: { code: string; reason: string }) {
  return api('/api/auth/step-up', { method: 'POST', body, skipUnauthorizedRedirect: true });
}

/** The words of one use of the form: each feature says why it asks. */
export interface StepUpTexts {
  title: string;
  intro: string;
  code: string;
  codeHint: string;
  submit: string;
}

/**
 * The server wants a fresh second factor before a sensitive action: the code from the
 * authenticator app, sent with the action's reason (recorded with the confirmation), then the
 * caller repeats what it was doing. `error` and `pending` are the caller's own action's.
 */
export function StepUpCodeForm({
  id,
  texts,
  reason,
  pending = false,
  error,
  onVerified,
  onCancel,
}: {
  id: string;
  texts: StepUpTexts;
  reason: string;
  pending?: boolean;
  error?: unknown;
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
        {texts.title}
      </h4>
      <p>{texts.intro}</p>
      {verify.error && !codeError ? <ActionProblem error={verify.error} /> : null}
      {error ? <ActionProblem error={error} /> : null}
      <TextField
        id={`${id}-code`}
        label={texts.code}
        hint={texts.codeHint}
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
          {texts.submit}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
