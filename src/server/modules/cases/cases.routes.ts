import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAssessmentSchema,
  ZCaseListItemSchema,
  ZCaseListQuerySchema,
  ZCaseSchema,
  ZClosureRequestSchema,
  ZIntakeSchema,
  ZMediatorSessionSchema,
  ZPlanSchema,
  ZSessionCreateSchema,
  ZSessionListItemSchema,
  ZSessionSchema,
  ZTeamUpdateSchema,
  ZTimelineSchema,
} from '../../../contracts/cases.js';
import { pageOf, ZIdParamsSchema, ZIdSchema } from '../../../contracts/common.js';
import {
  ZAtRiskUpdateSchema,
  ZConsentCreateSchema,
  ZConsentSchema,
  ZExclusionCreateSchema,
  ZExclusionSchema,
  ZHouseholdCreateSchema,
  ZHouseholdListItemSchema,
  ZHouseholdListQuerySchema,
  ZHouseholdSchema,
  ZPersonInputSchema,
  ZPersonParamsSchema,
  ZPersonSchema,
  ZReasonSchema,
  ZSafetyDetailsSchema,
} from '../../../contracts/households.js';
import {
  ZReferralCreateSchema,
  ZReferralListItemSchema,
  ZReferralListQuerySchema,
  ZReferralSchema,
  ZReferralSendSchema,
  ZReferralUpdateSchema,
} from '../../../contracts/referrals.js';
import { requireAccess } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import * as casesService from './cases.service.js';
import * as households from './households.service.js';
import * as referralsService from './referrals.service.js';
import * as sessions from './sessions.service.js';

const ZStaffSchema = z.array(z.object({ id: ZIdSchema, displayName: z.string(), role: z.string() }));
const ZNamedSchema = z.array(z.object({ id: ZIdSchema, name: z.string() }));

