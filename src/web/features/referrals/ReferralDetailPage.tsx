import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReferral } from '../../../contracts/index.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { DataTable } from '../../ui/DataTable.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { OverdueBadge, StatusBadge } from '../cases/StatusBadge.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { useHousehold } from '../households/households-api.js';
import { useReferenceOptions } from '../households/reference-options.js';
import { ReferralActions } from './ReferralActions.js';
import { ReferralForm } from './ReferralForm.js';
import { referralToValues } from './referral-form.js';
import { useReferral, useReferralMutations } from './referrals-api.js';
import { WhenServicesLoaded } from './service-options.js';

export function ReferralDetailPage({
  referralId,
  saved,
}: {
  referralId: string;
  saved?: boolean | undefined;
}) {
  const referral = useReferral(referralId);
  return (
    <AsyncContent query={referral} notFound={<NotFoundPage />}>
      {(data) => <ReferralView referral={data} saved={saved} />}
    </AsyncContent>
  );
}

function ReferralView({ referral, saved }: { referral: TReferral; saved?: boolean | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  // "Draft saved" is true until the next step starts: it never stands beside that step's error.
  const [savedShown, setSavedShown] = useState(saved === true);
  const title = t('referrals.detail.title', { code: referral.householdCode });
  const box = referral.view === 'sender' ? 'sent' : 'received';

  return (
    <>
      <p className="mb-2">
        <Link to="/referrals" search={{ box }}>
          {t('referrals.detail.back')}
        </Link>
      </p>
      <PageHeading title={title}>
        <p className="mb-0">
          <StatusBadge kind="referralStatus" value={referral.status} />{' '}
          <StatusBadge kind="urgency" value={referral.urgency} />
          <OverdueBadge overdue={referral.overdue} />
        </p>
      </PageHeading>
      {savedShown && referral.status === 'draft' && (
        <div className="alert alert-success" role="status">
          {t('referrals.detail.savedDraft')}
        </div>
      )}
      {referral.caseId && (
        <p>
          <Link to="/cases/$caseId" params={{ caseId: referral.caseId }} className="btn btn-primary btn-sm">
            {t('referrals.detail.openCase')}
          </Link>
        </p>
      )}
      <section aria-labelledby="referral-facts-heading" className="mb-4">
        <h2 id="referral-facts-heading" className="h4">
          {t('referrals.detail.facts')}
        </h2>
        <Facts>
          <Fact label={t('referrals.fields.householdCode')}>
            <span className="font-monospace">{referral.householdCode}</span>
          </Fact>
          <Fact label={t('referrals.fields.purpose')}>{t(`enums.referralPurpose.${referral.purpose}`)}</Fact>
          <Fact label={t('referrals.form.courtInvestigation')}>
            {referral.courtInvestigation ? t('caseCommon.yes') : t('caseCommon.no')}
          </Fact>
          <Fact label={t('referrals.fields.from')}>{referral.fromServiceName}</Fact>
          <Fact label={t('referrals.fields.to')}>{referral.toServiceName}</Fact>
          <Fact label={t('referrals.fields.sentAt')}>{formatDateTime(referral.sentAt, locale)}</Fact>
          <Fact label={t('referrals.fields.dueBy')}>
            {formatDateTime(referral.dueBy, locale)}
            <OverdueBadge overdue={referral.overdue} />
          </Fact>
          <Fact label={t('referrals.fields.answeredAt')}>{formatDateTime(referral.answeredAt, locale)}</Fact>
          <Fact label={t('referrals.fields.legalBasis')}>
            {referral.legalBasis ? t(`enums.legalBasis.${referral.legalBasis}`) : '—'}
          </Fact>
          {referral.declineReason && (
            <Fact label={t('referrals.fields.declineReason')}>{referral.declineReason}</Fact>
          )}
        </Facts>
      </section>
      {referral.outcome && (
        <section aria-labelledby="referral-outcome-heading" className="mb-4">
          <h2 id="referral-outcome-heading" className="h4">
            {t('referrals.detail.outcome')}
          </h2>
          <Facts>
            <Fact label={t('referrals.detail.caseStatus')}>
              <StatusBadge kind="caseStatus" value={referral.outcome.caseStatus} />
            </Fact>
            <Fact label={t('referrals.detail.closureOutcome')}>
              {referral.outcome.closureOutcome
                ? t(`enums.closureOutcome.${referral.outcome.closureOutcome}`)
                : '—'}
            </Fact>
            <Fact label={t('referrals.detail.closedAt')}>
              {formatDateTime(referral.outcome.closedAt, locale)}
            </Fact>
          </Facts>
        </section>
      )}
      {editing ? (
        <EditDraft referral={referral} onDone={() => setEditing(false)} />
      ) : (
        <>
          <ReferralContent referral={referral} />
          <ReferralActions
            referral={referral}
            onEdit={() => setEditing(true)}
            onAction={() => setSavedShown(false)}
          />
        </>
      )}
    </>
  );
}

/** What was shared: the sender always sees it; the recipient only while it waits for an answer. */
function ReferralContent({ referral }: { referral: TReferral }) {
  const { t } = useTranslation();
  const { countryName, languageName } = useReferenceOptions();
  const content = referral.content;
  return (
    <section aria-labelledby="referral-content-heading" className="mb-4">
      <h2 id="referral-content-heading" className="h4">
        {t('referrals.detail.content')}
      </h2>
      {!content ? (
        <p>{t('referrals.detail.noContent')}</p>
      ) : (
        <>
          <h3 className="h5">{t('referrals.form.message')}</h3>
          <p style={{ whiteSpace: 'pre-wrap' }}>{content.message}</p>
          <h3 className="h5">{t('referrals.form.sections')}</h3>
          <p>
            {content.sections.length === 0
              ? t('referrals.detail.noSections')
              : content.sections.map((s) => t(`enums.dataSection.${s}`)).join(', ')}
          </p>
          <DataTable
            className="table-sm"
            caption={t('referrals.detail.peopleCaption', { count: content.people.length })}
          >
            <thead>
              <tr>
                <th scope="col">{t('households.members.name')}</th>
                <th scope="col">{t('households.person.caseRole')}</th>
                <th scope="col">{t('households.person.birthYear')}</th>
                <th scope="col">{t('households.person.gender')}</th>
                <th scope="col">{t('households.person.citizenship')}</th>
                <th scope="col">{t('households.person.languages')}</th>
              </tr>
            </thead>
            <tbody>
              {content.people.map((person) => (
                <tr key={person.id}>
                  <th scope="row">
                    {person.givenName} {person.familyName}
                  </th>
                  <td>{t(`enums.caseRole.${person.caseRole}`)}</td>
                  <td>{person.birthYear ?? '—'}</td>
                  <td>{t(`enums.gender.${person.gender}`)}</td>
                  <td>{countryName(person.citizenship)}</td>
                  <td>
                    {person.languages?.length ? person.languages.map(languageName).join(', ') : '—'}
                    {person.interpreterNeeded && (
                      <span className="d-block small">{t('households.members.interpreter')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </section>
  );
}

function EditDraft({ referral, onDone }: { referral: TReferral; onDone: () => void }) {
  const { t } = useTranslation();
  const household = useHousehold(referral.householdId);
  const { update } = useReferralMutations(referral.id);
  return (
    <section aria-labelledby="referral-edit-heading" className="mb-4">
      <h2 id="referral-edit-heading" className="h4">
        {t('referrals.detail.editTitle')}
      </h2>
      <AsyncContent query={household}>
        {(data) => (
          <WhenServicesLoaded>
            {() => (
              <ReferralForm
                household={data}
                defaultValues={referralToValues(referral)}
                submitLabel={t('referrals.detail.saveDraft')}
                error={update.error}
                onSubmit={async (fields) => {
                  await update.mutateAsync(fields);
                  onDone();
                }}
                onCancel={onDone}
              />
            )}
          </WhenServicesLoaded>
        )}
      </AsyncContent>
    </section>
  );
}
