import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, ZCaseListQuerySchema } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { CheckboxField, SelectField, TextField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { maxLengthOf } from '../../ui/forms/limits.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Pager } from '../../ui/Pager.js';
import { ExportEntryLink } from '../exports/ExportEntryLink.js';
import { PageStarts } from './case-list-paging.js';
import { CASES_PAGE_SIZE, type CaseFilters, useCaseFilters, useCases } from './cases-api.js';
import { OverdueBadge, StatusBadge } from './StatusBadge.js';

/** The work list: cases by code, never by name, with what is late flagged. */
export function CasesListPage({
  filters,
  onChange,
}: {
  filters: CaseFilters;
  onChange: (next: CaseFilters) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cases = useCases(filters);
  const options = useCaseFilters();
  const can = useCan();
  const [draft, setDraft] = useState({
    status: filters.status ?? '',
    serviceId: filters.serviceId ?? '',
    districtId: filters.districtId ?? '',
    workerId: filters.workerId ?? '',
    overdue: filters.overdue ?? false,
    q: filters.q ?? '',
  });
  const codeValid = ZCaseListQuerySchema.shape.q.safeParse(draft.q).success;
  const [pageStarts] = useState(() => new PageStarts());
  const goToPage = (page: number, from: { page: number; nextCursor: string | null }) =>
    onChange(pageStarts.filtersFor(filters, page, from));

  function apply(event: FormEvent) {
    event.preventDefault();
    if (!codeValid) return;
    onChange({
      status: (CASE_STATUSES as readonly string[]).includes(draft.status)
        ? (draft.status as CaseFilters['status'])
        : undefined,
      serviceId: draft.serviceId || undefined,
      districtId: draft.districtId || undefined,
      workerId: draft.workerId || undefined,
      overdue: draft.overdue || undefined,
      q: draft.q.trim().toUpperCase() || undefined,
      page: 1,
    });
  }

  function reset() {
    setDraft({ status: '', serviceId: '', districtId: '', workerId: '', overdue: false, q: '' });
    onChange({ page: 1 });
  }

  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value });

  return (
    <>
      <PageHeading title={t('cases.list.title')}>
        <p className="mb-0">{t('cases.list.intro')}</p>
        {/* Who holds the mandate to open one is the server's to say (the page explains a refusal). */}
        {can('cases.write') && (
          <Link to="/cases/new" className="btn btn-primary btn-sm mt-2 me-2">
            {t('court.open.newCase')}
          </Link>
        )}
        <ExportEntryLink
          kind="cases.bulk"
          status={filters.status}
          className="btn btn-outline-primary btn-sm mt-2"
        />
      </PageHeading>
      <section aria-labelledby="cases-filters-heading" className="mb-4">
        <h2 id="cases-filters-heading" className="h4">
          {t('cases.list.filters')}
        </h2>
        <form onSubmit={apply} className="row gx-3 align-items-end mt-3" noValidate>
          <div className="col-md-6 col-lg-4">
            <TextField
              id="cases-q"
              type="search"
              label={t('cases.list.code')}
              hint={t('cases.list.codeHint')}
              maxLength={maxLengthOf(ZCaseListQuerySchema.shape.q)}
              autoComplete="off"
              spellCheck={false}
              value={draft.q}
              onChange={set('q')}
              error={codeValid ? undefined : t('cases.list.codeHint')}
            />
          </div>
          <div className="col-md-6 col-lg-4">
            <SelectField
              id="cases-status"
              label={t('cases.fields.status')}
              placeholder={t('cases.list.allStatuses')}
              options={CASE_STATUSES.map((s) => ({ value: s, label: t(`enums.caseStatus.${s}`) }))}
              value={draft.status}
              onChange={set('status')}
            />
          </div>
          <div className="col-md-6 col-lg-4">
            <SelectField
              id="cases-service"
              label={t('cases.fields.service')}
              placeholder={t('cases.list.allServices')}
              options={(options.data?.services ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={draft.serviceId}
              onChange={set('serviceId')}
            />
          </div>
          <div className="col-md-6 col-lg-4">
            <SelectField
              id="cases-district"
              label={t('cases.fields.district')}
              placeholder={t('cases.list.allDistricts')}
              options={(options.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name }))}
              value={draft.districtId}
              onChange={set('districtId')}
            />
          </div>
          <div className="col-md-6 col-lg-4">
            <SelectField
              id="cases-worker"
              label={t('cases.list.worker')}
              placeholder={t('cases.list.allWorkers')}
              options={(options.data?.workers ?? []).map((w) => ({ value: w.id, label: w.displayName }))}
              value={draft.workerId}
              onChange={set('workerId')}
            />
          </div>
          <div className="col-md-6 col-lg-4">
            <CheckboxField
              id="cases-overdue"
              label={t('cases.list.overdueOnly')}
              checked={draft.overdue}
              onChange={(e) => setDraft({ ...draft, overdue: e.target.checked })}
            />
          </div>
          <div className="col-12 d-flex gap-2">
            <button type="submit" className="btn btn-primary">
              {t('cases.list.apply')}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={reset}>
              {t('cases.list.reset')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="cases-results-heading">
        <h2 id="cases-results-heading" className="h4" tabIndex={-1}>
          {t('cases.list.results')}
        </h2>
        <AsyncContent query={cases}>
          {(result) =>
            result.items.length === 0 ? (
              <p role="status">{t('cases.list.empty')}</p>
            ) : (
              <>
                <DataTable className="table-hover" caption={t('cases.list.caption', { count: result.total })}>
                  <thead>
                    <tr>
                      <th scope="col">{t('cases.fields.code')}</th>
                      <th scope="col">{t('cases.fields.status')}</th>
                      <th scope="col">{t('cases.fields.planStatus')}</th>
                      <th scope="col">{t('cases.fields.service')}</th>
                      <th scope="col">{t('cases.fields.district')}</th>
                      <th scope="col">{t('cases.fields.lead')}</th>
                      <th scope="col">{t('cases.fields.openedAt')}</th>
                      <th scope="col">{t('cases.fields.planReviewDue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.items.map((item) => (
                      <tr key={item.id}>
                        <th scope="row">
                          <Link to="/cases/$caseId" params={{ caseId: item.id }} className="font-monospace">
                            {item.code}
                          </Link>
                        </th>
                        <td>
                          <StatusBadge kind="caseStatus" value={item.status} />
                        </td>
                        <td>
                          <StatusBadge kind="planStatus" value={item.planStatus} />
                        </td>
                        <td>{item.serviceName}</td>
                        <td>{item.districtName ?? '—'}</td>
                        <td>{item.leadName ?? '—'}</td>
                        <td className="text-nowrap">{formatDateTime(item.openedAt, locale)}</td>
                        <td className="text-nowrap">
                          {formatDateTime(item.planReviewDue, locale)}
                          <OverdueBadge overdue={item.overdue} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
                <Pager
                  label={t('cases.list.pagerLabel')}
                  page={result.page}
                  pageSize={result.pageSize || CASES_PAGE_SIZE}
                  total={result.total}
                  onPage={(page) => goToPage(page, result)}
                  resultsHeadingId="cases-results-heading"
                />
              </>
            )
          }
        </AsyncContent>
      </section>
    </>
  );
}
