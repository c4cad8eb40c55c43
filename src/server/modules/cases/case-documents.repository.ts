import { sql } from 'drizzle-orm';
import type {
  TCaseDocument,
  TDocumentAttachedKind,
  TDocumentClass,
} from '../../../contracts/case-documents.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { describeFiles } from '../../platform/storage/storage.service.js';
import { displayNames } from './cases.policy.js';

/**
 * Data access for documents: the list beside a record (under row-level security: a document the
 * viewer may not read never comes back) and, for the file rule, which record a stored file hangs on.
 */
interface DocumentRow {
  id: string;
  file_id: string;
  attached_kind: TDocumentAttachedKind;
  attached_id: string;
  case_id: string | null;
  document_class: TDocumentClass;
  title: string;
  uploaded_by: string;
  uploaded_at: Date | string;
}

export async function listDocuments({
  deps,
  tx,
  where,
  viewer,
}: {
  deps: Deps;
  tx: Tx;
  where: ReturnType<typeof sql>;
  viewer: { userId: string; leadOf: (caseId: string | null) => boolean };
}): Promise<TCaseDocument[]> {
  const rows = await queryRows<DocumentRow>(
    tx,
    sql`select d.id, d.file_id, d.attached_kind, d.attached_id, d.case_id, d.document_class, d.title,
          d.uploaded_by, d.uploaded_at
        from case_documents d where d.deleted_at is null and ${where}
        order by d.uploaded_at desc, d.id`,
  );
  const files = new Map(
    (await describeFiles({ deps, tx, fileIds: rows.map((r) => r.file_id) })).map((f) => [f.id, f]),
  );
  const names = await displayNames({ tx, ids: rows.map((r) => r.uploaded_by) });
  return rows.flatMap((r) => {
    const file = files.get(r.file_id);
    if (!file) return [];
    return [
      {
        id: r.id,
        fileId: r.file_id,
        attachedKind: r.attached_kind,
        attachedId: r.attached_id,
        documentClass: r.document_class,
        title: r.title,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.sizeBytes,
        uploadedBy: names.get(r.uploaded_by)?.name ?? '—',
        uploadedAt: isoTime(r.uploaded_at)!,
        canDelete: r.uploaded_by === viewer.userId || viewer.leadOf(r.case_id),
      },
    ];
  });
}

/**
 * Which record a stored file hangs on, if it is a document of this part: read as the owner, only
 * ids, so the rule can then ask the record's own policy as the viewer.
 */
export async function documentOfFile({ tx, fileId }: { tx: Tx; fileId: string }) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{
      id: string;
      attached_kind: TDocumentAttachedKind;
      attached_id: string;
      deleted: boolean;
    }>(
      sys,
      sql`select id, attached_kind, attached_id, deleted_at is not null as deleted
          from case_documents where file_id = ${fileId}`,
    ),
  );
  return row ?? null;
}

/** The case a session belongs to, as the viewer sees it (null: not visible). */
export async function caseOfSession({ tx, sessionId }: { tx: Tx; sessionId: string }) {
  const [row] = await queryRows<{ case_id: string }>(
    tx,
    sql`select case_id from case_sessions where id = ${sessionId}`,
  );
  return row?.case_id ?? null;
}

/** The household as the viewer sees it (null: not visible under its row-level security). */
export async function visibleHousehold({ tx, householdId }: { tx: Tx; householdId: string }) {
  const [row] = await queryRows<{ id: string; owner_service_id: string }>(
    tx,
    sql`select id, owner_service_id from households where id = ${householdId}`,
  );
  return row ?? null;
}
