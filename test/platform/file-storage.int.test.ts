import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MODULES } from '../../src/server/app.js';
import { accessContextOf, requireAccess } from '../../src/server/platform/access/access-hook.js';
import { loadSession, SESSION_COOKIE } from '../../src/server/platform/auth/sessions.js';
import { queryRows } from '../../src/server/platform/db/client.js';
import { withDbContext } from '../../src/server/platform/db/context.js';
import type { TramaModule } from '../../src/server/platform/module.js';
import { diskStore } from '../../src/server/platform/storage/disk-store.js';
import { registerFileAccess } from '../../src/server/platform/storage/file-access.js';
import { CHUNK_BYTES, sealedSize } from '../../src/server/platform/storage/file-cipher.js';
import { FILE_DATA_CLASSES, FILE_KINDS } from '../../src/server/platform/storage/file-kinds.js';
import { createDownloadLink, openDownload } from '../../src/server/platform/storage/file-links.service.js';
import { s3Store } from '../../src/server/platform/storage/s3-store.js';
import { deleteFile, describeFiles, storeFile } from '../../src/server/platform/storage/storage.service.js';
import { useFileStore } from '../../src/server/platform/storage/store-registry.js';
import { acceptFileUploads, readUpload } from '../../src/server/platform/storage/upload.js';
import { multipartBody } from '../harness/multipart.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';
import { bombPartOf, partOf, zipOf } from '../harness/zip-bomb.js';

/**
 * Platform file storage (issue 12, item 4) through a fixture module that takes uploads with the
 * platform's helper and lets the users named in `readers` read its records' files.
 */
const MODULE = 'file-fixture';
const readers = new Map<string, Set<string>>();
const KINDS = ['document', 'image', 'video'] as const;

const fixtureRoutes =
  (deps: TestApp['deps']): FastifyPluginAsyncZod =>
  async (app) => {
    await acceptFileUploads(app);
    app.post(
      '/api/test-files/:recordId',
      {
        config: { access: 'authenticated' },
        schema: {
          params: z.strictObject({ recordId: z.uuid() }),
          querystring: z.strictObject({
            kind: z.enum(KINDS).default('document'),
            dataClass: z.enum(FILE_DATA_CLASSES).default('ordinary'),
          }),
        },
      },
      async (request, reply) => {
        const { kind, dataClass } = request.query;
        const upload = await readUpload({ request, kind });
        const stored = await storeFile({
          deps,
          actor: { ctx: requireAccess(request) },
          input: {
            module: MODULE,
            recordType: 'fixture_record',
            recordId: request.params.recordId,
            dataClass,
            retentionClass: 'case_record',
            kind,
            fileName: upload.fileName,
            declaredType: upload.declaredType,
            content: upload.content,
          },
        });
        return reply.code(201).send(stored);
      },
    );
  };

let t: TestApp;
let storeRoot: string;
let operatrice: Session;
let clinica: Session;
beforeAll(async () => {
  const fixture: TramaModule = { name: MODULE, routes: fixtureRoutes };
  t = await createTestApp({ modules: [...MODULES, fixture] });
  storeRoot = mkdtempSync(join(tmpdir(), 'trama-files-'));
  useFileStore({ deps: t.deps, store: diskStore({ root: storeRoot }) });
  registerFileAccess({
    module: MODULE,
    canRead: async ({ ctx, file }) => readers.get(file.recordId ?? '')?.has(ctx.username) ?? false,
  });
  operatrice = await t.signIn('operatrice');
  clinica = await t.signIn('clinica');
});
afterAll(async () => {
  await t.close();
  rmSync(storeRoot, { recursive: true, force: true });
});
beforeEach(() => readers.clear());

/** Every file under the store's root, temporary ones included. */
function storedObjects(dir = storeRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? storedObjects(join(dir, e.name)) : [join(dir, e.name)],
  );
}

async function countRows(table: 'stored_files' | 'file_links') {
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row!.n;
}

async function upload({
  session = operatrice,
  recordId = randomUUID(),
  name = 'file.pdf',
  type = 'application/pdf',
  data,
  kind = 'document',
  dataClass = 'ordinary',
}: {
  session?: Session;
  recordId?: string;
  name?: string;
  type?: string;
  data: Buffer;
  kind?: string;
  dataClass?: string;
}) {
  const body = multipartBody({ file: { name, type, data } });
  const answer = await session.request({
    method: 'POST',
    url: `/api/test-files/${recordId}?kind=${kind}&dataClass=${dataClass}`,
    payload: body.payload,
    headers: { 'content-type': body.contentType, 'accept-language': 'en' },
  });
  return { answer, recordId };
}

