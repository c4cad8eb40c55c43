import { and, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAuditEventSchema,
  ZAuditQuerySchema,
  ZChainStatusSchema,
  ZRecordAccessQuerySchema,
  ZRecordAccessSchema,
} from '../../../contracts/audit.js';
import { pageOf } from '../../../contracts/common.js';
import { actorOf } from '../../platform/access/access-context.js';
import { requireAccess, scoped } from '../../platform/access/access-hook.js';
import { auditEvents } from '../../platform/audit/audit.sql.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';

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
          summary: 'Search the audit trail',
          querystring: ZAuditQuerySchema,
          response: { 200: pageOf(ZAuditEventSchema) },
        },
      },
      async (request) => {
        const ctx = requireAccess(request);
        const q = request.query;
        const filters: SQL[] = [];
        if (q.actorUserId) filters.push(eq(auditEvents.actorUserId, q.actorUserId));
        if (q.action)
          filters.push(sql`${auditEvents.action} like ${`${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
        if (q.recordType) filters.push(eq(auditEvents.recordType, q.recordType));
        if (q.recordId) filters.push(eq(auditEvents.recordId, q.recordId));
        if (q.outcome) filters.push(eq(auditEvents.outcome, q.outcome));
        if (q.from) filters.push(gte(auditEvents.occurredAt, new Date(`${q.from}T00:00:00Z`)));
        if (q.to)
          filters.push(
            lt(auditEvents.occurredAt, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)),
          );
        const where = filters.length ? and(...filters) : undefined;
        return scoped({
          db: deps.db,
          ctx,
          work: async (tx) => {
            const [{ total } = { total: 0 }] = await tx
              .select({ total: count() })
              .from(auditEvents)
              .where(where);
            const rows = await tx
              .select()
              .from(auditEvents)
              .where(where)
              .orderBy(desc(auditEvents.id))
              .limit(q.pageSize)
              .offset((q.page - 1) * q.pageSize);
            await writeAudit({
              tx,
              actor: actorOf(ctx),
              event: {
                action: 'audit.searched',
                recordType: 'audit_trail',
                details: { filters: Object.keys(q).filter((k) => k !== 'page' && k !== 'pageSize') },
              },
            });
            return {
              items: rows.map((r) => ({
                id: r.id.toString(),
                occurredAt: r.occurredAt.toISOString(),
                actorUserId: r.actorUserId,
                actorUsername: r.actorUsername,
                actorRole: r.actorRole,
                actingServiceId: r.actingServiceId,
                action: r.action,
                outcome: r.outcome as 'success' | 'denied' | 'failure',
                recordType: r.recordType,
                recordId: r.recordId,
                purpose: r.purpose,
                clientIp: r.clientIp,
                chainSeq: r.chainSeq?.toString() ?? null,
              })),
              page: q.page,
              pageSize: q.pageSize,
              total: Number(total),
            };
          },
        });
      },
    );

    app.get(
      '/api/audit/record-access',
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: 'Who accessed this record (Garante 2015: the data subject may ask)',
          querystring: ZRecordAccessQuerySchema,
          response: { 200: z.array(ZRecordAccessSchema) },
        },
      },
      async (request) => {
        const ctx = requireAccess(request);
        const { recordType, recordId } = request.query;
        return scoped({
          db: deps.db,
          ctx,
          work: async (tx) => {
            const rows = await tx
              .select({
                actorUserId: auditEvents.actorUserId,
                actorUsername: auditEvents.actorUsername,
                actorRole: auditEvents.actorRole,
                actions: sql<
                  string[]
                >`array_agg(distinct ${auditEvents.action} order by ${auditEvents.action})`,
                firstAt: sql<string>`min(${auditEvents.occurredAt})`,
                lastAt: sql<string>`max(${auditEvents.occurredAt})`,
                count: sql<number>`count(*)::int`,
              })
              .from(auditEvents)
              .where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)))
              .groupBy(auditEvents.actorUserId, auditEvents.actorUsername, auditEvents.actorRole)
              .orderBy(sql`max(${auditEvents.occurredAt}) desc`);
            await writeAudit({
              tx,
              actor: actorOf(ctx),
              event: { action: 'audit.record_access_viewed', recordType, recordId },
            });
            return rows.map((r) => ({
              ...r,
              firstAt: new Date(r.firstAt).toISOString(),
              lastAt: new Date(r.lastAt).toISOString(),
            }));
          },
        });
      },
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
