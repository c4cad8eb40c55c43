import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZCourtOrderCreateSchema,
  ZCourtOrderParamsSchema,
  ZCourtOrderSchema,
  ZCourtOrderUpdateSchema,
  ZCourtReportDraftSchema,
  ZCourtReportParamsSchema,
  ZCourtReportReturnSchema,
  ZCourtReportSchema,
  ZCourtReportSentSchema,
  ZCourtReportUpdateSchema,
  ZDeadlineListQuerySchema,
  ZDeadlineMetSchema,
  ZDeadlineParamsSchema,
  ZDeadlineSchema,
  ZOwnCaseCreateSchema,
  ZPendingCourtReportSchema,
} from '../../../contracts/tutela.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { acceptFileUploads } from '../../platform/storage/upload.js';
import * as orders from './court-orders.service.js';
import * as reportFiles from './court-report-files.service.js';
import * as reports from './court-reports.service.js';
import * as ownCases from './own-cases.service.js';

const tags = ['court'];

/** Tutela Minori's own cases, court orders and their deadlines, reports to the court. Routes declare; services decide. */
export const courtRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    reportFiles.registerCourtReportFiles();
    await acceptFileUploads(app);
    app.post(
      '/api/cases',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary:
            'Open a case as the service with the mandate (child protection), from a court decree, a report or the family’s request',
          body: ZOwnCaseCreateSchema,
          response: { 201: z.object({ caseId: ZIdSchema }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await ownCases.openOwnCase({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/cases/:id/court-orders',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary:
            'The court orders of a case with their deadlines and changes (type and dates only on a perpetrator’s case)',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZCourtOrderSchema) },
        },
      },
      async (request) => orders.listOrders({ deps, ctx: requireAccess(request), caseId: request.params.id }),
    );
    app.post(
      '/api/cases/:id/court-orders',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Record a court order: its deadlines are derived from it',
          params: ZIdParamsSchema,
          body: ZCourtOrderCreateSchema,
          response: { 201: z.array(ZCourtOrderSchema) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await orders.createOrder({
            deps,
            ctx: requireAccess(request),
            caseId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.patch(
      '/api/cases/:id/court-orders/:orderId',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary:
            'Change a court order, saying why: the deadlines it moves are superseded, never changed in place',
          params: ZCourtOrderParamsSchema,
          body: ZCourtOrderUpdateSchema,
          response: { 200: z.array(ZCourtOrderSchema) },
        },
      },
      async (request) =>
        orders.updateOrder({
          deps,
          ctx: requireAccess(request),
          caseId: request.params.id,
          orderId: request.params.orderId,
          input: request.body,
        }),
    );
    app.post(
      '/api/cases/:id/court-deadlines/:deadlineId/met',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Record that a deadline was met (the worker named, the measure sent to the prosecutor, …)',
          params: ZDeadlineParamsSchema,
          body: ZDeadlineMetSchema,
          response: { 200: z.array(ZCourtOrderSchema) },
        },
      },
      async (request) =>
        orders.markDeadlineMet({
          deps,
          ctx: requireAccess(request),
          caseId: request.params.id,
          deadlineId: request.params.deadlineId,
          metAt: request.body.metAt,
        }),
    );
    app.get(
      '/api/court-deadlines',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary:
            'Open court deadlines of the cases one works on or supervises: late first, then those falling due',
          querystring: ZDeadlineListQuerySchema,
          response: { 200: z.array(ZDeadlineSchema) },
        },
      },
      async (request) =>
        orders.listOpenDeadlines({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.get(
      '/api/court-reports/pending',
      {
        config: { access: 'cases.supervise' },
        schema: {
          tags,
          summary: 'Reports waiting for approval in the services one supervises (without their text)',
          response: { 200: z.array(ZPendingCourtReportSchema) },
        },
      },
      async (request) => reports.listPendingReports({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/cases/:id/court-reports',
      {
        config: { access: 'cases.read' },
        schema: {
          tags,
          summary: 'Reports to the court of a case',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZCourtReportSchema) },
        },
      },
      async (request) =>
        reports.listReports({ deps, ctx: requireAccess(request), caseId: request.params.id }),
    );
    app.post(
      '/api/cases/:id/court-reports',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Draft a report to the court under one of the case’s orders',
          params: ZIdParamsSchema,
          body: ZCourtReportDraftSchema,
          response: { 201: ZCourtReportSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await reports.draftReport({
            deps,
            ctx: requireAccess(request),
            caseId: request.params.id,
            input: request.body,
          }),
        ),
    );
    const step = (
      request: { params: { id: string; reportId: string } },
      ctx: ReturnType<typeof requireAccess>,
    ) => ({
      deps,
      ctx,
      caseId: request.params.id,
      reportId: request.params.reportId,
    });
    app.patch(
      '/api/cases/:id/court-reports/:reportId',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Edit a draft report',
          params: ZCourtReportParamsSchema,
          body: ZCourtReportUpdateSchema,
          response: { 200: ZCourtReportSchema },
        },
      },
      async (request) =>
        reports.updateReport({ ...step(request, requireAccess(request)), input: request.body }),
    );
    app.post(
      '/api/cases/:id/court-reports/:reportId/submit',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Submit a draft report to the coordinator for approval',
          params: ZCourtReportParamsSchema,
          response: { 200: ZCourtReportSchema },
        },
      },
      async (request) => reports.submitReport(step(request, requireAccess(request))),
    );
    app.post(
      '/api/cases/:id/court-reports/:reportId/approve',
      {
        config: { access: 'cases.supervise' },
        schema: {
          tags,
          summary: 'Approve a submitted report (a coordinator supervising the service; never one’s own)',
          params: ZCourtReportParamsSchema,
          response: { 200: ZCourtReportSchema },
        },
      },
      async (request) => reports.approveReport(step(request, requireAccess(request))),
    );
    app.post(
      '/api/cases/:id/court-reports/:reportId/return',
      {
        config: { access: 'cases.supervise' },
        schema: {
          tags,
          summary: 'Send a submitted report back to the team with comments',
          params: ZCourtReportParamsSchema,
          body: ZCourtReportReturnSchema,
          response: { 200: ZCourtReportSchema },
        },
      },
      async (request) =>
        reports.returnReport({ ...step(request, requireAccess(request)), reason: request.body.reason }),
    );
    app.post(
      '/api/cases/:id/court-reports/:reportId/sent',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          summary: 'Record that the approved report was sent, with its date and protocol number',
          params: ZCourtReportParamsSchema,
          body: ZCourtReportSentSchema,
          response: { 200: ZCourtReportSchema },
        },
      },
      async (request) =>
        reports.markReportSent({ ...step(request, requireAccess(request)), input: request.body }),
    );
    app.post(
      '/api/cases/:id/court-reports/:reportId/files',
      {
        config: { access: 'cases.write', rate: 'expensive' },
        schema: {
          tags,
          summary: 'Attach a document to a draft report (multipart/form-data, the file in the field `file`)',
          params: ZCourtReportParamsSchema,
          response: { 201: z.object({ id: ZIdSchema }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await reportFiles.attachFile({
            deps,
            ctx: requireAccess(request),
            caseId: request.params.id,
            reportId: request.params.reportId,
            request,
          }),
        ),
    );
    app.get(
      '/api/cases/:id/court-reports/:reportId/pdf',
      {
        config: { access: 'cases.read', rate: 'expensive' },
        schema: {
          tags,
          summary: 'The report as a watermarked PDF in Italian (audited)',
          params: ZCourtReportParamsSchema,
        },
      },
      async (request, reply) => {
        const file = await reports.printReport(step(request, requireAccess(request)));
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  };
