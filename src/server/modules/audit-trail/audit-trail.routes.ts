import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAuditActionSchema,
  ZAuditActorSuggestionSchema,
  ZAuditEventSchema,
  ZAuditQuerySchema,
  ZAuditRecordSuggestionSchema,
  ZAuditSuggestQuerySchema,
  ZChainStatusSchema,
  ZRecordAccessQuerySchema,
  ZRecordAccessSchema,
} from '../../../contracts/audit.js';
import { pageOf } from '../../../contracts/common.js';
import { requireAccess, scoped } from '../../platform/access/access-hook.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { suggestActors, suggestRecords } from './audit-trail.records.js';
import { auditActionList, recordAccess, searchEvents } from './audit-trail.service.js';

/**
 * The DPO's screens over the audit trail. Searching the trail is itself audited (who watched the
 * watchers). Reading is allowed by RLS only to the dpo role (0001_access_rls.sql).
 */
export const auditTrailRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['audit'];

    app.get(
      '/api/audit/events',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Search the audit trail: actions, results and records in words',
          querystring: ZAuditQuerySchema,
          response: { 200: pageOf(ZAuditEventSchema) },
        },
      },
      async (request) => searchEvents({ deps, ctx: requireAccess(request), q: request.query }),
    );

    app.get(
      '/api/audit/actions',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Every audit action with its Italian and English label',
          response: { 200: z.array(ZAuditActionSchema) },
        },
      },
      async () => auditActionList(),
    );

    // Suggestions read only what the DPO could list anyway (users; codes row-level security
    // shows them) and are not audited one keystroke at a time: the search they lead to is.
    app.get(
      '/api/audit/actors',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Users whose name contains the typed text, for the user filter',
          querystring: ZAuditSuggestQuerySchema,
          response: { 200: z.array(ZAuditActorSuggestionSchema) },
        },
      },
      async (request) =>
        scoped({
          db: deps.db,
          ctx: requireAccess(request),
          work: (tx) => suggestActors(tx, request.query.q),
        }),
    );

    app.get(
      '/api/audit/records',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Records whose code starts with the typed text, for the record filter',
          querystring: ZAuditSuggestQuerySchema,
          response: { 200: z.array(ZAuditRecordSuggestionSchema) },
        },
      },
      async (request) =>
        scoped({
          db: deps.db,
          ctx: requireAccess(request),
          work: (tx) => suggestRecords(tx, request.query.q),
        }),
    );

    app.get(
      '/api/audit/record-access',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Who accessed this record (Garante 2015: the data subject may ask)',
          querystring: ZRecordAccessQuerySchema,
          response: { 200: ZRecordAccessSchema },
        },
      },
      async (request) => recordAccess({ deps, ctx: requireAccess(request), query: request.query }),
    );

    app.get(
      '/api/audit/chain-status',
      {
        config: { access: 'audit.read' },
        schema: { tags, summary: 'How far the hash chain is sealed', response: { 200: ZChainStatusSchema } },
      },
      async (request) =>
        scoped({
          db: deps.db,
          ctx: requireAccess(request),
          work: async (tx) => {
            const [head] = await queryRows<{ seq: string }>(
              tx,
              sql`select seq::text as seq from audit_chain_head where id = 1`,
            );
            const [pending] = await queryRows<{ n: number; oldest: string | Date | null }>(
              tx,
              sql`select count(*)::int as n, min(occurred_at) as oldest from audit_events where chain_seq is null`,
            );
            return {
              sealedThrough: head?.seq ?? null,
              unsealed: pending?.n ?? 0,
              oldestUnsealedAt: pending?.oldest ? new Date(pending.oldest).toISOString() : null,
            };
          },
        }),
    );
  };
