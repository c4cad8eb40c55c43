import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTONOMY_PLAN_STATUSES, type TPlanStatus } from '../../../contracts/autonomy.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { CheckboxField, SelectField } from '../../ui/fields.js';
import { formatDay } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Pager } from '../../ui/Pager.js';
import { PLANS_PAGE_SIZE, type PlanFilters, usePlans } from './autonomy-api.js';

/**
 * The autonomy plans the viewer reads, the soonest review first. "Next page" follows the cursor the
 * page ended with; "previous" goes back to the cursor that page was reached with (the shared Pager).
 */
export function PlansListPage({
  filters,
  onChange,
}: {
  filters: PlanFilters;
  onChange: (next: PlanFilters) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  // The starts of the pages walked so far: [null] is the first page.
  const [starts, setStarts] = useState<(string | null)[]>([null]);
  const cursor = starts.at(-1) ?? null;
  const plans = usePlans(filters, cursor);
  const [draft, setDraft] = useState({
    status: filters.status ?? '',
    mine: filters.mine ?? false,
    reviewDue: filters.reviewDue ?? false,
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    setStarts([null]);
    onChange({
      status: (AUTONOMY_PLAN_STATUSES as readonly string[]).includes(draft.status)
        ? (draft.status as TPlanStatus)
        : undefined,
      mine: draft.mine || undefined,
      reviewDue: draft.reviewDue || undefined,
    });
  }

  return (
    <>
      <PageHeading title={t('autonomy.list.title')}>
        <p className="mb-0">{t('autonomy.list.intro')}</p>
        {can('autonomy.write') && (
          <Link to="/autonomy/plans/new" className="btn btn-primary btn-sm mt-2">
            {t('autonomy.list.new')}
          </Link>
        )}
      </PageHeading>
      <section aria-labelledby="plans-filters-heading" className="mb-4">
        <h2 id="plans-filters-heading" className="h4">
          {t('autonomy.list.filters')}
        </h2>
        <form onSubmit={apply} className="row gx-3 align-items-end mt-3" noValidate>
          <div className="col-md-4">
            <SelectField
              id="plans-status"
              label={t('autonomy.fields.status')}
              placeholder={t('autonomy.list.allStatuses')}
              options={AUTONOMY_PLAN_STATUSES.map((s) => ({
                value: s,
                label: t(`autonomy.planStatus.${s}`),
              }))}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value })}
            />
          </div>
          <div className="col-md-4">
            <CheckboxField
              id="plans-mine"
              label={t('autonomy.list.mine')}
              checked={draft.mine}
              onChange={(e) => setDraft({ ...draft, mine: e.target.checked })}
            />
          </div>
          <div className="col-md-4">
            <CheckboxField
              id="plans-review-due"
              label={t('autonomy.list.reviewDue')}
              checked={draft.reviewDue}
              onChange={(e) => setDraft({ ...draft, reviewDue: e.target.checked })}
            />
          </div>
          <div className="col-12">
            <button type="submit" className="btn btn-primary">
              {t('autonomy.list.apply')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="plans-results-heading">
        <h2 id="plans-results-heading" className="h4" tabIndex={-1}>
          {t('autonomy.list.results')}
        </h2>
        <AsyncContent query={plans}>
          {(page) =>
            page.items.length === 0 ? (
              <p role="status">{t('autonomy.list.empty')}</p>
            ) : (
              <>
                <DataTable
                  className="table-hover"
                  caption={t('autonomy.list.caption', { count: page.total })}
                >
                  <thead>
                    <tr>
                      <th scope="col">{t('autonomy.fields.person')}</th>
                      <th scope="col">{t('autonomy.fields.household')}</th>
                      <th scope="col">{t('autonomy.fields.tutor')}</th>
                      <th scope="col">{t('autonomy.fields.status')}</th>
                      <th scope="col">{t('autonomy.fields.nextReviewOn')}</th>
                      <th scope="col">{t('autonomy.list.goals')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((item) => (
                      <tr key={item.id}>
                        <th scope="row">
                          <Link to="/autonomy/plans/$planId" params={{ planId: item.id }}>
                            {item.personName}
                          </Link>
                          <small className="d-block font-monospace">{item.code}</small>
                        </th>
                        <td>
                          <span className="font-monospace">{item.householdCode}</span>
                        </td>
                        <td>{item.tutorName}</td>
                        <td>
                          {t(`autonomy.planStatus.${item.status}`)}
                          {item.exitReason && (
                            <small className="d-block">{t(`autonomy.exitReason.${item.exitReason}`)}</small>
                          )}
                        </td>
                        <td className="text-nowrap">
                          {item.nextReviewOn
                            ? formatDay(item.nextReviewOn, locale)
                            : t('autonomy.plan.noReview')}
                          {item.reviewDue && (
                            <span className="badge bg-warning text-dark ms-2">{t('autonomy.list.due')}</span>
                          )}
                        </td>
                        <td>{t('autonomy.list.goalsCount', { met: item.goalsMet, open: item.goalsOpen })}</td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
                <Pager
                  label={t('autonomy.list.pager')}
                  page={starts.length}
                  pageSize={PLANS_PAGE_SIZE}
                  total={page.total}
                  onPage={(to) => {
                    if (to < starts.length) setStarts(starts.slice(0, -1));
                    else if (page.nextCursor) setStarts([...starts, page.nextCursor]);
                  }}
                  resultsHeadingId="plans-results-heading"
                />
              </>
            )
          }
        </AsyncContent>
      </section>
    </>
  );
}
