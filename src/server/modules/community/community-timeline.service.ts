import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ZEngagementInputSchema,
  ZResourceInputSchema,
  ZResourceListQuerySchema,
  ZResourceSchema,
  ZTimelineItemSchema,
} from '../../../contracts/community.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { requireCommunityWorker } from './community.policy.js';
import {
  eventExists,
  holderExists,
  requireHolder,
  requireReferences,
} from './community-holders.repository.js';

/**
 * A holder's engagement timeline (issue 19, item 4) — meetings, contacts, events co-organised
 * (written by createEvent), resources offered — and the complementary-resources ledger the
 * impact module counts (`resourcesValue` in community-resources-value.ts). Ledger lines are read
 * by community workers and coordinators only (RLS); a line is never rewritten, a correction is a
 * new line.
 */

type TResource = z.infer<typeof ZResourceSchema>;
type TTimelineItem = z.infer<typeof ZTimelineItemSchema>;
type EngagementInput = z.infer<typeof ZEngagementInputSchema>;
type ResourceInput = z.infer<typeof ZResourceInputSchema>;
type ResourceQuery = z.infer<typeof ZResourceListQuerySchema>;

/** The ledger is read in one page: the newest lines, at most this many (the totals count them all). */
export const RESOURCES_LIST_LIMIT = 1000;

interface ResourceRow {
  id: string;
  holder_id: string | null;
  source_kind: TResource['sourceKind'];
  source_name: string;
  kind: TResource['kind'];
  description: string;
  quantity: number | string;
  unit: TResource['unit'];
  value_cents: number | string;
  valuation_rule: TResource['valuationRule'];
  offered_on: string;
  event_id: string | null;
}

const RESOURCE_COLUMNS = sql`r.id, r.holder_id, r.source_kind, r.source_name, r.kind, r.description,
  r.quantity::float8 as quantity, r.unit, r.value_cents::float8 as value_cents, r.valuation_rule,
  r.offered_on::text as offered_on, r.event_id`;

const resourceOf = (r: ResourceRow): TResource => ({
  id: r.id,
  holderId: r.holder_id,
  sourceKind: r.source_kind,
  sourceName: r.source_name,
  kind: r.kind,
  description: r.description,
  quantity: Number(r.quantity),
  unit: r.unit,
  valueCents: Number(r.value_cents),
  valuationRule: r.valuation_rule,
  offeredOn: r.offered_on,
  eventId: r.event_id,
});

async function timelineItems(tx: Tx, where: SQL): Promise<TTimelineItem[]> {
  // The resource is joined as the reader may see it: a reader outside the engagement service
  // sees that a resource was offered (the summary), not the ledger's line.
  const rows = await queryRows<
    {
      id: string;
      kind: TTimelineItem['kind'];
      happened_on: string;
      summary: string;
      event_id: string | null;
    } & { resource: ResourceRow | null }
  >(
    tx,
    sql`select g.id, g.kind, g.happened_on::text as happened_on, g.summary, g.event_id,
               (select row_to_json(x) from (select ${RESOURCE_COLUMNS} from community_resources r
                 where r.id = g.resource_id) x) as resource
          from community_engagements g where ${where}
         order by g.happened_on desc, g.created_at desc, g.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    happenedOn: r.happened_on,
    summary: r.summary,
    eventId: r.event_id,
    resource: r.resource ? resourceOf(r.resource) : null,
  }));
}

export async function holderTimeline({
  deps,
  ctx,
  holderId,
}: {
  deps: Deps;
  ctx: AccessContext;
  holderId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireHolder(tx, holderId);
      return { items: await timelineItems(tx, sql`g.holder_id = ${holderId}`) };
    },
  });
}

export async function addEngagement({
  deps,
  ctx,
  holderId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  holderId: string;
  input: EngagementInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireHolder(tx, holderId);
      await requireCommunityWorker(tx);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into community_engagements (holder_id, kind, happened_on, summary, recorded_by)
            values (${holderId}, ${input.kind}, ${input.happenedOn}, ${input.summary}, ${ctx.userId})
            returning id`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.engagement_recorded',
          recordType: 'community_holder',
          recordId: holderId,
          details: { engagementId: row!.id, kind: input.kind },
        },
      });
      const [item] = await timelineItems(tx, sql`g.id = ${row!.id}`);
      return item!;
    },
  });
}

