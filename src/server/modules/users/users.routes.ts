import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAddressFormChangeRequestSchema } from '../../../contracts/auth.js';
import { pageOf, ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZMembershipCreateSchema,
  ZRevokeSessionsResponseSchema,
  ZRoleGrantDecisionSchema,
  ZRoleGrantQuerySchema,
  ZRoleGrantSchema,
  ZSessionSummarySchema,
  ZUserCreateResponseSchema,
  ZUserCreateSchema,
  ZUserQuerySchema,
  ZUserSchema,
  ZUserUpdateSchema,
} from '../../../contracts/users.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { decideRoleGrant, listRoleGrants } from './role-grants.service.js';
import * as service from './users.service.js';

export const usersRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['users'];
    app.get(
      '/api/users',
      {
        config: { access: 'users.read' },
        schema: {
          tags,
          summary: 'Staff in the acting role\u2019s scope',
          querystring: ZUserQuerySchema,
          response: { 200: pageOf(ZUserSchema) },
        },
      },
      async (request) => service.searchUsers({ deps, ctx: requireAccess(request), query: request.query }),
    );

    app.post(
      '/api/users',
      {
        config: { access: 'users.write' },
        schema: {
          tags,
          summary: 'Create a staff account; an invitation link is e-mailed',
          body: ZUserCreateSchema,
          response: { 201: ZUserCreateResponseSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createUser({ deps, ctx: requireAccess(request), input: request.body })),
    );

    app.get(
      '/api/users/:id',
      {
        config: { access: 'users.read' },
        schema: {
          tags,
          summary: 'One staff profile (read is audited)',
          params: ZIdParamsSchema,
          response: { 200: ZUserSchema },
        },
      },
      async (request) => service.getUser({ deps, ctx: requireAccess(request), id: request.params.id }),
    );

    app.patch(
      '/api/users/:id',
      {
        config: { access: 'users.write' },
        schema: {
          tags,
          summary: 'Edit or disable a staff account (disabling ends its sessions)',
          params: ZIdParamsSchema,
          body: ZUserUpdateSchema,
          response: { 200: ZUserSchema },
        },
      },
      async (request) =>
        service.updateUser({ deps, ctx: requireAccess(request), id: request.params.id, input: request.body }),
    );

    app.put(
      '/api/account/address-form',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Choose how Trama addresses you in Italian (role names, greetings)',
          body: ZAddressFormChangeRequestSchema,
        },
      },
      async (request, reply) => {
        await service.setOwnAddressForm({
          deps,
          ctx: requireAccess(request),
          addressForm: request.body.addressForm,
        });
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/users/:id/memberships',
      {
        config: { access: 'users.write' },
        schema: {
          tags,
          summary: 'Give a role in a service or organisation',
          params: ZIdParamsSchema,
          body: ZMembershipCreateSchema,
          description:
            'A role that reaches case, safety or audit data answers 202 with a request that a second person approves; other roles answer 201 at once. No one can give a role to themselves (403).',
          response: { 201: ZUserSchema, 202: ZRoleGrantSchema },
        },
      },
      async (request, reply) => {
        const outcome = await service.addMembership({
          deps,
          ctx: requireAccess(request),
          userId: request.params.id,
          input: request.body,
        });
        return 'grant' in outcome
          ? reply.status(202).send(outcome.grant)
          : reply.status(201).send(outcome.user);
      },
    );

    app.get(
      '/api/role-grants',
      {
        config: { access: 'roles.approve' },
        schema: {
          tags,
          summary: 'Roles waiting for a second person (or, with status=all, the recent decisions)',
          querystring: ZRoleGrantQuerySchema,
          response: { 200: z.array(ZRoleGrantSchema) },
        },
      },
      async (request) => listRoleGrants({ deps, ctx: requireAccess(request), query: request.query }),
    );

    app.post(
      '/api/role-grants/:id/decision',
      {
        config: { access: 'roles.approve' },
        schema: {
          tags,
          summary: 'Approve or reject a requested role (a second person), or cancel one you asked for',
          params: ZIdParamsSchema,
          body: ZRoleGrantDecisionSchema,
          response: { 200: ZRoleGrantSchema },
        },
      },
      async (request) =>
        decideRoleGrant({
          deps,
          ctx: requireAccess(request),
          id: request.params.id,
          decision: request.body.decision,
        }),
    );

    app.delete(
      '/api/users/:id/memberships/:membershipId',
      {
        config: { access: 'users.write' },
        schema: {
          tags,
          summary: 'Remove a role (takes effect at once)',
          params: z.strictObject({ id: ZIdSchema, membershipId: ZIdSchema }),
        },
      },
      async (request, reply) => {
        await service.removeMembership({
          deps,
          ctx: requireAccess(request),
          userId: request.params.id,
          membershipId: request.params.membershipId,
        });
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/users/:id/sessions',
      {
        config: { access: 'sessions.revoke' },
        schema: {
          tags,
          summary: 'A user\u2019s live sessions',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZSessionSummarySchema) },
        },
      },
      async (request) =>
        service.listSessions({ deps, ctx: requireAccess(request), userId: request.params.id }),
    );

    app.post(
      '/api/users/:id/sessions/revoke',
      {
        config: { access: 'sessions.revoke' },
        schema: {
          tags,
          summary: 'End all of a user\u2019s sessions at once',
          params: ZIdParamsSchema,
          response: { 200: ZRevokeSessionsResponseSchema },
        },
      },
      async (request) =>
        service.revokeSessions({ deps, ctx: requireAccess(request), userId: request.params.id }),
    );
  };
