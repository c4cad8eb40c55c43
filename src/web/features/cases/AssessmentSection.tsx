import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DATA_SECTIONS, type TCase, ZAssessmentSchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextAreaField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { fieldErrorText } from '../../ui/forms/field-error-text.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { applyServerFieldErrors } from '../../ui/forms/server-errors.js';
import { orNull } from '../../ui/forms/values.js';
import { useCaseMutations } from './cases-api.js';
import { Prose, SavedNote } from './SavedNote.js';

type AssessmentValues = Record<(typeof DATA_SECTIONS)[number], string>;

const toInput = (v: AssessmentValues) =>
  Object.fromEntries(DATA_SECTIONS.map((s) => [s, orNull(v[s] ?? '')])) as Record<string, string | null>;
const resolver = contractResolver<AssessmentValues>(ZAssessmentSchema, toInput);

/** The structured assessment: one free-text section per area, each optional. */
export function AssessmentSection({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const assessment = data.file?.assessment ?? null;
  return (
    <section aria-labelledby="assessment-heading">
      <h2 id="assessment-heading" className="h4">
        {t('cases.tabs.assessment')}
      </h2>
      <p>{t('cases.assessment.intro')}</p>
      {data.can.edit ? (
        <AssessmentForm data={data} />
      ) : assessment ? (
        DATA_SECTIONS.map((section) => (
          <div key={section}>
            <h3 className="h5">{t(`enums.dataSection.${section}`)}</h3>
            <Prose text={assessment[section]} />
          </div>
        ))
      ) : (
        <p>{t('cases.assessment.empty')}</p>
      )}
    </section>
  );
}

function AssessmentForm({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { assessment } = useCaseMutations(data.id);
  const saved = data.file?.assessment;
  const form = useForm<AssessmentValues>({
    resolver,
    defaultValues: Object.fromEntries(DATA_SECTIONS.map((s) => [s, saved?.[s] ?? ''])) as AssessmentValues,
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await assessment.mutateAsync(toInput(values));
      form.reset(values);
    } catch (e) {
      applyServerFieldErrors(e, form.setError, locale, values);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="col-xl-10">
      {assessment.error && Object.keys(errors).length === 0 ? (
        <ActionProblem error={assessment.error} />
      ) : null}
      {DATA_SECTIONS.map((section) => (
        <TextAreaField
          key={section}
          id={`assessment-${section}`}
          label={t(`enums.dataSection.${section}`)}
          rows={4}
          maxLength={maxLengthOf(ZAssessmentSchema.shape[section])}
          error={fieldErrorText(t, errors[section])}
          {...form.register(section)}
        />
      ))}
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {t('common.save')}
        </button>
      </FormActions>
      <SavedNote show={assessment.isSuccess && !isDirty} />
    </form>
  );
}
