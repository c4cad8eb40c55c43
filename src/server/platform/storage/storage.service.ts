import { randomBytes, randomUUID } from 'node:crypto';
import { pipeline, Transform } from 'node:stream';
import { sql } from 'drizzle-orm';
import { type AccessContext, actorOf } from '../access/access-context.js';
import { scoped } from '../access/access-hook.js';
import type { AuditActor, AuditEvent } from '../audit/audit-events.js';
import { writeAudit } from '../audit/audit-writer.js';
import { decryptField, encryptField } from '../crypto/field-crypto.js';
import { queryRows, type Tx, uuidList } from '../db/client.js';
import { systemTransaction } from '../db/context.js';
import type { Deps } from '../deps.js';
import { problems } from '../http/problem.js';
import { RETENTION_CLASSES, type RetentionClass } from '../retention/retention-classes.js';
import { checkContent, type FileContent } from './content-check.js';
import { encryptingStream } from './file-cipher.js';
import { FILE_DATA_CLASSES, type FileDataClass, type FileKindName } from './file-kinds.js';
import { cleanFileName, dataKeyContext, nameContext } from './file-names.js';
import { newStorageKey } from './file-store.js';
import { fileStoreOf } from './store-registry.js';

/**
 * The file service modules call (README.md beside this file). Bytes are checked and encrypted as
 * they stream into the store, outside any transaction (a video must not hold a database connection
 * for minutes); then one short transaction writes the row and its audit event. Whatever fails,
 * nothing is left: refused or failed bytes are removed from the store, and bytes whose row never
 * committed have no data key anywhere, so they could never be read.
 */

/** Who stores or deletes: a signed-in request (RLS applies), or a job naming whom it acts for. */
export type FileActor =
  | { ctx: AccessContext }
  | { system: { createdBy: string | null; serviceId: string | null; label: string } };

export interface StoreFileInput {
  /** The owning module's folder name; its registered rule decides who may read the file. */
  module: string;
  recordType: string;
  recordId: string | null;
  dataClass: FileDataClass;
  retentionClass: RetentionClass;
  /** Which allow-list and size bound apply (file-kinds.ts). */
  kind: FileKindName;
  fileName: string;
  declaredType: string;
  content: FileContent;
}

export interface TStoredFile {
  id: string;
  contentType: string;
  sizeBytes: number;
  dataClass: FileDataClass;
}

const NAME = /^[a-z][a-z0-9_-]{0,62}$/;

export function actorFor(actor: FileActor): AuditActor {
  if ('ctx' in actor) return actorOf(actor.ctx);
  const { createdBy, serviceId, label } = actor.system;
  return { userId: createdBy, username: `system:${label}`, role: null, serviceId, clientIp: null };
}

/**
 * The actor's transaction: trama_app with its context for a request (`scoped`, so a module's
 * OutOfScope in `within` ends as the audited 404), the owner for a job.
 */
export function inTransaction<T>(deps: Deps, actor: FileActor, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (!('ctx' in actor)) return systemTransaction(deps.db, work);
  return scoped({ db: deps.db, ctx: actor.ctx, work });
}

function validate(input: StoreFileInput) {
  if (!NAME.test(input.module) || !NAME.test(input.recordType)) throw new Error('bad module or record type');
  if (!FILE_DATA_CLASSES.includes(input.dataClass)) throw new Error(`bad data class ${input.dataClass}`);
  if (!(input.retentionClass in RETENTION_CLASSES))
    throw new Error(`bad retention class ${input.retentionClass}`);
}

/**
 * Checks, encrypts and stores a file, then writes its row and `file.stored` in one transaction.
 * `within` runs in that transaction after the row (the module's own row naming the file, a last
 * check): if it throws, the row and the bytes go. Refusals are HttpProblems naming `file`.
 */