/** The ledger's lines as the reader may see them (RLS: workers and coordinators), with totals. */
export async function listResources({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: ResourceQuery;
}) {
  const parts: SQL[] = [sql`true`];
  if (query.from) parts.push(sql`r.offered_on >= ${query.from}::date`);
  if (query.to) parts.push(sql`r.offered_on <= ${query.to}::date`);
  if (query.holderId) parts.push(sql`r.holder_id = ${query.holderId}`);
  const where = sql.join(parts, sql` and `);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<ResourceRow>(
        tx,
        sql`select ${RESOURCE_COLUMNS} from community_resources r where ${where}
             order by r.offered_on desc, r.created_at desc, r.id limit ${RESOURCES_LIST_LIMIT}`,
      );
      const sums = await queryRows<{ kind: TResource['kind']; value_cents: number | string }>(
        tx,
        sql`select r.kind, sum(r.value_cents)::float8 as value_cents from community_resources r
             where ${where} group by r.kind order by r.kind`,
      );
      const byKind = sums.map((s) => ({ kind: s.kind, valueCents: Number(s.value_cents) }));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'community.resources_read', details: { count: rows.length } },
      });
      return {
        items: rows.map(resourceOf),
        totalValueCents: byKind.reduce((sum, k) => sum + k.valueCents, 0),
        byKind,
      };
    },
  });
}

const sourceNameRequired = () =>
  problems.field('sourceName', 'required', {
    it: 'Indica chi ha offerto la risorsa.',
    en: 'Say who offered the resource.',
  });

const holderRequired = () =>
  problems.field('holderId', 'required', {
    it: 'Scegli la realtà del territorio che ha offerto la risorsa.',
    en: 'Choose the community holder that offered the resource.',
  });

/**
 * A line of the ledger. Offered by a holder, it also goes on the holder's timeline; its source
 * name is then the holder's own unless another is given.
 */
export async function addResource({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: ResourceInput;
}) {
  if (input.sourceKind === 'community_holder' && !input.holderId) throw holderRequired();
  if (!input.holderId && !input.sourceName) throw sourceNameRequired();
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireCommunityWorker(tx);
      await requireReferences(tx, [
        { field: 'holderId', exists: holderExists(input.holderId) },
        { field: 'eventId', exists: eventExists(input.eventId) },
      ]);
      const [row] = await queryRows<ResourceRow>(
        tx,
        sql`insert into community_resources as r (source_kind, holder_id, source_name, kind, description, quantity,
              unit, value_cents, valuation_rule, offered_on, event_id, recorded_by)
            values (${input.sourceKind}, ${input.holderId},
              coalesce(${input.sourceName}, (select h.name from community_holders h where h.id = ${input.holderId})),
              ${input.kind}, ${input.description}, ${input.quantity}, ${input.unit}, ${input.valueCents},
              ${input.valuationRule}, ${input.offeredOn}, ${input.eventId}, ${ctx.userId})
            returning ${RESOURCE_COLUMNS}`,
      );
      if (input.holderId)
        await tx.execute(
          sql`insert into community_engagements (holder_id, kind, happened_on, summary, event_id, resource_id, recorded_by)
              values (${input.holderId}, 'resource_offered', ${input.offeredOn}, ${input.description},
                ${input.eventId}, ${row!.id}, ${ctx.userId})`,
        );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.resource_recorded',
          ...(input.holderId ? { recordType: 'community_holder', recordId: input.holderId } : {}),
          details: { resourceId: row!.id, kind: input.kind },
        },
      });
      return resourceOf(row!);
    },
  });
}
