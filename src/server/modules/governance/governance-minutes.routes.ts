import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZActionInputSchema,
  ZActionListSchema,
  ZActionMoveSchema,
  ZActionSchema,
  ZDecisionInputSchema,
  ZDecisionListSchema,
  ZIndicatorChoicesSchema,
  ZMeetingMinutesSchema,
  ZMinutesDraftInputSchema,
  ZMinutesEditInputSchema,
} from '../../../contracts/governance-minutes.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import {
  chairedOverdueActions,
  committeeActions,
  createAction,
  getAction,
  moveAction,
  myActions,
} from './governance-actions.service.js';
import { listDecisions, listIndicators, recordDecision } from './governance-decisions.service.js';
import { draftMinutes, editMinutes, getMinutes, moveMinutes } from './governance-minutes.service.js';

const ZCommitteeActionsQuerySchema = z.strictObject({ meetingId: ZIdSchema.optional() });

/**
 * Routes of governance's minutes, decisions and actions (issue 21, item 2). Everyone with
 * governance.read reaches them; the committee decides the rest (governance.policy.ts and RLS):
 * members read, the secretary drafts, the chair approves, chair and secretary record decisions and
 * actions, an action's owner moves it.
 */
export const minutesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['governance'];
    const config = { access: 'governance.read' } as const;
    const meetingRecord = { params: ZIdParamsSchema, response: { 200: ZMeetingMinutesSchema } };

    app.get(
      '/api/governance/meetings/:id/minutes',
      {
        config,
        schema: {
          tags,
          summary: 'A meeting’s minutes: approved text, version in progress, history',
          ...meetingRecord,
        },
      },
      async (request) => getMinutes({ deps, ctx: requireAccess(request), meetingId: request.params.id }),
    );
    app.post(
      '/api/governance/meetings/:id/minutes',
      {
        config,
        schema: {
          tags,
          summary: 'Draft the minutes (a new version; a correction of approved minutes needs its reason)',
          ...meetingRecord,
          body: ZMinutesDraftInputSchema,
        },
      },
      async (request) =>
        draftMinutes({
          deps,
          ctx: requireAccess(request),
          meetingId: request.params.id,
          input: request.body,
        }),
    );
    app.put(
      '/api/governance/minutes/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Edit a draft of the minutes',
          ...meetingRecord,
          body: ZMinutesEditInputSchema,
        },
      },
      async (request) =>
        editMinutes({ deps, ctx: requireAccess(request), minutesId: request.params.id, input: request.body }),
    );
    app.post(
      '/api/governance/minutes/:id/circulate',
      { config, schema: { tags, summary: 'Circulate a draft to the committee’s members', ...meetingRecord } },
      async (request) =>
        moveMinutes({ deps, ctx: requireAccess(request), minutesId: request.params.id, move: 'circulate' }),
    );
    app.post(
      '/api/governance/minutes/:id/approve',
      { config, schema: { tags, summary: 'Approve circulated minutes (the chair)', ...meetingRecord } },
      async (request) =>
        moveMinutes({ deps, ctx: requireAccess(request), minutesId: request.params.id, move: 'approve' }),
    );

    app.get(
      '/api/governance/meetings/:id/decisions',
      {
        config,
        schema: {
          tags,
          summary: 'A meeting’s decisions',
          params: ZIdParamsSchema,
          response: { 200: ZDecisionListSchema },
        },
      },
      async (request) => listDecisions({ deps, ctx: requireAccess(request), meetingId: request.params.id }),
    );
    app.post(
      '/api/governance/meetings/:id/decisions',
      {
        config,
        schema: {
          tags,
          summary: 'Record a decision, numbered per committee and year',
          params: ZIdParamsSchema,
          body: ZDecisionInputSchema,
          response: { 200: ZDecisionListSchema },
        },
      },
      async (request) =>
        recordDecision({
          deps,
          ctx: requireAccess(request),
          meetingId: request.params.id,
          input: request.body,
        }),
    );
    app.get(
      '/api/governance/indicators',
      {
        config,
        schema: {
          tags,
          summary: 'The indicators a decision may aim at',
          response: { 200: ZIndicatorChoicesSchema },
        },
      },
      async () => listIndicators(),
    );

    app.get(
      '/api/governance/actions/mine',
      {
        config,
        schema: {
          tags,
          summary: 'The caller’s open actions, soonest first',
          response: { 200: ZActionListSchema },
        },
      },
      async (request) => myActions({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/governance/actions/overdue',
      {
        config,
        schema: {
          tags,
          summary: 'The overdue actions of the committees the caller chairs',
          response: { 200: ZActionListSchema },
        },
      },
      async (request) => chairedOverdueActions({ deps, ctx: requireAccess(request) }),
    );
    app.get(
      '/api/governance/committees/:id/actions',
      {
        config,
        schema: {
          tags,
          summary: 'A committee’s actions (optionally those from one meeting’s decisions)',
          params: ZIdParamsSchema,
          querystring: ZCommitteeActionsQuerySchema,
          response: { 200: ZActionListSchema },
        },
      },
      async (request) =>
        committeeActions({
          deps,
          ctx: requireAccess(request),
          committeeId: request.params.id,
          meetingId: request.query.meetingId,
        }),
    );
    app.post(
      '/api/governance/committees/:id/actions',
      {
        config,
        schema: {
          tags,
          summary: 'Give an action to a member of the committee',
          params: ZIdParamsSchema,
          body: ZActionInputSchema,
          response: { 200: ZActionSchema },
        },
      },
      async (request) =>
        createAction({
          deps,
          ctx: requireAccess(request),
          committeeId: request.params.id,
          input: request.body,
        }),
    );
    app.get(
      '/api/governance/actions/:id',
      {
        config,
        schema: { tags, summary: 'An action', params: ZIdParamsSchema, response: { 200: ZActionSchema } },
      },
      async (request) => getAction({ deps, ctx: requireAccess(request), actionId: request.params.id }),
    );
    app.patch(
      '/api/governance/actions/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Move an action on, or close it (done or cancelled) with a note',
          params: ZIdParamsSchema,
          body: ZActionMoveSchema,
          response: { 200: ZActionSchema },
        },
      },
      async (request) =>
        moveAction({ deps, ctx: requireAccess(request), actionId: request.params.id, input: request.body }),
    );
  };
