import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TPermission } from '../../../contracts/roles.js';
import { requireAccess } from '../access/access-hook.js';
import type { Deps } from '../deps.js';
import { HttpProblem, problems } from '../http/problem.js';
import type { JobKind } from '../jobs/job-queue.js';
import { FILE_KINDS, type FileKindName } from './file-kinds.js';

/**
 * Large uploads (a training video, a chapter of the video manual) in resumable pieces, with the
 * tus protocol (tus.io; `@tus/server` here, `tus-js-client` in the browser): a dropped connection
 * or a closed laptop resumes from the last byte received instead of starting an hour-long upload
 * again. The pieces gather in `<TRAMA_DATA_DIR>/uploads`, bound to the user who started them and
 * to the kind's size; once complete, the module takes the upload and stores it with `storeFile` —
 * content check, encryption, audit — and the gathered copy is removed. An upload never finished is
 * removed after a day by the job below.
 *
 *   await acceptResumableUploads(app, { deps, path: '/api/website/uploads', kind: 'video', access: 'website.edit' });
 *   const upload = await takeResumableUpload({ deps, ctx, uploadId });  // { fileName, declaredType, content, discard }
 */

const UPLOAD_ID = /^[a-f0-9]{32}$/;
/** The signed-in user of each request handed to the tus server (which sees it as a web Request). */
const owners = new WeakMap<object, string>();
const ownerOf = (req: unknown) => {
  const raw = (req as { runtime?: { node?: { req?: object } } }).runtime?.node?.req;
  return raw ? owners.get(raw) : undefined;
};
const EXPIRY_MS = 24 * 60 * 60 * 1000;

const stores = new Map<string, FileStore>();

function storeOf(deps: Deps): FileStore {
  const directory = join(deps.config.dataDir, 'uploads');
  let store = stores.get(directory);
  if (!store) {
    store = new FileStore({ directory, expirationPeriodInMilliseconds: EXPIRY_MS });
    stores.set(directory, store);
  }
  return store;
}

const notFinished = () =>
  new HttpProblem(
    409,
    'upload-not-finished',
    { it: 'Caricamento non finito', en: 'Upload not finished' },
    {
      it: 'Il file non è ancora arrivato tutto: riprendi il caricamento.',
      en: 'The file has not arrived in full yet: resume the upload.',
    },
  );

/** The upload, if it exists and the signed-in user started it; anyone else is told it does not exist. */
async function ownUpload(deps: Deps, uploadId: string, userId: string) {
  if (!UPLOAD_ID.test(uploadId)) throw problems.notFound();
  const upload = await storeOf(deps)
    .getUpload(uploadId)
    .catch(() => null);
  if (!upload || upload.metadata?.owner !== userId) throw problems.notFound();
  return upload;
}

/**
 * The tus endpoint at `path` (create) and `path/:uploadId` (resume, append, cancel), for holders
 * of `access`. The route's access hook has checked the session, the CSRF token and the permission
 * before the tus server sees the request.
 */
export async function acceptResumableUploads(
  app: FastifyInstance,
  { deps, path, kind, access }: { deps: Deps; path: string; kind: FileKindName; access: TPermission },
) {
  const tus = new Server({
    path,
    datastore: storeOf(deps),
    maxSize: FILE_KINDS[kind].maxBytes,
    relativeLocation: true,
    // The id tus works on is its own reading of the address (which a query string could change):
    // the owner is checked again on that one, for every request on an upload.
    // A creation names the upload it is about to make: onUploadCreate writes its owner.
    async onIncomingRequest(req, uploadId) {
      if (req.method === 'POST') return;
      const owner = ownerOf(req);
      if (!owner) throw { status_code: 404, body: 'Not found\n' } as const;
      await ownUpload(deps, uploadId, owner).catch(() => {
        throw { status_code: 404, body: 'Not found\n' } as const;
      });
    },
    async onUploadCreate(req, upload) {
      const owner = ownerOf(req);
      if (!owner) throw { status_code: 403, body: 'Forbidden\n' } as const;
      if (upload.sizeIsDeferred) throw { status_code: 400, body: 'Upload-Length is required\n' } as const;
      return { metadata: { ...upload.metadata, owner } };
    },
  });
  // The pieces are read by the tus server from the raw request: Fastify leaves them unparsed.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
  const handOver = async (request: FastifyRequest, reply: FastifyReply) => {
    // The owner is the session's user, whatever the upload's metadata claims.
    owners.set(request.raw, requireAccess(request).userId);
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };
  const config = { access };
  app.route({ method: ['POST'], url: path, config, handler: handOver });
  app.route({ method: ['HEAD', 'PATCH', 'DELETE'], url: `${path}/:uploadId`, config, handler: handOver });
}

export interface TakenUpload {
  fileName: string;
  declaredType: string;
  content: Readable;
  /** Removes the gathered copy (after it was stored, or refused). */
  discard: () => Promise<void>;
}

/** A finished upload of the signed-in user, to be stored by the module. */
export async function takeResumableUpload({
  deps,
  userId,
  uploadId,
}: {
  deps: Deps;
  userId: string;
  uploadId: string;
}): Promise<TakenUpload> {
  const upload = await ownUpload(deps, uploadId, userId);
  if (upload.size === undefined || upload.offset !== upload.size) throw notFinished();
  const store = storeOf(deps);
  return {
    fileName: upload.metadata?.filename ?? 'video',
    declaredType: upload.metadata?.filetype ?? 'application/octet-stream',
    content: createReadStream(join(store.directory, uploadId)),
    discard: () => store.remove(uploadId).catch(() => {}),
  };
}

/** Uploads started more than a day ago, finished or not, that no module took: removed. */
async function removeStale(store: FileStore) {
  await store.deleteExpired();
  const cutoff = Date.now() - EXPIRY_MS;
  for (const name of await readdir(store.directory).catch(() => [] as string[])) {
    const id = name.endsWith('.json') ? name.slice(0, -5) : null;
    if (!id || !UPLOAD_ID.test(id)) continue;
    const upload = await store.getUpload(id).catch(() => null);
    const started = upload?.creation_date ? Date.parse(upload.creation_date) : Number.NaN;
    if (upload && started < cutoff) await store.remove(id).catch(() => {});
  }
}

/** Removes the uploads started more than a day ago and never taken (finished or not). */
export const resumableExpiryJob: JobKind<Record<string, never>> = {
  name: 'uploads.expire',
  label: { it: 'Pulizia dei caricamenti non finiti', en: 'Removal of unfinished uploads' },
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 600,
  schedule: '41 * * * *',
  async handle(_data, { deps }) {
    await removeStale(storeOf(deps));
  },
};
