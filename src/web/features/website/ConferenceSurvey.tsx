import { useTranslation } from 'react-i18next';
import { HIDDEN_COUNT } from '../../../contracts/common.js';
import { SURVEY_MIN_ANSWERS, type TConferenceSurvey } from '../../../contracts/website-conferences.js';
import { useLocale } from '../../i18n/index.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatNumber } from '../../ui/format.js';
import { averageText } from './conference-forms.js';

/**
 * The event's satisfaction survey (the community module's), once it has begun: how many answered,
 * and the two averages, shown only from SURVEY_MIN_ANSWERS answers (fewer could point to who answered).
 */
export function ConferenceSurvey({ survey }: { survey: TConferenceSurvey | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const average = (value: number | null) => {
    const text = averageText(value, locale);
    return text === null ? HIDDEN_COUNT[locale] : t('website.conference.survey.outOf', { value: text });
  };
  const hidden = survey !== null && (survey.useful === null || survey.understood === null);
  return (
    <section aria-labelledby="site-conference-survey-heading" className="mb-5">
      <h3 id="site-conference-survey-heading" className="h5">
        {t('website.conference.survey.title')}
      </h3>
      {survey === null ? (
        <p>{t('website.conference.survey.notYet')}</p>
      ) : (
        <>
          <Facts>
            <Fact label={t('website.conference.survey.answers')}>{formatNumber(survey.answers, locale)}</Fact>
            <Fact label={t('website.conference.survey.useful')}>{average(survey.useful)}</Fact>
            <Fact label={t('website.conference.survey.understood')}>{average(survey.understood)}</Fact>
          </Facts>
          {hidden && (
            <p className="small">
              {t('website.conference.survey.minNote', {
                min: SURVEY_MIN_ANSWERS,
                mark: HIDDEN_COUNT[locale],
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
