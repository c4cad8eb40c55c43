import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { useHousehold } from '../households/households-api.js';
import { ReferralForm } from './ReferralForm.js';
import { newReferralValues } from './referral-form.js';
import { useReferralCreate } from './referrals-api.js';

/** A referral starts from a household's page; it is saved as a draft and sent from its own page. */
export function ReferralCreatePage({
  householdId,
  parentCaseId,
}: {
  householdId?: string | undefined;
  parentCaseId?: string | null | undefined;
}) {
  const { t } = useTranslation();
  if (!householdId) {
    return (
      <>
        <PageHeading title={t('referrals.create.title')} />
        <p>{t('referrals.create.noHousehold')}</p>
        <Link to="/households">{t('referrals.create.toHouseholds')}</Link>
      </>
    );
  }
  return <ReferralCreate householdId={householdId} parentCaseId={parentCaseId ?? null} />;
}

function ReferralCreate({ householdId, parentCaseId }: { householdId: string; parentCaseId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const household = useHousehold(householdId);
  const create = useReferralCreate();

  return (
    <AsyncContent query={household} notFound={<NotFoundPage />}>
      {(data) => (
        <>
          <PageHeading title={t('referrals.create.titleFor', { code: data.code })}>
            <p className="mb-2">{t('referrals.create.intro')}</p>
            {parentCaseId && <p className="mb-2">{t('referrals.create.fromCase')}</p>}
            <Link to="/households/$householdId" params={{ householdId }}>
              {t('referrals.create.back', { code: data.code })}
            </Link>
          </PageHeading>
          <ReferralForm
            household={data}
            // The victim is usually the one referred; the others are ticked by hand.
            defaultValues={newReferralValues(
              data.members.filter((m) => m.caseRole === 'victim').map((m) => m.id),
            )}
            submitLabel={t('referrals.create.saveDraft')}
            error={create.error}
            onSubmit={async (fields) => {
              const referral = await create.mutateAsync({ ...fields, householdId, parentCaseId });
              await navigate({
                to: '/referrals/$referralId',
                params: { referralId: referral.id },
                search: { saved: true },
              });
            }}
            onCancel={() => navigate({ to: '/households/$householdId', params: { householdId } })}
          />
        </>
      )}
    </AsyncContent>
  );
}
