import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZSessionInputSchema } from '../../../contracts/gatherings.js';
import { type TEditionInput, ZEditionInputSchema } from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxItemsOf, maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { type EditionValues, editionToInput, newEditionValues, newSession } from './edition-form.js';

const shape = ZEditionInputSchema.shape;
const session = ZSessionInputSchema.shape;
const MAX_SESSIONS = maxItemsOf(shape.sessions);
const resolver = contractResolver<EditionValues>(ZEditionInputSchema, editionToInput);

/** A new edition: how many seats, when registration opens and closes, and its sessions. */
export function EditionForm({
  error,
  onSubmit,
  onCancel,
}: {
  error: unknown;
  onSubmit: (body: TEditionInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<EditionValues>({ resolver, defaultValues: newEditionValues() });
  const sessions = useFieldArray({ control: form.control, name: 'sessions' });
  const { errors, isSubmitting } = form.formState;
  const { register } = form;

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(ZEditionInputSchema.parse(editionToInput(values)));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      {error && Object.keys(errors).length === 0 ? <ActionProblem error={error} /> : null}
      <div className="row">
        <TextField
          id="edition-capacity"
          className="col-md-3"
          type="number"
          inputMode="numeric"
          label={t('courses.edition.capacity')}
          required
          {...rangeOf(shape.capacity)}
          error={fieldErrorText(t, errors.capacity)}
          {...register('capacity')}
        />
        <TextField
          id="edition-confirm-hours"
          className="col-md-3"
          type="number"
          inputMode="numeric"
          label={t('courses.edition.confirmWithinHours')}
          hint={t('courses.edition.confirmWithinHoursHint')}
          required
          {...rangeOf(shape.confirmWithinHours)}
          error={fieldErrorText(t, errors.confirmWithinHours)}
          {...register('confirmWithinHours')}
        />
      </div>
      <div className="row">
        <TextField
          id="edition-opens"
          className="col-md-6"
          type="datetime-local"
          label={t('courses.edition.registrationOpensAt')}
          required
          error={fieldErrorText(t, errors.registrationOpensAt)}
          {...register('registrationOpensAt')}
        />
        <TextField
          id="edition-closes"
          className="col-md-6"
          type="datetime-local"
          label={t('courses.edition.registrationClosesAt')}
          required
          error={fieldErrorText(
            t,
            errors.registrationClosesAt,
            errors.registrationClosesAt?.type === 'custom'
              ? t('courses.edition.closesAfterOpens')
              : undefined,
          )}
          {...register('registrationClosesAt')}
        />
      </div>
      <h4 className="h6">{t('courses.edition.sessions')}</h4>
      {sessions.fields.map((field, index) => {
        const e = errors.sessions?.[index];
        return (
          <fieldset key={field.id} className="border-bottom mb-3">
            <legend className="h6 fw-semibold text-body mb-3 px-0">
              {t('courses.edition.sessionN', { n: index + 1 })}
            </legend>
            <div className="row">
              <TextField
                id={`session-${index}-start`}
                className="col-md-5"
                type="datetime-local"
                label={t('courses.edition.sessionStart')}
                required
                error={fieldErrorText(t, e?.startsAt)}
                {...register(`sessions.${index}.startsAt`)}
              />
              <TextField
                id={`session-${index}-end`}
                className="col-md-3"
                type="time"
                label={t('courses.edition.sessionEnd')}
                hint={t('courses.edition.sessionEndHint')}
                required
                error={fieldErrorText(
                  t,
                  e?.endsAt,
                  e?.endsAt?.type === 'custom' ? t('courses.edition.endRule') : undefined,
                )}
                {...register(`sessions.${index}.endsAt`)}
              />
            </div>
            <div className="row">
              <TextField
                id={`session-${index}-place`}
                className="col-md-6"
                label={t('courses.edition.place')}
                maxLength={maxLengthOf(session.place)}
                error={fieldErrorText(t, e?.place)}
                {...register(`sessions.${index}.place`)}
              />
              <TextField
                id={`session-${index}-link`}
                className="col-md-6"
                type="url"
                label={t('courses.edition.onlineLink')}
                hint={t('courses.edition.onlineLinkHint')}
                error={fieldErrorText(t, e?.onlineLink)}
                {...register(`sessions.${index}.onlineLink`)}
              />
            </div>
            {sessions.fields.length > 1 && (
              <button
                type="button"
                className="btn btn-outline-danger btn-xs mb-3"
                onClick={() => sessions.remove(index)}
              >
                {t('courses.edition.removeSession', { n: index + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm mb-4"
        disabled={sessions.fields.length >= MAX_SESSIONS}
        onClick={() => sessions.append(newSession())}
      >
        {t('courses.edition.addSession')}
      </button>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('courses.edition.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