const link = (session: Session, id: string, body?: object) =>
  session.request({ method: 'POST', url: `/api/files/${id}/link`, ...(body ? { payload: body } : {}) });

const PDF = Buffer.from(`%PDF-1.7\n1 0 obj <<>> endobj\n% DOCUMENTO RISERVATO ${'x'.repeat(300)}\n%%EOF\n`);
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.alloc(64),
]);

async function auditCount(action: string, fileId: string) {
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from audit_events where action = ${action} and details->>'fileId' = ${fileId}`,
  );
  return row!.n;
}

describe('storing and downloading', () => {
  it('round-trips a file on disk, encrypted, through a single-use link with the right headers', async () => {
    const name = 'Relazione è “finale”.pdf';
    const { answer, recordId } = await upload({ name, data: PDF });
    expect(answer.statusCode).toBe(201);
    const file = answer.json() as { id: string; contentType: string; sizeBytes: number };
    expect(file).toMatchObject({ contentType: 'application/pdf', sizeBytes: PDF.length });

    // Bytes at rest: nothing of the plaintext, the key not derived from the name or the id.
    const objects = storedObjects();
    const object = objects.find((path) => statSync(path).size === sealedSize(PDF.length))!;
    expect(object).toBeDefined();
    const sealed = readFileSync(object);
    expect(sealed.includes(Buffer.from('DOCUMENTO RISERVATO'))).toBe(false);
    expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);
    expect(object).not.toContain(file.id);
    const [row] = await queryRows<{ name_sealed: string; key_id: string }>(
      t.database.db,
      sql`select name_sealed, key_id from stored_files where id = ${file.id}`,
    );
    expect(row!.name_sealed).not.toContain('Relazione');
    expect(row!.key_id).toBe(t.deps.keyring.current.id);

    readers.set(recordId, new Set(['operatrice']));
    const made = await link(operatrice, file.id);
    expect(made.statusCode).toBe(200);
    const { url, expiresAt } = made.json() as { url: string; expiresAt: string };
    const seconds = (Date.parse(expiresAt) - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(50);
    expect(seconds).toBeLessThanOrEqual(61);

    const got = await operatrice.request({ method: 'GET', url });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['cache-control']).toBe('no-store');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Relazione _ _finale_.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );

    // Spent: the same answer as an unknown token.
    const again = await operatrice.request({ method: 'GET', url });
    const unknown = await operatrice.request({ method: 'GET', url: `/api/files/download/${'A'.repeat(43)}` });
    expect(again.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(again.json().type).toBe(unknown.json().type);
    expect(again.json().detail).toBe(unknown.json().detail);

    expect(await auditCount('file.stored', file.id)).toBe(1);
    expect(await auditCount('file.link_created', file.id)).toBe(1);
    expect(await auditCount('file.downloaded', file.id)).toBe(1);
    const [event] = await queryRows<{ record_type: string; record_id: string; actor_username: string }>(
      t.database.db,
      sql`select record_type, record_id, actor_username from audit_events
          where action = 'file.downloaded' and details->>'fileId' = ${file.id}`,
    );
    expect(event).toEqual({
      record_type: 'fixture_record',
      record_id: recordId,
      actor_username: 'operatrice',
    });
  });

  it('gives the file once to two requests racing with one link, and lists it by name', async () => {
    const { answer, recordId } = await upload({ data: PDF, name: 'verbale.pdf' });
    const id = answer.json().id as string;
    readers.set(recordId, new Set(['operatrice']));
    const { url } = (await link(operatrice, id)).json();
    const answers = await Promise.all([1, 2, 3].map(() => operatrice.request({ method: 'GET', url })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 404, 404]);
    // With a link the row is visible to the user; a module lists its files the same way.
    const ctx = await contextOf(operatrice);
    const dbCtx = {
      userId: ctx.userId,
      role: ctx.role!,
      organisationId: ctx.organisationId,
      serviceId: ctx.serviceId,
    };
    const listed = await withDbContext(t.deps.db, dbCtx, (tx) =>
      describeFiles({ deps: t.deps, tx, fileIds: [id] }),
    );
    expect(listed).toMatchObject([
      { id, fileName: 'verbale.pdf', contentType: 'application/pdf', dataClass: 'ordinary' },
    ]);
  });

  it('refuses an expired link like an unknown one, and a HEAD never spends a link', async () => {
    const { answer, recordId } = await upload({ data: PDF });
    readers.set(recordId, new Set(['operatrice']));
    const { url } = (await link(operatrice, answer.json().id)).json();
    expect((await operatrice.request({ method: 'HEAD', url })).statusCode).toBe(404);
    await t.database.db.execute(
      sql`update file_links set expires_at = now() - interval '1 second' where used_at is null`,
    );
    const expired = await operatrice.request({ method: 'GET', url });
    expect(expired.statusCode).toBe(404);
    expect(expired.headers['content-type']).toContain('application/problem+json');
  });

  it('gives a link only to a user the module lets read the record, and only that user can use it', async () => {
    const { answer, recordId } = await upload({ data: PDF });
    const id = answer.json().id as string;
    readers.set(recordId, new Set(['operatrice']));
    const refused = await link(clinica, id);
    expect(refused.statusCode).toBe(404);
    expect((await link(clinica, randomUUID())).statusCode).toBe(404);
    const [denied] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events a join users u on u.id = a.actor_user_id
          where a.action = 'access.denied' and u.username = 'clinica' and a.details->>'fileId' = ${id}`,
    );
    expect(denied!.n).toBe(1);

    const { url } = (await link(operatrice, id)).json();
    expect((await clinica.request({ method: 'GET', url })).statusCode).toBe(404);
    // Someone else's attempt did not spend it.
    expect((await operatrice.request({ method: 'GET', url })).statusCode).toBe(200);

    // A reader removed after the link was made gets nothing from it.
    const second = (await link(operatrice, id)).json();
    readers.delete(recordId);
    expect((await operatrice.request({ method: 'GET', url: second.url })).statusCode).toBe(404);
  });

  it('opens a safety file only after a step-up and with a reason, kept in the audit', async () => {
    const { answer, recordId } = await upload({ data: PDF, dataClass: 'safety' });
    const id = answer.json().id as string;
    readers.set(recordId, new Set(['operatrice']));
    const noStepUp = await link(operatrice, id, { reason: 'Verifica del luogo protetto' });
    expect(noStepUp.statusCode).toBe(403);
    expect(noStepUp.json().type).toBe('urn:trama:problem:step-up-required');
    const userId = await t.userId('operatrice');
    await t.database.db.execute(sql`update sessions set step_up_at = now() where user_id = ${userId}`);
    expect((await link(operatrice, id)).statusCode).toBe(403);
    const made = await link(operatrice, id, { reason: 'Verifica del luogo protetto' });
    expect(made.statusCode).toBe(200);
    const [event] = await queryRows<{ purpose: string }>(
      t.database.db,
      sql`select purpose from audit_events where action = 'file.link_created' and details->>'fileId' = ${id}`,
    );
    expect(event!.purpose).toBe('Verifica del luogo protetto');
  });

  it('delivers nothing from a tampered or cut file, and audits it', async () => {
    const { answer, recordId } = await upload({ data: PDF });
    const id = answer.json().id as string;
    readers.set(recordId, new Set(['operatrice']));
    const [row] = await queryRows<{ storage_key: string }>(
      t.database.db,
      sql`select storage_key from stored_files where id = ${id}`,
    );
    const key = row!.storage_key;
    const path = join(storeRoot, key.slice(0, 2), key.slice(2, 4), key);
    const original = readFileSync(path);
    const tampered = Buffer.from(original);
    tampered[40]! ^= 1;
    for (const bytes of [tampered, original.subarray(0, original.length - 5)]) {
      writeFileSync(path, bytes);
      const { url } = (await link(operatrice, id)).json();
      const got = await operatrice.request({ method: 'GET', url });
      expect(got.statusCode).toBe(500);
      expect(got.json().type).toBe('urn:trama:problem:stored-file-damaged');
      expect(got.body).not.toContain('RISERVATO');
    }
    expect(await auditCount('file.integrity_failed', id)).toBe(2);
  });

  it('fails the stream of a large file cut at a chunk boundary, after the first chunk', async () => {
    const data = Buffer.concat([PDF, randomBytes(3 * CHUNK_BYTES)]);
    const { answer, recordId } = await upload({ data });
    const id = answer.json().id as string;
    readers.set(recordId, new Set(['operatrice']));
    const [row] = await queryRows<{ storage_key: string }>(
      t.database.db,
      sql`select storage_key from stored_files where id = ${id}`,
    );
    const key = row!.storage_key;
    const path = join(storeRoot, key.slice(0, 2), key.slice(2, 4), key);
    const sealed = readFileSync(path);
    // Drop the last record whole: what remains is a valid-looking file one chunk shorter.
    writeFileSync(path, sealed.subarray(0, 16 + 3 * (CHUNK_BYTES + 16)));
    const ctx = await contextOf(operatrice);
    const { url } = await createDownloadLink({ deps: t.deps, ctx, fileId: id });
    const download = await openDownload({ deps: t.deps, ctx, token: url.split('/').pop()! });
    await expect(drain(download.body)).rejects.toThrow(/does not authenticate/);
    expect(await auditCount('file.integrity_failed', id)).toBe(1);
    // Through HTTP the response is cut short of its Content-Length, never completed.
    const again = (await link(operatrice, id)).json();
    await expect(operatrice.request({ method: 'GET', url: again.url })).rejects.toThrow(
      /destroyed before completion/,
    );
    expect(await auditCount('file.integrity_failed', id)).toBe(2);
  });
});

