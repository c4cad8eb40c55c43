import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { registerFileAccess } from '../../platform/storage/file-access.js';
import { storeFile } from '../../platform/storage/storage.service.js';
import { readUpload } from '../../platform/storage/upload.js';
import { mayReadDocumentFile } from './case-documents.service.js';
import { requireCase, requireOpen } from './cases.policy.js';
import { courtReportFiles, courtReports } from './tutela.sql.js';

/**
 * Documents attached to a draft report to the court (a school's letter, a medical certificate):
 * checked by content, encrypted and stored by platform/storage (ADR 0010), special data. Whoever may
 * read the report may fetch them through a single-use link; nobody else, whatever the file's id.
 */
export function registerCourtReportFiles() {
  registerFileAccess({
    module: 'cases',
    canRead: async ({ tx, file }) => {
      // One rule for the module (a second registration would replace it): documents attached to a
      // household, case or session answer for themselves (case-documents.service.ts).
      const asDocument = await mayReadDocumentFile({ tx, file });
      if (asDocument !== undefined) return asDocument;
      // The file names its case; it must also be attached to a report of that case.
      if (file.recordType !== 'case' || !file.recordId) return false;
      const [report] = await tx
        .select({ caseId: courtReports.caseId })
        .from(courtReports)
        .innerJoin(courtReportFiles, eq(courtReportFiles.reportId, courtReports.id))
        .where(and(eq(courtReportFiles.fileId, file.fileId), eq(courtReports.caseId, file.recordId)));
      if (!report) return false;
      await requireCase({ tx, id: report.caseId, needs: ['clinical', 'supervisor'] });
      return true;
    },
  });
}

export async function attachFile({
  deps,
  ctx,
  caseId,
  reportId,
  request,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  reportId: string;
  request: FastifyRequest;
}) {
  // Asked before a byte is read: only the team, on an open case, to a draft of this case.
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found);
      const [report] = await queryRows<{ status: string }>(
        tx,
        sql`select status from court_reports where id = ${reportId} and case_id = ${found.id}`,
      );
      if (!report) throw new OutOfScope('case', caseId);
      if (report.status !== 'draft')
        throw problems.conflict({
          it: 'Si allegano documenti solo a una relazione in bozza.',
          en: 'Documents are attached to a draft report only.',
        });
    },
  });
  const upload = await readUpload({ request, kind: 'document' });
  const stored = await storeFile({
    deps,
    actor: { ctx },
    input: {
      module: 'cases',
      recordType: 'case',
      recordId: caseId,
      dataClass: 'special',
      retentionClass: 'case_record',
      kind: 'document',
      fileName: upload.fileName,
      declaredType: upload.declaredType,
      content: upload.content,
    },
    // In the file's own transaction: the report's row-level security decides again (still a draft, still the team's).
    within: async ({ tx, fileId }) => {
      await tx.insert(courtReportFiles).values({ reportId, fileId, addedBy: ctx.userId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'court_report.file_attached',
          recordType: 'case',
          recordId: caseId,
          details: { reportId, fileId },
        },
      });
    },
  });
  return { id: stored.id };
}
