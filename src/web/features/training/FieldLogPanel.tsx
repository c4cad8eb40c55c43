import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type TEdition,
  type TFieldLogEntry,
  ZFieldLogFeedbackSchema,
  ZFieldLogInputSchema,
} from '../../../contracts/training.js';
import { useLocale } from '../../i18n/index.js';
import { useCan, useSession } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { type FieldLogValues, fieldLogToInput, newFieldLogValues } from './field-log-form.js';
import { useFieldLog, useFieldLogMutations, useMyOpenCases } from './questionnaires-api.js';
import { hoursLabel } from './training-words.js';

const shape = ZFieldLogInputSchema.shape;
const resolver = contractResolver<FieldLogValues>(ZFieldLogInputSchema, fieldLogToInput);

/**
 * The field log of experiential training: the trainee writes their entries and reads them; the
 * edition's trainers read every entry and answer with feedback.
 */
export function FieldLogPanel({ edition }: { edition: TEdition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const log = useFieldLog(edition.id);
  const trainee = edition.myPlace?.status === 'confirmed';
  return (
    <section aria-labelledby="field-log" className="mb-4">
      <h2 id="field-log" className="h4">
        {t('courses.fieldLog.title')}
      </h2>
      <p>{t(edition.managed ? 'courses.fieldLog.introTrainer' : 'courses.fieldLog.introTrainee')}</p>
      {trainee && <FieldLogForm editionId={edition.id} />}
      <AsyncContent query={log}>
        {(data) =>
          data.entries.length === 0 ? (
            <p>{t('courses.fieldLog.empty')}</p>
          ) : (
            <>
              <p>{t('courses.fieldLog.total', { hours: hoursLabel(data.totalHours, locale) })}</p>
              <ul className="list-unstyled">
                {data.entries.map((entry) => (
                  <Entry key={entry.id} entry={entry} editionId={edition.id} trainer={edition.managed} />
                ))}
              </ul>
            </>
          )
        }
      </AsyncContent>
    </section>
  );
}

function Entry({
  entry,
  editionId,
  trainer,
}: {
  entry: TFieldLogEntry;
  editionId: string;
  trainer: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { feedback } = useFieldLogMutations(editionId);
  const [answering, setAnswering] = useState(false);
  const heading = t('courses.fieldLog.entryHeading', {
    date: formatDay(entry.entryOn, locale),
    activity: entry.activity,
  });
  return (
    <li className="card shadow-sm p-3 mb-3">
      <h3 className="h6 mb-1">{heading}</h3>
      <p className="small mb-2">
        {entry.mine ? t('courses.fieldLog.byMe') : entry.traineeName} · {hoursLabel(entry.hours, locale)}
        {entry.caseCode
          ? ` · ${t('courses.fieldLog.caseLinked', { code: entry.caseCode })}`
          : entry.linkedToCase
            ? ` · ${t('courses.fieldLog.someCaseLinked')}`
            : ''}
      </p>
      <p style={{ whiteSpace: 'pre-line' }}>{entry.reflections}</p>
      {entry.feedback ? (
        <div className="border-start border-3 ps-3">
          <p className="fw-semibold mb-1">
            {t('courses.fieldLog.feedbackOn', { when: formatDateTime(entry.feedbackAt, locale) })}
          </p>
          <p className="mb-0" style={{ whiteSpace: 'pre-line' }}>
            {entry.feedback}
          </p>
        </div>
      ) : (
        <p className="small mb-0">{t('courses.fieldLog.noFeedback')}</p>
      )}
      {trainer &&
        (answering ? (
          <ReasonForm
            id={`feedback-${entry.id}`}
            label={t('courses.fieldLog.feedbackLabel', { heading })}
            schema={ZFieldLogFeedbackSchema.shape.feedback}
            name="feedback"
            tone="primary"
            submitLabel={t('courses.fieldLog.feedbackSubmit')}
            pending={feedback.isPending}
            error={feedback.error}
            onSubmit={(text) =>
              feedback.mutate({ id: entry.id, feedback: text }, { onSuccess: () => setAnswering(false) })
            }
            onCancel={() => setAnswering(false)}
          />
        ) : (
          <FormActions>
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setAnswering(true)}
            >
              {t(entry.feedback ? 'courses.fieldLog.feedbackEdit' : 'courses.fieldLog.feedbackAdd', {
                heading,
              })}
            </button>
          </FormActions>
        ))}
    </li>
  );
}

function FieldLogForm({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const session = useSession();
  const cases = useMyOpenCases(session.user.id, can('cases.read'));
  const { write } = useFieldLogMutations(editionId);
  const [saved, setSaved] = useState(false);
  const form = useForm<FieldLogValues>({ resolver, defaultValues: newFieldLogValues() });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await write.mutateAsync(ZFieldLogInputSchema.parse(fieldLogToInput(values)));
      setSaved(true);
      form.reset(newFieldLogValues());
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card shadow-sm p-4 mb-4" aria-labelledby="field-log-new">
      <h3 id="field-log-new" className="h5">
        {t('courses.fieldLog.new')}
      </h3>
      {saved && (
        <p role="status" className="alert alert-success">
          {t('courses.fieldLog.saved')}
        </p>
      )}
      {write.error && Object.keys(errors).length === 0 ? <ActionProblem error={write.error} /> : null}
      <p className="alert alert-warning">{t('courses.fieldLog.privacy')}</p>
      <div className="row">
        <TextField
          id="field-log-date"
          className="col-md-6"
          type="date"
          label={t('courses.fieldLog.entryOn')}
          required
          error={fieldErrorText(t, errors.entryOn)}
          {...form.register('entryOn')}
        />
        <TextField
          id="field-log-hours"
          className="col-md-6"
          type="number"
          inputMode="decimal"
          step="0.5"
          label={t('courses.fieldLog.hours')}
          required
          {...rangeOf(shape.hours)}
          error={fieldErrorText(t, errors.hours)}
          {...form.register('hours')}
        />
      </div>
      <TextField
        id="field-log-activity"
        label={t('courses.fieldLog.activity')}
        hint={t('courses.fieldLog.activityHint')}
        required
        maxLength={maxLengthOf(shape.activity)}
        error={fieldErrorText(t, errors.activity)}
        {...form.register('activity')}
      />
      <TextAreaField
        id="field-log-reflections"
        label={t('courses.fieldLog.reflections')}
        required
        rows={5}
        maxLength={maxLengthOf(shape.reflections)}
        error={fieldErrorText(t, errors.reflections)}
        {...form.register('reflections')}
      />
      {can('cases.read') && (
        <AsyncContent query={cases}>
          {(list) => (
            <SelectField
              id="field-log-case"
              label={t('courses.fieldLog.case')}
              hint={t('courses.fieldLog.caseHint')}
              placeholder={t('courses.fieldLog.noCase')}
              options={list.map((c) => ({
                value: c.id,
                label: t('courses.fieldLog.caseOption', { code: c.code, service: c.serviceName }),
              }))}
              error={fieldErrorText(t, errors.caseId)}
              {...form.register('caseId')}
            />
          )}
        </AsyncContent>
      )}
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('courses.fieldLog.submit')}
        </button>
      </FormActions>
    </form>
  );
}
