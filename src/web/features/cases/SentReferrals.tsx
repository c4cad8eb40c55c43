import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { useCan } from '../../session/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { formatDateTime } from '../../ui/format.js';
import { StatusBadge } from './StatusBadge.js';

/**
 * Referrals sent from the case (a Tutela Minori case asking the ethnoclinical team to take the
 * family in, or to consult), and the link to send one: it starts on the referral page with the
 * household and the case already named.
 */
export function SentReferrals({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const can = useCan();
  const canSend = can('referrals.send');
  const householdId = data.members?.[0]?.householdId;
  const sent = data.sentReferrals ?? [];
  if (!canSend && sent.length === 0) return null;
  return (
    <section aria-labelledby="sent-referrals-heading" className="mt-4">
      <h3 id="sent-referrals-heading" className="h5">
        {t('court.sentReferrals.title')}
      </h3>
      {sent.length === 0 ? (
        <p>{t('court.sentReferrals.none')}</p>
      ) : (
        <DataTable className="table-sm" caption={t('court.sentReferrals.caption', { count: sent.length })}>
          <thead>
            <tr>
              <th scope="col">{t('court.sentReferrals.to')}</th>
              <th scope="col">{t('court.sentReferrals.purpose')}</th>
              <th scope="col">{t('court.sentReferrals.status')}</th>
              <th scope="col">{t('court.sentReferrals.sentAt')}</th>
            </tr>
          </thead>
          <tbody>
            {sent.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to="/referrals/$referralId" params={{ referralId: r.id }}>
                    {r.toServiceName}
                  </Link>
                </th>
                <td>{t(`enums.referralPurpose.${r.purpose}`)}</td>
                <td>
                  <StatusBadge kind="referralStatus" value={r.status} />
                </td>
                <td>{r.sentAt ? formatDateTime(r.sentAt, locale) : t('court.sentReferrals.notSent')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {canSend && data.can.edit && householdId && (
        <Link
          to="/referrals/new"
          search={{ householdId, parentCaseId: data.id }}
          className="btn btn-outline-primary btn-sm"
        >
          {t('court.sentReferrals.send')}
        </Link>
      )}
    </section>
  );
}