/** Households, consents, referrals, cases and sessions (WP2, WP4). Routes declare; services decide. */
export const casesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const ctxOf = requireAccess;

    // Households and people
    app.get(
      '/api/households',
      {
        config: { access: 'households.read' },
        schema: {
          tags: ['households'],
          summary: 'Households of the acting service (codes only; listing is audited)',
          querystring: ZHouseholdListQuerySchema,
          response: { 200: pageOf(ZHouseholdListItemSchema) },
        },
      },
      async (request) => households.listHouseholds({ deps, ctx: ctxOf(request), query: request.query }),
    );
    app.post(
      '/api/households',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary: 'Register a household and its members',
          body: ZHouseholdCreateSchema,
          response: { 201: ZHouseholdSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await households.createHousehold({ deps, ctx: ctxOf(request), input: request.body })),
    );
    app.get(
      '/api/households/:id',
      {
        config: { access: 'households.read' },
        schema: {
          tags: ['households'],
          summary: 'A household with its members and consents (no safety field)',
          params: ZIdParamsSchema,
          response: { 200: ZHouseholdSchema },
        },
      },
      async (request) => households.getHousehold({ deps, ctx: ctxOf(request), id: request.params.id }),
    );
    app.post(
      '/api/households/:id/people',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary: 'Add a member to a household of the acting service',
          params: ZIdParamsSchema,
          body: ZPersonInputSchema,
          response: { 201: ZPersonSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await households.addPerson({
            deps,
            ctx: ctxOf(request),
            householdId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/people/:personId/safety/reveal',
      {
        config: { access: 'households.read' },
        schema: {
          tags: ['households'],
          summary: 'Reveal a person’s safety details (step-up within 15 minutes, a reason; audited)',
          params: ZPersonParamsSchema,
          body: ZReasonSchema,
          response: { 200: ZSafetyDetailsSchema },
        },
      },
      async (request) =>
        households.revealSafety({
          deps,
          ctx: ctxOf(request),
          personId: request.params.personId,
          reason: request.body.reason,
        }),
    );
    app.put(
      '/api/people/:personId/safety',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary: 'Set a person’s safety details and safe-contact rules (encrypted)',
          params: ZPersonParamsSchema,
          body: ZSafetyDetailsSchema,
        },
      },
      async (request, reply) => {
        await households.updateSafety({
          deps,
          ctx: ctxOf(request),
          personId: request.params.personId,
          input: request.body,
        });
        return reply.status(204).send();
      },
    );
    app.put(
      '/api/people/:personId/at-risk',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary:
            'Mark a person at risk from the household’s perpetrator, or clear the mark (with a reason)',
          params: ZPersonParamsSchema,
          body: ZAtRiskUpdateSchema,
        },
      },
      async (request, reply) => {
        await households.setAtRisk({
          deps,
          ctx: ctxOf(request),
          personId: request.params.personId,
          input: request.body,
        });
        return reply.status(204).send();
      },
    );
    app.post(
      '/api/people/:personId/consents',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary: 'Record a consent (or a court order) for a person',
          params: ZPersonParamsSchema,
          body: ZConsentCreateSchema,
          response: { 201: ZConsentSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await households.createConsent({
            deps,
            ctx: ctxOf(request),
            personId: request.params.personId,
            input: request.body,
          }),
        ),
    );
    app.post(
      '/api/consents/:id/revoke',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary: 'Revoke a consent: the access it gave ends in the same transaction',
          params: ZIdParamsSchema,
          body: ZReasonSchema,
          response: { 200: ZConsentSchema },
        },
      },
      async (request) =>
        households.revokeConsent({
          deps,
          ctx: ctxOf(request),
          consentId: request.params.id,
          reason: request.body.reason,
        }),
    );
    app.get(
      '/api/people/:personId/exclusions',
      {
        config: { access: 'households.read' },
        schema: {
          tags: ['households'],
          summary: 'Conflict-of-interest locks on a person',
          params: ZPersonParamsSchema,
          response: { 200: z.array(ZExclusionSchema) },
        },
      },
      async (request) =>
        households.listExclusions({ deps, ctx: ctxOf(request), personId: request.params.personId }),
    );
    app.post(
      '/api/people/:personId/exclusions',
      {
        config: { access: 'households.write' },
        schema: {
          tags: ['households'],
          summary: 'Lock a staff member or mediator out of a person’s cases',
          params: ZPersonParamsSchema,
          body: ZExclusionCreateSchema,
          response: { 201: ZExclusionSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await households.addExclusion({
            deps,
            ctx: ctxOf(request),
            personId: request.params.personId,
            input: request.body,
          }),
        ),
    );

    // Referrals
    app.get(
      '/api/referrals',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['referrals'],
          summary: 'Referrals sent or received by the acting service',
          querystring: ZReferralListQuerySchema,
          response: { 200: pageOf(ZReferralListItemSchema) },
        },
      },
      async (request) => referralsService.listReferrals({ deps, ctx: ctxOf(request), query: request.query }),
    );
    app.post(
      '/api/referrals',
      {
        config: { access: 'referrals.send' },
        schema: {
          tags: ['referrals'],
          summary: 'Draft a referral',
          body: ZReferralCreateSchema,
          response: { 201: ZReferralSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await referralsService.createReferral({ deps, ctx: ctxOf(request), input: request.body })),
    );
    app.get(
      '/api/referrals/:id',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['referrals'],
          summary: 'A referral: the sender sees status and outcome, the recipient the content while it waits',
          params: ZIdParamsSchema,
          response: { 200: ZReferralSchema },
        },
      },
      async (request) => referralsService.getReferral({ deps, ctx: ctxOf(request), id: request.params.id }),
    );
    app.patch(
      '/api/referrals/:id',
      {
        config: { access: 'referrals.send' },
        schema: {
          tags: ['referrals'],
          summary: 'Edit a draft referral',
          params: ZIdParamsSchema,
          body: ZReferralUpdateSchema,
          response: { 200: ZReferralSchema },
        },
      },
      async (request) =>
        referralsService.updateReferral({
          deps,
          ctx: ctxOf(request),
          id: request.params.id,
          input: request.body,
        }),
    );
    app.delete(
      '/api/referrals/:id',
      {
        config: { access: 'referrals.send' },
        schema: { tags: ['referrals'], summary: 'Delete a draft referral', params: ZIdParamsSchema },
      },
      async (request, reply) => {
        await referralsService.deleteReferral({ deps, ctx: ctxOf(request), id: request.params.id });
        return reply.status(204).send();
      },
    );
    app.post(
      '/api/referrals/:id/send',
      {
        config: { access: 'referrals.send' },
        schema: {
          tags: ['referrals'],
          summary: 'Send a draft: needs consents or a court order, or a permitted override with a reason',
          params: ZIdParamsSchema,
          body: ZReferralSendSchema,
          response: { 200: ZReferralSchema },
        },
      },
      async (request) =>
        referralsService.sendReferral({
          deps,
          ctx: ctxOf(request),
          id: request.params.id,
          overrideReason: request.body.consentOverrideReason,
        }),
    );
    app.post(
      '/api/referrals/:id/accept',
      {
        config: { access: 'referrals.answer' },
        schema: {
          tags: ['referrals'],
          summary: 'Accept a referral and open the case (409 if it was answered meanwhile)',
          params: ZIdParamsSchema,
          response: { 200: z.object({ caseId: ZIdSchema }) },
        },
      },
      async (request) =>
        referralsService.acceptReferral({ deps, ctx: ctxOf(request), id: request.params.id }),
    );
    app.post(
      '/api/referrals/:id/decline',
      {
        config: { access: 'referrals.answer' },
        schema: {
          tags: ['referrals'],
          summary: 'Decline a referral with a reason',
          params: ZIdParamsSchema,
          body: ZReasonSchema,
          response: { 200: ZReferralSchema },
        },
      },
      async (request) =>
        referralsService.declineReferral({
          deps,
          ctx: ctxOf(request),
          id: request.params.id,
          reason: request.body.reason,
        }),
    );
    app.post(
      '/api/referrals/:id/revoke',
      {
        config: { access: 'referrals.send' },
        schema: {
          tags: ['referrals'],
          summary: 'Withdraw a referral not yet answered',
          params: ZIdParamsSchema,
          body: ZReasonSchema,
          response: { 200: ZReferralSchema },
        },
      },
      async (request) =>
        referralsService.revokeReferral({
          deps,
          ctx: ctxOf(request),
          id: request.params.id,
          reason: request.body.reason,
        }),
    );
    app.post(
      '/api/referrals/:id/close',
      {
        config: { access: 'referrals.send' },
        schema: {
          tags: ['referrals'],
          summary: 'File a declined referral',
          params: ZIdParamsSchema,
          response: { 200: ZReferralSchema },
        },
      },
      async (request) => referralsService.closeReferral({ deps, ctx: ctxOf(request), id: request.params.id }),
    );

    // Cases
    app.get(
      '/api/cases',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary: 'The work list: cases one works on or supervises, filtered, 50 a page',
          querystring: ZCaseListQuerySchema,
          response: { 200: pageOf(ZCaseListItemSchema) },
        },
      },
      async (request) => casesService.listCases({ deps, ctx: ctxOf(request), query: request.query }),
    );
    app.get(
      '/api/cases/filters',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary: 'What the work list can be filtered by',
          response: {
            200: z.object({
              services: ZNamedSchema,
              districts: ZNamedSchema,
              workers: z.array(z.object({ id: ZIdSchema, displayName: z.string() })),
            }),
          },
        },
      },
      async (request) => casesService.caseFilters({ deps, ctx: ctxOf(request) }),
    );
    app.get(
      '/api/cases/staff',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary: 'Staff who can join a case or be excluded from a person',
          querystring: z.strictObject({ caseId: ZIdSchema.optional(), personId: ZIdSchema.optional() }),
          response: { 200: ZStaffSchema },
        },
      },
      async (request) => casesService.staffCandidates({ deps, ctx: ctxOf(request), ...request.query }),
    );
    app.get(
      '/api/cases/:id',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary: 'A case as the viewer may see it (the referrer: status and outcome only)',
          params: ZIdParamsSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) => casesService.getCase({ deps, ctx: ctxOf(request), id: request.params.id }),
    );
    for (const [section, schema] of [
      ['intake', ZIntakeSchema],
      ['assessment', ZAssessmentSchema],
      ['plan', ZPlanSchema],
    ] as const) {
      app.put(
        `/api/cases/:id/${section}`,
        {
          config: { access: 'cases.write' },
          schema: {
            tags: ['cases'],
            summary: `Write the case's ${section} (clinical team)`,
            params: ZIdParamsSchema,
            body: schema,
            response: { 200: ZCaseSchema },
          },
        },
        async (request) =>
          casesService.updateFile({
            deps,
            ctx: ctxOf(request),
            id: request.params.id,
            section,
            value: request.body,
          }),
      );
    }
    app.post(
      '/api/cases/:id/plan/submit',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary: 'Submit the plan for approval',
          params: ZIdParamsSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) => casesService.submitPlan({ deps, ctx: ctxOf(request), id: request.params.id }),
    );
    app.post(
      '/api/cases/:id/plan/approve',
      {
        config: { access: 'cases.supervise' },
        schema: {
          tags: ['cases'],
          summary: 'Approve the plan (supervisor)',
          params: ZIdParamsSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) => casesService.approvePlan({ deps, ctx: ctxOf(request), id: request.params.id }),
    );
    app.put(
      '/api/cases/:id/team',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary: 'Set the case team (team lead)',
          params: ZIdParamsSchema,
          body: ZTeamUpdateSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) =>
        casesService.updateTeam({ deps, ctx: ctxOf(request), id: request.params.id, input: request.body }),
    );
    app.post(
      '/api/cases/:id/closure',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['cases'],
          summary: 'Propose closure with an outcome and a reason (team lead)',
          params: ZIdParamsSchema,
          body: ZClosureRequestSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) =>
        casesService.requestClosure({
          deps,
          ctx: ctxOf(request),
          id: request.params.id,
          input: request.body,
        }),
    );
    app.post(
      '/api/cases/:id/closure/approve',
      {
        config: { access: 'cases.supervise' },
        schema: {
          tags: ['cases'],
          summary: 'Approve closure (supervisor)',
          params: ZIdParamsSchema,
          response: { 200: ZCaseSchema },
        },
      },
      async (request) => casesService.approveClosure({ deps, ctx: ctxOf(request), id: request.params.id }),
    );
    app.get(
      '/api/cases/:id/timeline',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['cases'],
          summary: 'The case timeline',
          params: ZIdParamsSchema,
          response: { 200: ZTimelineSchema },
        },
      },
      async (request) => casesService.caseTimeline({ deps, ctx: ctxOf(request), id: request.params.id }),
    );

    // Sessions
    app.get(
      '/api/cases/:id/sessions',
      {
        config: { access: 'cases.read' },
        schema: {
          tags: ['sessions'],
          summary: 'Sessions of a case (no notes)',
          params: ZIdParamsSchema,
          response: { 200: z.array(ZSessionListItemSchema) },
        },
      },
      async (request) => sessions.listSessions({ deps, ctx: ctxOf(request), caseId: request.params.id }),
    );
    app.post(
      '/api/cases/:id/sessions',
      {
        config: { access: 'cases.write' },
        schema: {
          tags: ['sessions'],
          summary: 'Record a session with its sealed notes',
          params: ZIdParamsSchema,
          body: ZSessionCreateSchema,
          response: { 201: ZSessionSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await sessions.createSession({
            deps,
            ctx: ctxOf(request),
            caseId: request.params.id,
            input: request.body,
          }),
        ),
    );
    app.get(
      '/api/sessions/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['sessions'],
          summary: 'A session with the note sections the viewer may read (the rest sealed; audited)',
          params: ZIdParamsSchema,
          response: { 200: ZSessionSchema },
        },
      },
      async (request) => sessions.getSession({ deps, ctx: ctxOf(request), id: request.params.id }),
    );
    app.get(
      '/api/my-sessions',
      {
        config: { access: 'sessions.attend' },
        schema: {
          tags: ['sessions'],
          summary: 'The mediator’s sessions: the minimum needed to attend',
          response: { 200: z.array(ZMediatorSessionSchema) },
        },
      },
      async (request) => sessions.mySessions({ deps, ctx: ctxOf(request) }),
    );
  };