async function contextOf(session: Session) {
  const token = session.cookie.slice(`${SESSION_COOKIE}=`.length);
  const loaded = await loadSession({ db: t.deps.db, token });
  return accessContextOf({ session: loaded!, clientIp: '127.0.0.1' });
}

async function drain(stream: Readable, taken: (n: number) => void = () => {}) {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    taken((chunk as Buffer).length);
  }
  return { hash: hash.digest('hex'), bytes };
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const DOCUMENT_HEAD =
  '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
const DOCUMENT_TAIL = '</w:t></w:r></w:p></w:body></w:document>';
const GiB = 1024 * 1024 * 1024;

function docx(document: ReturnType<typeof partOf>) {
  return zipOf([partOf('[Content_Types].xml', DOCX_TYPES), document]);
}

describe('refusals: nothing stored', () => {
  async function expectRefused(
    attempt: Promise<{
      answer: {
        statusCode: number;
        json(): { errors: { field: string; code: string; message: { it: string; en: string } }[] };
      };
    }>,
    status: number,
    code: string,
  ) {
    const files = await countRows('stored_files');
    const objects = storedObjects().length;
    const { answer } = await attempt;
    expect(answer.statusCode).toBe(status);
    const error = answer.json().errors[0]!;
    expect(error).toMatchObject({ field: 'file', code });
    expect(error.message.it).toBeTruthy();
    expect(error.message.en).toBeTruthy();
    expect(await countRows('stored_files')).toBe(files);
    expect(storedObjects().length).toBe(objects);
  }

  it('refuses content that does not match its declared type, or a type the use does not take', async () => {
    await expectRefused(upload({ data: PNG, type: 'application/pdf' }), 422, 'file_type_mismatch');
    await expectRefused(upload({ data: PDF, type: 'image/png', kind: 'image' }), 422, 'file_type_mismatch');
    await expectRefused(
      upload({ data: PDF, type: 'application/pdf', kind: 'image' }),
      415,
      'file_type_not_allowed',
    );
    // A Windows program calling itself a PDF; bytes nothing recognises.
    const exe = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(64)]);
    await expectRefused(upload({ data: exe, type: 'application/pdf' }), 422, 'file_type_mismatch');
    await expectRefused(upload({ data: randomBytes(64).fill(0, 0, 4) }), 415, 'file_type_not_allowed');
    const msg = (await upload({ data: PNG, type: 'application/pdf' })).answer.json().errors[0].message;
    expect(msg.en).toBe('The file’s content is PNG, but the file claims to be PDF.');
  });

  it('refuses a file over its size bound as it streams, removing what was written', async () => {
    const max = FILE_KINDS.image.maxBytes;
    const big = Buffer.concat([PNG, Buffer.alloc(max + 1 - PNG.length)]);
    await expectRefused(upload({ data: big, type: 'image/png', kind: 'image' }), 413, 'file_too_large');
    const exact = Buffer.concat([PNG, Buffer.alloc(2 * CHUNK_BYTES)]);
    expect((await upload({ data: exact, type: 'image/png', kind: 'image' })).answer.statusCode).toBe(201);
  });

  it('takes a DOCX, and refuses one whose part unpacks to a gigabyte, even when it lies', async () => {
    const honest = docx(partOf('word/document.xml', `${DOCUMENT_HEAD}Ciao${DOCUMENT_TAIL}`));
    const ok = await upload({ data: honest, type: DOCX, name: 'verbale.docx' });
    expect(ok.answer.statusCode).toBe(201);
    expect(ok.answer.json().contentType).toBe(DOCX);
    const bomb = bombPartOf({
      name: 'word/document.xml',
      head: DOCUMENT_HEAD,
      fill: 'a',
      size: GiB,
      tail: DOCUMENT_TAIL,
    });
    await expectRefused(upload({ data: docx(bomb), type: DOCX }), 413, 'file_unpacks_too_large');
    await expectRefused(
      upload({ data: docx({ ...bomb, declaredSize: 4096 }), type: DOCX }),
      422,
      'file_damaged',
    );
    const odt = zipOf([
      partOf('mimetype', 'application/vnd.oasis.opendocument.text'),
      partOf('content.xml', '<office:document-content/>'),
    ]);
    const odtType = 'application/vnd.oasis.opendocument.text';
    expect((await upload({ data: odt, type: odtType, name: 'verbale.odt' })).answer.json().contentType).toBe(
      odtType,
    );
    // A plain ZIP is not a DOCX.
    await expectRefused(
      upload({ data: zipOf([partOf('a.txt', 'ciao')]), type: DOCX }),
      422,
      'file_type_mismatch',
    );
  });

  it('takes UTF-8 text and CSV, and refuses control characters or broken UTF-8 anywhere in them', async () => {
    const csv = Buffer.from('nome;città\nAmina;Treviglio\n');
    expect((await upload({ data: csv, type: 'text/csv', name: 'elenco.csv' })).answer.statusCode).toBe(201);
    await expectRefused(
      upload({ data: Buffer.from('a\u0000b'), type: 'text/plain' }),
      415,
      'file_type_not_allowed',
    );
    const lateBreak = Buffer.concat([Buffer.alloc(10_000, 'a'), Buffer.from([0xc3, 0x28])]);
    await expectRefused(upload({ data: lateBreak, type: 'text/csv' }), 422, 'file_not_text');
    const lateNul = Buffer.concat([Buffer.alloc(10_000, 'a'), Buffer.from([0])]);
    await expectRefused(upload({ data: lateNul, type: 'text/plain' }), 422, 'file_not_text');
  });

  it('refuses a request without a file, and a name with control characters', async () => {
    const none = await operatrice.request({
      method: 'POST',
      url: `/api/test-files/${randomUUID()}`,
      payload: { file: 'x' },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ field: 'file', code: 'file_missing' });
    await expect(
      storeFile({
        deps: t.deps,
        actor: { system: { createdBy: null, serviceId: null, label: 'test' } },
        input: {
          module: MODULE,
          recordType: 'fixture_record',
          recordId: null,
          dataClass: 'ordinary',
          retentionClass: 'case_record',
          kind: 'document',
          fileName: 'nome\u0007.pdf',
          declaredType: 'application/pdf',
          content: PDF,
        },
      }),
    ).rejects.toMatchObject({ status: 400, errors: [{ field: 'fileName', code: 'file_name_invalid' }] });
  });

  it('removes the row and the bytes when the module’s own step in the transaction fails', async () => {
    const files = await countRows('stored_files');
    const objects = storedObjects().length;
    await expect(
      storeFile({
        deps: t.deps,
        actor: { system: { createdBy: null, serviceId: null, label: 'test' } },
        input: {
          module: MODULE,
          recordType: 'fixture_record',
          recordId: randomUUID(),
          dataClass: 'ordinary',
          retentionClass: 'case_record',
          kind: 'document',
          fileName: 'x.pdf',
          declaredType: 'application/pdf',
          content: PDF,
        },
        within: async () => {
          throw new Error('module refused');
        },
      }),
    ).rejects.toThrow('module refused');
    expect(await countRows('stored_files')).toBe(files);
    expect(storedObjects().length).toBe(objects);
  });
});

