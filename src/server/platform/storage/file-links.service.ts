import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { type AccessContext, actorOf } from '../access/access-context.js';
import { writeAudit, writeAuditApart } from '../audit/audit-writer.js';
import { decryptField } from '../crypto/field-crypto.js';
import { isoTime, queryRows } from '../db/client.js';
import { systemTransaction, unsafeAsSystem } from '../db/context.js';
import type { Deps } from '../deps.js';
import { problems } from '../http/problem.js';
import { type FileOwner, mayRead, requireClassConditions } from './file-access.js';
import { decryptingStream } from './file-cipher.js';
import type { FileDataClass } from './file-kinds.js';
import { dataKeyContext, nameContext } from './file-names.js';
import { fileEvent, inTransaction } from './storage.service.js';
import { storageRefusals } from './storage-refusals.js';
import { fileStoreOf } from './store-registry.js';

/**
 * Downloads go through a link made for one user after the owning module's rule said yes: 256
 * random bits, of which only the SHA-256 is kept, good for one use within a minute (ADR 0010).
 * The link is spent and the download audited in one conditional UPDATE, so two requests racing
 * with one token cannot both get the file. Unknown, expired, spent or someone else's: the same 404.
 */
export const LINK_SECONDS = 60;
/** The database refuses links longer than ten minutes (file_links_insert); this stays below it. */
const MAX_LINK_SECONDS = 600;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export const downloadPath = (token: string) => `/api/files/download/${token}`;

type Outcome<T> = { ok: T } | { denied: FileOwner } | { missing: true };

export async function createDownloadLink({
  deps,
  ctx,
  fileId,
  reason,
  ttlSeconds = LINK_SECONDS,
}: {
  deps: Deps;
  ctx: AccessContext;
  fileId: string;
  /** Why the file is opened: required for `safety` files, kept in the audit event. */
  reason?: string;
  ttlSeconds?: number;
}): Promise<{ url: string; expiresAt: string }> {
  const seconds = Math.min(Math.max(Math.floor(ttlSeconds), 1), MAX_LINK_SECONDS);
  const token = randomBytes(32).toString('base64url');
  const outcome = await inTransaction(deps, { ctx }, async (tx): Promise<Outcome<string>> => {
    const [owner] = await queryRows<{
      module: string;
      record_type: string;
      record_id: string | null;
      data_class: FileDataClass;
    }>(tx, sql`select module, record_type, record_id, data_class from trama_file_owner(${fileId}::uuid)`);
    if (!owner) return { missing: true };
    const file: FileOwner = {
      fileId,
      module: owner.module,
      recordType: owner.record_type,
      recordId: owner.record_id,
      dataClass: owner.data_class,
    };
    if (!(await mayRead({ tx, ctx, file }))) return { denied: file };
    requireClassConditions({ ctx, dataClass: file.dataClass, reason });
    const [link] = await queryRows<{ expires_at: Date | string }>(
      tx,
      sql`insert into file_links (token_hash, file_id, user_id, expires_at)
          values (${hashOf(token)}, ${fileId}, ${ctx.userId}, now() + make_interval(secs => ${seconds}))
          returning expires_at`,
    );
    await writeAudit({
      tx,
      actor: actorOf(ctx),
      event: {
        ...fileEvent('file.link_created', file, { fileId, dataClass: file.dataClass, seconds }),
        ...(reason ? { purpose: reason } : {}),
      },
    });
    return { ok: isoTime(link!.expires_at)! };
  });
  if ('ok' in outcome) return { url: downloadPath(token), expiresAt: outcome.ok };
  if ('denied' in outcome) await auditDenied({ deps, ctx, file: outcome.denied });
  throw problems.notFound();
}

export interface FileDownload {
  fileId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** The plaintext; its first chunk is already authenticated, a later bad chunk fails the stream. */
  body: Readable;
}

interface FileRow {
  module: string;
  record_type: string;
  record_id: string | null;
  data_class: FileDataClass;
  name_sealed: string;
  content_type: string;
  size_bytes: string | number;
  storage_key: string;
}

