import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  DOCUMENT_DATA_CLASS,
  type TCaseDocument,
  type TDocumentAttachedKind,
  ZCaseDocumentFieldsSchema,
} from '../../../contracts/case-documents.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, HttpProblem, problems } from '../../platform/http/problem.js';
import type { FileOwner } from '../../platform/storage/file-access.js';
import { storeFile } from '../../platform/storage/storage.service.js';
import { readUpload } from '../../platform/storage/upload.js';
import {
  caseOfSession,
  documentOfFile,
  listDocuments,
  visibleHousehold,
} from './case-documents.repository.js';
import { caseDocuments } from './case-documents.sql.js';
import { caseAccessOf, requireCase, requireOpen } from './cases.policy.js';
import { isFinished, requireConsultation } from './consultations.policy.js';

/**
 * Documents attached to a household, a case, a session or a consultation (issue 22, item 6), on the
 * platform's file storage (ADR 0010): checked by content before anything is stored, encrypted, fetched
 * only through a single-use link made for one user. A document follows the record it hangs on: a
 * case's or a session's is read by the case's clinical team and its supervisors (never the referrer),
 * a consultation's by its team and the consulting service's coordinators (never the requesting
 * service), a household's by whoever sees the household.
 */
interface Owner {
  householdId: string;
  caseId: string | null;
  /** The lead of a consultation, who may remove its documents like a case's lead. */
  consultationLeadId?: string | null;
}

/** Whom the record lets read or add (throws OutOfScope / a 403 like the record itself). */
async function requireRecord({
  tx,
  kind,
  id,
  write,
}: {
  tx: Tx;
  kind: TDocumentAttachedKind;
  id: string;
  write: boolean;
}): Promise<Owner> {
  if (kind === 'household') {
    const household = await visibleHousehold({ tx, householdId: id });
    if (!household) throw new OutOfScope('household', id);
    return { householdId: household.id, caseId: null };
  }
  if (kind === 'consultation') {
    const found = await requireConsultation({ tx, id, needs: write ? ['team'] : ['team', 'supervisor'] });
    if (write && isFinished(found.status))
      throw problems.field(
        'id',
        'finished',
        {
          it: 'La consulenza è conclusa: non si aggiungono né rimuovono documenti.',
          en: 'The consultation is finished: documents are no longer added or removed.',
        },
        409,
      );
    return { householdId: found.householdId, caseId: null, consultationLeadId: found.leadUserId };
  }
  const caseId = kind === 'session' ? await caseOfSession({ tx, sessionId: id }) : id;
  if (!caseId) throw new OutOfScope('session', id);
  const found = await requireCase({
    tx,
    id: caseId,
    needs: write ? ['clinical'] : ['clinical', 'supervisor'],
  });
  if (write) requireOpen(found);
  return { householdId: found.householdId, caseId: found.id };
}

/**
 * The file rule's part for documents (court-report-files.service.ts registers one rule for the
 * module): undefined when the file is not a document of this part, otherwise yes or no.
 */
export async function mayReadDocumentFile({ tx, file }: { tx: Tx; file: FileOwner }) {
  const doc = await documentOfFile({ tx, fileId: file.fileId });
  if (!doc) return undefined;
  if (doc.deleted || doc.attached_kind !== file.recordType || doc.attached_id !== file.recordId) return false;
  try {
    await requireRecord({ tx, kind: doc.attached_kind, id: doc.attached_id, write: false });
  } catch (error) {
    // The referrer sees the case but not its documents: a no, audited by the platform, like an outsider's.
    if (error instanceof HttpProblem && error.status === 403) return false;
    throw error;
  }
  return true;
}

/** The record an audit event about a document names: the consultation, else the case, else the household. */
const auditedRecord = ({ kind, id, owner }: { kind: TDocumentAttachedKind; id: string; owner: Owner }) =>
  kind === 'consultation'
    ? { recordType: 'consultation', recordId: id }
    : owner.caseId
      ? { recordType: 'case', recordId: owner.caseId }
      : { recordType: 'household', recordId: owner.householdId };

const leadOf = (tx: Tx, userId: string) => async (caseId: string) =>
  (await caseAccessOf({ tx, id: caseId }))?.leadUserId === userId;

async function listed({
  deps,
  ctx,
  tx,
  where,
  record,
  leads,
}: {
  deps: Deps;
  ctx: AccessContext;
  tx: Tx;
  where: ReturnType<typeof sql>;
  record: { recordType: 'case' | 'household' | 'consultation'; recordId: string };
  /** Whether the viewer leads the record a listed document hangs on (and so may remove it). */
  leads: (caseId: string | null) => boolean;
}) {
  const documents = await listDocuments({ deps, tx, where, viewer: { userId: ctx.userId, leadOf: leads } });
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: {
      action: 'case_document.listed',
      recordType: record.recordType,
      recordId: record.recordId,
      details: { count: documents.length },
    },
  });
  return documents;
}

/** The case's documents, its sessions' and its household's (those the viewer may see). */
export function listCaseDocuments({ deps, ctx, caseId }: { deps: Deps; ctx: AccessContext; caseId: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx): Promise<TCaseDocument[]> => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical', 'supervisor'] });
      const isLead = await leadOf(tx, ctx.userId)(found.id);
      return listed({
        deps,
        ctx,
        tx,
        where: sql`(d.case_id = ${found.id} or (d.attached_kind = 'household' and d.household_id = ${found.householdId}))`,
        record: { recordType: 'case', recordId: found.id },
        leads: (docCase) => isLead && docCase === found.id,
      });
    },
  });
}