describe('the database beneath', () => {
  it('shows the request role no file without a link, and never the sealed data key', async () => {
    const { answer } = await upload({ data: PDF });
    const id = answer.json().id as string;
    const ctx = await contextOf(operatrice);
    const dbCtx = {
      userId: ctx.userId,
      role: ctx.role!,
      organisationId: ctx.organisationId,
      serviceId: ctx.serviceId,
    };
    const visible = await withDbContext(t.deps.db, dbCtx, (tx) =>
      queryRows(tx, sql`select id from stored_files where id = ${id}`),
    );
    expect(visible).toEqual([]);
    await expect(
      withDbContext(t.deps.db, dbCtx, (tx) => queryRows(tx, sql`select data_key_sealed from stored_files`)),
    ).rejects.toThrow();
    // Nor can it make itself a link longer than ten minutes.
    await expect(
      withDbContext(t.deps.db, dbCtx, (tx) =>
        tx.execute(sql`insert into file_links (token_hash, file_id, user_id, expires_at)
          values ('x', ${id}, ${ctx.userId}, now() + interval '1 day')`),
      ),
    ).rejects.toThrow();
  });

  it('deletes a file by forgetting its key and removing its bytes', async () => {
    const { answer, recordId } = await upload({ data: PDF });
    const id = answer.json().id as string;
    readers.set(recordId, new Set(['operatrice']));
    const before = storedObjects().length;
    await deleteFile({
      deps: t.deps,
      actor: { system: { createdBy: null, serviceId: null, label: 'test' } },
      fileId: id,
    });
    expect(storedObjects().length).toBe(before - 1);
    const [row] = await queryRows<{ data_key_sealed: string | null; deleted_at: Date | null }>(
      t.database.db,
      sql`select data_key_sealed, deleted_at from stored_files where id = ${id}`,
    );
    expect(row!.data_key_sealed).toBeNull();
    expect(row!.deleted_at).not.toBeNull();
    expect((await link(operatrice, id)).statusCode).toBe(404);
    expect(await auditCount('file.deleted', id)).toBe(1);
  });
});

