import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCourtReport } from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { formatNumber } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { useAttachReportFile, useFileLink } from './court-api.js';

/**
 * A report's documents: each downloads through a link valid for a minute, asked for when clicked;
 * on a draft the team adds one at a time (PDF, office documents, images, text; checked by the server).
 */
export function ReportAttachments({
  caseId,
  report,
  canRead,
}: {
  caseId: string;
  report: TCourtReport;
  canRead: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const inputId = useId();
  const attach = useAttachReportFile(caseId);
  const link = useFileLink();
  const [file, setFile] = useState<File | null>(null);
  const [added, setAdded] = useState(false);
  if (report.attachments.length === 0 && !report.can.edit) return null;
  return (
    <section className="mb-3" aria-label={t('court.attachments.title')}>
      <h5 className="h6">{t('court.attachments.title')}</h5>
      {report.attachments.length === 0 ? (
        <p className="small">{t('court.attachments.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {report.attachments.map((a) => (
            <li key={a.id} className="mb-1">
              {canRead ? (
                <button
                  type="button"
                  className="btn btn-link btn-sm p-0"
                  disabled={link.isPending}
                  onClick={() => link.mutate(a.id, { onSuccess: ({ url }) => window.location.assign(url) })}
                >
                  {a.fileName ?? t('court.attachments.unnamed')}
                </button>
              ) : (
                <span>{a.fileName ?? t('court.attachments.unnamed')}</span>
              )}{' '}
              <span className="small text-muted">
                (
                {t('court.attachments.size', {
                  kb: formatNumber(Math.max(1, Math.round(a.sizeBytes / 1024)), locale),
                })}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
      {link.error ? <ActionProblem error={link.error} /> : null}
      {report.can.edit && (
        <form
          className="d-flex flex-wrap align-items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!file) return;
            setAdded(false);
            attach.mutate(
              { reportId: report.id, file },
              {
                onSuccess: () => {
                  setFile(null);
                  setAdded(true);
                  (event.target as HTMLFormElement).reset();
                },
              },
            );
          }}
        >
          <div>
            <label htmlFor={inputId} className="form-label d-block">
              {t('court.attachments.add')}
            </label>
            <input
              id={inputId}
              type="file"
              className="form-control form-control-sm"
              accept=".pdf,.docx,.odt,.xlsx,.ods,.png,.jpg,.jpeg,.webp,.txt,.csv"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <button
            type="submit"
            className="btn btn-outline-primary btn-sm"
            disabled={!file || attach.isPending}
          >
            {t('court.attachments.upload')}
          </button>
        </form>
      )}
      {attach.error ? <ActionProblem error={attach.error} /> : null}
      {added && (
        <p role="status" className="small mt-1">
          {t('court.attachments.added')}
        </p>
      )}
    </section>
  );
}
