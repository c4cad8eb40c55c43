import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCareAssessment } from '../../../contracts/care-plan.js';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { SelectField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { AssessmentTexts, personName } from './AssessmentSection.js';

/**
 * Two assessments side by side (stacked on a phone): the risk level from one to the other, the
 * protection concerns added and removed, and the texts.
 */
export function AssessmentCompare({
  data,
  items,
  onClose,
}: {
  data: TCase;
  items: TCareAssessment[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [leftId, setLeftId] = useState(items[0]?.id ?? '');
  const [rightId, setRightId] = useState(items[items.length - 1]?.id ?? '');
  const left = items.find((a) => a.id === leftId);
  const right = items.find((a) => a.id === rightId);
  const options = items.map((a) => ({
    value: a.id,
    label: `${personName(data, a.personId)} · ${formatDay(a.assessedOn, locale)} · ${t(`carePlan.stage.${a.stage}`)}`,
  }));
  const added = right && left ? right.concerns.filter((c) => !left.concerns.includes(c)) : [];
  const removed = right && left ? left.concerns.filter((c) => !right.concerns.includes(c)) : [];
  const words = (list: string[]) =>
    list.length ? list.map((c) => t(`carePlan.concern.${c}`)).join(', ') : '—';
  return (
    <section className="card card-body mb-4" aria-labelledby="assessment-compare-heading">
      <h3 id="assessment-compare-heading" className="h5">
        {t('carePlan.assessment.compare')}
      </h3>
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id="compare-left"
            label={t('carePlan.assessment.earlier')}
            value={leftId}
            onChange={(e) => setLeftId(e.target.value)}
            options={options}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="compare-right"
            label={t('carePlan.assessment.later')}
            value={rightId}
            onChange={(e) => setRightId(e.target.value)}
            options={options}
          />
        </div>
      </div>
      {left && right && (
        <>
          <p>
            <strong>{t('carePlan.assessment.riskLevel')}:</strong> {t(`carePlan.risk.${left.riskLevel}`)} →{' '}
            {t(`carePlan.risk.${right.riskLevel}`)}
          </p>
          <p>
            <strong>{t('carePlan.assessment.concernsAdded')}:</strong> {words(added)}
            <br />
            <strong>{t('carePlan.assessment.concernsRemoved')}:</strong> {words(removed)}
          </p>
          <div className="row">
            <div className="col-md-6">
              <h4 className="h6">{formatDay(left.assessedOn, locale)}</h4>
              <AssessmentTexts assessment={left} />
            </div>
            <div className="col-md-6">
              <h4 className="h6">{formatDay(right.assessedOn, locale)}</h4>
              <AssessmentTexts assessment={right} />
            </div>
          </div>
        </>
      )}
      <div>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
          {t('carePlan.close')}
        </button>
      </div>
    </section>
  );
}
