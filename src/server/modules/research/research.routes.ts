import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZResearchDatasetSchema,
  ZResearchExportQuerySchema,
  ZResearchExportSchema,
  ZStudySchema,
} from '../../../contracts/research.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { exportDataset, listExports, listStudies } from './research.service.js';

/** The research dataset (WP4): researchers get pseudonymised rows; the DPO sees every export. */
export const researchRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['research'];
    app.get(
      '/api/research/studies',
      {
        config: { access: 'research.export' },
        schema: {
          tags,
          summary: 'The studies of the acting research service',
          response: { 200: z.array(ZStudySchema) },
        },
      },
      async (request) => listStudies({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/research/studies/:id/export',
      {
        config: { access: 'research.export', rate: 'expensive' },
        schema: {
          tags,
          summary:
            'The pseudonymised dataset of a study, as JSON (codes, with the names of reference codes) or CSV (words, each coded column followed by its codes; semicolons, UTF-8 with BOM); audited, listed for the DPO',
          params: ZIdParamsSchema,
          querystring: ZResearchExportQuerySchema,
          response: { 200: ZResearchDatasetSchema.or(z.string()) },
        },
      },
      async (request, reply) => {
        const result = await exportDataset({
          deps,
          ctx: requireAccess(request),
          studyId: request.params.id,
          format: request.query.format,
          language: request.query.lang,
        });
        if (result.kind === 'json') return result.body;
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${result.filename}"`)
          .send(result.body);
      },
    );
    app.get(
      '/api/research/exports',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Every research export made (DPO)',
          response: { 200: z.array(ZResearchExportSchema) },
        },
      },
      async (request) => listExports({ deps, ctx: requireAccess(request) }),
    );
  };
