import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  FEEDBACK_ANSWERS,
  FEEDBACK_QUESTIONS,
  type TMediator,
  ZAbsenceInputSchema,
  ZConflictInputSchema,
} from '../../../contracts/mediation.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { FormActions, SelectField, TextField } from '../../ui/fields.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { codesOf, maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useAbsenceActions, useConflictActions, useConflicts, useFeedbackSummary } from './mediation-api.js';
import { formatDecimal } from './mediation-words.js';
import { type ConflictValues, conflictToInput } from './mediator-form.js';
import { useMediationReference } from './reference-names.js';

const conflict = ZConflictInputSchema.shape;
/** A person is declared by their record's id, which no screen shows: the form offers households and communities. */
const CONFLICT_KINDS = codesOf(conflict.kind).filter((k) => k !== 'person');
const conflictResolver = contractResolver<ConflictValues>(ZConflictInputSchema, conflictToInput);

/** Days the mediator cannot work: the matching leaves them out on those days. */
export function AbsencesSection({
  mediatorId,
  absences,
}: {
  mediatorId: string;
  absences: TMediator['absences'];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { add, remove } = useAbsenceActions(mediatorId);
  const form = useForm({ resolver: zodResolver(ZAbsenceInputSchema), defaultValues: { from: '', to: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(values);
      form.reset();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <section aria-labelledby="mediator-absences" className="mb-5">
      <h2 id="mediator-absences" className="h4">
        {t('mediation.absences.title')}
      </h2>
      <p>{t('mediation.absences.intro')}</p>
      {remove.error ? <ActionProblem error={remove.error} /> : null}
      {absences.length === 0 ? (
        <p>{t('mediation.absences.empty')}</p>
      ) : (
        <DataTable caption={t('mediation.absences.caption', { count: absences.length })}>
          <thead>
            <tr>
              <th scope="col">{t('mediation.absences.from')}</th>
              <th scope="col">{t('mediation.absences.to')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {absences.map((a) => {
              const span = t('mediation.absences.span', {
                from: formatDay(a.from, locale),
                to: formatDay(a.to, locale),
              });
              return (
                <tr key={a.id}>
                  <th scope="row">{formatDay(a.from, locale)}</th>
                  <td>{formatDay(a.to, locale)}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-outline-danger btn-xs"
                      disabled={remove.isPending}
                      aria-label={t('mediation.absences.removeNamed', { span })}
                      onClick={() => remove.mutate(a.id)}
                    >
                      {t('mediation.absences.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      <form onSubmit={submit} noValidate className="card shadow-sm p-4 mt-3">
        <h3 className="h5">{t('mediation.absences.add')}</h3>
        {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
        <div className="row">
          <TextField
            id="absence-from"
            className="col-md-4"
            type="date"
            label={t('mediation.absences.from')}
            required
            error={fieldErrorText(t, errors.from)}
            {...form.register('from')}
          />
          <TextField
            id="absence-to"
            className="col-md-4"
            type="date"
            label={t('mediation.absences.to')}
            required
            error={fieldErrorText(
              t,
              errors.to,
              errors.to?.type === 'custom' ? t('mediation.absences.endRule') : undefined,
            )}
            {...form.register('to')}
          />
        </div>
        <FormActions>
          <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
            {t('mediation.absences.save')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}

/** Families and communities the mediator must never be matched with: the coordinator's eyes only. */
export function ConflictsSection({ mediatorId }: { mediatorId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const conflicts = useConflicts(mediatorId);
  const { declare, remove } = useConflictActions(mediatorId);
  const { countryOptions } = useMediationReference();
  const form = useForm<ConflictValues>({
    resolver: conflictResolver,
    defaultValues: { kind: 'household', householdCode: '', country: '', note: '' },
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await declare.mutateAsync(ZConflictInputSchema.parse(conflictToInput(values)));
      form.reset();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <section aria-labelledby="mediator-conflicts" className="mb-5">
      <h2 id="mediator-conflicts" className="h4">
        {t('mediation.conflicts.title')}
      </h2>
      <p>{t('mediation.conflicts.intro')}</p>
      {remove.error ? <ActionProblem error={remove.error} /> : null}
      <AsyncContent query={conflicts}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('mediation.conflicts.empty')}</p>
          ) : (
            <DataTable caption={t('mediation.conflicts.caption', { count: items.length })}>
              <thead>
                <tr>
                  <th scope="col">{t('mediation.conflicts.subject')}</th>
                  <th scope="col">{t('mediation.conflicts.kind')}</th>
                  <th scope="col">{t('mediation.conflicts.note')}</th>
                  <th scope="col">{t('mediation.conflicts.declaredAt')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.subject}</th>
                    <td>{t(`mediationWords.conflictKind.${c.kind}`)}</td>
                    <td>{c.note ?? '—'}</td>
                    <td>{formatDateTime(c.declaredAt, locale)}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-outline-danger btn-xs"
                        disabled={remove.isPending}
                        aria-label={t('mediation.conflicts.removeNamed', { subject: c.subject })}
                        onClick={() => remove.mutate(c.id)}
                      >
                        {t('mediation.conflicts.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
      <form onSubmit={submit} noValidate className="card shadow-sm p-4 mt-3">
        <h3 className="h5">{t('mediation.conflicts.add')}</h3>
        {declare.error && Object.keys(errors).length === 0 ? <ActionProblem error={declare.error} /> : null}
        <div className="row">
          <SelectField
            id="conflict-kind"
            className="col-md-4"
            label={t('mediation.conflicts.kind')}
            required
            options={CONFLICT_KINDS.map((k) => ({ value: k, label: t(`mediationWords.conflictKind.${k}`) }))}
            error={fieldErrorText(t, errors.kind)}
            {...form.register('kind')}
          />
          {kind === 'household' ? (
            <TextField
              id="conflict-household"
              className="col-md-4"
              label={t('mediation.conflicts.householdCode')}
              hint={t('mediation.conflicts.householdHint')}
              autoCapitalize="characters"
              spellCheck={false}
              required
              error={fieldErrorText(
                t,
                errors.householdCode,
                errors.householdCode && errors.householdCode.type !== 'invalid_value'
                  ? t('mediation.conflicts.householdInvalid')
                  : undefined,
              )}
              {...form.register('householdCode')}
            />
          ) : (
            <SelectField
              id="conflict-country"
              className="col-md-4"
              label={t('mediation.conflicts.country')}
              placeholder={t('common.choose')}
              required
              options={countryOptions}
              error={fieldErrorText(t, errors.country)}
              {...form.register('country')}
            />
          )}
          <TextField
            id="conflict-note"
            className="col-md-4"
            label={t('mediation.conflicts.note')}
            maxLength={maxLengthOf(conflict.note)}
            error={fieldErrorText(t, errors.note)}
            {...form.register('note')}
          />
        </div>
        <FormActions>
          <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
            {t('mediation.conflicts.save')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}

/** What requesters rated and, from five answers on, what the people mediated said. */
export function FeedbackSection({ mediatorId }: { mediatorId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const summary = useFeedbackSummary(mediatorId);
  return (
    <section aria-labelledby="mediator-feedback" className="mb-5">
      <h2 id="mediator-feedback" className="h4">
        {t('mediation.feedback.title')}
      </h2>
      <AsyncContent query={summary}>
        {(data) => (
          <>
            <p>
              {data.ratings === 0 || data.averageRating === null
                ? t('mediation.feedback.noRatings')
                : t('mediation.feedback.ratings', {
                    count: data.ratings,
                    average: formatDecimal(data.averageRating, locale, 1),
                  })}
            </p>
            {data.answers === null || data.people === null ? (
              <p>{t('mediation.feedback.fewPeople')}</p>
            ) : (
              <DataTable caption={t('mediation.feedback.caption', { count: data.people })}>
                <thead>
                  <tr>
                    <th scope="col">{t('mediation.feedback.question')}</th>
                    {FEEDBACK_ANSWERS.map((a) => (
                      <th scope="col" key={a}>
                        {t(`mediation.feedback.answers.${a}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {FEEDBACK_QUESTIONS.map((q) => (
                    <tr key={q}>
                      <th scope="row">{t(`mediation.feedback.questions.${q}`)}</th>
                      {FEEDBACK_ANSWERS.map((a) => (
                        <td key={a}>{data.answers?.[q]?.[a] ?? 0}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )}
          </>
        )}
      </AsyncContent>
    </section>
  );
}
