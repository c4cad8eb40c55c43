import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZImpactPeriodSchema,
  ZImpactPeriodsSchema,
  ZPeriodReasonSchema,
  ZReportFileQuerySchema,
  ZReportSummarySchema,
  ZReportVerificationSchema,
} from '../../../contracts/impact-periods.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { acceptRawUploads } from '../../platform/files/upload-guard.js';
import { problems } from '../../platform/http/problem.js';
import { contentDisposition } from '../../platform/storage/file-names.js';
import { listPeriods, type PeriodStep, stepPeriod } from './impact-periods.service.js';
import { generateReport, reportFile } from './impact-reports.service.js';
import { verifyReportFile } from './impact-verify.js';

const ZPeriodParamsSchema = z.strictObject({ key: z.string().max(20) });

const STEPS: { step: PeriodStep; path: string; summary: string; reason: boolean }[] = [
  {
    step: 'submit',
    path: 'submit',
    summary: 'Submit an ended period for the chair’s approval (a coordinator)',
    reason: false,
  },
  {
    step: 'return',
    path: 'return',
    summary: 'Return a submitted period, with a reason (the steering committee’s chair)',
    reason: true,
  },
  {
    step: 'approve',
    path: 'approve',
    summary: 'Approve and lock a submitted period, freezing its values (the chair; not who submitted it)',
    reason: false,
  },
  {
    step: 'unlock',
    path: 'unlock',
    summary: 'Unlock a locked period, with a reason (a coordinator; audited)',
    reason: true,
  },
];

/** Reporting periods, their locks and the frozen signed reports (issue 25, items 3 and 4). */
export const impactPeriodsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['impact'];
    app.get(
      '/api/impact/periods',
      {
        config: { access: 'impact.read' },
        schema: {
          tags,
          summary: 'Every reporting period of the project with its status, history and reports',
          response: { 200: ZImpactPeriodsSchema },
        },
      },
      async (request) => listPeriods({ deps, ctx: requireAccess(request) }),
    );
    for (const { step, path, summary, reason } of STEPS)
      app.post(
        `/api/impact/periods/:key/${path}`,
        {
          config: { access: 'impact.read' },
          schema: {
            tags,
            summary,
            params: ZPeriodParamsSchema,
            ...(reason ? { body: ZPeriodReasonSchema } : {}),
            response: { 200: ZImpactPeriodSchema },
          },
        },
        async (request) =>
          stepPeriod({
            deps,
            ctx: requireAccess(request),
            key: request.params.key,
            step,
            reason: (request.body as { reason?: string } | undefined)?.reason ?? null,
          }),
      );
    app.post(
      '/api/impact/periods/:key/reports',
      {
        config: { access: 'impact.read', rate: 'expensive' },
        schema: {
          tags,
          summary:
            'Generate a signed report of the period: its frozen values when locked, else today’s values marked draft',
          params: ZPeriodParamsSchema,
          response: { 201: ZReportSummarySchema },
        },
      },
      async (request, reply) => {
        const report = await generateReport({ deps, ctx: requireAccess(request), key: request.params.key });
        return reply.code(201).send(report);
      },
    );
    app.get(
      '/api/impact/reports/:id/file',
      {
        config: { access: 'impact.read', rate: 'expensive' },
        schema: {
          tags,
          summary: 'A report as a sealed PDF (Italian or English) or XLSX file (audited)',
          params: z.strictObject({ id: z.uuid() }),
          querystring: ZReportFileQuerySchema,
        },
      },
      async (request, reply) => {
        const file = await reportFile({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          format: request.query.format,
          lang: request.query.lang,
        });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    );
    await app.register(publicVerification(deps));
  };

/** The public verification of a report's file: the bytes in, what its seal says out. Nothing is kept. */
const publicVerification =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    acceptRawUploads({
      app,
      contentTypes: [
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/octet-stream',
      ],
    });
    app.post(
      '/api/public/impact/verify',
      {
        config: { access: 'public', rate: 'expensive' },
        schema: {
          tags: ['impact'],
          summary: 'Check a report file’s seal against the platform’s public key (the file is not kept)',
          response: { 200: ZReportVerificationSchema },
        },
      },
      async (request) => {
        // Only a raw body is a file; JSON, a form or nothing at all is not one to check.
        if (!Buffer.isBuffer(request.body) || request.body.length === 0)
          throw problems.field(
            'file',
            'not-a-file',
            {
              it: 'Invia il file del rapporto (PDF o XLSX) così com’è.',
              en: 'Send the report’s file (PDF or XLSX) as it is.',
            },
            415,
          );
        return verifyReportFile({ bytes: request.body, key: deps.checkpointKey });
      },
    );
    app.get(
      '/api/public/impact/signing-key',
      {
        config: { access: 'public' },
        schema: {
          tags: ['impact'],
          summary: 'The public key that signs the reports (PEM), for anyone to verify a file offline',
          response: { 200: z.object({ keyId: z.string(), publicKeyPem: z.string() }) },
        },
      },
      async () => ({ keyId: deps.checkpointKey.keyId, publicKeyPem: deps.checkpointKey.publicKeyPem }),
    );
  };
