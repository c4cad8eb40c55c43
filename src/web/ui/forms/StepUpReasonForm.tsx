import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { ReasonForm } from './ReasonForm.js';
import { StepUpCodeForm, type StepUpTexts } from './StepUpCodeForm.js';
import { problemType } from './server-errors.js';

/** The server wants a fresh second factor before it answers (403 `step-up-required`). */
export const isStepUpRequired = (error: unknown) => problemType(error).endsWith('step-up-required');

/**
 * Something sealed opened with a reason (an address, a landlord's details, a document): the reason
 * first (ReasonForm), then, when the server answers `step-up-required`, the code of the
 * authenticator app (StepUpCodeForm) and the same call again. What the call gives is handed to
 * `onDone` and kept by the caller only: never in the mutation cache once this form is gone.
 */
export function StepUpReasonForm<T>({
  id,
  label,
  hint,
  submitLabel,
  schema,
  stepUpTexts,
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
  stepUpTexts: StepUpTexts;
  run: (reason: string) => Promise<T>;
  onDone: (result: T) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [stepUp, setStepUp] = useState(false);
  const action = useMutation({
    mutationFn: run,
    gcTime: 0,
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
        texts={stepUpTexts}
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
