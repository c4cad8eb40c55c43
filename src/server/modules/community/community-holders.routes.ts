import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  HOLDER_LINK_KINDS,
  ZConsentInputSchema,
  ZConsentSchema,
  ZConsentWithdrawSchema,
  ZHolderDetailSchema,
  ZHolderInputSchema,
  ZHolderLinkInputSchema,
  ZHolderLinkSchema,
  ZHolderListQuerySchema,
  ZHolderPageSchema,
  ZHolderPersonInputSchema,
  ZHolderPersonSchema,
  ZHolderUpdateSchema,
} from '../../../contracts/community.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import {
  addLink,
  createHolder,
  getHolder,
  listHolders,
  removeLink,
  updateHolder,
} from './community-holders.service.js';
import {
  addConsent,
  addPerson,
  removePerson,
  updatePerson,
  withdrawConsent,
} from './community-people.service.js';

const ZPersonParamsSchema = z.strictObject({ id: ZIdSchema, personId: ZIdSchema });
const ZConsentParamsSchema = z.strictObject({ consentId: ZIdSchema });
const ZLinkParamsSchema = z.strictObject({
  id: ZIdSchema,
  toHolderId: ZIdSchema,
  kind: z.enum(HOLDER_LINK_KINDS),
});

/**
 * The registry of community holders (issue 19, item 1): holders, their reference people and
 * consents, relationships. Directory readers read; community workers write (the service says so).
 */
export const holderRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['community'];
    app.get(
      '/api/community/holders',
      {
        config: { access: 'community.read' },
        schema: {
          tags,
          summary: 'The registry of community holders, filtered, by name',
          querystring: ZHolderListQuerySchema,
          response: { 200: ZHolderPageSchema },
        },
      },
      async (request) => listHolders({ deps, ctx: requireAccess(request), query: request.query }),
    );
    app.post(
      '/api/community/holders',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Add a community holder (community workers)',
          body: ZHolderInputSchema,
          response: { 201: ZHolderDetailSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createHolder({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/community/holders/:id',
      {
        config: { access: 'community.read' },
        schema: {
          tags,
          summary: 'One holder with its reference people, their consents and its relationships',
          params: ZIdParamsSchema,
          response: { 200: ZHolderDetailSchema },
        },
      },
      async (request) => getHolder({ deps, ctx: requireAccess(request), id: request.params.id }),
    );
    app.put(
      '/api/community/holders/:id',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Change a holder (community workers)',
          params: ZIdParamsSchema,
          body: ZHolderUpdateSchema,
          response: { 200: ZHolderDetailSchema },
        },
      },
      async (request) =>
        updateHolder({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/community/holders/:id/people',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Add a reference person to a holder',
          params: ZIdParamsSchema,
          body: ZHolderPersonInputSchema,
          response: { 201: ZHolderPersonSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await addPerson({
            deps,
            ctx: requireAccess(request),
            holderId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.put(
      '/api/community/holders/:id/people/:personId',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Change a reference person',
          params: ZPersonParamsSchema,
          body: ZHolderPersonInputSchema,
          response: { 200: ZHolderPersonSchema },
        },
      },
      async (request) =>
        updatePerson({
          deps,
          ctx: requireAccess(request),
          holderId: request.params.id,
          personId: request.params.personId,
          input: request.body,
        }),
    );
    app.delete(
      '/api/community/holders/:id/people/:personId',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Remove a reference person and their consents',
          params: ZPersonParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removePerson({
          deps,
          ctx: requireAccess(request),
          holderId: request.params.id,
          personId: request.params.personId,
        });
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/community/holders/:id/people/:personId/consents',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Record a consent to be contacted (purpose, channel, date)',
          params: ZPersonParamsSchema,
          body: ZConsentInputSchema,
          response: { 201: ZConsentSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await addConsent({
            deps,
            ctx: requireAccess(request),
            holderId: request.params.id,
            personId: request.params.personId,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/community/consents/:consentId/withdraw',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Withdraw a consent to be contacted (once; the consent is kept)',
          params: ZConsentParamsSchema,
          body: ZConsentWithdrawSchema,
          response: { 200: ZConsentSchema },
        },
      },
      async (request) =>
        withdrawConsent({
          deps,
          ctx: requireAccess(request),
          consentId: request.params.consentId,
          input: request.body,
        }),
    );
    app.post(
      '/api/community/holders/:id/links',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Relate this holder to another (this one is `kind` of the other)',
          params: ZIdParamsSchema,
          body: ZHolderLinkInputSchema,
          response: { 201: ZHolderLinkSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await addLink({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
          ),
    );
    app.delete(
      '/api/community/holders/:id/links/:toHolderId/:kind',
      {
        config: { access: 'community.manage' },
        schema: {
          tags,
          summary: 'Remove a relationship from this holder to another',
          params: ZLinkParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeLink({ deps, ctx: requireAccess(request), ...request.params });
        return reply.status(204).send(null);
      },
    );
  };
