import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type TRequest,
  ZRequestAnswerSchema,
  ZRequestExtensionSchema,
  ZRequestSchema,
  ZRestrictionLiftSchema,
} from '../../../contracts/index.js';
import { api } from '../../api/client.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';

export const requestsKey = ['privacy', 'requests'] as const;

/** The two buttons of a request's inline forms. */
function SubmitOrCancel({
  label,
  pending,
  onCancel,
}: {
  label: string;
  pending: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormActions>
      <button type="submit" className="btn btn-primary btn-sm" disabled={pending}>
        {label}
      </button>
      <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
        {t('privacy.requests.cancel')}
      </button>
    </FormActions>
  );
}

/** What the DPO does with one request: the access copy, an extension, the answer. */
export function RequestActions({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState<'extend' | 'answer' | null>(null);
  const name = { name: request.subjectName };
  return (
    <>
      {request.kind === 'access' && (
        <>
          <a
            className="btn btn-outline-primary btn-sm me-2 mb-1"
            href={`/api/privacy/requests/${request.id}/access-copy`}
            download
            aria-label={t('privacy.requests.copyNamed', name)}
          >
            {t('privacy.requests.copy')}
          </a>
          <a
            className="btn btn-outline-secondary btn-sm me-2 mb-1"
            href={`/api/privacy/requests/${request.id}/access-copy?part=review`}
            download
            aria-label={t('privacy.requests.reviewNamed', name)}
          >
            {t('privacy.requests.review')}
          </a>
        </>
      )}
      {request.status === 'open' && open === null && (
        <>
          {!request.extendedTo && (
            <button
              type="button"
              className="btn btn-outline-secondary btn-sm me-2 mb-1"
              onClick={() => setOpen('extend')}
              aria-label={t('privacy.requests.extendNamed', name)}
            >
              {t('privacy.requests.extend')}
            </button>
          )}
          <button
            type="button"
            className="btn btn-primary btn-sm mb-1"
            onClick={() => setOpen('answer')}
            aria-label={t('privacy.requests.answerNamed', name)}
          >
            {t('privacy.requests.answer')}
          </button>
        </>
      )}
      {request.status !== 'open' && request.outcome && (
        <span className="d-block small">{request.outcome}</span>
      )}
      {request.restrictionInForce && <LiftRestriction request={request} />}
      {request.restrictionLiftedAt && (
        <span className="d-block small">
          {t('privacy.requests.liftedOn', {
            date: formatDay(request.restrictionLiftedAt, locale),
            reason: request.restrictionLiftReason,
          })}
        </span>
      )}
      {open === 'extend' && <ExtendForm request={request} onDone={() => setOpen(null)} />}
      {open === 'answer' && <AnswerForm request={request} onDone={() => setOpen(null)} />}
    </>
  );
}

function useRequestChange<T>(request: TRequest, path: 'extension' | 'answer', onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: T) =>
      api(`/api/privacy/requests/${request.id}/${path}`, { method: 'POST', body, schema: ZRequestSchema }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: requestsKey });
      onDone();
    },
  });
}

