import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZNeedAnswerSchema, ZNeedInputSchema } from '../../../contracts/community.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';
import { useNeedAdd, useNeedAnswer } from './community-api.js';
import { emptyNeed, type NeedValues, needToInput } from './community-forms.js';
import { useCommunityReference, useCommunityWords } from './community-words.js';

const needResolver = contractResolver<NeedValues>(ZNeedInputSchema, needToInput);
type AnswerValues = z.input<typeof ZNeedAnswerSchema>;

/** An information need heard from the holder: the topic, the community that asked, where, when, what. */
export function NeedForm({ holderId, onDone }: { holderId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useCommunityWords();
  const reference = useCommunityReference();
  const add = useNeedAdd(holderId);
  const form = useForm<NeedValues>({ resolver: needResolver, defaultValues: emptyNeed() });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(needToInput(values));
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {add.error && Object.keys(errors).length === 0 ? <ActionProblem error={add.error} /> : null}
      <div className="row">
        <SelectField
          id="need-topic"
          className="col-md-6"
          label={t('community.need.topic')}
          placeholder={t('common.choose')}
          required
          options={words.options('needTopic')}
          error={fieldErrorText(t, errors.topic)}
          {...form.register('topic')}
        />
        <SelectField
          id="need-community"
          className="col-md-6"
          label={t('community.need.community')}
          placeholder={t('community.need.anyCommunity')}
          options={reference.countryOptions}
          error={fieldErrorText(t, errors.community)}
          {...form.register('community')}
        />
        <SelectField
          id="need-source"
          className="col-md-6"
          label={t('community.need.source')}
          required
          options={words.options('needSource')}
          error={fieldErrorText(t, errors.source)}
          {...form.register('source')}
        />
        <TextField
          id="need-recorded"
          className="col-md-6"
          type="date"
          label={t('community.need.recordedOn')}
          required
          error={fieldErrorText(t, errors.recordedOn)}
          {...form.register('recordedOn')}
        />
      </div>
      <TextAreaField
        id="need-question"
        label={t('community.need.question')}
        hint={t('community.need.questionHint')}
        required
        rows={3}
        maxLength={maxLengthOf(ZNeedInputSchema.shape.question)}
        error={fieldErrorText(t, errors.question)}
        {...form.register('question')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('community.need.create')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

/** What was answered to a need, and when (an information sheet, a meeting, a referral). */
export function AnswerForm({ needId, topic, onDone }: { needId: string; topic: string; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const answer = useNeedAnswer();
  const form = useForm<AnswerValues>({
    resolver: zodResolver(ZNeedAnswerSchema),
    defaultValues: { answer: '', answeredOn: todayLocal() },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (body) => {
    try {
      await answer.mutateAsync({ needId, body });
      onDone();
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, body);
    }
  });
  return (
    <form
      onSubmit={submit}
      noValidate
      className="border rounded p-3 mt-2"
      aria-label={t('community.need.answerNamed', { topic })}
    >
      {answer.error && Object.keys(errors).length === 0 ? <ActionProblem error={answer.error} /> : null}
      <TextAreaField
        id={`answer-${needId}`}
        label={t('community.need.answer')}
        required
        rows={3}
        maxLength={maxLengthOf(ZNeedAnswerSchema.shape.answer)}
        error={fieldErrorText(t, errors.answer)}
        {...form.register('answer')}
      />
      <TextField
        id={`answered-${needId}`}
        type="date"
        label={t('community.need.answeredOn')}
        required
        error={fieldErrorText(t, errors.answeredOn)}
        {...form.register('answeredOn')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('community.need.saveAnswer')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
