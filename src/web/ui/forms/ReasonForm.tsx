import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ZReasonSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextAreaField } from '../fields.js';
import { ActionProblem } from './ActionProblem.js';
import { fieldErrorText } from './field-error-text.js';
import { maxLengthOf, minLengthOf } from './limits.js';
import { serverFieldError } from './server-errors.js';

/**
 * An action that needs a stated reason (revoke, decline, reveal, override): the reason, the button
 * and Cancel. The reason is checked with the contract's own field (`schema`, by default the
 * `reason` of `ZReasonSchema`), whose bounds give the hint and the input's limit; the server's
 * error about that field (`name` in the request) shows on it. The reason takes the focus when the
 * form opens.
 */
export function ReasonForm({
  id,
  label,
  hint,
  schema = ZReasonSchema.shape.reason,
  name = 'reason',
  submitLabel,
  tone = 'danger',
  optional = false,
  note,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  id: string;
  label: string;
  hint?: string;
  /** The contract's reason field. */
  schema?: z.ZodType<string | null | undefined, string | null | undefined>;
  /** The reason's field in the request, as the server names it in its errors. */
  name?: string;
  submitLabel: string;
  tone?: 'danger' | 'primary';
  /** A note that may stay empty (submitted as ''), rather than a reason the action needs. */
  optional?: boolean;
  note?: ReactNode;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const minLength = minLengthOf(schema);
  const resolver = useMemo(() => {
    const reason = schema.pipe(z.string());
    return zodResolver(z.object({ reason: optional ? z.union([z.literal(''), reason]) : reason }));
  }, [schema, optional]);
  const { register, handleSubmit, setFocus, formState } = useForm({
    resolver,
    defaultValues: { reason: '' },
    // Like the server's answer, the check speaks again on the next submit, not at each key.
    reValidateMode: 'onSubmit',
  });
  useEffect(() => {
    setFocus('reason');
  }, [setFocus]);

  const serverError = serverFieldError(error, locale, name);
  const clientError = formState.errors.reason;
  const tooShort = clientError?.type === 'too_small' || clientError?.type === 'invalid_type';

  return (
    <form
      onSubmit={handleSubmit(({ reason }) => onSubmit(reason))}
      noValidate
      className="card shadow-sm p-4 my-3"
    >
      {note}
      {error && !serverError ? <ActionProblem error={error} /> : null}
      <TextAreaField
        id={id}
        label={label}
        hint={hint ?? (optional ? undefined : t('caseCommon.reasonHint', { min: minLength }))}
        required={!optional}
        rows={3}
        maxLength={maxLengthOf(schema)}
        {...register('reason')}
        error={
          tooShort
            ? t('caseCommon.reasonTooShort', { min: minLength })
            : clientError
              ? fieldErrorText(t, clientError)
              : serverError
        }
      />
      <FormActions>
        <button type="submit" className={`btn btn-${tone} btn-sm`} disabled={pending}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </FormActions>
    </form>
  );
}
