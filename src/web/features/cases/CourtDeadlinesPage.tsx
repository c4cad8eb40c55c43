import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ZDeadlineListQuerySchema } from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { type DeadlineScope, useCourtDeadlines } from './court-api.js';
import { DeadlineStateBadge } from './DeadlineStateBadge.js';
import { deadlineWhen } from './deadline-when.js';

/** How far ahead the list looks: the API's own default. */
const WITHIN_DAYS = ZDeadlineListQuerySchema.shape.withinDays.parse(undefined);

/**
 * The court's deadlines work list, late first: of the cases one works on, or (for a coordinator)
 * of the services one supervises. Each row leads to the case's Court tab.
 */
export function CourtDeadlinesPage({ scope }: { scope: DeadlineScope | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  // A coordinator works on no case of her own: her list is the services she supervises.
  const current: DeadlineScope = scope ?? (can('cases.write') ? 'team' : 'supervised');
  const deadlines = useCourtDeadlines(current);
  // Someone who both works on cases and supervises services chooses which list to see.
  const both = can('cases.supervise') && can('cases.write');

  return (
    <>
      <PageHeading title={t('court.list.title')}>
        <p className="mb-0">
          {t(current === 'team' ? 'court.list.intro' : 'court.list.introSupervised', { days: WITHIN_DAYS })}
        </p>
      </PageHeading>
      {/* A coordinator also approves the reports: their list is one step away. */}
      {can('cases.supervise') && (
        <p>
          <Link to="/court-reports/pending">{t('transfers.reports.link')}</Link>
        </p>
      )}
      {both && (
        <nav aria-label={t('court.list.scope')} className="mb-4">
          <ul className="nav nav-tabs flex-wrap">
            {(['team', 'supervised'] as const).map((s) => (
              <li key={s} className="nav-item">
                <Link
                  to="/court-deadlines"
                  search={{ scope: s }}
                  className={`nav-link${s === current ? ' active' : ''}`}
                  aria-current={s === current ? 'page' : undefined}
                >
                  {t(`court.list.${s}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <AsyncContent query={deadlines}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('court.list.empty', { days: WITHIN_DAYS })}</p>
          ) : (
            <DataTable className="table-hover" caption={t('court.list.caption', { count: items.length })}>
              <thead>
                <tr>
                  <th scope="col">{t('court.list.case')}</th>
                  <th scope="col">{t('court.deadlines.what')}</th>
                  <th scope="col">{t('court.deadlines.due')}</th>
                  <th scope="col">{t('court.deadlines.state')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      <Link
                        to="/cases/$caseId"
                        params={{ caseId: d.caseId }}
                        search={{ tab: 'court' }}
                        className="font-monospace"
                      >
                        {d.caseCode}
                      </Link>
                    </th>
                    <td>{t(`enums.deadlineKind.${d.kind}`)}</td>
                    <td className="text-nowrap">{deadlineWhen(d.kind, d.dueAt, locale)}</td>
                    <td>
                      <DeadlineStateBadge deadline={d} />
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
