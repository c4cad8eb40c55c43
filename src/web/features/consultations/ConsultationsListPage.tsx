import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useConsultations } from './consultations-api.js';

/** The consultations the service gives or asked for, nearest deadline first (both teams see the deadline). */
export function ConsultationsListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useConsultations();
  return (
    <>
      <PageHeading title={t('consultations.list.title')}>
        <p className="mb-0">{t('consultations.list.intro')}</p>
      </PageHeading>
      <AsyncContent query={list}>
        {(items) =>
          items.length === 0 ? (
            <p role="status">{t('consultations.list.empty')}</p>
          ) : (
            <DataTable
              className="table-hover"
              caption={t('consultations.list.caption', { count: items.length })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('consultations.fields.code')}</th>
                  <th scope="col">{t('consultations.fields.status')}</th>
                  <th scope="col">{t('consultations.fields.kind')}</th>
                  <th scope="col">{t('consultations.fields.requestingService')}</th>
                  <th scope="col">{t('consultations.fields.opinionDueOn')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((k) => (
                  <tr key={k.id}>
                    <td>
                      <Link to="/consultations/$consultationId" params={{ consultationId: k.id }}>
                        {k.code}
                      </Link>
                    </td>
                    <td>{t(`consultations.status.${k.status}`)}</td>
                    <td>{t(`consultations.kind.${k.kind}`)}</td>
                    <td>{k.requestingService}</td>
                    <td>
                      {formatDay(k.opinionDueOn, locale)}
                      {k.overdue && (
                        <span className="badge bg-danger ms-2">{t('consultations.overdue')}</span>
                      )}
                    </td>
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
