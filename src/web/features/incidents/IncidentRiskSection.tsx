import type { UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BRIEF_RISK_ITEMS, RISK_FACTORS, RISK_LEVELS, type TRiskFactor } from '../../../contracts/index.js';
import { SelectField } from '../../ui/fields.js';
import { IncidentSection } from './IncidentSection.js';
import type { IncidentFormValues } from './incident-form-values.js';

const BRIEF: readonly string[] = BRIEF_RISK_ITEMS;
const OTHER_FACTORS = RISK_FACTORS.filter((factor) => !BRIEF.includes(factor));

/**
 * The risk of further violence (law 53/2022 art. 4 c. 2 lett. c): the brief assessment of the
 * DPCM 2017 guidelines first, then the other factors. Each factor is a fieldset named by it, with
 * two selects, now and in the past; side by side from 576 px, one under the other on a phone.
 */
export function IncidentRiskSection({
  register,
  error,
}: {
  register: UseFormRegister<IncidentFormValues>;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const levels = [
    { value: '', label: t('incidents.form.riskNotAssessed') },
    ...RISK_LEVELS.map((level) => ({ value: level, label: t(`enums.riskLevel.${level}`) })),
  ];
  const factor = (code: TRiskFactor) => (
    <fieldset key={code} id={`incident-risk-${code}`} className="col-lg-6 mb-3">
      <legend className="h6 fw-semibold text-body mb-2 px-0">{t(`enums.riskFactor.${code}`)}</legend>
      <div className="row">
        <SelectField
          id={`incident-risk-${code}-now`}
          className="col-sm-6 mb-2"
          label={t('incidents.form.riskNow')}
          options={levels}
          {...register(`riskAssessment.${code}.now`)}
        />
        <SelectField
          id={`incident-risk-${code}-past`}
          className="col-sm-6 mb-2"
          label={t('incidents.form.riskPast')}
          options={levels}
          {...register(`riskAssessment.${code}.past`)}
        />
      </div>
    </fieldset>
  );
  return (
    <IncidentSection id="risk" title={t('incidents.form.sections.risk')}>
      <div id="incident-risk">
        <p id="incident-risk-intro">{t('incidents.form.riskIntro')}</p>
        {error && (
          <div id="incident-risk-error" className="invalid-feedback d-block mb-3" role="alert">
            {error}
          </div>
        )}
        <h3 className="h5 mb-3">{t('incidents.form.riskBrief')}</h3>
        <div className="row">{BRIEF_RISK_ITEMS.map(factor)}</div>
        <h3 className="h5 mb-3">{t('incidents.form.riskOther')}</h3>
        <div className="row">{OTHER_FACTORS.map(factor)}</div>
      </div>
    </IncidentSection>
  );
}
