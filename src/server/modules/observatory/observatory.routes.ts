import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf, ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZImportResultSchema,
  ZImportTemplateQuerySchema,
  ZIncidentCorrectionSchema,
  ZIncidentInputSchema,
  ZIncidentQuerySchema,
  ZIncidentSchema,
  ZIncidentSummarySchema,
  ZStatisticsExportQuerySchema,
  ZStatisticsQuerySchema,
  ZStatisticsSchema,
  ZTrainingReportSchema,
} from '../../../contracts/observatory.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { acceptRawUploads, UPLOAD_BODY_LIMIT } from '../../platform/files/upload-guard.js';
import { IMPORT_CONTENT_TYPES } from './observatory.import.js';
import { registerTemplate } from './observatory.import-template.js';
import { exportStatistics, getStatistics, getTrainingReport } from './observatory.reports.js';
import * as service from './observatory.service.js';

export const observatoryRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['observatory'];
    // Register files arrive as the raw body (no multipart): the content type says the format.
    // Like every upload, through the platform's guard (platform/files/README.md).
    acceptRawUploads({ app, contentTypes: Object.values(IMPORT_CONTENT_TYPES) });

    app.get(
      '/api/incidents',
      {
        config: { access: 'incidents.record' },
        schema: {
          tags,
          summary: 'The acting service\u2019s incident records (listing is audited)',
          querystring: ZIncidentQuerySchema,
          response: { 200: pageOf(ZIncidentSummarySchema) },
        },
      },
      async (request) => service.searchIncidents({ deps, ctx: requireAccess(request), query: request.query }),
    );

    app.post(
      '/api/incidents',
      {
        config: { access: 'incidents.record' },
        schema: {
          tags,
          summary: 'Record an incident, or save it as a draft',
          body: ZIncidentInputSchema,
          response: { 201: ZIncidentSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createIncident({ deps, ctx: requireAccess(request), input: request.body })),
    );

    app.post(
      '/api/incidents/import',
      {
        config: { access: 'incidents.record', rate: 'expensive' },
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Import a register (text/csv or XLSX body); all rows or none',
          response: { 200: ZImportResultSchema },
        },
      },
      async (request) =>
        service.importRegister({
          deps,
          ctx: requireAccess(request),
          contentType: request.headers['content-type'],
          body: request.body,
        }),
    );

    app.get(
      '/api/incidents/import/template',
      {
        config: { access: 'incidents.record', rate: 'expensive' },
        schema: {
          tags,
          summary: 'The register template (XLSX): headers, drop-down lists and a legend in words',
          querystring: ZImportTemplateQuerySchema,
        },
      },
      async (request, reply) => {
        const file = await registerTemplate({
          deps,
          ctx: requireAccess(request),
          language: request.query.lang,
        });
        return reply
          .header('content-type', IMPORT_CONTENT_TYPES.xlsx)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );

    app.get(
      '/api/incidents/:id',
      {
        config: { access: 'incidents.record' },
        schema: {
          tags,
          summary: 'One incident record of the acting service (read is audited)',
          params: ZIdParamsSchema,
          response: { 200: ZIncidentSchema },
        },
      },
      async (request) => service.getIncident({ deps, ctx: requireAccess(request), id: request.params.id }),
    );

    app.put(
      '/api/incidents/:id',
      {
        config: { access: 'incidents.record' },
        schema: {
          tags,
          summary: 'Complete a draft or correct a record',
          params: ZIdParamsSchema,
          body: ZIncidentCorrectionSchema,
          response: { 200: ZIncidentSchema },
        },
      },
      async (request) =>
        service.replaceIncident({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          input: request.body,
        }),
    );

    app.delete(
      '/api/incidents/:id',
      {
        config: { access: 'incidents.record' },
        schema: { tags, summary: 'Delete a draft', params: ZIdParamsSchema },
      },
      async (request, reply) => {
        await service.removeDraft({ deps, ctx: requireAccess(request), id: request.params.id });
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/observatory/statistics',
      {
        config: { access: 'observatory.read', rate: 'expensive' },
        schema: {
          tags,
          summary: 'Disclosure-controlled statistics of one calendar year',
          querystring: ZStatisticsQuerySchema,
          response: { 200: ZStatisticsSchema },
        },
      },
      async (request) => getStatistics({ deps, ctx: requireAccess(request), query: request.query }),
    );

    app.get(
      '/api/observatory/statistics/export',
      {
        config: { access: 'observatory.read', rate: 'expensive' },
        schema: {
          tags,
          summary:
            'The same statistics as CSV (semicolons, UTF-8 with BOM) or XLSX: the tables as on screen, or one line per value for analysts (export is audited)',
          querystring: ZStatisticsExportQuerySchema,
        },
      },
      async (request, reply) => {
        const { format, layout, lang, ...query } = request.query;
        const file = await exportStatistics({
          deps,
          ctx: requireAccess(request),
          query,
          format,
          layout,
          language: lang,
        });
        return reply
          .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : IMPORT_CONTENT_TYPES.xlsx)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );

    app.get(
      '/api/observatory/training-report',
      {
        config: { access: 'observatory.read', rate: 'expensive' },
        schema: {
          tags,
          summary: 'Training needs drawn from the published statistics',
          querystring: ZStatisticsQuerySchema,
          response: { 200: ZTrainingReportSchema },
        },
      },
      async (request) => getTrainingReport({ deps, ctx: requireAccess(request), query: request.query }),
    );
  };
