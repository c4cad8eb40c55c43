import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZContactInputSchema,
  ZLegacyEditSchema,
  ZLegacyInputSchema,
  ZLegacyItemSchema,
  ZLegacySchema,
  ZObligationEditSchema,
  ZObligationInputSchema,
  ZPartnerItemParamsSchema,
  ZPartnerParamsSchema,
  ZPartnerRolesInputSchema,
  ZPartnerSchema,
  ZPartnersSchema,
} from '../../../contracts/governance-plan.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { addLegacyItem, editLegacyItem, getLegacy } from './governance-legacy.service.js';
import {
  addContact,
  addObligation,
  editContact,
  editObligation,
  getPartner,
  listPartners,
  setPartnerRoles,
} from './governance-partners.service.js';
import { sustainabilityReport } from './governance-sustainability-report.js';

/**
 * What lasts (issue 21, item 4) with the sustainability report, and the partner directory (item 7):
 * read with governance.read, kept by the coordinators (governance.manage + RLS).
 */
export const partnersRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['governance'];
    app.get(
      '/api/governance/legacy',
      {
        config: { access: 'governance.read' },
        schema: {
          tags,
          summary: 'What lasts after the project, by kind, with counts',
          response: { 200: ZLegacySchema },
        },
      },
      async (request) => getLegacy({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/governance/legacy',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Record what lasts',
          body: ZLegacyInputSchema,
          response: { 201: ZLegacyItemSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addLegacyItem({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.put(
      '/api/governance/legacy/:id',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Correct what lasts (the item replaced whole)',
          params: ZIdParamsSchema,
          body: ZLegacyEditSchema,
          response: { 200: ZLegacyItemSchema },
        },
      },
      async (request) =>
        editLegacyItem({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.get(
      '/api/governance/reports/sustainability',
      {
        config: { access: 'governance.read', rate: 'expensive' },
        schema: { tags, summary: 'The sustainability report as PDF (audited)' },
      },
      async (request, reply) => {
        const file = await sustainabilityReport({ deps, ctx: requireAccess(request) });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
    app.get(
      '/api/governance/partners',
      {
        config: { access: 'governance.read' },
        schema: { tags, summary: 'The partner directory', response: { 200: ZPartnersSchema } },
      },
      async (request) => listPartners({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/governance/partners/:id',
      {
        config: { access: 'governance.read' },
        schema: {
          tags,
          summary: 'A partner: roles, contacts (audited), obligations',
          params: ZPartnerParamsSchema,
          response: { 200: ZPartnerSchema },
        },
      },
      async (request) => getPartner({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.put(
      '/api/governance/partners/:id/roles',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Set a partner’s roles in the work packages',
          params: ZPartnerParamsSchema,
          body: ZPartnerRolesInputSchema,
          response: { 200: ZPartnerSchema },
        },
      },
      async (request) =>
        setPartnerRoles({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/governance/partners/:id/contacts',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Add a contact person',
          params: ZPartnerParamsSchema,
          body: ZContactInputSchema,
          response: { 201: ZPartnerSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await addContact({
            deps,
            ctx: requireAccess(request),
            id: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.put(
      '/api/governance/partners/:id/contacts/:itemId',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Change a contact person',
          params: ZPartnerItemParamsSchema,
          body: ZContactInputSchema,
          response: { 200: ZPartnerSchema },
        },
      },
      async (request) =>
        editContact({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          itemId: request.params.itemId,
          input: request.body,
        }),
    );
    app.post(
      '/api/governance/partners/:id/obligations',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Add an obligation of the agreement',
          params: ZPartnerParamsSchema,
          body: ZObligationInputSchema,
          response: { 201: ZPartnerSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await addObligation({
            deps,
            ctx: requireAccess(request),
            id: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.patch(
      '/api/governance/partners/:id/obligations/:itemId',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Change an obligation (text, due date, met)',
          params: ZPartnerItemParamsSchema,
          body: ZObligationEditSchema,
          response: { 200: ZPartnerSchema },
        },
      },
      async (request) =>
        editObligation({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          itemId: request.params.itemId,
          input: request.body,
        }),
    );
  };
