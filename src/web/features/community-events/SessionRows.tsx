import { useState } from 'react';
import { type UseFormReturn, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZEventInputSchema } from '../../../contracts/community.js';
import { ZSessionInputSchema } from '../../../contracts/gatherings.js';
import { TextField } from '../../ui/fields.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxItemsOf, maxLengthOf } from '../../ui/forms/limits.js';
import { type EventValues, nextSessionRow, repeatWeekly } from './event-form.js';

const MAX_SESSIONS = maxItemsOf(ZEventInputSchema.shape.sessions);
const PLACE_MAX = maxLengthOf(ZSessionInputSchema.shape.place);

/**
 * The sessions of an event, one row each (day, start, end, place). A lab is a series: its first
 * session repeated weekly makes the others at once, and each added row starts a week after the last.
 */
export function SessionRows({ form }: { form: UseFormReturn<EventValues> }) {
  const { t } = useTranslation();
  const sessions = useFieldArray({ control: form.control, name: 'sessions' });
  const errors = form.formState.errors.sessions;
  const [times, setTimes] = useState('4');
  const { register } = form;

  const repeat = () => {
    const count = Math.min(MAX_SESSIONS, Math.max(1, Number(times) || 1));
    const first = form.getValues('sessions.0');
    if (first) sessions.replace(repeatWeekly(first, count));
  };
  const firstDay = form.watch('sessions.0.day');
  const listErrorOf = errors?.root ?? (errors?.message ? errors : undefined);
  const listError = listErrorOf
    ? listErrorOf.type === 'server' && listErrorOf.message
      ? listErrorOf.message
      : t('communityEvents.form.sessionsInvalid')
    : null;

  return (
    <section aria-labelledby="event-sessions-heading" className="mb-4">
      <h2 id="event-sessions-heading" className="h5">
        {t('communityEvents.form.sessions')}
      </h2>
      <p>{t('communityEvents.form.sessionsIntro')}</p>
      {sessions.fields.map((field, index) => {
        const e = errors?.[index];
        const day = form.getValues(`sessions.${index}.day`);
        // A session without its day is refused on its start: say so on the day.
        const dayMissing = Boolean(e?.startsAt) && !day;
        return (
          <fieldset key={field.id} className="border-bottom mb-3">
            <legend className="h6 fw-semibold text-body mb-3 px-0">
              {t('communityEvents.form.sessionN', { n: index + 1 })}
            </legend>
            <div className="row">
              <TextField
                id={`session-${index}-day`}
                className="col-md-4"
                type="date"
                label={t('communityEvents.form.day')}
                required
                error={dayMissing ? t('validation.required') : undefined}
                {...register(`sessions.${index}.day`)}
              />
              <TextField
                id={`session-${index}-start`}
                className="col-6 col-md-4"
                type="time"
                label={t('communityEvents.form.start')}
                required
                error={dayMissing ? undefined : fieldErrorText(t, e?.startsAt)}
                {...register(`sessions.${index}.startsAt`)}
              />
              <TextField
                id={`session-${index}-end`}
                className="col-6 col-md-4"
                type="time"
                label={t('communityEvents.form.end')}
                required
                error={fieldErrorText(
                  t,
                  e?.endsAt,
                  e?.endsAt?.type === 'custom' ? t('communityEvents.form.endRule') : undefined,
                )}
                {...register(`sessions.${index}.endsAt`)}
              />
            </div>
            <TextField
              id={`session-${index}-place`}
              label={t('communityEvents.form.place')}
              hint={t('communityEvents.form.placeHint')}
              maxLength={PLACE_MAX}
              error={fieldErrorText(t, e?.place)}
              {...register(`sessions.${index}.place`)}
            />
            {sessions.fields.length > 1 && (
              <button
                type="button"
                className="btn btn-outline-danger btn-xs mb-3"
                onClick={() => sessions.remove(index)}
              >
                {t('communityEvents.form.removeSession', { n: index + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      {/* A refusal of the sessions as a whole (their order, their number) sits under the last one. */}
      {listError ? (
        <p className="text-danger" role="alert">
          {listError}
        </p>
      ) : null}
      <div className="d-flex flex-wrap gap-2 align-items-end mb-3">
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          disabled={sessions.fields.length >= MAX_SESSIONS}
          onClick={() => sessions.append(nextSessionRow(form.getValues('sessions')))}
        >
          {t('communityEvents.form.addSession')}
        </button>
      </div>
      <div className="card p-3">
        <p className="mb-2">{t('communityEvents.form.repeatIntro')}</p>
        <div className="d-flex flex-wrap gap-2 align-items-end">
          <TextField
            id="session-repeat-count"
            className="mb-0"
            type="number"
            inputMode="numeric"
            label={t('communityEvents.form.repeatCount')}
            max={MAX_SESSIONS}
            value={times}
            onChange={(e) => setTimes(e.target.value)}
          />
          <button
            type="button"
            className="btn btn-outline-primary btn-sm mb-3"
            disabled={!firstDay}
            onClick={repeat}
          >
            {t('communityEvents.form.repeat')}
          </button>
        </div>
        {!firstDay && <small className="form-text d-block">{t('communityEvents.form.repeatNeedsDay')}</small>}
      </div>
    </section>
  );
}
