import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import { ZHoursReportSchema, ZMonthQuerySchema, ZStatementSchema } from '../../../contracts/mediation.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { hoursReport, statement, statementDownload } from './mediation-hours.service.js';

/** The document's language: Italian unless English is asked for. */
const ZStatementFileQuerySchema = ZMonthQuerySchema.extend({ lang: z.enum(['it', 'en']).default('it') });

/**
 * Hours and cost per mediator, language, service, district, work package and cooperative, and
 * each cooperative's monthly statement, on screen and as XLSX and PDF (issue 18, item 5). The
 * service decides what each coordinator sees.
 */
export const hoursRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['mediation'];
    app.get(
      '/api/mediation/hours',
      {
        // Hours and costs are the coordinators' (issue 18): the mediation coordinator's all, another's their own.
        config: { access: 'mediation.coordinate', rate: 'expensive' },
        schema: {
          tags,
          summary:
            'Logged hours and cost of a month by mediator, language, requesting service, district, work package and cooperative (coordinators; a partner sees its own)',
          querystring: ZMonthQuerySchema,
          response: { 200: ZHoursReportSchema },
        },
      },
      async (request) => hoursReport({ deps, ctx: requireAccess(request), month: request.query.month }),
    );
    app.get(
      '/api/mediation/statements/:id',
      {
        config: { access: 'mediation.coordinate' },
        schema: {
          tags,
          summary:
            'A cooperative’s monthly statement: one line per logged mediation, totals (the mediation coordinator, or the cooperative’s coordinator)',
          params: ZIdParamsSchema,
          querystring: ZMonthQuerySchema,
          response: { 200: ZStatementSchema },
        },
      },
      async (request) =>
        statement({
          deps,
          ctx: requireAccess(request),
          month: request.query.month,
          organisationId: request.params.id,
        }),
    );
    for (const format of ['xlsx', 'pdf'] as const)
      app.get(
        `/api/mediation/statements/:id/${format}`,
        {
          config: { access: 'mediation.coordinate', rate: 'expensive' },
          schema: {
            tags,
            summary: `A cooperative’s monthly statement as ${format.toUpperCase()} (audited)`,
            params: ZIdParamsSchema,
            querystring: ZStatementFileQuerySchema,
          },
        },
        async (request, reply) => {
          const file = await statementDownload({
            deps,
            ctx: requireAccess(request),
            month: request.query.month,
            organisationId: request.params.id,
            format,
            lang: request.query.lang,
          });
          return reply
            .header('content-type', file.contentType)
            .header('content-disposition', `attachment; filename="${file.filename}"`)
            .header('cache-control', 'no-store')
            .send(file.body);
        },
      );
  };
