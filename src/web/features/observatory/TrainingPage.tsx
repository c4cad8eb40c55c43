import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TTrainingReport } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { formatNumber } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { codeLabel, percentLabel } from './codes.js';
import { ofCountry as countryPhrase } from './country-phrase.js';
import { useTrainingReport } from './observatory-api.js';

type Finding = TTrainingReport['findings'][number];
type Topic = Finding['topic'];

const TOPICS: Topic[] = [
  'violence_form',
  'context',
  'community',
  'language_interpreter',
  'district_interpreter',
  'service',
];

/**
 * The dimension a finding's subject is a code of: the row dimension of the table it cites (the
 * column's, for interpreters by district), else the topic's usual one.
 */
const SUBJECT_DIMENSION_OF_TABLE: Record<string, string> = {
  forms: 'form',
  contexts: 'context',
  country: 'country',
  'referred-by': 'referredBy',
  'recording-service': 'recordingService',
  'language-by-interpreter': 'language',
  'interpreter-by-district': 'district',
};
const SUBJECT_DIMENSION_OF_TOPIC: Record<Topic, string> = {
  violence_form: 'form',
  context: 'context',
  community: 'country',
  language_interpreter: 'language',
  district_interpreter: 'district',
  service: 'referredBy',
};

/** Training needs read from the published statistics: one sentence and one suggestion a finding. */
export function TrainingPage({ year }: { year: number | undefined }) {
  const { t } = useTranslation();
  const report = useTrainingReport(year);

  return (
    <>
      <PageHeading title={t('training.title')}>
        <p className="mb-2">{t('training.intro')}</p>
        <Link to="/observatory" search={year ? { year } : {}}>
          {t('training.back')}
        </Link>
      </PageHeading>
      <AsyncContent query={report}>{(data) => <Findings report={data} />}</AsyncContent>
    </>
  );
}

function Findings({ report }: { report: TTrainingReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const k = report.rule.k;

  return (
    <>
      <p className="alert alert-info">{t('observatory.rule', { k })}</p>
      <p className="lead">
        {t('training.year', { year: report.year })} ·{' '}
        {report.total === null
          ? t('training.totalHidden')
          : t('training.total', { total: formatNumber(report.total, locale) })}
      </p>
      {report.findings.length === 0 ? (
        <p>{t('training.empty')}</p>
      ) : (
        TOPICS.map((topic) => {
          const findings = report.findings.filter((f) => f.topic === topic);
          if (findings.length === 0) return null;
          return (
            <section key={topic} aria-labelledby={`topic-${topic}`} className="mb-4">
              <h2 id={`topic-${topic}`} className="h4">
                {t(`training.topics.${topic}`)}
              </h2>
              <ul className="list-unstyled">
                {findings.map((finding) => (
                  <FindingItem
                    key={`${finding.subject}-${finding.evidence.table}`}
                    finding={finding}
                    report={report}
                  />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </>
  );
}

function FindingItem({ finding, report }: { finding: Finding; report: TTrainingReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const subject = codeLabel({
    t,
    locale,
    labels: report.labels,
    dimension:
      SUBJECT_DIMENSION_OF_TABLE[finding.evidence.table] ?? SUBJECT_DIMENSION_OF_TOPIC[finding.topic],
    code: finding.subject,
  });
  const count = finding.evidence.value;
  const interpreter = finding.topic === 'language_interpreter' || finding.topic === 'district_interpreter';
  const share =
    finding.share === null
      ? null
      : t(interpreter ? 'training.shareOfNeeded' : 'training.shareOfTotal', {
          share: percentLabel(finding.share, locale),
        });
  // A community is named as a sentence needs it: "cittadine e cittadini del Marocco".
  const ofCountry =
    finding.topic === 'community'
      ? countryPhrase({
          code: finding.subject,
          name: report.labels[`country:${finding.subject}`]?.[locale] ?? finding.subject,
          locale,
        })
      : undefined;
  const values = { subject, count, formatted: formatNumber(count, locale), ofCountry };
  const suggestion =
    finding.topic === 'violence_form'
      ? t('training.suggestions.violence_form', { form: t(`training.formOf.${finding.subject}`) })
      : t(`training.suggestions.${finding.topic}`, values);

  return (
    <li className="border-start border-4 border-primary ps-3 py-1 mb-4">
      <div>
        <p className="fw-semibold mb-1">
          {t(`training.findings.${finding.topic}`, values)}
          {share ? ` (${share})` : ''}.
        </p>
        <p className="mb-1">
          <span className="fw-semibold">{t('training.suggestion')}</span> {suggestion}.
        </p>
        <p className="small mb-0">
          {t('training.source', {
            table: t(`observatory.tables.${finding.evidence.table}`, {
              defaultValue: finding.evidence.table,
            }),
          })}
        </p>
      </div>
    </li>
  );
}
