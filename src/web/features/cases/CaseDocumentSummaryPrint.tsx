import { useTranslation } from 'react-i18next';
import { caseSummaryUrl } from './CaseDocumentApi.js';

/** The case summary as a PDF built for the reader's role, watermarked with their name (the server audits it). */
export function CaseDocumentSummaryPrint({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <p className="mt-3">
      <a className="btn btn-outline-secondary btn-sm" href={caseSummaryUrl(caseId)} download>
        {t('caseDocuments.print')}
      </a>
    </p>
  );
}
