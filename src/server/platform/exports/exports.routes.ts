import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdSchema } from '../../../contracts/common.js';
import {
  ZExportDecisionSchema,
  ZExportKindSchema,
  ZExportRequestSchema,
  ZExportSchema,
} from '../../../contracts/exports.js';
import { requireAccess } from '../access/access-hook.js';
import { queryRows } from '../db/client.js';
import type { Deps } from '../deps.js';
import { registerFileAccess } from '../storage/file-access.js';
import {
  decideExport,
  downloadExport,
  getExport,
  kindsFor,
  listExports,
  requestExport,
} from './exports.service.js';

// An export's file is its requester's alone (row-level security on export_runs says the same), and
// only for the one link its download made: no second link can be made for it later.
registerFileAccess({
  module: 'exports',
  canRead: async ({ tx, ctx, file }) =>
    file.recordId !== null &&
    (
      await queryRows(
        tx,
        sql`select 1 from export_runs where id = ${file.recordId} and requested_by = ${ctx.userId}
              and file_id = ${file.fileId} and state = 'downloaded' and expires_at > now()
              and downloaded_at > now() - interval '2 minutes'`,
      )
    ).length === 1,
});

const params = z.strictObject({ id: ZIdSchema });

/** Long exports and reports as jobs: asked for, approved where needed, followed, downloaded once. */
export const exportsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['exports'];

    app.get(
      '/api/exports/kinds',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'What the viewer may export',
          response: { 200: z.array(ZExportKindSchema) },
        },
      },
      async (request) => kindsFor(requireAccess(request)),
    );

    app.get(
      '/api/exports',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'One’s own exports with their progress, and those waiting for one’s approval',
          response: { 200: z.array(ZExportSchema) },
        },
      },
      async (request) => listExports({ deps, ctx: requireAccess(request) }),
    );

    app.post(
      '/api/exports',
      {
        config: { access: 'authenticated', rate: 'expensive' },
        schema: {
          tags,
          summary:
            'Asks for an export: queued as a job, or waiting for a second person when it is bulk case data',
          body: ZExportRequestSchema,
          response: { 202: ZExportSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(await requestExport({ deps, ctx: requireAccess(request), input: request.body })),
    );

    app.get(
      '/api/exports/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'One export and its progress (rows done of total)',
          params,
          response: { 200: ZExportSchema },
        },
      },
      async (request) => getExport({ deps, ctx: requireAccess(request), id: request.params.id }),
    );

    app.post(
      '/api/exports/:id/decision',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'A second person approves or refuses an export that needs it; never its requester',
          params,
          body: ZExportDecisionSchema,
          response: { 200: ZExportSchema },
        },
      },
      async (request) =>
        decideExport({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );

    app.post(
      '/api/exports/:id/download',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'The requester’s one download: a single-use link valid for a minute',
          params,
          response: { 200: z.object({ url: z.string(), expiresAt: z.iso.datetime() }) },
        },
      },
      async (request) => downloadExport({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
  };
