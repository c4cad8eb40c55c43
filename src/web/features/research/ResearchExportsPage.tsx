import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime, formatNumber } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useResearchExports } from './research-api.js';

/** The DPO's register of every research export: who, which study, when, how many rows. */
export function ResearchExportsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const exports = useResearchExports();
  return (
    <>
      <PageHeading title={t('research.exports.title')}>
        <p className="mb-0">{t('research.exports.intro')}</p>
      </PageHeading>
      <AsyncContent query={exports}>
        {(items) =>
          items.length === 0 ? (
            <p role="status">{t('research.exports.empty')}</p>
          ) : (
            <DataTable
              className="table-hover"
              caption={t('research.exports.caption', { count: items.length })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('research.exports.exportedAt')}</th>
                  <th scope="col">{t('research.exports.study')}</th>
                  <th scope="col">{t('research.exports.user')}</th>
                  <th scope="col">{t('research.exports.format')}</th>
                  <th scope="col">{t('research.exports.rows')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row" className="text-nowrap">
                      {formatDateTime(item.exportedAt, locale)}
                    </th>
                    <td className="font-monospace">{item.studyCode}</td>
                    <td>{item.username}</td>
                    <td className="text-uppercase">{item.format}</td>
                    <td>{formatNumber(item.rowCount, locale)}</td>
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
