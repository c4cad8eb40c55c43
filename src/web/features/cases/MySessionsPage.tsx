import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useReferenceOptions } from '../households/reference-options.js';
import { useMySessions } from './cases-api.js';

/** The mediator's sessions: only those they attend, by case code, with what is needed to be there. */
export function MySessionsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const sessions = useMySessions();
  const { languageName } = useReferenceOptions();
  return (
    <>
      <PageHeading title={t('sessions.mine.title')}>
        <p className="mb-0">{t('sessions.mine.intro')}</p>
      </PageHeading>
      <AsyncContent query={sessions}>
        {(items) =>
          items.length === 0 ? (
            <p role="status">{t('sessions.mine.empty')}</p>
          ) : (
            <DataTable className="table-hover" caption={t('sessions.mine.caption', { count: items.length })}>
              <thead>
                <tr>
                  <th scope="col">{t('sessions.fields.startsAt')}</th>
                  <th scope="col">{t('cases.fields.code')}</th>
                  <th scope="col">{t('sessions.fields.kind')}</th>
                  <th scope="col">{t('sessions.fields.duration')}</th>
                  <th scope="col">{t('sessions.fields.place')}</th>
                  <th scope="col">{t('sessions.fields.language')}</th>
                  <th scope="col">{t('cases.fields.service')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((session) => (
                  <tr key={session.id}>
                    <th scope="row" className="text-nowrap">
                      <Link to="/sessions/$sessionId" params={{ sessionId: session.id }}>
                        {formatDateTime(session.startsAt, locale)}
                      </Link>
                    </th>
                    <td className="font-monospace">{session.caseCode}</td>
                    <td>{t(`enums.sessionKind.${session.kind}`)}</td>
                    <td>{t('sessions.minutes', { count: session.durationMinutes })}</td>
                    <td>{t(`enums.place.${session.place}`)}</td>
                    <td>{session.language ? languageName(session.language) : '—'}</td>
                    <td>{session.serviceName}</td>
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