export async function storeFile({
  deps,
  actor,
  input,
  within,
}: {
  deps: Deps;
  actor: FileActor;
  input: StoreFileInput;
  within?: (args: { tx: Tx; fileId: string }) => Promise<void>;
}): Promise<TStoredFile> {
  validate(input);
  const fileName = cleanFileName(input.fileName);
  const { contentType, body } = await checkContent({
    content: input.content,
    declaredType: input.declaredType,
    kind: input.kind,
  });
  const id = randomUUID();
  const storageKey = newStorageKey();
  const store = fileStoreOf(deps);
  const dataKey = randomBytes(32);
  let sizeBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });
  const sealed = pipeline(body, counter, encryptingStream({ key: dataKey, fileId: id }), () => {});
  try {
    await store.put(storageKey, sealed);
    await inTransaction(deps, actor, async (tx) => {
      const { keyring } = deps;
      const createdBy = 'ctx' in actor ? actor.ctx.userId : actor.system.createdBy;
      const serviceId = 'ctx' in actor ? actor.ctx.serviceId : actor.system.serviceId;
      // No RETURNING: the request role sees a file only through a link or its module's policy.
      await tx.execute(sql`insert into stored_files (id, module, record_type, record_id, data_class,
          retention_class, name_sealed, content_type, size_bytes, storage_key, key_id, data_key_sealed,
          service_id, created_by)
        values (${id}, ${input.module}, ${input.recordType}, ${input.recordId}, ${input.dataClass},
          ${input.retentionClass}, ${encryptField({ keyring, plaintext: fileName, context: nameContext(id) })},
          ${contentType}, ${sizeBytes}, ${storageKey}, ${keyring.current.id},
          ${encryptField({ keyring, plaintext: dataKey.toString('base64'), context: dataKeyContext(id) })},
          ${serviceId}, ${createdBy})`);
      await writeAudit({
        tx,
        actor: actorFor(actor),
        event: fileEvent('file.stored', input, {
          fileId: id,
          kind: input.kind,
          dataClass: input.dataClass,
          contentType,
          sizeBytes,
        }),
      });
      await within?.({ tx, fileId: id });
    });
  } catch (error) {
    sealed.destroy();
    await store.delete(storageKey).catch(() => {});
    throw error;
  } finally {
    dataKey.fill(0);
  }
  return { id, contentType, sizeBytes, dataClass: input.dataClass };
}

/** An event about a file, named by its owning record ("who saw my record" finds it). */
export function fileEvent(
  action: AuditEvent['action'],
  owner: { recordType: string; recordId: string | null },
  details: Record<string, unknown>,
): AuditEvent {
  return {
    action,
    recordType: owner.recordType,
    ...(owner.recordId ? { recordId: owner.recordId } : {}),
    details,
  };
}

/**
 * Deletes a file: the row is marked and its data key forgotten in one transaction (from then on
 * no copy of the bytes, in the store or a backup, can be read), then the bytes are removed. The
 * module checks its own rule for deleting first; a request must also see the row (its module's
 * policy or a link). Unknown or invisible: 404.
 */
export async function deleteFile({ deps, actor, fileId }: { deps: Deps; actor: FileActor; fileId: string }) {
  const storageKey = await inTransaction(deps, actor, async (tx) => {
    const [row] = await queryRows<{ storage_key: string; record_type: string; record_id: string | null }>(
      tx,
      sql`update stored_files set deleted_at = now(), data_key_sealed = null
          where id = ${fileId} and deleted_at is null
          returning storage_key, record_type, record_id`,
    );
    if (!row) return null;
    await writeAudit({
      tx,
      actor: actorFor(actor),
      event: fileEvent('file.deleted', { recordType: row.record_type, recordId: row.record_id }, { fileId }),
    });
    return row.storage_key;
  });
  if (!storageKey) throw problems.notFound();
  // Already unreadable; a failure here leaves sealed bytes without a key, not a readable file.
  await fileStoreOf(deps)
    .delete(storageKey)
    .catch(() => {});
}

export interface TFileInfo {
  id: string;
  /** Null for a `safety` file: its name never appears in a list (ARCHITECTURE, mechanism 2). */
  fileName: string | null;
  contentType: string;
  sizeBytes: number;
  dataClass: FileDataClass;
  createdAt: string;
}

/**
 * What a module lists beside its records, for the files it may see (its policy on stored_files,
 * in the caller's transaction). Deleted files and ids the caller cannot see are left out.
 */
export async function describeFiles({
  deps,
  tx,
  fileIds,
}: {
  deps: Deps;
  tx: Tx;
  fileIds: readonly string[];
}): Promise<TFileInfo[]> {
  if (fileIds.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    name_sealed: string;
    content_type: string;
    size_bytes: string | number;
    data_class: FileDataClass;
    created_at: Date | string;
  }>(
    tx,
    sql`select id, name_sealed, content_type, size_bytes, data_class, created_at from stored_files
        where id in (${uuidList(fileIds)}) and deleted_at is null order by created_at, id`,
  );
  return rows.map((row) => ({
    id: row.id,
    fileName:
      row.data_class === 'safety'
        ? null
        : decryptField({ keyring: deps.keyring, value: row.name_sealed, context: nameContext(row.id) }),
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    dataClass: row.data_class,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}
