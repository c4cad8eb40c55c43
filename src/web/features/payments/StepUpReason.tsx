import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { StepUpCodeForm } from '../../ui/forms/StepUpCodeForm.js';
import { problemType } from '../../ui/forms/server-errors.js';

const isStepUpRequired = (error: unknown) => problemType(error).endsWith('step-up-required');

/**
 * Something sealed opened with a reason: the reason first (the shared ReasonForm), then, when the
 * server answers `step-up-required`, the code of the authenticator app (the shared StepUpCodeForm)
 * and the same call again. What the call gives is handed to `onDone` and kept by the caller only.
 */
export function StepUpReason<T>({
  id,
  label,
  hint,
  submitLabel,
  schema,
  run,
  onDone,
  onCancel,
}: {
  id: string;
  label: string;
  hint: string;
  submitLabel: string;
  /** The contract's reason field (ReasonForm's default otherwise). */
  schema?: z.ZodType<string | null | undefined, string | null | undefined>;
  run: (reason: string) => Promise<T>;
  onDone: (result: T) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [stepUp, setStepUp] = useState(false);
  const action = useMutation({
    mutationFn: run,
    onSuccess: onDone,
    onError: (error) => {
      if (isStepUpRequired(error)) setStepUp(true);
    },
  });
  const otherError = action.error && !isStepUpRequired(action.error) ? action.error : null;
  if (stepUp)
    return (
      <StepUpCodeForm
        id={`${id}-step-up`}
        texts={{
          title: t('payments.stepUp.title'),
          intro: t('payments.stepUp.intro'),
          code: t('payments.stepUp.code'),
          codeHint: t('payments.stepUp.codeHint'),
          submit: t('payments.stepUp.submit'),
        }}
        reason={reason}
        pending={action.isPending}
        error={otherError}
        onVerified={() => action.mutate(reason)}
        onCancel={onCancel}
      />
    );
  return (
    <ReasonForm
      id={`${id}-reason`}
      label={label}
      hint={hint}
      submitLabel={submitLabel}
      {...(schema ? { schema } : {})}
      tone="primary"
      pending={action.isPending}
      error={otherError}
      onSubmit={(why) => {
        setReason(why);
        action.mutate(why);
      }}
      onCancel={onCancel}
    />
  );
}
