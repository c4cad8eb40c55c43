import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_STAGES,
  CHILD_ASSENTS,
  PROTECTION_CONCERNS,
  RISK_LEVELS,
  type TCareAssessment,
  ZAssessmentInputSchema,
} from '../../../contracts/care-plan.js';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { CheckboxGroup, FormActions, SelectField, TextAreaField, TextField } from '../../ui/fields.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { serverFieldError } from '../../ui/forms/server-errors.js';
import { orNull, todayLocal } from '../../ui/forms/values.js';
import { personName } from './AssessmentSection.js';
import { useCreateAssessment } from './care-plan-api.js';

const shape = ZAssessmentInputSchema.shape;
const TEXTS = [
  'childNeeds',
  'parentResponses',
  'familyEnvironment',
  'strengths',
  'risks',
  'childVoice',
] as const;

/** A new dated assessment of one child; or a correction of an earlier one (which stays as it was). */
export function AssessmentForm({
  data,
  items,
  onDone,
}: {
  data: TCase;
  items: TCareAssessment[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateAssessment(data.id);
  const children = (data.members ?? []).filter((m) => m.caseRole === 'child' || m.relationship === 'child');
  const [v, setV] = useState({
    personId: children[0]?.id ?? '',
    stage: 'start' as (typeof ASSESSMENT_STAGES)[number],
    assessedOn: todayLocal(),
    riskLevel: 'medium' as (typeof RISK_LEVELS)[number],
    childAssent: 'given' as (typeof CHILD_ASSENTS)[number],
    assentReason: '',
    correctsId: '',
    concerns: [] as string[],
    ...(Object.fromEntries(TEXTS.map((k) => [k, ''])) as Record<(typeof TEXTS)[number], string>),
  });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [key]: e.target.value });
  const err = (field: string) => serverFieldError(create.error, locale, field);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await create.mutateAsync({
        personId: v.personId,
        stage: v.stage,
        assessedOn: v.assessedOn,
        childNeeds: v.childNeeds,
        parentResponses: v.parentResponses,
        familyEnvironment: v.familyEnvironment,
        strengths: orNull(v.strengths),
        risks: orNull(v.risks),
        riskLevel: v.riskLevel,
        concerns: v.concerns as TCareAssessment['concerns'],
        childVoice: orNull(v.childVoice),
        childAssent: v.childAssent,
        assentReason: orNull(v.assentReason),
        correctsId: v.correctsId || null,
      });
      onDone();
    } catch {
      // The problem is shown above the form and next to its field.
    }
  };

  return (
    <form onSubmit={submit} noValidate className="card card-body mb-4 col-xl-10">
      <h3 className="h5">{t('carePlan.assessment.new')}</h3>
      {create.error ? <ActionProblem error={create.error} /> : null}
      <SelectField
        id="assessment-person"
        label={t('carePlan.child')}
        required
        value={v.personId}
        onChange={set('personId')}
        options={children.map((m) => ({ value: m.id, label: personName(data, m.id) }))}
        error={err('personId')}
      />
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id="assessment-stage"
            label={t('carePlan.assessment.stage')}
            required
            value={v.stage}
            onChange={set('stage')}
            options={ASSESSMENT_STAGES.map((s) => ({ value: s, label: t(`carePlan.stage.${s}`) }))}
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="assessment-date"
            type="date"
            label={t('carePlan.assessment.date')}
            required
            value={v.assessedOn}
            onChange={set('assessedOn')}
            error={err('assessedOn')}
          />
        </div>
      </div>
      {TEXTS.map((k) => (
        <TextAreaField
          key={k}
          id={`assessment-${k}`}
          label={t(`carePlan.assessment.field.${k}`)}
          required={k === 'childNeeds' || k === 'parentResponses' || k === 'familyEnvironment'}
          rows={3}
          maxLength={maxLengthOf(shape[k])}
          value={v[k]}
          onChange={set(k)}
          error={err(k)}
        />
      ))}
      <SelectField
        id="assessment-risk"
        label={t('carePlan.assessment.riskLevel')}
        required
        value={v.riskLevel}
        onChange={set('riskLevel')}
        options={RISK_LEVELS.map((r) => ({ value: r, label: t(`carePlan.risk.${r}`) }))}
      />
      <CheckboxGroup
        id="assessment-concerns"
        legend={t('carePlan.assessment.concerns')}
        value={v.concerns}
        onChange={(concerns) => setV({ ...v, concerns })}
        options={PROTECTION_CONCERNS.map((c) => ({ value: c, label: t(`carePlan.concern.${c}`) }))}
      />
      <SelectField
        id="assessment-assent"
        label={t('carePlan.assessment.assent')}
        required
        value={v.childAssent}
        onChange={set('childAssent')}
        options={CHILD_ASSENTS.map((a) => ({ value: a, label: t(`carePlan.assent.${a}`) }))}
      />
      {v.childAssent !== 'given' && (
        <TextField
          id="assessment-assent-reason"
          label={t('carePlan.assessment.assentReason')}
          required
          maxLength={maxLengthOf(shape.assentReason)}
          value={v.assentReason}
          onChange={set('assentReason')}
          error={err('assentReason')}
        />
      )}
      <SelectField
        id="assessment-corrects"
        label={t('carePlan.assessment.correctsLabel')}
        value={v.correctsId}
        onChange={set('correctsId')}
        placeholder={t('carePlan.assessment.notACorrection')}
        options={items
          .filter((a) => a.personId === v.personId)
          .map((a) => ({ value: a.id, label: `${formatStage(t, a)} · ${a.assessedOn}` }))}
        error={err('correctsId')}
      />
      <FormActions>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </FormActions>
    </form>
  );
}

const formatStage = (t: (k: string) => string, a: TCareAssessment) => t(`carePlan.stage.${a.stage}`);
