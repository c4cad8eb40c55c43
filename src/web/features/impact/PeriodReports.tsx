import { useTranslation } from 'react-i18next';
import type { TImpactPeriod, TReportSummary } from '../../../contracts/impact-periods.js';
import { useLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { reportFileUrl, shortHash } from './period-format.js';
import type { PeriodMutations } from './periods-api.js';

/**
 * The period's signed reports, each with its date, author, whether it is final or a draft (made
 * while the period was open) and its files; and, when allowed, the button that makes a new one.
 */
export function PeriodReports({
  period,
  mutations,
  onDone,
  onStart,
}: {
  period: TImpactPeriod;
  mutations: PeriodMutations;
  onDone: (message: string) => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const { report } = mutations;
  if (period.reports.length === 0 && !period.can.report) return null;
  return (
    <div className="mt-3">
      <h4 className="h6">{t('impact.periods.reports.title')}</h4>
      {period.reports.length === 0 ? (
        <p className="small">{t('impact.periods.reports.empty')}</p>
      ) : (
        <ul className="list-unstyled mb-2">
          {period.reports.map((item) => (
            <ReportItem key={item.id} report={item} />
          ))}
        </ul>
      )}
      {period.can.report && (
        <>
          {report.error ? <ActionProblem error={report.error} /> : null}
          {period.status !== 'locked' && (
            <p className="small mb-2">{t('impact.periods.reports.draftNote')}</p>
          )}
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={report.isPending}
            onClick={() => {
              onStart();
              report.reset();
              report.mutate(undefined, { onSuccess: () => onDone(t('impact.periods.done.report')) });
            }}
          >
            {t('impact.periods.reports.generate')}
          </button>
        </>
      )}
    </div>
  );
}

/**
 * One report: when and by whom, final or draft in words, the fingerprint shortened (to compare with
 * a verified file) and its files, a PDF in each language and the spreadsheet in the reader's. Each
 * PDF's language is named in that language, as language choices are, whatever the interface's.
 */
function ReportItem({ report }: { report: TReportSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li className="border-top pt-2 mb-2">
      <p className="mb-1">
        {t('impact.periods.reports.item', {
          at: formatDateTime(report.createdAt, locale),
          by: report.createdBy,
        })}
        {' — '}
        <strong>{t(report.final ? 'impact.periods.reports.final' : 'impact.periods.reports.draft')}</strong>
      </p>
      <p className="small text-muted mb-1 text-break">
        {t('impact.periods.reports.hash', { hash: shortHash(report.contentHash) })}
      </p>
      <p className="d-flex flex-wrap gap-3 mb-0">
        <a href={reportFileUrl(report.id, 'pdf', 'it')} download>
          {t('impact.periods.reports.pdf')} (<span lang="it">italiano</span>)
        </a>
        <a href={reportFileUrl(report.id, 'pdf', 'en')} download>
          {t('impact.periods.reports.pdf')} (<span lang="en">English</span>)
        </a>
        <a href={reportFileUrl(report.id, 'xlsx', locale)} download>
          {t('impact.periods.reports.xlsx')}
        </a>
      </p>
    </li>
  );
}
