import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import { ZMediaAltsInputSchema, ZMediaFieldsSchema, ZMediaSchema } from '../../../contracts/website-media.js';
import { requireAccess, scoped } from '../../platform/access/access-hook.js';
import { queryRows } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { sendPublicCopy } from '../../platform/storage/public-copies.js';
import { acceptFileUploads, readUpload, uploadFields } from '../../platform/storage/upload.js';
import { addMedia, deleteMedia, listMedia, saveAlts } from './website-media.service.js';

const EDIT = { access: 'website.edit' } as const;
const tags = ['website'];

/**
 * The media library (issue 24, item 3): editors upload, describe and delete images; the public
 * reads the resized copies of an image only while a published page shows it.
 */
export const mediaRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await acceptFileUploads(app);
    app.get(
      '/api/website/media',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'The images of the media library',
          response: { 200: z.array(ZMediaSchema) },
        },
      },
      async (request) => listMedia({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/website/media',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'Add an image (multipart: name, altIt, then file)',
          response: { 201: ZMediaSchema },
        },
      },
      async (request, reply) => {
        const ctx = requireAccess(request);
        const upload = await readUpload({ request, kind: 'image' });
        const fields = uploadFields(upload, ZMediaFieldsSchema);
        return reply.code(201).send(await addMedia({ deps, ctx, ...fields, upload }));
      },
    );
    app.put(
      '/api/website/media/:id/alts',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'The image’s alternative text in each language (Italian required)',
          params: ZIdParamsSchema,
          body: ZMediaAltsInputSchema,
          response: { 200: ZMediaSchema },
        },
      },
      async (request) =>
        saveAlts({ deps, ctx: requireAccess(request), id: request.params.id, alts: request.body.alts }),
    );
    app.delete(
      '/api/website/media/:id',
      {
        config: EDIT,
        schema: { tags, summary: 'Delete an image no published page shows', params: ZIdParamsSchema },
      },
      async (request, reply) => {
        await deleteMedia({ deps, ctx: requireAccess(request), id: request.params.id });
        return reply.code(204).send();
      },
    );
    app.get(
      '/api/website/media/:id/preview',
      {
        config: EDIT,
        schema: {
          tags,
          summary: 'The image’s smallest copy, for the editors’ list',
          params: ZIdParamsSchema,
        },
      },
      async (request, reply) => {
        const [variant] = await scoped({
          db: deps.db,
          ctx: requireAccess(request),
          work: (tx) =>
            queryRows<{ file_id: string }>(
              tx,
              sql`select file_id from site_media_variants where media_id = ${request.params.id} order by width limit 1`,
            ),
        });
        if (!variant) throw problems.notFound();
        return sendPublicCopy({ deps, fileId: variant.file_id, request, reply: reply as FastifyReply });
      },
    );
    app.get(
      '/sito/immagini/:id/:file',
      {
        config: { access: 'public', rate: 'static' },
        schema: {
          tags: ['website-public'],
          summary: 'A resized copy of an image a published page shows (WebP)',
          params: z.strictObject({
            id: z.uuid(),
            // The widths of MEDIA_WIDTHS, or an original's own width when narrower.
            file: z.string().regex(/^\d{1,4}\.webp$/),
          }),
        },
      },
      async (request, reply) => {
        const width = Number.parseInt(request.params.file, 10);
        const [variant] = await systemTransaction(deps.db, (tx) =>
          queryRows<{ file_id: string }>(
            tx,
            sql`select v.file_id from site_media_variants v
                 where v.media_id = ${request.params.id} and v.width = ${width}
                   and exists (select 1 from site_media_uses u join site_pages p on p.id = u.page_id and p.state <> 'archived'
                                where u.media_id = v.media_id)`,
          ),
        );
        if (!variant) throw problems.notFound();
        return sendPublicCopy({ deps, fileId: variant.file_id, request, reply: reply as FastifyReply });
      },
    );
  };
