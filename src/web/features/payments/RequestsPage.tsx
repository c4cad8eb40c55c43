import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RENT_REQUEST_STATUSES, type TRentRequestStatus } from '../../../contracts/autonomy-codes.js';
import type { TRentRequest } from '../../../contracts/housing.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { SelectField } from '../../ui/fields.js';
import { formatDay, formatRomeDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { type RequestFilters, useCreateRequest, useRequests } from './payments-api.js';
import { formatEuro } from './payments-forms.js';
import { RequestForm } from './RequestForm.js';

const RESULTS_HEADING = 'payments-requests-results';

/** The service's rent support requests, newest first, filtered by status; a new request asked here. */
export function RequestsPage({
  filters,
  onChange,
}: {
  filters: RequestFilters;
  onChange: (next: RequestFilters) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const requests = useRequests(filters);
  const create = useCreateRequest();
  const [status, setStatus] = useState<string>(filters.status ?? '');
  const [asking, setAsking] = useState(false);

  function apply(event: FormEvent) {
    event.preventDefault();
    onChange({
      status: (RENT_REQUEST_STATUSES as readonly string[]).includes(status)
        ? (status as TRentRequestStatus)
        : undefined,
    });
  }

  return (
    <>
      <PageHeading title={t('payments.requests.title')}>
        <p className="mb-2">{t('payments.requests.intro')}</p>
        <div className="d-flex flex-wrap gap-2">
          {!asking && (
            <button type="button" className="btn btn-primary btn-sm" onClick={() => setAsking(true)}>
              {t('payments.requests.new')}
            </button>
          )}
          {can('payments.read') && (
            <Link to="/payments/ledger" className="btn btn-outline-primary btn-sm">
              {t('payments.nav.ledger')}
            </Link>
          )}
          <Link to="/payments/budgets" className="btn btn-outline-primary btn-sm">
            {t('payments.nav.budgets')}
          </Link>
        </div>
      </PageHeading>
      {asking && (
        <section aria-labelledby="payments-new-request" className="mb-4">
          <h2 id="payments-new-request" className="h4">
            {t('payments.form.title')}
          </h2>
          <p>{t('payments.form.intro')}</p>
          <RequestForm
            error={create.error}
            onSubmit={async (body) => {
              const created = await create.mutateAsync(body);
              await navigate({ to: '/payments/requests/$requestId', params: { requestId: created.id } });
            }}
            onCancel={() => {
              create.reset();
              setAsking(false);
            }}
          />
        </section>
      )}
      <form
        onSubmit={apply}
        className="d-flex flex-wrap align-items-end gap-3 mb-3"
        aria-label={t('payments.requests.filters')}
      >
        <SelectField
          id="payments-status"
          label={t('payments.requests.status')}
          placeholder={t('payments.requests.allStatuses')}
          options={RENT_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`payments.status.${s}`) }))}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        />
        <button type="submit" className="btn btn-outline-primary mb-4">
          {t('payments.requests.apply')}
        </button>
      </form>
      <h2 id={RESULTS_HEADING} tabIndex={-1} className="visually-hidden">
        {t('payments.requests.results')}
      </h2>
      <AsyncContent query={requests}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <p role="status">{t('payments.requests.empty')}</p>;
          return (
            <>
              <RequestsTable items={items} />
              {requests.hasNextPage && (
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  disabled={requests.isFetchingNextPage}
                  onClick={() => requests.fetchNextPage()}
                >
                  {t('payments.requests.more')}
                </button>
              )}
            </>
          );
        }}
      </AsyncContent>
    </>
  );
}

function RequestsTable({ items }: { items: TRentRequest[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable className="table-hover" caption={t('payments.requests.caption', { count: items.length })}>
      <thead>
        <tr>
          <th scope="col">{t('payments.request.code')}</th>
          <th scope="col">{t('payments.request.household')}</th>
          <th scope="col">{t('payments.request.amount')}</th>
          <th scope="col">{t('payments.request.period')}</th>
          <th scope="col">{t('payments.request.payee')}</th>
          <th scope="col">{t('payments.request.status')}</th>
          <th scope="col">{t('payments.request.requested')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <Link
                to="/payments/requests/$requestId"
                params={{ requestId: r.id }}
                className="font-monospace"
              >
                {r.code}
              </Link>
            </th>
            <td className="font-monospace">{r.householdCode}</td>
            <td className="text-nowrap">{formatEuro(r.amountCents, locale)}</td>
            <td>
              {t('payments.request.periodRange', {
                from: formatDay(r.periodFrom, locale),
                to: formatDay(r.periodTo, locale),
              })}
            </td>
            <td>{r.payeeName ?? t('payments.payeeKind.landlord')}</td>
            <td>
              {t(`payments.status.${r.status}`)}
              {r.reversed ? ` · ${t('payments.request.reversedShort')}` : ''}
            </td>
            <td>
              {t('payments.request.requestedBy', {
                name: r.requestedBy.name,
                date: formatRomeDay(r.requestedAt, locale),
              })}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
