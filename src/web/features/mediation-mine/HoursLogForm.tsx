import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TMediatorJob, ZHoursLogInputSchema } from '../../../contracts/mediation.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxField, FormActions, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { type HoursLogValues, hoursLogToInput, newHoursLogValues, travels } from './hours-form.js';
import { useLogHours } from './mediation-mine-api.js';

const shape = ZHoursLogInputSchema.shape;

/**
 * What happened, logged from a phone right after: minutes, travel (only in person) and whether the
 * person came. The expected length is filled in as a start; the cost is fixed by the server.
 */
export function HoursLogForm({ job, onLogged }: { job: TMediatorJob; onLogged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const log = useLogHours(job.id);
  const resolver = useMemo(
    () => contractResolver<HoursLogValues>(ZHoursLogInputSchema, (v) => hoursLogToInput(v, job)),
    [job],
  );
  const form = useForm<HoursLogValues>({ resolver, defaultValues: newHoursLogValues(job) });
  const { errors, isSubmitting } = form.formState;
  const id = (field: string) => `hours-${job.id}-${field}`;
  const submit = form.handleSubmit(async (values) => {
    try {
      await log.mutateAsync(ZHoursLogInputSchema.parse(hoursLogToInput(values, job)));
      onLogged();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="border-top pt-3" aria-labelledby={id('title')}>
      <h4 id={id('title')} className="h6">
        {t('mediationMine.hours.title')}
      </h4>
      {log.error && Object.keys(errors).length === 0 ? <ActionProblem error={log.error} /> : null}
      <TextField
        id={id('minutes')}
        type="number"
        inputMode="numeric"
        label={t('mediationMine.hours.actualMinutes')}
        hint={t('mediationMine.hours.actualMinutesHint')}
        required
        {...rangeOf(shape.actualMinutes)}
        error={fieldErrorText(t, errors.actualMinutes)}
        {...form.register('actualMinutes')}
      />
      {travels(job) && (
        <>
          <TextField
            id={id('travel')}
            type="number"
            inputMode="numeric"
            label={t('mediationMine.hours.travelMinutes')}
            hint={t('mediationMine.hours.travelMinutesHint')}
            {...rangeOf(shape.travelMinutes)}
            error={fieldErrorText(t, errors.travelMinutes)}
            {...form.register('travelMinutes')}
          />
          <TextField
            id={id('km')}
            // Text, not number: a phone's Italian keyboard writes the decimal comma (12,5).
            inputMode="decimal"
            autoComplete="off"
            label={t('mediationMine.hours.travelKm')}
            hint={t('mediationMine.hours.travelKmHint')}
            error={fieldErrorText(t, errors.travelKm)}
            {...form.register('travelKm')}
          />
        </>
      )}
      <CheckboxField
        id={id('no-show')}
        label={t('mediationMine.hours.noShow')}
        hint={t('mediationMine.hours.noShowHint')}
        {...form.register('noShow')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('mediationMine.hours.submit')}
        </button>
      </FormActions>
    </form>
  );
}
