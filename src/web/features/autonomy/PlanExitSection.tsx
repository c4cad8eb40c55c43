import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TPlan, ZPlanExitSchema } from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { FormActions, RadioGroup, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { usePlanExit } from './autonomy-api.js';
import { type ExitValues, exitDefaults, exitResolver, exitToInput } from './autonomy-forms.js';
import { planWritable } from './PlanSection.js';

const REASONS = codesOf(ZPlanExitSchema.shape.reason);

/** The plan's exit (autonomy reached, moved, dropped): once closed, the plan no longer changes. */
export function PlanExitSection({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!planWritable(plan)) return null;
  return (
    <section aria-labelledby="plan-exit-heading" className="mb-5">
      <h2 id="plan-exit-heading" className="h4">
        {t('autonomy.exit.title')}
      </h2>
      <p>{t('autonomy.exit.intro')}</p>
      {open ? (
        <EditorCard id="plan-exit-form" title={t('autonomy.exit.formTitle')}>
          <ExitForm planId={plan.id} onCancel={() => setOpen(false)} />
        </EditorCard>
      ) : (
        <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setOpen(true)}>
          {t('autonomy.exit.open')}
        </button>
      )}
    </section>
  );
}

function ExitForm({ planId, onCancel }: { planId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const exit = usePlanExit(planId);
  const form = useForm<ExitValues>({ resolver: exitResolver, defaultValues: exitDefaults() });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await exit.mutateAsync(exitToInput(values));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {exit.error && Object.keys(errors).length === 0 ? <ActionProblem error={exit.error} /> : null}
      <Controller
        control={form.control}
        name="reason"
        render={({ field }) => (
          <RadioGroup
            id="exit-reason"
            name="reason"
            legend={t('autonomy.exit.reason')}
            required
            inline={false}
            options={REASONS.map((r) => ({ value: r, label: t(`autonomy.exitReason.${r}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, errors.reason)}
          />
        )}
      />
      <TextField
        id="exit-on"
        type="date"
        label={t('autonomy.exit.exitOn')}
        required
        error={fieldErrorText(t, errors.exitOn)}
        {...form.register('exitOn')}
      />
      <TextAreaField
        id="exit-note"
        label={t('autonomy.exit.note')}
        hint={t('autonomy.exit.noteHint')}
        rows={3}
        maxLength={maxLengthOf(ZPlanExitSchema.shape.note)}
        error={fieldErrorText(t, errors.note)}
        {...form.register('note')}
      />
      <p className="small">{t('autonomy.exit.final')}</p>
      <FormActions>
        <button type="submit" className="btn btn-danger" disabled={isSubmitting}>
          {t('autonomy.exit.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
