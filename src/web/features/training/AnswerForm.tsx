import { useMemo } from 'react';
import { Controller, type FieldError, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  LIKERT_POINTS,
  type TPhase,
  type TQuestionnaire,
  ZResponseInputSchema,
} from '../../../contracts/questionnaires.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, RadioGroup, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { type AnswerValues, answersToInput } from './questionnaire-form.js';
import { type AnswerTarget, useAnswer } from './questionnaires-api.js';

const LIKERT = Array.from({ length: LIKERT_POINTS }, (_, i) => i + 1);
const itemError = (e: unknown) => e as FieldError | undefined;

/**
 * A questionnaire to answer, before or after: agreement items on a 1–5 scale, knowledge items as
 * choices, and the participant's own code that pairs the two phases without naming them. Used for
 * an edition's competence questionnaire and for the services survey.
 */
export function AnswerForm({
  questionnaire,
  target,
  phase,
}: {
  questionnaire: TQuestionnaire;
  target: AnswerTarget;
  phase: TPhase;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const answer = useAnswer(target);
  const resolver = useMemo(
    () => contractResolver<AnswerValues>(ZResponseInputSchema, (v) => answersToInput(v, phase)),
    [phase],
  );
  const form = useForm<AnswerValues>({
    resolver,
    defaultValues: { code: '', answers: questionnaire.items.map(() => ({ value: '' })) },
  });
  const { errors, isSubmitting } = form.formState;
  const words = (w: { it: string; en: string | null }) => (locale === 'en' && w.en ? w.en : w.it);

  const submit = form.handleSubmit(async (values) => {
    try {
      await answer.mutateAsync(answersToInput(values, phase));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  if (answer.isSuccess)
    return (
      <div role="status" className="alert alert-success">
        <p className="mb-1 fw-semibold">{t('courses.answer.thanks')}</p>
        <p className="mb-0">
          {t(phase === 'pre' ? 'courses.answer.thanksPre' : 'courses.answer.thanksPost')}
        </p>
      </div>
    );

  return (
    <form onSubmit={submit} noValidate className="col-xl-10">
      {answer.error && Object.keys(errors).length === 0 ? <ActionProblem error={answer.error} /> : null}
      <p>{t('courses.answer.private')}</p>
      <TextField
        id="answer-code"
        label={t('courses.answer.code')}
        hint={t('courses.answer.codeHint')}
        required
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLengthOf(ZResponseInputSchema.shape.code)}
        error={fieldErrorText(t, errors.code, t('courses.answer.codeRule'))}
        {...form.register('code')}
      />
      <ol className="list-unstyled">
        {questionnaire.items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the items have no id; their position is their identity
          <li key={i}>
            <Controller
              control={form.control}
              name={`answers.${i}.value`}
              render={({ field }) => (
                <RadioGroup
                  id={`answer-${i}`}
                  name={`answer-${i}`}
                  legend={t('courses.answer.item', { n: i + 1, text: words(item.text) })}
                  required
                  inline={false}
                  options={
                    item.kind === 'likert'
                      ? LIKERT.map((n) => ({ value: String(n), label: t(`courses.answer.likert.${n}`) }))
                      : item.options.map((o, j) => ({ value: String(j), label: words(o) }))
                  }
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldErrorText(
                    t,
                    itemError(errors.answers?.[i]?.value ?? errors.answers?.[i]),
                    t('courses.answer.choose'),
                  )}
                />
              )}
            />
          </li>
        ))}
      </ol>
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('courses.answer.submit')}
        </button>
      </FormActions>
    </form>
  );
}
