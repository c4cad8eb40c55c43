import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type TCase, ZIntakeSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { FormActions, TextAreaField, TextField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull, todayLocal } from '../../ui/forms/values.js';
import { useCaseMutations } from './cases-api.js';
import { Prose, SavedNote } from './SavedNote.js';

interface IntakeValues {
  receivedOn: string;
  presentingProblem: string;
  immediateRisks: string;
}

const toInput = (v: IntakeValues) => ({
  receivedOn: v.receivedOn,
  presentingProblem: v.presentingProblem,
  immediateRisks: orNull(v.immediateRisks),
});
const resolver = contractResolver<IntakeValues>(ZIntakeSchema, toInput);

export function IntakeSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const intake = data.file?.intake ?? null;
  return (
    <section aria-labelledby="intake-heading">
      <h2 id="intake-heading" className="h4">
        {t('cases.tabs.intake')}
      </h2>
      {data.can.edit ? (
        <IntakeForm data={data} />
      ) : intake ? (
        <>
          <Facts>
            <Fact label={t('cases.intake.receivedOn')}>{formatDay(intake.receivedOn, locale)}</Fact>
          </Facts>
          <h3 className="h5">{t('cases.intake.presentingProblem')}</h3>
          <Prose text={intake.presentingProblem} />
          <h3 className="h5">{t('cases.intake.immediateRisks')}</h3>
          <Prose text={intake.immediateRisks} />
        </>
      ) : (
        <p>{t('cases.intake.empty')}</p>
      )}
    </section>
  );
}

function IntakeForm({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { intake } = useCaseMutations(data.id);
  const saved = data.file?.intake;
  const form = useForm<IntakeValues>({
    resolver,
    defaultValues: {
      receivedOn: saved?.receivedOn ?? todayLocal(),
      presentingProblem: saved?.presentingProblem ?? '',
      immediateRisks: saved?.immediateRisks ?? '',
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await intake.mutateAsync(ZIntakeSchema.parse(toInput(values)));
      form.reset(values);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="col-xl-10">
      {intake.error && Object.keys(errors).length === 0 ? <ActionProblem error={intake.error} /> : null}
      <TextField
        id="intake-received-on"
        type="date"
        className="col-md-4"
        label={t('cases.intake.receivedOn')}
        required
        max={todayLocal()}
        error={fieldErrorText(t, errors.receivedOn)}
        {...form.register('receivedOn')}
      />
      <TextAreaField
        id="intake-presenting-problem"
        label={t('cases.intake.presentingProblem')}
        hint={t('cases.intake.presentingProblemHint')}
        required
        rows={6}
        maxLength={maxLengthOf(ZIntakeSchema.shape.presentingProblem)}
        error={fieldErrorText(t, errors.presentingProblem)}
        {...form.register('presentingProblem')}
      />
      <TextAreaField
        id="intake-immediate-risks"
        label={t('cases.intake.immediateRisks')}
        hint={t('cases.intake.immediateRisksHint')}
        rows={4}
        maxLength={maxLengthOf(ZIntakeSchema.shape.immediateRisks)}
        error={fieldErrorText(t, errors.immediateRisks)}
        {...form.register('immediateRisks')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('common.save')}
        </button>
      </FormActions>
      <SavedNote show={intake.isSuccess && !isDirty} />
    </form>
  );
}
