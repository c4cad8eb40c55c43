import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../contracts/index.js';
import { type TCourtOrder, type TCourtReport, ZCourtReportReturnSchema } from '../../../contracts/tutela.js';
import { useLocale } from '../../i18n/index.js';
import { AsyncContent } from '../../ui/AsyncContent.js';
import { EditorCard } from '../../ui/EditorCard.js';
import { Fact, Facts } from '../../ui/Facts.js';
import { formatDateTime, formatDay } from '../../ui/format.js';
import { ActionProblem } from '../../ui/forms/ActionProblem.js';
import { ReasonForm } from '../../ui/forms/ReasonForm.js';
import { CourtReportForm, newReportValues, ReportSentForm } from './CourtReportForms.js';
import { reportPdfUrl, useCourtReportMutations, useCourtReports } from './court-api.js';
import { ReportAttachments } from './ReportAttachments.js';
import { Prose } from './SavedNote.js';

const TONE = { draft: 'secondary', submitted: 'warning', approved: 'success', sent: 'primary' } as const;

type Panel = { mode: 'edit' | 'return' | 'sent'; reportId: string } | null;
type Done = 'drafted' | 'updated' | 'submitted' | 'approved' | 'returned' | 'sent' | null;

/**
 * Reports to the court: drafted by the team under an order, submitted, approved (or sent back with
 * comments) by a coordinator, then marked sent with the date and protocol number. Each report's PDF
 * (Italian, watermarked, audited) is a download for the team and the coordinator.
 */
