import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZBulkIssueResultSchema,
  ZCertificateQuerySchema,
  ZCertificateSchema,
  ZRevokeSchema,
  ZVerificationParamsSchema,
  ZVerificationSchema,
} from '../../../contracts/training.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { editionCertificatesZip } from './training-certificate-zip.js';
import {
  certificateFile,
  issueCertificates,
  listCertificates,
  revokeCertificate,
  verifyCertificate,
} from './training-certificates.service.js';

/** Certificates: bulk issue, list, revoke, one PDF, every PDF of an edition as a ZIP, public verification. */
export const certificateRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['training'];
    app.post(
      '/api/training/editions/:id/certificates',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary:
            'Issue a certificate to every confirmed participant who reached the attendance threshold (those holding one are skipped)',
          params: ZIdParamsSchema,
          response: { 200: ZBulkIssueResultSchema },
        },
      },
      async (request) =>
        issueCertificates({ deps, ctx: requireAccess(request), editionId: request.params.id }),
    );
    app.get(
      '/api/training/editions/:id/certificates',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: 'The certificates of an edition, for its trainers',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZCertificateSchema) },
        },
      },
      async (request) =>
        listCertificates({ deps, ctx: requireAccess(request), editionId: request.params.id }),
    );
    app.get(
      '/api/training/editions/:id/certificates.zip',
      {
        config: { access: 'training.manage', rate: 'expensive' },
        schema: {
          tags,
          summary: 'Every valid certificate of an edition as PDFs in one ZIP archive (audited)',
          params: ZIdParamsSchema,
          querystring: ZCertificateQuerySchema,
        },
      },
      async (request, reply) => {
        const file = await editionCertificatesZip({
          deps,
          ctx: requireAccess(request),
          editionId: request.params.id,
          lang: request.query.lang,
        });
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.stream);
      },
    );
    app.post(
      '/api/training/certificates/:id/revoke',
      {
        config: { access: 'training.manage' },
        schema: {
          tags,
          summary: 'Revoke a certificate, with the reason; it then verifies as revoked',
          params: ZIdParamsSchema,
          body: ZRevokeSchema,
          response: { 200: ZCertificateSchema },
        },
      },
      async (request) =>
        revokeCertificate({
          deps,
          ctx: requireAccess(request),
          certificateId: request.params.id,
          reason: request.body.reason,
        }),
    );
    app.get(
      '/api/training/certificates/:id/pdf',
      {
        config: { access: 'training.browse', rate: 'expensive' },
        schema: {
          tags,
          summary:
            'A certificate as a PDF, in Italian or English, for its holder, its trainers and the holder’s coordinator',
          params: ZIdParamsSchema,
          querystring: ZCertificateQuerySchema,
        },
      },
      async (request, reply) => {
        const file = await certificateFile({
          deps,
          ctx: requireAccess(request),
          certificateId: request.params.id,
          lang: request.query.lang,
        });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
    app.get(
      '/api/public/certificates/:code',
      {
        // Rate-limited per address like sign-in: the code is the only key, so guessing is what to slow.
        config: { access: 'public', rate: 'link' },
        schema: {
          tags,
          summary: 'Verify a certificate by its code: name, course, hours, date, validity and state only',
          params: ZVerificationParamsSchema,
          response: { 200: ZVerificationSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return verifyCertificate({ deps, code: request.params.code });
      },
    );
  };
