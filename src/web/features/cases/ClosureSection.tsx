import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CLOSURE_OUTCOMES, type TCase, ZClosureRequestSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions, SelectField, TextAreaField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { useCaseMutations } from './cases-api.js';
import { Prose } from './SavedNote.js';

/** The lead asks to close with an outcome and a reason; a supervisor approves the closure. */
export function ClosureSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { approveClosure } = useCaseMutations(data.id);
  const { closure } = data;
  return (
    <section aria-labelledby="closure-heading">
      <h2 id="closure-heading" className="h4">
        {t('cases.tabs.closure')}
      </h2>
      {data.status === 'open' && !closure.requestedAt ? (
        data.can.lead ? (
          <ClosureForm data={data} />
        ) : (
          <p>{t('cases.closure.notRequested')}</p>
        )
      ) : (
        <>
          <Facts>
            <Fact label={t('cases.closure.outcome')}>
              {closure.outcome ? t(`enums.closureOutcome.${closure.outcome}`) : '—'}
            </Fact>
            <Fact label={t('cases.closure.requestedAt')}>{formatDateTime(closure.requestedAt, locale)}</Fact>
            <Fact label={t('cases.closure.closedAt')}>{formatDateTime(closure.closedAt, locale)}</Fact>
          </Facts>
          {data.file && (
            <>
              <h3 className="h5">{t('cases.closure.reason')}</h3>
              <Prose text={data.file.closureReason} />
            </>
          )}
          {data.status === 'closing' &&
            (data.can.supervise ? (
              <>
                {approveClosure.error ? <ActionProblem error={approveClosure.error} /> : null}
                <button
                  type="button"
                  className="btn btn-primary btn-sm"
                  disabled={approveClosure.isPending}
                  onClick={() => approveClosure.mutate(undefined)}
                >
                  {t('cases.closure.approve')}
                </button>
              </>
            ) : (
              <p>{t('cases.closure.waiting')}</p>
            ))}
        </>
      )}
    </section>
  );
}

interface ClosureValues {
  outcome: string;
  reason: string;
}
const resolver = contractResolver<ClosureValues>(ZClosureRequestSchema, (v) => v);

function ClosureForm({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { requestClosure } = useCaseMutations(data.id);
  const form = useForm<ClosureValues>({ resolver, defaultValues: { outcome: '', reason: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await requestClosure.mutateAsync(ZClosureRequestSchema.parse(values));
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
      <TextAreaField
        id="closure-reason"
        label={t('cases.closure.reason')}
        hint={t('caseCommon.reasonHint', { min: 10 })}
        required
        maxLength={maxLengthOf(ZClosureRequestSchema.shape.reason)}
        error={fieldErrorText(t, errors.reason, t('caseCommon.reasonHint', { min: 10 }))}
        {...form.register('reason')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('cases.closure.request')}
        </button>
      </FormActions>
    </form>
  );
}
