import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_STATUSES, type TReferralStatus } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { CheckboxField, SelectField } from '../../ui/fields.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Pager } from '../../ui/Pager.js';
import { OverdueBadge, StatusBadge } from '../cases/StatusBadge.js';
import { type ReferralBox, type ReferralFilters, useReferrals } from './referrals-api.js';

const BOXES: ReferralBox[] = ['received', 'sent'];

/** Received and sent referrals, by household code; the boxes are links, so each has its URL. */
export function ReferralsListPage({
  filters,
  onChange,
}: {
  filters: ReferralFilters;
  onChange: (next: ReferralFilters) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const referrals = useReferrals(filters);
  const [status, setStatus] = useState<string>(filters.status ?? '');
  const [overdue, setOverdue] = useState(filters.overdue ?? false);

  function apply(event: FormEvent) {
    event.preventDefault();
    onChange({
      box: filters.box,
      status: (REFERRAL_STATUSES as readonly string[]).includes(status)
        ? (status as TReferralStatus)
        : undefined,
      overdue: overdue || undefined,
      page: 1,
    });
  }

  const boxTitle = t(`referrals.list.boxes.${filters.box}`);
  return (
    <>
      <PageHeading
        title={t('referrals.list.title')}
        documentTitle={`${boxTitle} · ${t('referrals.list.title')}`}
      >
        <p className="mb-2">{t('referrals.list.intro')}</p>
        {can('referrals.send') && can('households.read') && (
          <p className="mb-0 small">{t('referrals.list.howToSend')}</p>
        )}
      </PageHeading>
      <nav aria-label={t('referrals.list.boxesLabel')} className="mb-4">
        <ul className="nav nav-tabs">
          {BOXES.map((box) => (
            <li key={box} className="nav-item">
              <Link
                to="/referrals"
                search={{ box }}
                className="nav-link"
                activeOptions={{ includeSearch: true }}
              >
                {t(`referrals.list.boxes.${box}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form
        onSubmit={apply}
        className="d-flex flex-wrap align-items-end gap-3 mb-3"
        aria-label={t('referrals.list.filters')}
      >
        <SelectField
          id="referrals-status"
          label={t('referrals.fields.status')}
          placeholder={t('referrals.list.allStatuses')}
          options={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`enums.referralStatus.${s}`) }))}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        />
        <CheckboxField
          id="referrals-overdue"
          label={t('referrals.list.overdueOnly')}
          checked={overdue}
          onChange={(e) => setOverdue(e.target.checked)}
        />
        <button type="submit" className="btn btn-outline-primary mb-4">
          {t('referrals.list.apply')}
        </button>
      </form>
      <AsyncContent query={referrals}>
        {(result) =>
          result.items.length === 0 ? (
            <p role="status">{t('referrals.list.empty')}</p>
          ) : (
            <>
              <DataTable
                className="table-hover"
                caption={t('referrals.list.caption', { count: result.total, box: boxTitle })}
              >
                <thead>
                  <tr>
                    <th scope="col">{t('referrals.fields.householdCode')}</th>
                    <th scope="col">{t('referrals.fields.status')}</th>
                    <th scope="col">{t('referrals.fields.purpose')}</th>
                    <th scope="col">{t('referrals.fields.urgency')}</th>
                    <th scope="col">
                      {filters.box === 'sent' ? t('referrals.fields.to') : t('referrals.fields.from')}
                    </th>
                    <th scope="col">{t('referrals.fields.sentAt')}</th>
                    <th scope="col">{t('referrals.fields.dueBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((referral) => (
                    <tr key={referral.id}>
                      <th scope="row">
                        <Link
                          to="/referrals/$referralId"
                          params={{ referralId: referral.id }}
                          className="font-monospace"
                        >
                          {referral.householdCode}
                        </Link>
                      </th>
                      <td>
                        <StatusBadge kind="referralStatus" value={referral.status} />
                      </td>
                      <td>{t(`enums.referralPurpose.${referral.purpose}`)}</td>
                      <td>
                        <StatusBadge kind="urgency" value={referral.urgency} />
                      </td>
                      <td>{filters.box === 'sent' ? referral.toServiceName : referral.fromServiceName}</td>
                      <td className="text-nowrap">{formatDateTime(referral.sentAt, locale)}</td>
                      <td className="text-nowrap">
                        {formatDateTime(referral.dueBy, locale)}
                        <OverdueBadge overdue={referral.overdue} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <Pager
                label={t('referrals.list.pagerLabel')}
                page={result.page}
                pageSize={result.pageSize || 25}
                total={result.total}
                onPage={(page) => onChange({ ...filters, page })}
              />
            </>
          )
        }
      </AsyncContent>
    </>
  );
}
