import { useTranslation } from 'react-i18next';
import { HIDDEN_COUNT } from '../../../contracts/common.js';
import type { TLocale } from '../../../contracts/index.js';
import type { TCompetenceResult, TSurveyResult } from '../../../contracts/questionnaires.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatRomeDay } from '../../ui/format.js';
import { useCompetence, useSurveyResult } from './questionnaires-api.js';

type DomainRows = TCompetenceResult['domains'];

/** A score or a gain in points, one decimal; the one neutral word when too few people stand behind it. */
function points(value: number | null, locale: TLocale, signed = false): string {
  if (value === null) return HIDDEN_COUNT[locale];
  const text = new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', {
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
  return text;
}

/** Before, after and the gain, per domain (scores 0–100). */
function DomainTable({ caption, rows }: { caption: string; rows: DomainRows }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('courses.results.domain')}</th>
          <th scope="col">{t('courses.results.pre')}</th>
          <th scope="col">{t('courses.results.post')}</th>
          <th scope="col">{t('courses.results.gain')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.domain}>
            <th scope="row">{t(`courses.domains.${row.domain}`)}</th>
            <td>{points(row.pre, locale)}</td>
            <td>{points(row.post, locale)}</td>
            <td>{points(row.gain, locale, true)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** An edition's competence gain, for its trainers and the coordinators: nothing below the threshold. */
export function CompetencePanel({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const result = useCompetence(editionId);
  return (
    <section aria-labelledby="competence-results" className="mb-4">
      <h2 id="competence-results" className="h4">
        {t('courses.results.title')}
      </h2>
      <AsyncContent query={result} notFound={<p>{t('courses.results.none')}</p>}>
        {(data) =>
          !data.closed ? (
            <p>{t('courses.results.notYet', { date: formatRomeDay(data.closesAt, locale) })}</p>
          ) : (
            <>
              <p>
                {data.pairs === null
                  ? t('courses.results.pairsHidden', { hidden: HIDDEN_COUNT[locale], min: data.minGroup })
                  : t('courses.results.pairs', { count: data.pairs })}{' '}
                {t('courses.results.scale', { min: data.minGroup })}
              </p>
              <DomainTable caption={t('courses.results.caption')} rows={data.domains} />
            </>
          )
        }
      </AsyncContent>
    </section>
  );
}

/** The services survey in aggregate: how many answered at each end, and the scores per domain. */
export function SurveyResults({ questionnaireId, title }: { questionnaireId: string; title: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const result = useSurveyResult(questionnaireId);
  const count = (n: number | null) => (n === null ? HIDDEN_COUNT[locale] : String(n));
  return (
    <AsyncContent query={result}>
      {(data: TSurveyResult) =>
        !data.closed ? (
          <p>{t('courses.results.surveyNotYet')}</p>
        ) : (
          <>
            <p>
              {t('courses.results.respondents', {
                pre: count(data.respondents.pre),
                post: count(data.respondents.post),
              })}{' '}
              {t('courses.results.surveyScale', { min: data.minGroup })}
            </p>
            <DomainTable caption={t('courses.results.surveyCaption', { title })} rows={data.domains} />
          </>
        )
      }
    </AsyncContent>
  );
}