describe('a large file', () => {
  it('streams 50 MB through encryption and back, holding a few chunks at a time (a job stores it for a requester)', async () => {
    const total = 50 * 1024 * 1024;
    const piece = 256 * 1024;
    const sent = createHash('sha256');
    // Memory is measured as bytes in flight, exactly and without a collector's noise: made by the
    // source but not yet written to the store, then read from the store but not yet taken by the
    // reader. Every buffer of every stage is in between; a pipeline that held the file reaches 50 MB.
    const flight = { made: 0, written: 0, read: 0, taken: 0, maxStoring: 0, maxReading: 0 };
    const base = diskStore({ root: storeRoot });
    const counting = (count: (n: number) => void) =>
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          count(chunk.length);
          done(null, chunk);
        },
      });
    useFileStore({
      deps: t.deps,
      store: {
        kind: 'disk',
        put: (key, body) =>
          base.put(
            key,
            body.pipe(
              counting((n) => {
                flight.written += n;
              }),
            ),
          ),
        get: async (key) =>
          (await base.get(key)).pipe(
            counting((n) => {
              flight.read += n;
              flight.maxReading = Math.max(flight.maxReading, flight.read - flight.taken);
            }),
          ),
        delete: (key) => base.delete(key),
      },
    });
    // An MP4's first box, then bytes generated as they are read: the source is never held whole.
    const ftyp = Buffer.from('0000001c667479706973366d0000020069736f6d69736f326d703431', 'hex');
    async function* generate() {
      for (let done = 0; done < total; ) {
        const chunk = done === 0 ? ftyp : randomBytes(Math.min(piece, total - done));
        sent.update(chunk);
        flight.made += chunk.length;
        flight.maxStoring = Math.max(flight.maxStoring, flight.made - flight.written);
        done += chunk.length;
        yield chunk;
      }
    }
    const began = performance.now();
    const userId = await t.userId('operatrice');
    const recordId = randomUUID();
    try {
      const stored = await storeFile({
        deps: t.deps,
        actor: { system: { createdBy: userId, serviceId: null, label: 'export' } },
        input: {
          module: MODULE,
          recordType: 'fixture_record',
          recordId,
          dataClass: 'ordinary',
          retentionClass: 'case_record',
          kind: 'video',
          fileName: 'formazione.mp4',
          declaredType: 'video/mp4',
          content: Readable.from(generate()),
        },
      });
      const stored_ms = performance.now() - began;
      expect(stored).toMatchObject({ contentType: 'video/mp4', sizeBytes: total });
      expect(storedObjects().some((path) => statSync(path).size === sealedSize(total))).toBe(true);

      readers.set(recordId, new Set(['operatrice']));
      const ctx = await contextOf(operatrice);
      const { url } = await createDownloadLink({ deps: t.deps, ctx, fileId: stored.id });
      const reading = performance.now();
      const download = await openDownload({ deps: t.deps, ctx, token: url.split('/').pop()! });
      const received = await drain(download.body, (n) => {
        flight.taken += n;
      });
      const read_ms = performance.now() - reading;
      expect(received.bytes).toBe(total);
      expect(received.hash).toBe(sent.digest('hex'));
      console.info(
        `50 MB: stored in ${Math.round(stored_ms)} ms, read in ${Math.round(read_ms)} ms; at most ` +
          `${mb(flight.maxStoring)} in flight storing, ${mb(flight.maxReading)} reading`,
      );
      // A few chunks per stage, never the file.
      expect(flight.maxStoring).toBeLessThan(4 * 1024 * 1024);
      expect(flight.maxReading).toBeLessThan(4 * 1024 * 1024);
    } finally {
      useFileStore({ deps: t.deps, store: base });
    }
  });
});

