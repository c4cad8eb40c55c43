import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TConsultation, ZPresentationSchema } from '../../../contracts/consultations.js';
import { useLocale } from '../../i18n/index.js';
import { FormActions, TextAreaField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { useConsultationMutations } from './consultations-api.js';

/** Before the family arrives: the team presents the case and agrees the axes to explore (one a line). */
export function PresentationSection({
  consultation: k,
  editable,
}: {
  consultation: TConsultation;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { presentation } = useConsultationMutations(k.id);
  const [summary, setSummary] = useState(k.presentation?.summary ?? '');
  const [axes, setAxes] = useState((k.presentation?.axes ?? []).join('\n'));
  const err = (field: string) => serverFieldError(presentation.error, locale, field);

  function save(event: FormEvent) {
    event.preventDefault();
    presentation.mutate({
      body: {
        summary,
        axes: axes
          .split('\n')
          .map((a) => a.trim())
          .filter(Boolean),
      },
    });
  }
  return (
    <section aria-labelledby="consultation-presentation-heading" className="mb-5">
      <h2 id="consultation-presentation-heading" className="h4">
        {t('consultations.presentation.title')}
      </h2>
      {k.presentation?.summary ? <p className="text-pre-wrap">{k.presentation.summary}</p> : null}
      {k.presentation && k.presentation.axes.length > 0 && (
        <ul>
          {k.presentation.axes.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
      {editable && (
        <form onSubmit={save} noValidate>
          {presentation.error && !err('summary') && !err('axes') ? (
            <ActionProblem error={presentation.error} />
          ) : null}
          <TextAreaField
            id="consultation-summary"
            label={t('consultations.presentation.summary')}
            rows={4}
            maxLength={maxLengthOf(ZPresentationSchema.shape.summary)}
            value={summary}
            error={err('summary')}
            onChange={(e) => setSummary(e.target.value)}
          />
          <TextAreaField
            id="consultation-axes"
            label={t('consultations.presentation.axes')}
            hint={t('consultations.presentation.axesHint')}
            rows={3}
            value={axes}
            error={err('axes')}
            onChange={(e) => setAxes(e.target.value)}
          />
          <FormActions>
            <button type="submit" className="btn btn-primary btn-sm" disabled={presentation.isPending}>
              {t('consultations.presentation.save')}
            </button>
          </FormActions>
        </form>
      )}
    </section>
  );
}
