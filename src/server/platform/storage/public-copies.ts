import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import send from '@fastify/send';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decryptField } from '../crypto/field-crypto.js';
import { queryRows } from '../db/client.js';
import { systemTransaction } from '../db/context.js';
import type { Deps } from '../deps.js';
import { problems } from '../http/problem.js';
import { decryptingStream } from './file-cipher.js';
import { contentDisposition, dataKeyContext } from './file-names.js';
import { fileStoreOf } from './store-registry.js';

/**
 * A plain copy of a file its module has made public (a published video of the manual, its poster),
 * so the public site can serve it with byte ranges — a player seeks by asking for ranges, which the
 * sealed chunks cannot answer cheaply. Only the owning module decides that a file is public, and
 * asks for the copy only then; the copy holds nothing the public may not read. It is made once, in
 * `<TRAMA_DATA_DIR>/public-files`, written beside and renamed into place so a reader never meets
 * half a file.
 */

const EXTENSIONS: Readonly<Record<string, string>> = {
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

export interface PublicCopy {
  dir: string;
  /** The copy's name in `dir`; its extension gives the type it is served with. */
  name: string;
  contentType: string;
}

/** Copies being made, by file: concurrent first requests wait for one copy instead of each making theirs. */
const making = new Map<string, Promise<PublicCopy | null>>();

export function publicCopyOf({ deps, fileId }: { deps: Deps; fileId: string }): Promise<PublicCopy | null> {
  let copy = making.get(fileId);
  if (!copy) {
    copy = makeCopy(deps, fileId).finally(() => making.delete(fileId));
    making.set(fileId, copy);
  }
  return copy;
}

/** Removes a file's public copy (a chapter withdrawn, an image deleted): nothing of it stays readable. */
export async function removePublicCopy({ deps, fileId }: { deps: Deps; fileId: string }) {
  const dir = join(deps.config.dataDir, 'public-files');
  for (const extension of new Set(Object.values(EXTENSIONS)))
    await rm(join(dir, `${fileId}.${extension}`), { force: true });
}

async function makeCopy(deps: Deps, fileId: string): Promise<PublicCopy | null> {
  const [row] = await systemTransaction(deps.db, (tx) =>
    queryRows<{
      content_type: string;
      size_bytes: string | number;
      storage_key: string;
      data_key_sealed: string;
    }>(
      tx,
      sql`select content_type, size_bytes, storage_key, data_key_sealed from stored_files
           where id = ${fileId} and deleted_at is null`,
    ),
  );
  const extension = row ? EXTENSIONS[row.content_type] : undefined;
  if (!row || !extension) return null;
  const dir = join(deps.config.dataDir, 'public-files');
  const name = `${fileId}.${extension}`;
  const copy = { dir, name, contentType: row.content_type };
  const existing = await stat(join(dir, name)).catch(() => null);
  if (existing?.size === Number(row.size_bytes)) return copy;
  await mkdir(dir, { recursive: true });
  const part = join(dir, `${name}.${randomBytes(6).toString('hex')}.part`);
  const key = Buffer.from(
    decryptField({ keyring: deps.keyring, value: row.data_key_sealed, context: dataKeyContext(fileId) }),
    'base64',
  );
  try {
    const sealed = await fileStoreOf(deps).get(row.storage_key);
    await pipeline(sealed, decryptingStream({ key, fileId }), createWriteStream(part));
    await rename(part, join(dir, name));
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  } finally {
    key.fill(0);
  }
  return copy;
}

/**
 * Answers a public request with the copy of a file its module made public: byte ranges (a player
 * seeks with them), conditional requests and HEAD by @fastify/send; the stored type, `inline` (or
 * an attachment named `download`, for a document), `nosniff`, cached five minutes (a withdrawn file
 * leaves caches soon).
 */
export async function sendPublicCopy({
  deps,
  fileId,
  request,
  reply,
  download,
}: {
  deps: Deps;
  fileId: string;
  request: FastifyRequest;
  reply: FastifyReply;
  download?: string;
}) {
  const copy = await publicCopyOf({ deps, fileId });
  if (!copy) throw problems.notFound();
  const sent = await send(request.raw, `/${copy.name}`, {
    root: copy.dir,
    maxAge: 300_000,
    contentType: false,
  });
  return reply
    .status(sent.statusCode)
    .headers(sent.headers)
    .header('content-type', copy.contentType)
    .header('content-disposition', download ? contentDisposition(download) : 'inline')
    .header('x-content-type-options', 'nosniff')
    .send(sent.stream);
}