/**
 * The S3 store against a real S3-compatible server, when one is named: S3_TEST_ENDPOINT (and
 * S3_TEST_BUCKET, S3_TEST_ACCESS_KEY_ID, S3_TEST_SECRET_ACCESS_KEY; s3rver's defaults otherwise).
 */
const S3_ENDPOINT = process.env.S3_TEST_ENDPOINT;
describe.skipIf(!S3_ENDPOINT)('on an S3-compatible store', () => {
  it('round-trips a multipart upload, leaves nothing of a refused one, and deletes', async () => {
    const settings = {
      endpoint: S3_ENDPOINT,
      bucket: process.env.S3_TEST_BUCKET ?? 'trama-test',
      region: 'us-east-1',
      accessKeyId: process.env.S3_TEST_ACCESS_KEY_ID ?? 'S3RVER',
      secretAccessKey: process.env.S3_TEST_SECRET_ACCESS_KEY ?? 'S3RVER',
      forcePathStyle: true,
    };
    const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
    const client = new S3Client({ ...settings, credentials: settings });
    const objects = async () =>
      (await client.send(new ListObjectsV2Command({ Bucket: settings.bucket, Prefix: 'trama/' }))).KeyCount ??
      0;
    const store = s3Store(settings);
    useFileStore({ deps: t.deps, store });
    try {
      const before = await objects();
      const recordId = randomUUID();
      const data = Buffer.concat([PDF, randomBytes(20 * 1024 * 1024)]);
      const stored = await storeFile({
        deps: t.deps,
        actor: { system: { createdBy: null, serviceId: null, label: 'test' } },
        input: {
          module: MODULE,
          recordType: 'fixture_record',
          recordId,
          dataClass: 'ordinary',
          retentionClass: 'case_record',
          kind: 'document',
          fileName: 'grande.pdf',
          declaredType: 'application/pdf',
          content: Readable.from([data.subarray(0, 5_000_000), data.subarray(5_000_000)]),
        },
      });
      expect(await objects()).toBe(before + 1);
      readers.set(recordId, new Set(['operatrice']));
      const ctx = await contextOf(operatrice);
      const { url } = await createDownloadLink({ deps: t.deps, ctx, fileId: stored.id });
      const download = await openDownload({ deps: t.deps, ctx, token: url.split('/').pop()! });
      expect((await drain(download.body)).hash).toBe(createHash('sha256').update(data).digest('hex'));

      // Refused after more than one 8 MiB part has gone up: the upload is aborted, no object.
      const lateNul = Buffer.concat([Buffer.alloc(12 * 1024 * 1024, 'a'), Buffer.from([0])]);
      const { answer } = await upload({ data: lateNul, type: 'text/plain' });
      expect(answer.statusCode).toBe(422);
      expect(await objects()).toBe(before + 1);

      await deleteFile({
        deps: t.deps,
        actor: { system: { createdBy: null, serviceId: null, label: 'test' } },
        fileId: stored.id,
      });
      expect(await objects()).toBe(before);
    } finally {
      useFileStore({ deps: t.deps, store: diskStore({ root: storeRoot }) });
      client.destroy();
    }
  });
});

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
