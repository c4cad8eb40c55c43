import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { DataTable } from '../../ui/DataTable.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { useConsultationOfCase } from '../consultations/consultations-api.js';
import { useReferenceOptions } from '../households/reference-options.js';
import { CaseDocumentSummaryPrint } from './CaseDocumentSummaryPrint.js';
import { HandoverReferralReason } from './HandoverReferralReason.js';
import { HandoverSection } from './HandoverSection.js';
import { SentReferrals } from './SentReferrals.js';
import { OverdueBadge, StatusBadge } from './StatusBadge.js';

export function CaseOverview({ data }: { data: TCase }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const days = (n: number | null) => (n === null ? '—' : t('cases.overview.days', { count: n }));

  if (data.access === 'referrer') {
    return (
      <section aria-labelledby="overview-heading">
        <h2 id="overview-heading" className="h4">
          {t('cases.tabs.overview')}
        </h2>
        <p>{t('cases.overview.referrerNote')}</p>
        <Facts>
          <Fact label={t('cases.fields.status')}>
            <StatusBadge kind="caseStatus" value={data.status} />
          </Fact>
          <ClosureFacts closure={data.closure} />
        </Facts>
        <CaseDocumentSummaryPrint caseId={data.id} />
      </section>
    );
  }

  const reviewOverdue = data.planReviewDue !== null && new Date(data.planReviewDue) < new Date();
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading" className="h4">
        {t('cases.tabs.overview')}
      </h2>
      <Facts>
        <Fact label={t('cases.fields.code')}>
          <span className="font-monospace">{data.code}</span>
        </Fact>
        <Fact label={t('cases.fields.status')}>
          <StatusBadge kind="caseStatus" value={data.status} />
        </Fact>
        <Fact label={t('cases.fields.service')}>{data.serviceName}</Fact>
        <Fact label={t('cases.fields.district')}>{data.districtName ?? '—'}</Fact>
        <Fact label={t('cases.fields.openedAt')}>{formatDateTime(data.openedAt, locale)}</Fact>
        <OriginFact referral={data.referral} />
        {data.referral.origin === 'service' ? (
          <Fact label={t('cases.overview.referral')}>
            {t(`enums.referralPurpose.${data.referral.purpose}`)} ·{' '}
            {t('cases.overview.referredBy', {
              service: data.referral.fromServiceName,
              date: formatDateTime(data.referral.sentAt, locale),
            })}{' '}
            <Link to="/referrals/$referralId" params={{ referralId: data.referral.id }}>
              {t('cases.overview.openReferral')}
            </Link>
          </Fact>
        ) : (
          <Fact label={t('court.overview.receivedOn')}>{formatDay(data.referral.sentAt, locale)}</Fact>
        )}
        <Fact label={t('cases.overview.daysToAcceptance')}>{days(data.indicators.daysToAcceptance)}</Fact>
        <Fact label={t('cases.overview.daysToFirstSession')}>{days(data.indicators.daysToFirstSession)}</Fact>
        <Fact label={t('cases.fields.planStatus')}>
          <StatusBadge kind="planStatus" value={data.planStatus} />
        </Fact>
        <Fact label={t('cases.plan.approvedAt')}>{formatDateTime(data.planApprovedAt, locale)}</Fact>
        <Fact label={t('cases.fields.planReviewDue')}>
          {formatDateTime(data.planReviewDue, locale)}
          <OverdueBadge overdue={reviewOverdue} />
        </Fact>
        <ConsultationFact caseId={data.id} />
        <ClosureFacts closure={data.closure} />
        {data.transfer && (
          <Fact label={t('transfers.overview.label')}>
            {t('transfers.overview.pending', { service: data.transfer.toServiceName })}{' '}
            <Link to="/cases/$caseId" params={{ caseId: data.id }} search={{ tab: 'closure' }}>
              {t('transfers.overview.see')}
            </Link>
          </Fact>
        )}
      </Facts>
      <CaseDocumentSummaryPrint caseId={data.id} />
      {data.members && <CaseMembers members={data.members} />}
      <SentReferrals data={data} />
      {data.access !== 'break_glass' && <HandoverReferralReason caseId={data.id} />}
      {data.access === 'clinical' && <HandoverSection data={data} />}
    </section>
  );
}

function CaseMembers({ members }: { members: NonNullable<TCase['members']> }) {
  const { t } = useTranslation();
  const { countryName, languageName } = useReferenceOptions();
  return (
    <DataTable className="table-sm" caption={t('cases.overview.membersCaption', { count: members.length })}>
      <thead>
        <tr>
          <th scope="col">{t('households.members.name')}</th>
          <th scope="col">{t('households.person.caseRole')}</th>
          <th scope="col">{t('households.person.birthYear')}</th>
          <th scope="col">{t('households.person.citizenship')}</th>
          <th scope="col">{t('households.person.languages')}</th>
        </tr>
      </thead>
      <tbody>
        {members.map((person) => (
          <tr key={person.id}>
            <th scope="row">
              {person.givenName} {person.familyName}
            </th>
            <td>{t(`enums.caseRole.${person.caseRole}`)}</td>
            <td>{person.birthYear ?? '—'}</td>
            <td>{countryName(person.citizenship)}</td>
            <td>
              {person.languages.length ? person.languages.map(languageName).join(', ') : '—'}
              {person.interpreterNeeded && (
                <span className="d-block small">{t('households.members.interpreter')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function ClosureFacts({ closure }: { closure: TCase['closure'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Fact label={t('cases.closure.outcome')}>
        {closure.outcome ? t(`enums.closureOutcome.${closure.outcome}`) : '—'}
      </Fact>
      <Fact label={t('cases.closure.requestedAt')}>{formatDateTime(closure.requestedAt, locale)}</Fact>
      <Fact label={t('cases.closure.closedAt')}>{formatDateTime(closure.closedAt, locale)}</Fact>
    </>
  );
}

/** How the case came: a referral between services, or (opened by the mandated service) a decree, a report and who made it, or the family's request. */
function OriginFact({ referral }: { referral: TCase['referral'] }) {
  const { t } = useTranslation();
  const origin = t(`enums.caseOrigin.${referral.origin}`);
  return (
    <Fact label={t('court.overview.origin')}>
      {referral.reporterKind
        ? t('court.overview.originWithReporter', {
            origin,
            reporter: t(`enums.reporterKind.${referral.reporterKind}`),
          })
        : origin}
    </Fact>
  );
}

/** A case opened from an ethnoclinical consultation links back to it, with its presentation and opinion. */
function ConsultationFact({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const consultationId = useConsultationOfCase(caseId).data?.consultationId;
  if (!consultationId) return null;
  return (
    <Fact label={t('cases.overview.consultation')}>
      <Link to="/consultations/$consultationId" params={{ consultationId }}>
        {t('cases.overview.openConsultation')}
      </Link>
    </Fact>
  );
}
