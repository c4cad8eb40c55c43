import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type TRentRequest,
  ZRentPaymentSchema,
  ZRentRefusalSchema,
  ZRentReversalSchema,
} from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import { ConfirmPanel } from '../../ui/ConfirmPanel.js';
import { FormActions, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';
import { useNotice } from '../households/notice.js';
import { useRequestActions } from './payments-api.js';
import { formatEuro } from './payments-forms.js';

type Open = 'none' | 'approve' | 'refuse' | 'cancel' | 'pay' | 'reverse';

/**
 * What the viewer may do with the request now, as the server says (`can`): a finance officer who
 * did not ask approves or refuses, pays, reverses; the requester withdraws while it waits. Each
 * action answers with the request as it now is; what happened is said where the focus goes.
 */
export function RequestActions({ request }: { request: TRentRequest }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const actions = useRequestActions(request.id);
  const [open, setOpen] = useState<Open>('none');
  const [notice, say] = useNotice();
  const { can } = request;
  const any = can.approve || can.pay || can.reverse || can.cancel;
  const done = (message: string) => () => {
    setOpen('none');
    say(message);
  };
  const start = (which: Open) => () => {
    say('');
    for (const m of Object.values(actions)) m.reset();
    setOpen(which);
  };
  const amount = formatEuro(request.amountCents, locale);

  if (!any) return notice;
  return (
    <section aria-labelledby="rent-request-actions" className="mb-4">
      <h2 id="rent-request-actions" className="h4">
        {t('payments.actions.title')}
      </h2>
      {notice}
      {open === 'none' && (
        <div className="d-flex flex-wrap gap-2">
          {can.approve && (
            <>
              <button type="button" className="btn btn-primary btn-sm" onClick={start('approve')}>
                {t('payments.actions.approve')}
              </button>
              <button type="button" className="btn btn-outline-danger btn-sm" onClick={start('refuse')}>
                {t('payments.actions.refuse')}
              </button>
            </>
          )}
          {can.pay && (
            <button type="button" className="btn btn-primary btn-sm" onClick={start('pay')}>
              {t('payments.actions.pay')}
            </button>
          )}
          {can.reverse && (
            <button type="button" className="btn btn-outline-danger btn-sm" onClick={start('reverse')}>
              {t('payments.actions.reverse')}
            </button>
          )}
          {can.cancel && (
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={start('cancel')}>
              {t('payments.actions.cancel')}
            </button>
          )}
        </div>
      )}
      {open === 'approve' && (
        <div className="card shadow-sm p-4 my-3">
          <p>
            {t('payments.actions.approveConfirm', {
              amount,
              line: request.budget.fundingLine,
              year: request.budget.year,
            })}
          </p>
          <ActionProblem error={actions.approve.error} />
          <FormActions>
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={actions.approve.isPending}
              onClick={() =>
                actions.approve.mutate(undefined, { onSuccess: done(t('payments.actions.approved')) })
              }
            >
              {t('payments.actions.approveSubmit')}
            </button>
            <button
              type="button"
              className="btn btn-outline-secondary btn-sm"
              onClick={() => setOpen('none')}
            >
              {t('common.cancel')}
            </button>
          </FormActions>
        </div>
      )}
      {open === 'refuse' && (
        <ReasonForm
          id="rent-refuse"
          label={t('payments.actions.refuseReason')}
          schema={ZRentRefusalSchema.shape.reason}
          submitLabel={t('payments.actions.refuseSubmit')}
          pending={actions.refuse.isPending}
          error={actions.refuse.error}
          onSubmit={(reason) =>
            actions.refuse.mutate(reason, { onSuccess: done(t('payments.actions.refused')) })
          }
          onCancel={() => setOpen('none')}
        />
      )}
      {open === 'cancel' && (
        <>
          <ConfirmPanel
            message={t('payments.actions.cancelConfirm')}
            confirmLabel={t('payments.actions.cancelSubmit')}
            pending={actions.cancel.isPending}
            onConfirm={() =>
              actions.cancel.mutate(undefined, { onSuccess: done(t('payments.actions.cancelled')) })
            }
            onCancel={() => setOpen('none')}
          />
          <ActionProblem error={actions.cancel.error} />
        </>
      )}
      {open === 'pay' && (
        <PaymentForm
          amount={amount}
          error={actions.pay.error}
          onSubmit={(body) => actions.pay.mutateAsync(body).then(done(t('payments.actions.paid')))}
          onCancel={() => setOpen('none')}
        />
      )}
      {open === 'reverse' && (
        <ReversalForm
          amount={amount}
          error={actions.reverse.error}
          onSubmit={(body) => actions.reverse.mutateAsync(body).then(done(t('payments.actions.reversed')))}
          onCancel={() => setOpen('none')}
        />
      )}
    </section>
  );
}

type Payment = z.output<typeof ZRentPaymentSchema>;
type Reversal = z.output<typeof ZRentReversalSchema>;

function PaymentForm({
  amount,
  error,
  onSubmit,
  onCancel,
}: {
  amount: string;
  error: unknown;
  onSubmit: (body: Payment) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<Payment>({
    resolver: zodResolver(ZRentPaymentSchema),
    defaultValues: { paidOn: todayLocal(), reference: '' },
  });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => form.setFocus('reference'), [form]);
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card shadow-sm p-4 my-3" aria-labelledby="rent-pay-title">
      <h3 id="rent-pay-title" className="h6">
        {t('payments.actions.payTitle', { amount })}
      </h3>
      {error ? <ActionProblem error={error} /> : null}
      <div className="row">
        <TextField
          id="rent-paid-on"
          className="col-md-4"
          type="date"
          label={t('payments.actions.paidOn')}
          required
          error={fieldErrorText(t, errors.paidOn)}
          {...form.register('paidOn')}
        />
        <TextField
          id="rent-reference"
          className="col-md-8"
          label={t('payments.actions.reference')}
          hint={t('payments.actions.referenceHint')}
          required
          maxLength={maxLengthOf(ZRentPaymentSchema.shape.reference)}
          error={fieldErrorText(t, errors.reference)}
          {...form.register('reference')}
        />
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('payments.actions.paySubmit')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

function ReversalForm({
  amount,
  error,
  onSubmit,
  onCancel,
}: {
  amount: string;
  error: unknown;
  onSubmit: (body: Reversal) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<Reversal>({
    resolver: zodResolver(ZRentReversalSchema),
    defaultValues: { reversedOn: todayLocal(), reason: '' },
  });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => form.setFocus('reason'), [form]);
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });
  return (
    <form
      onSubmit={submit}
      noValidate
      className="card shadow-sm p-4 my-3"
      aria-labelledby="rent-reverse-title"
    >
      <h3 id="rent-reverse-title" className="h6">
        {t('payments.actions.reverseTitle', { amount })}
      </h3>
      <p className="small">{t('payments.actions.reverseIntro')}</p>
      {error ? <ActionProblem error={error} /> : null}
      <TextField
        id="rent-reversed-on"
        type="date"
        label={t('payments.actions.reversedOn')}
        required
        error={fieldErrorText(t, errors.reversedOn)}
        {...form.register('reversedOn')}
      />
      <TextAreaField
        id="rent-reverse-reason"
        label={t('payments.actions.reverseReason')}
        required
        rows={3}
        maxLength={maxLengthOf(ZRentReversalSchema.shape.reason)}
        error={fieldErrorText(t, errors.reason)}
        {...form.register('reason')}
      />
      <FormActions>
        <button type="submit" className="btn btn-danger btn-sm" disabled={isSubmitting}>
          {t('payments.actions.reverseSubmit')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
