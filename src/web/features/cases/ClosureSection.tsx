import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CLOSURE_OUTCOMES, type TCase, ZClosureRequestSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf, minLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { todayLocal } from '../../ui/forms/values.js';
import { useNotice } from '../households/notice.js';
import { ClosureDecision, LastClosureDecision, ReopenCase, StatusHistory } from './ClosureActions.js';
import { useCaseMutations } from './cases-api.js';
import { type ClosureValues, closureToInput, emptyClosure } from './closure-form.js';
import { Prose } from './SavedNote.js';
import { TransferSection } from './TransferSection.js';

/**
 * The lead asks to close with an outcome, a reason and an after-care date; a supervisor approves,
 * refuses or sends the closure back; a closed case is reopened with a reason. Then the transfer to
 * another Ambito (TransferSection) and the status history.
 */
export function ClosureSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [notice, say] = useNotice();
  const { closure } = data;
  return (
    <section aria-labelledby="closure-heading">
      <h2 id="closure-heading" className="h4">
        {t('cases.tabs.closure')}
      </h2>
      {notice}
      {data.status === 'open' && <LastClosureDecision data={data} />}
      {data.status === 'open' && !closure.requestedAt ? (
        data.can.lead && data.transfer ? (
          <p>{t('transfers.closure.pendingTransfer')}</p>
        ) : data.can.lead ? (
          <ClosureForm data={data} say={say} />
        ) : (
          <p>{t('cases.closure.notRequested')}</p>
        )
      ) : (
        <>
          <Facts>
            <Fact label={t('cases.closure.outcome')}>
              {closure.outcome ? t(`enums.closureOutcome.${closure.outcome}`) : '—'}
            </Fact>
            {closure.outcome === 'transferred' && (
              <Fact label={t('transfers.closure.transferredTo')}>{closure.transferredTo ?? '—'}</Fact>
            )}
            <Fact label={t('cases.closure.requestedAt')}>{formatDateTime(closure.requestedAt, locale)}</Fact>
            <Fact label={t('cases.closure.closedAt')}>{formatDateTime(closure.closedAt, locale)}</Fact>
            <Fact label={t('transfers.closure.afterCareOn')}>{formatDay(closure.afterCareOn, locale)}</Fact>
          </Facts>
          {data.file && (
            <>
              <h3 className="h5">{t('cases.closure.reason')}</h3>
              <Prose text={data.file.closureReason} />
            </>
          )}
          {data.status === 'closing' &&
            (data.can.supervise ? (
              <ClosureDecision data={data} say={say} />
            ) : (
              <p>{t('cases.closure.waiting')}</p>
            ))}
          {data.status === 'closed' && data.can.reopen && <ReopenCase data={data} say={say} />}
        </>
      )}
      <TransferSection data={data} say={say} />
      <StatusHistory data={data} />
    </section>
  );
}

const resolver = contractResolver<ClosureValues>(ZClosureRequestSchema, closureToInput);
const CLOSURE_FIELDS = ZClosureRequestSchema.shape;

function ClosureForm({ data, say }: { data: TCase; say: (text: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { requestClosure } = useCaseMutations(data.id);
  const form = useForm<ClosureValues>({ resolver, defaultValues: emptyClosure() });
  const { errors, isSubmitting } = form.formState;
  const outcome = form.watch('outcome');
  const minReason = minLengthOf(CLOSURE_FIELDS.reason);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await requestClosure.mutateAsync(ZClosureRequestSchema.parse(closureToInput(values)));
      say(t('transfers.closure.requested'));
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="col-xl-8">
      <p>{t('cases.closure.intro')}</p>
      {requestClosure.error && Object.keys(errors).length === 0 ? (
        <ActionProblem error={requestClosure.error} />
      ) : null}
      <SelectField
        id="closure-outcome"
        label={t('cases.closure.outcome')}
        placeholder={t('common.choose')}
        options={CLOSURE_OUTCOMES.map((o) => ({ value: o, label: t(`enums.closureOutcome.${o}`) }))}
        required
        error={fieldErrorText(t, errors.outcome)}
        {...form.register('outcome')}
      />
      {outcome === 'transferred' && (
        <TextField
          id="closure-transferred-to"
          label={t('transfers.closure.transferredTo')}
          hint={t('transfers.closure.transferredToHint')}
          required
          maxLength={maxLengthOf(CLOSURE_FIELDS.transferredTo)}
          error={fieldErrorText(t, errors.transferredTo)}
          {...form.register('transferredTo')}
        />
      )}
      <TextAreaField
        id="closure-reason"
        label={t('cases.closure.reason')}
        hint={t('caseCommon.reasonHint', { min: minReason })}
        required
        maxLength={maxLengthOf(CLOSURE_FIELDS.reason)}
        error={fieldErrorText(t, errors.reason, t('caseCommon.reasonHint', { min: minReason }))}
        {...form.register('reason')}
      />
      <TextField
        id="closure-after-care"
        type="date"
        label={t('transfers.closure.afterCareOn')}
        hint={t('transfers.closure.afterCareOnHint')}
        min={todayLocal()}
        error={fieldErrorText(t, errors.afterCareOn)}
        {...form.register('afterCareOn')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('cases.closure.request')}
        </button>
      </FormActions>
    </form>
  );
}
