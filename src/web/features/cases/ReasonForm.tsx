import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextAreaField } from '../../ui/fields.js';
import { ActionProblem } from './ActionProblem.js';

/**
 * An action that needs a stated reason (revoke, decline, reveal, override): the reason, the button
 * and Cancel. The reason field takes the focus when the form opens.
 */
export function ReasonForm({
  id,
  label,
  hint,
  minLength = 10,
  maxLength = 1000,
  submitLabel,
  tone = 'danger',
  note,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  id: string;
  label: string;
  hint?: string;
  minLength?: number;
  maxLength?: number;
  submitLabel: string;
  tone?: 'danger' | 'primary';
  note?: ReactNode;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);

  const serverError = isApiError(error)
    ? error.fieldErrors(locale).find((e) => /(^|\.)reason$|consentOverrideReason$/.test(e.field))?.message
    : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    setTooShort(trimmed.length < minLength);
    if (trimmed.length >= minLength) onSubmit(trimmed);
  }

  return (
    <form onSubmit={submit} noValidate className="card shadow-sm p-4 my-3">
      {note}
      {error && !serverError ? <ActionProblem error={error} /> : null}
      <TextAreaField
        ref={ref}
        id={id}
        label={label}
        hint={hint ?? t('caseCommon.reasonHint', { min: minLength })}
        required
        rows={3}
        maxLength={maxLength}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={tooShort ? t('caseCommon.reasonTooShort', { min: minLength }) : serverError}
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