/** Spends the link and gives the file to the user it was made for, if the module still agrees. */
export async function openDownload({
  deps,
  ctx,
  token,
}: {
  deps: Deps;
  ctx: AccessContext;
  token: string;
}): Promise<FileDownload> {
  if (!TOKEN.test(token)) throw problems.notFound();
  const tokenHash = hashOf(token);
  const outcome = await inTransaction(
    deps,
    { ctx },
    async (tx): Promise<Outcome<FileRow & { id: string; data_key_sealed: string }>> => {
      const [link] = await queryRows<{ file_id: string }>(
        tx,
        sql`update file_links set used_at = now()
          where token_hash = ${tokenHash} and user_id = ${ctx.userId} and used_at is null and expires_at > now()
          returning file_id`,
      );
      if (!link) return { missing: true };
      const [row] = await queryRows<FileRow>(
        tx,
        sql`select module, record_type, record_id, data_class, name_sealed, content_type, size_bytes,
            storage_key from stored_files where id = ${link.file_id} and deleted_at is null`,
      );
      if (!row) return { missing: true };
      const file: FileOwner = {
        fileId: link.file_id,
        module: row.module,
        recordType: row.record_type,
        recordId: row.record_id,
        dataClass: row.data_class,
      };
      // Asked again: a role, a team or a consent may have changed since the link was made.
      if (!(await mayRead({ tx, ctx, file }))) return { denied: file };
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: fileEvent('file.downloaded', file, { fileId: file.fileId, dataClass: file.dataClass }),
      });
      // The sealed data key is a secret column: read as the owner, only now.
      const [key] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ data_key_sealed: string }>(
          sys,
          sql`select data_key_sealed from stored_files where id = ${link.file_id}`,
        ),
      );
      return { ok: { ...row, id: link.file_id, data_key_sealed: key!.data_key_sealed } };
    },
  );
  if ('denied' in outcome) await auditDenied({ deps, ctx, file: outcome.denied });
  if (!('ok' in outcome)) {
    await auditRefusedLink({ deps, ctx, tokenHash });
    throw problems.notFound();
  }
  const row = outcome.ok;
  const { keyring } = deps;
  const key = Buffer.from(
    decryptField({ keyring, value: row.data_key_sealed, context: dataKeyContext(row.id) }),
    'base64',
  );
  const fail = (error: unknown) =>
    writeAuditApart({
      db: deps.db,
      actor: actorOf(ctx),
      event: {
        ...fileEvent(
          'file.integrity_failed',
          { recordType: row.record_type, recordId: row.record_id },
          {
            fileId: row.id,
            error: (error as Error).name,
          },
        ),
        outcome: 'failure',
      },
    }).catch(() => {});
  let body: Readable;
  try {
    const sealed = await fileStoreOf(deps).get(row.storage_key);
    body = await authenticatedStart(sealed.pipe(decryptingStream({ key, fileId: row.id })), sealed, fail);
  } catch (error) {
    await fail(error);
    throw storageRefusals.damaged();
  }
  return {
    fileId: row.id,
    fileName: decryptField({ keyring, value: row.name_sealed, context: nameContext(row.id) }),
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    body,
  };
}

/**
 * Waits for the first authenticated chunk before anything is sent, so a damaged header or a
 * damaged small file is a clean error rather than a cut download; a later bad chunk ends the
 * stream with an error (the response is cut, never completed with wrong bytes) and is audited.
 */
async function authenticatedStart(
  plain: Readable,
  sealed: Readable,
  fail: (error: unknown) => Promise<void>,
): Promise<Readable> {
  sealed.on('error', (error) => plain.destroy(error));
  const chunks = plain[Symbol.asyncIterator]();
  let first: IteratorResult<unknown>;
  try {
    first = await chunks.next();
  } catch (error) {
    sealed.destroy();
    throw error;
  }
  return Readable.from(
    (async function* () {
      try {
        if (!first.done) yield first.value as Buffer;
        for (let next = await chunks.next(); !next.done; next = await chunks.next())
          yield next.value as Buffer;
      } catch (error) {
        await fail(error);
        throw error;
      } finally {
        sealed.destroy();
        await chunks.return?.();
      }
    })(),
    { objectMode: false },
  );
}

/** A refusal by the module's rule is audited, in its own transaction (ASVS 16.3.2). */
async function auditDenied({ deps, ctx, file }: { deps: Deps; ctx: AccessContext; file: FileOwner }) {
  await writeAuditApart({
    db: deps.db,
    actor: actorOf(ctx),
    event: { ...fileEvent('access.denied', file, { fileId: file.fileId }), outcome: 'denied' },
  });
  throw problems.notFound();
}

/** A link refused (someone else's, or one's own after its minute or used once already): the same 404, audited with the reason. */
async function auditRefusedLink({
  deps,
  ctx,
  tokenHash,
}: {
  deps: Deps;
  ctx: AccessContext;
  tokenHash: string;
}) {
  // Someone else's link, or the user's own link used after its minute or a second time.
  const [other] = await systemTransaction(deps.db, (tx) =>
    queryRows<{ file_id: string; link: string }>(
      tx,
      sql`select file_id, case when user_id <> ${ctx.userId} then 'of another user'
            when used_at is not null then 'already used' else 'expired' end as link
          from file_links where token_hash = ${tokenHash}`,
    ),
  );
  if (!other) return;
  await writeAuditApart({
    db: deps.db,
    actor: actorOf(ctx),
    event: {
      action: 'access.denied',
      outcome: 'denied',
      recordType: 'file',
      recordId: other.file_id,
      details: { fileId: other.file_id, link: other.link },
    },
  });
}
