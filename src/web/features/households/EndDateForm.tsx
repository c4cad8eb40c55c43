import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';

type EndValues = { endsOn: string };

/**
 * Ending something on a date (a legal role, a placement): the date, today unless told otherwise,
 * checked with the contract's own schema (`{ endsOn }`); the server's "before the start" shows on it.
 */
export function EndDateForm({
  id,
  title,
  label,
  submitLabel,
  schema,
  onSubmit,
  onCancel,
}: {
  id: string;
  title: string;
  label: string;
  submitLabel: string;
  schema: z.ZodType<EndValues, EndValues>;
  /** Resolves when saved; rejects with the server's refusal. */
  onSubmit: (endsOn: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<EndValues>({
    resolver: zodResolver(schema),
    defaultValues: { endsOn: todayLocal() },
    reValidateMode: 'onSubmit',
  });
  const { errors, isSubmitting } = form.formState;
  // A refusal that found no field to sit on (the record already ended, say).
  const [problem, setProblem] = useState<unknown>(null);
  useEffect(() => {
    form.setFocus('endsOn');
  }, [form]);

  const submit = form.handleSubmit(async ({ endsOn }) => {
    setProblem(null);
    try {
      await onSubmit(endsOn);
    } catch (e) {
      if (!applyServerFieldErrors(e, form.setError, locale, ['endsOn'])) setProblem(e);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="card shadow-sm p-4 my-3" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="h6">
        {title}
      </h4>
      {problem ? <ActionProblem error={problem} /> : null}
      <TextField
        id={`${id}-date`}
        type="date"
        label={label}
        required
        error={fieldErrorText(t, errors.endsOn)}
        {...form.register('endsOn')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {submitLabel}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
