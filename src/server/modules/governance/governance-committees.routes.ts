import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParamsSchema } from '../../../contracts/common.js';
import {
  ZCommitteeInputSchema,
  ZCommitteeListSchema,
  ZCommitteeSchema,
  ZCommitteeUpdateSchema,
  ZMeetingInputSchema,
  ZMeetingListSchema,
  ZMeetingSummarySchema,
  ZMemberEndSchema,
  ZMemberInputSchema,
  ZMemberListSchema,
  ZMemberParamsSchema,
  ZMemberSchema,
  ZPersonOptionsSchema,
} from '../../../contracts/governance-committees.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import {
  addMember,
  createCommittee,
  endMember,
  getCommittee,
  listCommittees,
  listMembers,
  listPeopleOptions,
  updateCommittee,
} from './governance-committees.service.js';
import { meetingsRoutes } from './governance-meetings.routes.js';
import { createMeeting, listMeetings } from './governance-meetings.service.js';

/**
 * Routes of governance's committees (issue 21, item 1): committees and members (set up by the
 * coordinators, `governance.manage`), a committee's meetings; RLS and the policy decide the rest.
 */
export const committeesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['governance'];
    app.get(
      '/api/governance/committees',
      {
        config: { access: 'governance.read' },
        schema: {
          tags,
          summary: 'The caller’s committees (a coordinator: all of them)',
          response: { 200: ZCommitteeListSchema },
        },
      },
      async (request) => listCommittees({ deps, ctx: requireAccess(request) }),
    );
    app.post(
      '/api/governance/committees',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Create a committee (coordinators)',
          body: ZCommitteeInputSchema,
          response: { 201: ZCommitteeSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createCommittee({ deps, ctx: requireAccess(request), input: request.body })),
    );
    app.get(
      '/api/governance/committees/people',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'People with an active account who may be named members (names only)',
          response: { 200: ZPersonOptionsSchema },
        },
      },
      async (request) => listPeopleOptions({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/governance/committees/:id',
      {
        config: { access: 'governance.read' },
        schema: {
          tags,
          summary: 'One committee',
          params: ZIdParamsSchema,
          response: { 200: ZCommitteeSchema },
        },
      },
      async (request) => getCommittee({ deps, ctx: requireAccess(request), committeeId: request.params.id }),
    );
    app.put(
      '/api/governance/committees/:id',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Change a committee’s name, description, quorum or whether it is active (coordinators)',
          params: ZIdParamsSchema,
          body: ZCommitteeUpdateSchema,
          response: { 200: ZCommitteeSchema },
        },
      },
      async (request) =>
        updateCommittee({
          deps,
          ctx: requireAccess(request),
          committeeId: request.params.id,
          input: request.body,
        }),
    );
    app.get(
      '/api/governance/committees/:id/members',
      {
        config: { access: 'governance.read' },
        schema: {
          tags,
          summary: 'A committee’s members, past ones too (audited)',
          params: ZIdParamsSchema,
          response: { 200: ZMemberListSchema },
        },
      },
      async (request) => listMembers({ deps, ctx: requireAccess(request), committeeId: request.params.id }),
    );
    app.post(
      '/api/governance/committees/:id/members',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'Add a member: a person with an account, or an external member (coordinators)',
          params: ZIdParamsSchema,
          body: ZMemberInputSchema,
          response: { 201: ZMemberSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await addMember({
            deps,
            ctx: requireAccess(request),
            committeeId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/governance/committees/:id/members/:memberId/end',
      {
        config: { access: 'governance.manage' },
        schema: {
          tags,
          summary: 'End a membership on a day (never deleted)',
          params: ZMemberParamsSchema,
          body: ZMemberEndSchema,
          response: { 200: ZMemberSchema },
        },
      },
      async (request) =>
        endMember({
          deps,
          ctx: requireAccess(request),
          committeeId: request.params.id,
          memberId: request.params.memberId,
          until: request.body.until,
        }),
    );
    app.get(
      '/api/governance/committees/:id/meetings',
      {
        config: { access: 'governance.read' },
        schema: {
          tags,
          summary: 'A committee’s meetings, newest first',
          params: ZIdParamsSchema,
          response: { 200: ZMeetingListSchema },
        },
      },
      async (request) => listMeetings({ deps, ctx: requireAccess(request), committeeId: request.params.id }),
    );
    app.post(
      '/api/governance/committees/:id/meetings',
      {
        config: { access: 'governance.read' },
        schema: {
          tags,
          summary: 'Plan a meeting (the committee’s chair or secretary)',
          params: ZIdParamsSchema,
          body: ZMeetingInputSchema,
          response: { 201: ZMeetingSummarySchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await createMeeting({
            deps,
            ctx: requireAccess(request),
            committeeId: request.params.id,
            input: request.body,
          }),
        ),
    );
    await app.register(meetingsRoutes(deps));
  };
