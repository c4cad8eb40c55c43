import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text, ZIdParamsSchema } from '../../../contracts/common.js';
import { requireAccess } from '../access/access-hook.js';
import type { Deps } from '../deps.js';
import { TEXT_TYPES } from './file-kinds.js';
import { createDownloadLink, openDownload } from './file-links.service.js';
import { contentDisposition } from './file-names.js';

/** Why the file is opened: required for a `safety` file, kept in the audit event. */
export const ZFileLinkRequestSchema = z.strictObject({ reason: text({ min: 10, max: 1000 }).optional() });
export const ZFileLinkSchema = z.object({ url: z.string(), expiresAt: z.iso.datetime() });
export type TFileLink = z.infer<typeof ZFileLinkSchema>;

/**
 * The two routes every module's files share. Making a link asks the owning module's rule (any
 * signed-in user may ask; most get 404); the download spends the link. The token travels in the
 * path because a browser follows the link as a plain navigation; it is single-use, a minute long
 * and bound to the user, so a copy in a log or a history opens nothing.
 */
export const fileRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/files/:id/link',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['files'],
          summary: 'A single-use download link, valid for a minute, for the signed-in user',
          params: ZIdParamsSchema,
          // No body at all is fine: a reason is needed only for a safety file.
          body: ZFileLinkRequestSchema.nullish(),
          response: { 200: ZFileLinkSchema },
        },
      },
      async (request) =>
        createDownloadLink({
          deps,
          ctx: requireAccess(request),
          fileId: request.params.id,
          ...(request.body?.reason ? { reason: request.body.reason } : {}),
        }),
    );

    app.get(
      '/api/files/download/:token',
      {
        config: { access: 'authenticated' },
        // A HEAD would spend the link without delivering the file.
        exposeHeadRoute: false,
        schema: {
          tags: ['files'],
          summary: 'The file behind a download link (spends the link)',
          params: z.strictObject({ token: z.string().max(128) }),
        },
      },
      async (request, reply) => {
        const file = await openDownload({ deps, ctx: requireAccess(request), token: request.params.token });
        return reply
          .header(
            'content-type',
            TEXT_TYPES.has(file.contentType) ? `${file.contentType}; charset=utf-8` : file.contentType,
          )
          .header('content-length', file.sizeBytes)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  };
