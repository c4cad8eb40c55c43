import { useTranslation } from 'react-i18next';
import { useCan } from '../../session/session.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { Breaches } from './Breaches.js';
import { LegalHolds } from './LegalHolds.js';
import { ProcessingRegister } from './ProcessingRegister.js';
import { Requests } from './Requests.js';
import { RetentionPeriods } from './RetentionPeriods.js';
import { RetentionRuns } from './RetentionRuns.js';

/** The DPO's privacy operations; the admin sees the retention periods only. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <PageHeading title={t('privacy.title')}>
        <p className="mb-0">{t('privacy.intro')}</p>
      </PageHeading>
      {can('privacy.manage') && <RetentionRuns />}
      {can('privacy.manage') && <LegalHolds />}
      {can('privacy.manage') && <Requests />}
      {can('privacy.manage') && <Breaches />}
      {can('privacy.manage') && <ProcessingRegister />}
      <RetentionPeriods />
    </>
  );
}
