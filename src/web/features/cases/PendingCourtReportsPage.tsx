import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { usePendingCourtReports } from './court-api.js';

/**
 * The coordinator's reports to approve, across the services she supervises: which case, under
 * which order, for which period, submitted when. The text is read (and the report approved) on the
 * case's Court tab, where each row leads; this list never carries it.
 */
export function PendingCourtReportsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const reports = usePendingCourtReports();

  return (
    <>
      <PageHeading title={t('transfers.reports.title')}>
        <p className="mb-0">{t('transfers.reports.intro')}</p>
      </PageHeading>
      <p>
        <Link to="/court-deadlines" search={{ scope: 'supervised' }}>
          {t('transfers.reports.deadlines')}
        </Link>
      </p>
      <AsyncContent query={reports}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('transfers.reports.empty')}</p>
          ) : (
            <DataTable
              className="table-hover"
              caption={t('transfers.reports.caption', { count: items.length })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('transfers.reports.case')}</th>
                  <th scope="col">{t('transfers.reports.order')}</th>
                  <th scope="col">{t('transfers.reports.period')}</th>
                  <th scope="col">{t('transfers.reports.submittedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link
                        to="/cases/$caseId"
                        params={{ caseId: r.caseId }}
                        search={{ tab: 'court' }}
                        className="font-monospace"
                      >
                        {r.caseCode}
                      </Link>
                    </th>
                    <td>{t(`enums.courtOrderKind.${r.orderKind}`)}</td>
                    <td>
                      {t('transfers.reports.periodValue', {
                        from: formatDay(r.periodFrom, locale),
                        to: formatDay(r.periodTo, locale),
                      })}
                    </td>
                    <td className="text-nowrap">{formatDateTime(r.submittedAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </AsyncContent>
    </>
  );
}
