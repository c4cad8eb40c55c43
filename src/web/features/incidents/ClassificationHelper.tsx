import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATION_QUESTIONS, type TClassificationKey } from '../../../contracts/index.js';
import { RadioGroup } from '../../ui/fields.js';
import { classificationOf, type YesNo } from './incident-form-values.js';

/**
 * The GBVIMS classification tool: the six questions one at a time, in order. A question shows
 * once every earlier one is answered "no"; the first "yes" gives the type and ends the walk. Six
 * "no" do not mean "not violence": the incident is recorded outside the six types, with a reason
 * (`nonGbv`, shown only then). `warning` is a rule the server will apply to the answers (female
 * genital mutilation is sexual assault), said before saving.
 */
export function ClassificationHelper({
  answers,
  onAnswer,
  errors,
  nonGbv,
  warning,
}: {
  answers: Record<TClassificationKey, YesNo>;
  onAnswer: (key: TClassificationKey, value: YesNo) => void;
  /** Server messages about the classification: by question, or for the whole walk. */
  errors: { question?: TClassificationKey | undefined; message: string }[];
  nonGbv?: ReactNode;
  warning?: string | undefined;
}) {
  const { t } = useTranslation();
  const result = classificationOf(answers);
  const visible: TClassificationKey[] = [];
  for (const { key } of CLASSIFICATION_QUESTIONS) {
    visible.push(key);
    if (answers[key] !== 'no') break;
  }
  const general = errors.filter((e) => !e.question);

  return (
    <div>
      <p>{t('incidents.form.classificationIntro')}</p>
      {visible.map((key, index) => (
        <RadioGroup
          key={key}
          id={`classification-${key}`}
          name={`classification-${key}`}
          legend={`${t('incidents.form.questionNumber', { n: index + 1, total: CLASSIFICATION_QUESTIONS.length })}. ${t(`incidents.form.questions.${key}`)}`}
          options={[
            { value: 'yes', label: t('incidents.form.yes') },
            { value: 'no', label: t('incidents.form.no') },
          ]}
          value={answers[key]}
          onChange={(value) => onAnswer(key, value as YesNo)}
          error={errors.find((e) => e.question === key)?.message}
          required
        />
      ))}
      <p
        id="classification-result"
        className={`fw-semibold p-3 border-start border-4 ${result.kind === 'not-gbv' || warning ? 'border-danger' : 'border-primary'} bg-light`}
        role="status"
        aria-describedby={general.length ? 'classification-error' : undefined}
      >
        {result.kind === 'type'
          ? t('incidents.form.result', { type: t(`enums.coreType.${result.coreType}`) })
          : result.kind === 'not-gbv'
            ? t('incidents.form.resultNone')
            : t('incidents.form.resultPending')}
      </p>
      {/* Always in the page, so a screen reader hears the rule when an answer brings it. */}
      <div role="status" id="classification-warning">
        {warning ? <p className="alert alert-warning">{warning}</p> : null}
      </div>
      {general.length > 0 && (
        <div id="classification-error" className="invalid-feedback d-block mb-3" role="alert">
          {general.map((e) => e.message).join(' ')}
        </div>
      )}
      {result.kind === 'not-gbv' ? nonGbv : null}
    </div>
  );
}
