import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type TCourtOrder,
  type TCourtReport,
  ZCourtReportDraftSchema,
  ZCourtReportSentSchema,
  ZCourtReportUpdateSchema,
} from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, minLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';
import { useOrderTitle } from './CourtOrderForm.js';
import { useCourtReportMutations } from './court-api.js';

interface ReportValues {
  orderId: string;
  periodFrom: string;
  periodTo: string;
  content: string;
}
const FIELDS = ZCourtReportDraftSchema.shape;
const draftResolver = contractResolver<ReportValues>(ZCourtReportDraftSchema, (v) => v);
const toUpdate = ({ orderId: _unused, ...v }: ReportValues) => v;
const editResolver = contractResolver<ReportValues>(ZCourtReportUpdateSchema, toUpdate);

/** A new report starts where the last one under the order ended (or at the order), up to today. */
export function newReportValues(orders: TCourtOrder[], reports: TCourtReport[]): ReportValues {
  const order = orders[0];
  const last = reports.filter((r) => r.orderId === order?.id).at(-1);
  return {
    orderId: order?.id ?? '',
    periodFrom: last?.periodTo ?? order?.decidedOn ?? '',
    periodTo: todayLocal(),
    content: '',
  };
}

/** Drafting a report under one of the case's orders, or editing a draft (the order then stays). */
export function CourtReportForm({
  caseId,
  orders,
  report,
  defaultValues,
  onDone,
}: {
  caseId: string;
  orders: TCourtOrder[];
  /** The draft being edited; none for a new report. */
  report?: TCourtReport;
  defaultValues: ReportValues;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleOf = useOrderTitle();
  const { draft, update } = useCourtReportMutations(caseId);
  const mutation = report ? update : draft;
  const form = useForm<ReportValues>({ resolver: report ? editResolver : draftResolver, defaultValues });
  const { errors, isSubmitting } = form.formState;
  const idPrefix = report ? `report-${report.id}` : 'report-new';
  const contentHint = t('court.reports.contentHint', { min: minLengthOf(FIELDS.content) });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (report)
        await update.mutateAsync({
          reportId: report.id,
          body: ZCourtReportUpdateSchema.parse(toUpdate(values)),
        });
      else await draft.mutateAsync(ZCourtReportDraftSchema.parse(values));
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {mutation.error && Object.keys(errors).length === 0 ? <ActionProblem error={mutation.error} /> : null}
      {!report && (
        <SelectField
          id={`${idPrefix}-order`}
          label={t('court.reports.order')}
          options={orders.map((o) => ({ value: o.id, label: titleOf(o) }))}
          required
          error={fieldErrorText(t, errors.orderId)}
          {...form.register('orderId')}
        />
      )}
      <div className="row">
        <TextField
          id={`${idPrefix}-from`}
          className="col-md-6"
          type="date"
          label={t('court.reports.periodFrom')}
          required
          error={fieldErrorText(t, errors.periodFrom)}
          {...form.register('periodFrom')}
        />
        <TextField
          id={`${idPrefix}-to`}
          className="col-md-6"
          type="date"
          label={t('court.reports.periodTo')}
          required
          error={fieldErrorText(t, errors.periodTo)}
          {...form.register('periodTo')}
        />
      </div>
      <TextAreaField
        id={`${idPrefix}-content`}
        label={t('court.reports.content')}
        hint={contentHint}
        required
        rows={10}
        maxLength={maxLengthOf(FIELDS.content)}
        error={fieldErrorText(
          t,
          errors.content,
          errors.content?.type === 'too_small' ? contentHint : undefined,
        )}
        {...form.register('content')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('court.reports.saveDraft')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

interface SentValues {
  sentOn: string;
  protocolNumber: string;
}
const sentResolver = contractResolver<SentValues>(ZCourtReportSentSchema, (v) => v);

/** The approved report went to the court: when, and the protocol number it was given. */
export function ReportSentForm({
  caseId,
  report,
  onDone,
}: {
  caseId: string;
  report: TCourtReport;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { sent } = useCourtReportMutations(caseId);
  const form = useForm<SentValues>({
    resolver: sentResolver,
    defaultValues: { sentOn: todayLocal(), protocolNumber: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await sent.mutateAsync({ reportId: report.id, body: ZCourtReportSentSchema.parse(values) });
      onDone(true);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {sent.error && Object.keys(errors).length === 0 ? <ActionProblem error={sent.error} /> : null}
      <div className="row">
        <TextField
          id={`report-${report.id}-sent-on`}
          className="col-md-6"
          type="date"
          label={t('court.reports.sentOn')}
          required
          error={fieldErrorText(t, errors.sentOn)}
          {...form.register('sentOn')}
        />
        <TextField
          id={`report-${report.id}-protocol`}
          className="col-md-6"
          label={t('court.reports.protocolNumber')}
          required
          maxLength={maxLengthOf(ZCourtReportSentSchema.shape.protocolNumber)}
          error={fieldErrorText(t, errors.protocolNumber)}
          {...form.register('protocolNumber')}
        />
      </div>
      <FormActions>
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t('court.reports.sentSubmit')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