export function CourtReportsSection({
  data,
  orders,
  canEdit,
}: {
  data: TCase;
  orders: TCourtOrder[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const reports = useCourtReports(data.id);
  const [drafting, setDrafting] = useState(false);
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<Done>(null);
  const open = (next: Panel) => {
    setDone(null);
    setDrafting(false);
    setPanel(next);
  };

  return (
    <section aria-labelledby="court-reports-heading">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h3 id="court-reports-heading" className="h5 mb-0">
          {t('court.reports.title')}
        </h3>
        {canEdit && orders.length > 0 && !drafting && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => {
              open(null);
              setDrafting(true);
            }}
          >
            {t('court.reports.new')}
          </button>
        )}
      </div>
      <div role="status">
        {done && <div className="alert alert-success">{t(`court.reports.done.${done}`)}</div>}
      </div>
      <AsyncContent query={reports}>
        {(list) => (
          <>
            {drafting && (
              <EditorCard id="report-form" title={t('court.reports.formTitle')}>
                <CourtReportForm
                  caseId={data.id}
                  orders={orders}
                  defaultValues={newReportValues(orders, list)}
                  onDone={(saved) => {
                    setDrafting(false);
                    setDone(saved ? 'drafted' : null);
                  }}
                />
              </EditorCard>
            )}
            {list.length === 0 ? (
              <p>
                {canEdit && orders.length === 0 ? t('court.reports.needsOrder') : t('court.reports.empty')}
              </p>
            ) : (
              <ul className="list-unstyled">
                {[...list].reverse().map((report) => (
                  <li key={report.id}>
                    <ReportCard
                      data={data}
                      orders={orders}
                      report={report}
                      panel={panel?.reportId === report.id ? panel.mode : null}
                      onPanel={(mode) => open(mode ? { mode, reportId: report.id } : null)}
                      onDone={(what) => {
                        setPanel(null);
                        setDone(what);
                      }}
                    />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </AsyncContent>
    </section>
  );
}

function ReportCard({
  data,
  orders,
  report,
  panel,
  onPanel,
  onDone,
}: {
  data: TCase;
  orders: TCourtOrder[];
  report: TCourtReport;
  panel: 'edit' | 'return' | 'sent' | null;
  onPanel: (mode: 'edit' | 'return' | 'sent' | null) => void;
  onDone: (what: Done) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const { submit, approve, sendBack } = useCourtReportMutations(data.id);
  const period = { from: formatDay(report.periodFrom, locale), to: formatDay(report.periodTo, locale) };
  const problem = submit.error ?? approve.error;
  // The PDF is printed for the team and the supervising coordinator (a break-the-glass grant reads here only).
  const printable = data.access === 'clinical' || data.access === 'supervisor';

  return (
    <article className="card shadow-sm p-3 p-md-4 mb-4" aria-labelledby={headingId}>
      <h4 id={headingId} className="h5">
        {t('court.reports.heading', period)}
      </h4>
      <Facts>
        <Fact label={t('court.reports.status')}>
          <span className={`badge bg-${TONE[report.status]}`}>
            {t(`enums.courtReportStatus.${report.status}`)}
          </span>
        </Fact>
        <Fact label={t('court.reports.order')}>{t(`enums.courtOrderKind.${report.orderKind}`)}</Fact>
        <Fact label={t('court.reports.draftedBy')}>{report.draftedBy || '—'}</Fact>
        <Fact label={t('court.reports.approvedBy')}>
          {report.approvedBy
            ? t('court.reports.approvedValue', {
                name: report.approvedBy,
                date: formatDateTime(report.approvedAt, locale),
              })
            : '—'}
        </Fact>
        <Fact label={t('court.reports.sent')}>
          {report.sentOn
            ? t('court.reports.sentValue', {
                date: formatDay(report.sentOn, locale),
                protocol: report.protocolNumber ?? '—',
              })
            : '—'}
        </Fact>
      </Facts>
      {report.status === 'draft' && report.returnReason && (
        <div className="alert alert-warning" role="note">
          <strong className="d-block">{t('court.reports.returned')}</strong>
          {report.returnReason}
        </div>
      )}
      {report.content !== null && (
        <details className="mb-3">
          <summary>{t('court.reports.showContent')}</summary>
          <Prose text={report.content} />
        </details>
      )}
      <ReportAttachments caseId={data.id} report={report} canRead={printable} />
      {problem ? <ActionProblem error={problem} /> : null}
      <div className="d-flex flex-wrap gap-2 mb-2">
        {report.can.edit && panel !== 'edit' && (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onPanel('edit')}>
            {t('court.reports.edit')}
          </button>
        )}
        {report.can.edit && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={submit.isPending}
            onClick={() => submit.mutate(report.id, { onSuccess: () => onDone('submitted') })}
          >
            {t('court.reports.submit')}
          </button>
        )}
        {report.can.approve && (
          <button
            type="button"
            className="btn btn-success btn-sm"
            disabled={approve.isPending}
            onClick={() => approve.mutate(report.id, { onSuccess: () => onDone('approved') })}
          >
            {t('court.reports.approve')}
          </button>
        )}
        {report.can.approve && panel !== 'return' && (
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => onPanel('return')}>
            {t('court.reports.sendBack')}
          </button>
        )}
        {report.can.markSent && panel !== 'sent' && (
          <button type="button" className="btn btn-primary btn-sm" onClick={() => onPanel('sent')}>
            {t('court.reports.markSent')}
          </button>
        )}
        {printable && (
          <a className="btn btn-outline-secondary btn-sm" href={reportPdfUrl(data.id, report.id)} download>
            {t('court.reports.pdf')}
            <span className="visually-hidden"> — {t('court.reports.pdfOf', period)}</span>
          </a>
        )}
      </div>
      {panel === 'edit' && (
        <EditorCard id={`report-edit-${report.id}`} title={t('court.reports.editTitle')}>
          <CourtReportForm
            caseId={data.id}
            orders={orders}
            report={report}
            defaultValues={{
              orderId: report.orderId,
              periodFrom: report.periodFrom,
              periodTo: report.periodTo,
              content: report.content ?? '',
            }}
            onDone={(saved) => (saved ? onDone('updated') : onPanel(null))}
          />
        </EditorCard>
      )}
      {panel === 'return' && (
        <ReasonForm
          id={`report-${report.id}-return`}
          label={t('court.reports.sendBackLabel')}
          schema={ZCourtReportReturnSchema.shape.reason}
          submitLabel={t('court.reports.sendBackSubmit')}
          pending={sendBack.isPending}
          error={sendBack.error}
          onSubmit={(reason) =>
            sendBack.mutate({ reportId: report.id, reason }, { onSuccess: () => onDone('returned') })
          }
          onCancel={() => onPanel(null)}
        />
      )}
      {panel === 'sent' && (
        <EditorCard id={`report-sent-${report.id}`} title={t('court.reports.sentTitle')}>
          <ReportSentForm
            caseId={data.id}
            report={report}
            onDone={(saved) => (saved ? onDone('sent') : onPanel(null))}
          />
        </EditorCard>
      )}
    </article>
  );
}
