import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type TMediator, ZAbsenceInputSchema } from '../../../contracts/mediation.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';
import { useAbsenceMutations, useMyMediatorRecord } from './mediation-mine-api.js';

type AbsenceValues = z.input<typeof ZAbsenceInputSchema>;
const resolver = zodResolver(ZAbsenceInputSchema);

/**
 * When the mediator can work: the weekly hours the coordination keeps (read here), and the
 * absences the mediator adds and removes themselves (matching leaves them out on those days).
 */
export function AvailabilitySection() {
  const { t } = useTranslation();
  const me = useMyMediatorRecord();
  return (
    <section aria-labelledby="availability-heading" className="mb-5">
      <h2 id="availability-heading" className="h3">
        {t('mediationMine.availability.title')}
      </h2>
      <AsyncContent query={me}>
        {(mediator) => (
          <>
            <WeeklyHours slots={mediator.availability} />
            <Absences absences={mediator.absences} />
          </>
        )}
      </AsyncContent>
    </section>
  );
}

function WeeklyHours({ slots }: { slots: TMediator['availability'] }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="h5">{t('mediationMine.availability.weekly')}</h3>
      {slots.length === 0 ? (
        <p>{t('mediationMine.availability.weeklyEmpty')}</p>
      ) : (
        <ul>
          {slots.map((slot) => (
            <li key={`${slot.weekday}-${slot.from}`}>
              {t('mediationMine.availability.slot', {
                day: t(`mediationWords.weekday.${slot.weekday}`),
                from: slot.from,
                to: slot.to,
              })}
            </li>
          ))}
        </ul>
      )}
      <p className="small">{t('mediationMine.availability.weeklyNote')}</p>
    </>
  );
}

function Absences({ absences }: { absences: TMediator['absences'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { remove } = useAbsenceMutations();
  const [message, setMessage] = useState<string | null>(null);
  const today = todayLocal();
  // The record keeps a month of past absences; the mediator plans what is ahead.
  const ahead = absences.filter((a) => a.to >= today);
  const words = (a: { from: string; to: string }) =>
    a.from === a.to
      ? t('mediationMine.availability.absenceOneDay', { day: formatDay(a.from, locale) })
      : t('mediationMine.availability.absence', {
          from: formatDay(a.from, locale),
          to: formatDay(a.to, locale),
        });
  return (
    <>
      <h3 className="h5 mt-4">{t('mediationMine.availability.absences')}</h3>
      <p className="small">{t('mediationMine.availability.absencesNote')}</p>
      {message && (
        <p className="alert alert-success" role="status">
          {message}
        </p>
      )}
      {remove.error ? <ActionProblem error={remove.error} /> : null}
      {ahead.length === 0 ? (
        <p>{t('mediationMine.availability.absencesEmpty')}</p>
      ) : (
        <ul className="list-unstyled">
          {ahead.map((absence) => (
            <li
              key={absence.id}
              className="d-flex flex-wrap justify-content-between align-items-center gap-2 border-bottom py-2"
            >
              <span>{words(absence)}</span>
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                aria-label={t('mediationMine.availability.removeNamed', { absence: words(absence) })}
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(absence.id, {
                    onSuccess: () => setMessage(t('mediationMine.availability.removed')),
                  })
                }
              >
                {t('mediationMine.availability.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <AbsenceForm onAdded={() => setMessage(t('mediationMine.availability.added'))} />
    </>
  );
}

function AbsenceForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { add } = useAbsenceMutations();
  const blank = { from: todayLocal(), to: todayLocal() };
  const form = useForm<AbsenceValues>({ resolver, defaultValues: blank });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(values);
      form.reset(blank);
      onAdded();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card shadow-sm p-3 mt-3" aria-labelledby="absence-new">
      <h4 id="absence-new" className="h6">
        {t('mediationMine.availability.add')}
      </h4>
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <TextField
        id="absence-from"
        type="date"
        label={t('mediationMine.availability.from')}
        required
        error={fieldErrorText(t, errors.from)}
        {...form.register('from')}
      />
      <TextField
        id="absence-to"
        type="date"
        label={t('mediationMine.availability.to')}
        required
        error={fieldErrorText(
          t,
          errors.to,
          errors.to && form.getValues('from') > form.getValues('to')
            ? t('mediationMine.availability.toBeforeFrom')
            : undefined,
        )}
        {...form.register('to')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('mediationMine.availability.submit')}
        </button>
      </FormActions>
    </form>
  );
}
