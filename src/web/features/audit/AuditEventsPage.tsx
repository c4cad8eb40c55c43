import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TAuditEvent } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { roleLabel } from '../../i18n/role-label.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Pager } from '../../ui/Pager.js';
import { AuditFiltersForm } from './AuditFiltersForm.js';
import { AUDIT_PAGE_SIZE, type AuditFilters, type RecordAccessSearch, useAuditEvents } from './audit-api.js';
import { actorText, inLocale, recordText } from './audit-words.js';
import { ChainStatus } from './ChainStatus.js';

/** Kinds of record whose code finds them again on the record-access page. */
const FOUND_BY_CODE = new Set(['household', 'case', 'study']);

/** Where "who accessed this record" is asked: by code when the record has one, else by the event's link. */
function accessSearch(e: TAuditEvent): RecordAccessSearch | null {
  if (!e.record || !e.recordType || !e.recordId) return null;
  if (e.record.visible && e.record.label && FOUND_BY_CODE.has(e.record.type)) return { code: e.record.label };
  return { recordType: e.recordType, recordId: e.recordId };
}

export function AuditEventsPage({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (next: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const events = useAuditEvents(filters);

  return (
    <>
      <PageHeading title={t('audit.title')}>
        <p className="mb-0">
          {t('audit.intro')} <Link to="/audit/record-access">{t('audit.recordAccessLink')}</Link>
        </p>
      </PageHeading>
      <ChainStatus />
      <section aria-labelledby="audit-filters-heading" className="mb-4">
        <h2 id="audit-filters-heading" className="h4">
          {t('audit.filters.title')}
        </h2>
        <AuditFiltersForm filters={filters} onChange={onChange} />
      </section>
      <section aria-labelledby="audit-results-heading">
        <h2 id="audit-results-heading" className="h4">
          {t('audit.eventsHeading')}
        </h2>
        <AsyncContent query={events}>
          {(result) =>
            result.items.length === 0 ? (
              <p role="status">{t('audit.empty')}</p>
            ) : (
              <>
                <DataTable
                  className="table-sm table-hover"
                  caption={t('audit.caption', { count: result.total })}
                >
                  <thead>
                    <tr>
                      <th scope="col">{t('audit.fields.occurredAt')}</th>
                      <th scope="col">{t('audit.fields.actor')}</th>
                      <th scope="col">{t('audit.fields.action')}</th>
                      <th scope="col">{t('audit.fields.result')}</th>
                      <th scope="col">{t('audit.fields.record')}</th>
                      <th scope="col">{t('audit.fields.purpose')}</th>
                      <th scope="col">{t('audit.fields.clientIp')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.items.map((e) => {
                      const search = accessSearch(e);
                      const record = e.record ? recordText(t, e.record) : null;
                      return (
                        <tr key={e.id}>
                          <th scope="row" className="text-nowrap">
                            {formatDateTime(e.occurredAt, locale)}
                          </th>
                          <td>
                            {actorText(t, e)}
                            {e.actorRole ? ` (${roleLabel(t, e.actorRole, e.actorAddressForm)})` : ''}
                          </td>
                          <td>{inLocale(e.actionLabel, locale)}</td>
                          <td>{t(`audit.results.${e.result}`)}</td>
                          <td>
                            {record && search ? (
                              <Link
                                to="/audit/record-access"
                                search={search}
                                aria-label={t('audit.whoAccessedNamed', { record })}
                              >
                                {record}
                              </Link>
                            ) : (
                              (record ?? '—')
                            )}
                          </td>
                          <td>{e.purpose ?? '—'}</td>
                          <td>{e.clientIp ?? '—'}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </DataTable>
                <Pager
                  label={t('audit.pagerLabel')}
                  page={result.page}
                  pageSize={result.pageSize || AUDIT_PAGE_SIZE}
                  total={result.total}
                  onPage={(page) => onChange({ ...filters, page })}
                />
              </>
            )
          }
        </AsyncContent>
      </section>
    </>
  );
}