export function listHouseholdDocuments({
  deps,
  ctx,
  householdId,
}: {
  deps: Deps;
  ctx: AccessContext;
  householdId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx): Promise<TCaseDocument[]> => {
      await requireRecord({ tx, kind: 'household', id: householdId, write: false });
      return listed({
        deps,
        ctx,
        tx,
        where: sql`d.attached_kind = 'household' and d.household_id = ${householdId}`,
        record: { recordType: 'household', recordId: householdId },
        leads: () => false,
      });
    },
  });
}

/** A consultation's documents: its team and the consulting service's coordinators, never the requester. */
export function listConsultationDocuments({
  deps,
  ctx,
  consultationId,
}: {
  deps: Deps;
  ctx: AccessContext;
  consultationId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx): Promise<TCaseDocument[]> => {
      const owner = await requireRecord({ tx, kind: 'consultation', id: consultationId, write: false });
      return listed({
        deps,
        ctx,
        tx,
        where: sql`d.attached_kind = 'consultation' and d.attached_id = ${consultationId}`,
        record: { recordType: 'consultation', recordId: consultationId },
        leads: () => owner.consultationLeadId === ctx.userId,
      });
    },
  });
}

function parseFields(fields: Record<string, string>) {
  const parsed = ZCaseDocumentFieldsSchema.safeParse({
    documentClass: fields.documentClass,
    title: fields.title,
  });
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? 'title');
    return field === 'documentClass'
      ? {
          field,
          code: 'invalid',
          message: { it: 'Scegli il tipo di documento.', en: 'Choose the kind of document.' },
        }
      : {
          field,
          code: 'invalid',
          message: {
            it: 'Scrivi un titolo (al massimo 200 caratteri, senza caratteri di controllo).',
            en: 'Write a title (at most 200 characters, no control characters).',
          },
        };
  });
  return problems.fields(errors);
}

/**
 * Takes one document (multipart: `documentClass` and `title` before the file in `file`). Who may
 * add is asked before a byte is read; the row is written in the file's own transaction, where the
 * record's row-level security decides again. A refusal of the content stores nothing.
 */
export async function addDocument({
  deps,
  ctx,
  kind,
  id,
  request,
}: {
  deps: Deps;
  ctx: AccessContext;
  kind: TDocumentAttachedKind;
  id: string;
  request: FastifyRequest;
}) {
  const owner = await scoped({
    db: deps.db,
    ctx,
    work: (tx) => requireRecord({ tx, kind, id, write: true }),
  });
  const upload = await readUpload({ request, kind: 'document' });
  const fields = parseFields(upload.fields);
  if (fields instanceof Error) {
    upload.content.destroy();
    throw fields;
  }
  const documentId = randomUUID();
  const stored = await storeFile({
    deps,
    actor: { ctx },
    input: {
      module: 'cases',
      // Named by the record it hangs on, so "who saw my record" finds its downloads too.
      recordType: kind,
      recordId: id,
      dataClass: DOCUMENT_DATA_CLASS[fields.documentClass],
      retentionClass: 'case_record',
      kind: 'document',
      fileName: upload.fileName,
      declaredType: upload.declaredType,
      content: upload.content,
    },
    within: async ({ tx, fileId }) => {
      // Asked again where the row is written: a case closed or a consultation finished while the
      // file was read takes nothing (the file is not kept either).
      await requireRecord({ tx, kind, id, write: true });
      await tx.insert(caseDocuments).values({
        id: documentId,
        fileId,
        attachedKind: kind,
        attachedId: id,
        householdId: owner.householdId,
        caseId: owner.caseId,
        documentClass: fields.documentClass,
        title: fields.title,
        uploadedBy: ctx.userId,
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'case_document.added',
          ...auditedRecord({ kind, id, owner }),
          details: { documentId, fileId, attachedKind: kind, documentClass: fields.documentClass },
        },
      });
    },
  });
  return { id: documentId, fileId: stored.id };
}

/** Removes a document from the record (kept for the audit and retention): its uploader or the case's lead. */
export function removeDocument({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [doc] = await tx
        .select()
        .from(caseDocuments)
        .where(and(eq(caseDocuments.id, id), isNull(caseDocuments.deletedAt)));
      if (!doc) throw new OutOfScope('case', id);
      const owner = await requireRecord({
        tx,
        kind: doc.attachedKind as TDocumentAttachedKind,
        id: doc.attachedId,
        write: true,
      });
      const isLead = owner.caseId
        ? await leadOf(tx, ctx.userId)(owner.caseId)
        : owner.consultationLeadId === ctx.userId;
      if (doc.uploadedBy !== ctx.userId && !isLead)
        throw problems.field(
          'id',
          'not_yours',
          {
            it: 'Rimuove un documento chi lo ha caricato o il responsabile del caso o della consulenza.',
            en: 'A document is removed by whoever uploaded it or by the lead of the case or consultation.',
          },
          403,
        );
      await tx
        .update(caseDocuments)
        .set({ deletedAt: new Date(), deletedBy: ctx.userId })
        .where(eq(caseDocuments.id, id));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'case_document.deleted',
          ...auditedRecord({ kind: doc.attachedKind as TDocumentAttachedKind, id: doc.attachedId, owner }),
          details: { documentId: id, fileId: doc.fileId },
        },
      });
    },
  });
}
