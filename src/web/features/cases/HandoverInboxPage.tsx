import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { PageHeading } from '../../ui/PageHeading.js';
import { useMyHandovers } from './CaseDocumentApi.js';
import { HandoverItem } from './HandoverSection.js';

/** The cases colleagues propose to hand to me (Home links here): accept to become the lead, or decline. */
export function HandoverInboxPage() {
  const { t } = useTranslation();
  const mine = useMyHandovers();
  return (
    <>
      <PageHeading title={t('caseDocuments.inbox.title')} />
      <p>{t('caseDocuments.inbox.intro')}</p>
      <AsyncContent query={mine}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('caseDocuments.inbox.none')}</p>
          ) : (
            <div>
              {list.map((h) => (
                <div key={h.id} className="border rounded p-3 mb-3">
                  <h2 className="h5">{t('caseDocuments.inbox.case', { code: h.caseCode })}</h2>
                  <ul className="list-unstyled mb-0">
                    <HandoverItem caseId={h.caseId} handover={h} />
                  </ul>
                  {h.status === 'accepted' && (
                    <Link to="/cases/$caseId" params={{ caseId: h.caseId }}>
                      {t('caseDocuments.inbox.open')}
                    </Link>
                  )}
                </div>
              ))}
            </div>
          )
        }
      </AsyncContent>
    </>
  );
}
