import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime } from '../../ui/format.js';
import { useReferralReason } from './CaseDocumentApi.js';

/** The referral's reason, handed over with the case to the team that received it (issue 22, item 7). */
export function HandoverReferralReason({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reason = useReferralReason(caseId);
  return (
    <section className="mt-4" aria-labelledby="referral-reason-heading">
      <h3 id="referral-reason-heading" className="h5">
        {t('caseDocuments.reason.title')}
      </h3>
      <AsyncContent query={reason}>
        {(r) => (
          <>
            <Facts>
              <Fact label={t('caseDocuments.reason.from')}>
                {r.fromServiceName} · {formatDateTime(r.sentAt, locale)}
              </Fact>
              <Fact label={t('caseDocuments.reason.purpose')}>{t(`enums.referralPurpose.${r.purpose}`)}</Fact>
              <Fact label={t('caseDocuments.reason.urgency')}>{t(`enums.urgency.${r.urgency}`)}</Fact>
              <Fact label={t('caseDocuments.reason.sections')}>
                {r.sections.length ? r.sections.map((s) => t(`enums.dataSection.${s}`)).join(', ') : '—'}
              </Fact>
            </Facts>
            <p className="mt-2" style={{ whiteSpace: 'pre-wrap' }}>
              {r.message}
            </p>
          </>
        )}
      </AsyncContent>
    </section>
  );
}