function ExtendForm({ request, onDone }: { request: TRequest; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const extend = useRequestChange<z.output<typeof ZRequestExtensionSchema>>(request, 'extension', onDone);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZRequestExtensionSchema),
    defaultValues: { extendedTo: '', reason: '' },
  });
  const onSubmit = handleSubmit(async (body) => {
    try {
      await extend.mutateAsync(body);
    } catch (e) {
      applyServerFieldErrors(e, setError, locale, ['extendedTo', 'reason']);
    }
  });
  const id = `extend-${request.id}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2">
      {extend.error && !Object.keys(errors).length ? <ProblemAlert error={extend.error} /> : null}
      <TextField
        id={`${id}-to`}
        type="date"
        label={t('privacy.requests.extendedTo')}
        hint={t('privacy.requests.extendedToHint')}
        required
        error={fieldErrorText(t, errors.extendedTo, t('privacy.requests.extendedToHint'))}
        {...register('extendedTo')}
      />
      <TextAreaField
        id={`${id}-reason`}
        label={t('privacy.requests.extensionReason')}
        required
        maxLength={maxLengthOf(ZRequestExtensionSchema.shape.reason)}
        error={fieldErrorText(t, errors.reason)}
        {...register('reason')}
      />
      <SubmitOrCancel label={t('privacy.requests.extend')} pending={isSubmitting} onCancel={onDone} />
    </form>
  );
}

function AnswerForm({ request, onDone }: { request: TRequest; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const answer = useRequestChange<z.output<typeof ZRequestAnswerSchema>>(request, 'answer', onDone);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(ZRequestAnswerSchema),
    defaultValues: { status: 'answered' as const, outcome: '', corrections: null },
  });
  const onSubmit = handleSubmit(async (body) => {
    // Corrections go with a rectification granted, and only the fields filled in.
    const corrections = Object.fromEntries(Object.entries(body.corrections ?? {}).filter(([, v]) => v));
    const granted = body.status === 'answered' && Object.keys(corrections).length > 0;
    try {
      await answer.mutateAsync({ ...body, corrections: granted ? corrections : null });
    } catch (e) {
      applyServerFieldErrors(e, setError, locale, [
        'status',
        'outcome',
        'corrections',
        'corrections.givenName',
        'corrections.familyName',
        'corrections.birthDate',
      ]);
    }
  });
  const optional = { setValueAs: (v: string) => (v ? v : undefined) };
  const id = `answer-${request.id}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2">
      {answer.error && !Object.keys(errors).length ? <ProblemAlert error={answer.error} /> : null}
      <SelectField
        id={`${id}-status`}
        label={t('privacy.requests.answerStatus')}
        required
        options={(['answered', 'refused'] as const).map((s) => ({
          value: s,
          label: t(`privacy.requests.statuses.${s}`),
        }))}
        error={fieldErrorText(t, errors.status)}
        {...register('status')}
      />
      <TextAreaField
        id={`${id}-outcome`}
        label={t('privacy.requests.outcome')}
        hint={t('privacy.requests.outcomeHint')}
        required
        maxLength={maxLengthOf(ZRequestAnswerSchema.shape.outcome)}
        error={fieldErrorText(t, errors.outcome, t('privacy.requests.outcomeHint'))}
        {...register('outcome')}
      />
      {request.kind === 'rectification' && (
        <fieldset>
          <legend className="h6">{t('privacy.requests.corrections')}</legend>
          <p className="small">{t('privacy.requests.correctionsHint')}</p>
          <TextField
            id={`${id}-given-name`}
            label={t('privacy.requests.correctGivenName')}
            autoComplete="off"
            error={fieldErrorText(t, errors.corrections?.givenName)}
            {...register('corrections.givenName', optional)}
          />
          <TextField
            id={`${id}-family-name`}
            label={t('privacy.requests.correctFamilyName')}
            autoComplete="off"
            error={fieldErrorText(t, errors.corrections?.familyName)}
            {...register('corrections.familyName', optional)}
          />
          <TextField
            id={`${id}-birth-date`}
            type="date"
            label={t('privacy.requests.correctBirthDate')}
            error={fieldErrorText(t, errors.corrections?.birthDate)}
            {...register('corrections.birthDate', optional)}
          />
        </fieldset>
      )}
      {request.kind === 'restriction' && <p className="small">{t('privacy.requests.restrictionHint')}</p>}
      <SubmitOrCancel label={t('privacy.requests.saveAnswer')} pending={isSubmitting} onCancel={onDone} />
    </form>
  );
}

/** Lifting a restriction granted: the person is told first (art. 18(3)); the reason is kept. */
function LiftRestriction({ request }: { request: TRequest }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const lift = useMutation({
    mutationFn: (reason: string) =>
      api(`/api/privacy/requests/${request.id}/lift-restriction`, {
        method: 'POST',
        body: { reason },
        schema: ZRequestSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestsKey }),
  });
  if (!open)
    return (
      <>
        <span className="d-block small fw-semibold">{t('privacy.requests.restrictionInForce')}</span>
        <button
          type="button"
          className="btn btn-outline-danger btn-sm mt-1"
          onClick={() => setOpen(true)}
          aria-label={t('privacy.requests.liftNamed', { name: request.subjectName })}
        >
          {t('privacy.requests.lift')}
        </button>
      </>
    );
  return (
    <ReasonForm
      id={`lift-${request.id}`}
      label={t('privacy.requests.liftReason')}
      hint={t('privacy.requests.liftHint')}
      schema={ZRestrictionLiftSchema.shape.reason}
      submitLabel={t('privacy.requests.lift')}
      pending={lift.isPending}
      error={lift.error}
      onSubmit={(reason) => lift.mutate(reason)}
      onCancel={() => {
        lift.reset();
        setOpen(false);
      }}
    />
  );
}
