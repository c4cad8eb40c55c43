import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_STATUSES, type TRequestStatus } from '../../../contracts/mediation.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { CheckboxField, SelectField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Pager } from '../../ui/Pager.js';
import { REQUESTS_PAGE_SIZE, type RequestFilters, useRequests } from './mediation-api.js';
import { currentMediator, requestStatusText } from './mediation-words.js';
import { useMediationReference } from './reference-names.js';

const RESULTS_HEADING = 'mediation-requests-results';

/** One's own requests, or for the mediation coordinator the service's queue; filtered by status. */
export function RequestsListPage({
  filters,
  onChange,
}: {
  filters: RequestFilters;
  onChange: (next: RequestFilters) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const requests = useRequests(filters);
  const { languageName } = useMediationReference();
  const [status, setStatus] = useState<string>(filters.status ?? '');
  const [unmatched, setUnmatched] = useState(filters.unmatched ?? false);

  function apply(event: FormEvent) {
    event.preventDefault();
    onChange({
      status: (REQUEST_STATUSES as readonly string[]).includes(status)
        ? (status as TRequestStatus)
        : undefined,
      unmatched: unmatched || undefined,
      page: 1,
    });
  }

  return (
    <>
      <PageHeading title={t('mediation.requests.title')}>
        <p className="mb-2">
          {can('mediation.coordinate')
            ? t('mediation.requests.introCoordinator')
            : t('mediation.requests.intro')}
        </p>
        <Link to="/mediation/requests/new" className="btn btn-primary btn-sm">
          {t('mediation.requests.new')}
        </Link>
      </PageHeading>
      <form
        onSubmit={apply}
        className="d-flex flex-wrap align-items-end gap-3 mb-3"
        aria-label={t('mediation.requests.filters')}
      >
        <SelectField
          id="mediation-status"
          label={t('mediation.requests.status')}
          placeholder={t('mediation.requests.allStatuses')}
          options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`mediationWords.requestStatus.${s}`) }))}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        />
        <CheckboxField
          id="mediation-unmatched"
          label={t('mediation.requests.unmatchedOnly')}
          checked={unmatched}
          onChange={(e) => setUnmatched(e.target.checked)}
        />
        <button type="submit" className="btn btn-outline-primary mb-4">
          {t('mediation.requests.apply')}
        </button>
      </form>
      <h2 id={RESULTS_HEADING} tabIndex={-1} className="visually-hidden">
        {t('mediation.requests.results')}
      </h2>
      <AsyncContent query={requests}>
        {(result) =>
          result.items.length === 0 ? (
            <p role="status">{t('mediation.requests.empty')}</p>
          ) : (
            <>
              <DataTable
                className="table-hover"
                caption={t('mediation.requests.caption', { count: result.total })}
              >
                <thead>
                  <tr>
                    <th scope="col">{t('mediation.request.code')}</th>
                    <th scope="col">{t('mediation.request.when')}</th>
                    <th scope="col">{t('mediation.request.language')}</th>
                    <th scope="col">{t('mediation.request.purpose')}</th>
                    <th scope="col">{t('mediation.request.status')}</th>
                    <th scope="col">{t('mediation.request.mediator')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((request) => (
                    <tr key={request.id}>
                      <th scope="row">
                        <Link
                          to="/mediation/requests/$requestId"
                          params={{ requestId: request.id }}
                          className="font-monospace"
                        >
                          {request.code}
                        </Link>
                      </th>
                      <td className="text-nowrap">{formatDateTime(request.startsAt, locale)}</td>
                      <td>
                        {languageName(request.language)}
                        {request.dialect ? ` (${request.dialect})` : ''}
                      </td>
                      <td>{t(`mediationWords.purpose.${request.purpose}`)}</td>
                      <td>{requestStatusText(t, request)}</td>
                      <td>{currentMediator(request) ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <Pager
                label={t('mediation.requests.pager')}
                page={result.page}
                pageSize={result.pageSize || REQUESTS_PAGE_SIZE}
                total={result.total}
                resultsHeadingId={RESULTS_HEADING}
                onPage={(page) => onChange({ ...filters, page })}
              />
            </>
          )
        }
      </AsyncContent>
    </>
  );
}
