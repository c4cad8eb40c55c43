import { useMemo } from 'react';
import { type UseFormReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  COURT_ORDER_KINDS,
  LIVING_ARRANGEMENTS,
  MAX_REPORT_INTERVAL_MONTHS,
  PLACEMENT_5BIS_MAX_MONTHS,
  type TCourtOrder,
  ZCourtOrderCreateSchema,
  ZCourtOrderUpdateSchema,
} from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxField, FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, minLengthOf, rangeOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useCourtOrderMutations } from './court-api.js';
import {
  emptyOrder,
  type OrderValues,
  orderChangeToInput,
  orderToInput,
  orderValuesOf,
} from './court-forms.js';

/** The contract's own fields (all but the kind), for their limits. */
const FIELDS = ZCourtOrderUpdateSchema.shape;
const createResolver = contractResolver<OrderValues>(ZCourtOrderCreateSchema, orderToInput);

/** A new court order: the fields that apply to its kind; its deadlines are derived by the server. */
export function CourtOrderCreateForm({
  caseId,
  onDone,
}: {
  caseId: string;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { create } = useCourtOrderMutations(caseId);
  const form = useForm<OrderValues>({ resolver: createResolver, defaultValues: emptyOrder() });
  const { errors, isSubmitting } = form.formState;
  const kind = form.watch('kind');

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(ZCourtOrderCreateSchema.parse(orderToInput(values)));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {create.error && Object.keys(errors).length === 0 ? <ActionProblem error={create.error} /> : null}
      <SelectField
        id="order-kind"
        label={t('court.fields.kind')}
        placeholder={t('common.choose')}
        options={COURT_ORDER_KINDS.map((k) => ({ value: k, label: t(`enums.courtOrderKind.${k}`) }))}
        required
        error={fieldErrorText(t, errors.kind)}
        {...form.register('kind')}
      />
      <OrderFields form={form} kind={kind} idPrefix="order" />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('court.orders.submit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

type ReadableOrder = TCourtOrder & { details: NonNullable<TCourtOrder['details']> };

/**
 * A change of an order, saying why. Only what the user changed is sent: the server keeps the old
 * deadlines it moves (superseded) and derives new ones. The kind is what the order is: not changed.
 */
export function CourtOrderChangeForm({
  caseId,
  order,
  onDone,
}: {
  caseId: string;
  order: ReadableOrder;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { update } = useCourtOrderMutations(caseId);
  const initial = useMemo(() => orderValuesOf(order), [order]);
  const resolver = useMemo(
    () => contractResolver<OrderValues>(ZCourtOrderUpdateSchema, (v) => orderChangeToInput(initial, v)),
    [initial],
  );
  const form = useForm<OrderValues>({ resolver, defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const reasonHint = t('caseCommon.reasonHint', { min: minLengthOf(FIELDS.reason) });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync({
        orderId: order.id,
        body: ZCourtOrderUpdateSchema.parse(orderChangeToInput(initial, values)),
      });
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t('court.orders.changeIntro')}</p>
      {update.error && Object.keys(errors).length === 0 ? <ActionProblem error={update.error} /> : null}
      <p className="small">
        <strong>{t('court.fields.kind')}:</strong> {t(`enums.courtOrderKind.${order.kind}`)}.{' '}
        {t('court.orders.kindFixed')}
      </p>
      <OrderFields form={form} kind={order.kind} idPrefix={`order-${order.id}`} />
      <TextAreaField
        id={`order-${order.id}-reason`}
        label={t('court.orders.changeReason')}
        hint={reasonHint}
        required
        rows={3}
        maxLength={maxLengthOf(FIELDS.reason)}
        error={fieldErrorText(t, errors.reason, reasonHint)}
        {...form.register('reason')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('court.orders.changeSubmit')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

/** The order's fields but its kind; the removal's time only for an art. 403 removal. */
function OrderFields({
  form,
  kind,
  idPrefix,
}: {
  form: UseFormReturn<OrderValues>;
  kind: string;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const { register } = form;
  const { errors } = form.formState;
  const placement = kind === 'placement_5bis';
  const durationHint = placement
    ? t('court.hints.duration5bis', { max: PLACEMENT_5BIS_MAX_MONTHS })
    : t('court.hints.duration');
  const reportHint = t('court.hints.reportEvery', { max: MAX_REPORT_INTERVAL_MONTHS });
  const id = (name: string) => `${idPrefix}-${name}`;
  // The duration's own bound, tighter for a 5-bis placement (at most 24 months).
  const durationRange = rangeOf(FIELDS.durationMonths);

  return (
    <>
      <div className="row">
        <TextField
          id={id('court')}
          className="col-md-8"
          label={t('court.fields.court')}
          hint={t('court.hints.court')}
          required
          maxLength={maxLengthOf(FIELDS.court)}
          error={fieldErrorText(t, errors.court)}
          {...register('court')}
        />
        <TextField
          id={id('docket')}
          className="col-md-4"
          label={t('court.fields.docketNumber')}
          required
          maxLength={maxLengthOf(FIELDS.docketNumber)}
          error={fieldErrorText(t, errors.docketNumber)}
          {...register('docketNumber')}
        />
      </div>
      <div className="row">
        <TextField
          id={id('decided-on')}
          className="col-md-6"
          type="date"
          label={t('court.fields.decidedOn')}
          required
          error={fieldErrorText(t, errors.decidedOn)}
          {...register('decidedOn')}
        />
        {kind === 'removal_403' && (
          <TextField
            id={id('removal-at')}
            className="col-md-6"
            type="datetime-local"
            label={t('court.fields.removalAt')}
            hint={t('court.hints.removalAt')}
            required
            error={fieldErrorText(t, errors.removalAt)}
            {...register('removalAt')}
          />
        )}
      </div>
      <SelectField
        id={id('living')}
        label={t('court.fields.livingArrangement')}
        placeholder={t('households.person.notStated')}
        options={LIVING_ARRANGEMENTS.map((k) => ({ value: k, label: t(`enums.livingArrangement.${k}`) }))}
        error={fieldErrorText(t, errors.livingArrangement)}
        {...register('livingArrangement')}
      />
      <TextAreaField
        id={id('provisions')}
        label={t('court.fields.provisions')}
        hint={t('court.hints.provisions')}
        rows={3}
        maxLength={maxLengthOf(FIELDS.provisions)}
        error={fieldErrorText(t, errors.provisions)}
        {...register('provisions')}
      />
      <div className="row">
        <TextField
          id={id('duration')}
          className="col-md-6"
          type="number"
          inputMode="numeric"
          min={durationRange.min}
          max={placement ? PLACEMENT_5BIS_MAX_MONTHS : durationRange.max}
          label={t('court.fields.durationMonths')}
          hint={durationHint}
          required={placement}
          error={fieldErrorText(t, errors.durationMonths, durationHint)}
          {...register('durationMonths')}
        />
        <TextField
          id={id('report-every')}
          className="col-md-6"
          type="number"
          inputMode="numeric"
          {...rangeOf(FIELDS.reportEveryMonths)}
          label={t('court.fields.reportEveryMonths')}
          hint={reportHint}
          error={fieldErrorText(t, errors.reportEveryMonths, reportHint)}
          {...register('reportEveryMonths')}
        />
      </div>
      <div className="row">
        <TextField
          id={id('tutore')}
          className="col-md-6"
          label={t('court.fields.tutore')}
          maxLength={maxLengthOf(FIELDS.tutore)}
          error={fieldErrorText(t, errors.tutore)}
          {...register('tutore')}
        />
        <TextField
          id={id('curatore')}
          className="col-md-6"
          label={t('court.fields.curatoreSpeciale')}
          maxLength={maxLengthOf(FIELDS.curatoreSpeciale)}
          error={fieldErrorText(t, errors.curatoreSpeciale)}
          {...register('curatoreSpeciale')}
        />
      </div>
      <CheckboxField
        id={id('protected')}
        label={t('court.fields.addressProtected')}
        hint={t('court.hints.addressProtected')}
        error={fieldErrorText(t, errors.addressProtected)}
        {...register('addressProtected')}
      />
    </>
  );
}

/** How an order is named: its kind and date. */
export function useOrderTitle() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (order: Pick<TCourtOrder, 'kind' | 'decidedOn'>) =>
    t('court.orders.heading', {
      kind: t(`enums.courtOrderKind.${order.kind}`),
      date: formatDay(order.decidedOn, locale),
    });
}
