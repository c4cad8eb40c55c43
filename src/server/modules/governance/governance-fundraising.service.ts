import { sql } from 'drizzle-orm';
import {
  type TCampaign,
  type TCampaignInput,
  type TCampaignUpdate,
  type TPipeline,
  ZCampaignInputSchema,
  ZCampaignUpdateSchema,
} from '../../../contracts/fundraising.js';
import { OPPORTUNITY_STAGES } from '../../../contracts/governance-codes.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { auditFundraising, loadOpportunityRows, summariesOf } from './governance-fundraising-shared.js';

/**
 * The pipeline view and the campaigns (issue 21, item 5): counts and sums per stage, the conversion
 * (received over received and lost), the calls' deadlines to come, and each campaign's progress as
 * the money its opportunities received.
 */

/** How many opportunities the pipeline shows per stage (the oldest closed ones fall off first). */
const PER_STAGE = 200;
const UPCOMING_DEADLINES = 10;

export async function pipeline({ deps, ctx }: { deps: Deps; ctx: AccessContext }): Promise<TPipeline> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const totals = await queryRows<{
        stage: TPipeline['stages'][number]['stage'];
        count: number;
        asked: number;
        pledged: number;
        received: number;
      }>(
        tx,
        sql`select stage, count(*)::int as count, coalesce(sum(asked_cents), 0)::float8 as asked,
                   coalesce(sum(pledged_cents), 0)::float8 as pledged, coalesce(sum(received_cents), 0)::float8 as received
              from governance_opportunities group by stage`,
      );
      const rows = await loadOpportunityRows(
        tx,
        sql`o.id in (select id from (select id, row_number() over (partition by stage
                       order by coalesce(received_on, deadline_on, expected_on) desc nulls last, created_at desc) as n
                     from governance_opportunities) ranked where n <= ${PER_STAGE})`,
        sql`order by o.deadline_on nulls last, o.title, o.id`,
      );
      const summaries = await summariesOf(tx, rows);
      const deadlines = summaries
        .filter((s) => s.deadlineOn && !['received', 'lost'].includes(s.stage) && s.deadlineOn >= todayIso())
        .slice(0, UPCOMING_DEADLINES);
      const byStage = new Map(totals.map((t) => [t.stage, t]));
      const received = byStage.get('received')?.count ?? 0;
      const lost = byStage.get('lost')?.count ?? 0;
      await auditFundraising(tx, ctx, 'fundraising.funders_listed', 'governance_opportunity', undefined, {
        count: new Set(summaries.map((s) => s.funder.id)).size,
        view: 'pipeline',
      });
      return {
        stages: OPPORTUNITY_STAGES.map((stage) => {
          const t = byStage.get(stage);
          return {
            stage,
            count: t?.count ?? 0,
            askedCents: Number(t?.asked ?? 0),
            pledgedCents: Number(t?.pledged ?? 0),
            receivedCents: Number(t?.received ?? 0),
            items: summaries.filter((s) => s.stage === stage),
          };
        }),
        conversion: { received, lost, rate: received + lost === 0 ? null : received / (received + lost) },
        deadlines,
      };
    },
  });
}

/** Today in Rome as YYYY-MM-DD (the deadlines are calendar days there). */
function todayIso() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
}

async function loadCampaigns(tx: Tx, where = sql`true`): Promise<TCampaign[]> {
  const rows = await queryRows<{
    id: string;
    title: string;
    goal_cents: number;
    starts_on: string;
    ends_on: string;
    received_cents: number;
    opportunities: number;
  }>(
    tx,
    sql`select c.id, c.title, c.goal_cents::float8 as goal_cents, c.starts_on::text as starts_on, c.ends_on::text as ends_on,
               coalesce(sum(o.received_cents) filter (where o.stage = 'received'), 0)::float8 as received_cents,
               count(o.id)::int as opportunities
          from governance_campaigns c left join governance_opportunities o on o.campaign_id = c.id
         where ${where}
         group by c.id order by c.starts_on desc, c.title, c.id`,
  );
  return rows.map((r) => {
    const goal = Number(r.goal_cents);
    const got = Number(r.received_cents);
    return {
      id: r.id,
      title: r.title,
      goalCents: goal,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      receivedCents: got,
      percent: goal > 0 ? Math.floor((got * 100) / goal) : 0,
      opportunities: r.opportunities,
    };
  });
}

export async function listCampaigns({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({ db: deps.db, ctx, work: async (tx) => ({ items: await loadCampaigns(tx) }) });
}

export async function createCampaign({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TCampaignInput;
}) {
  const c = ZCampaignInputSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into governance_campaigns (title, goal_cents, starts_on, ends_on, created_by)
            values (${c.title}, ${c.goalCents}, ${c.startsOn}, ${c.endsOn}, ${ctx.userId}) returning id`,
      );
      await auditFundraising(tx, ctx, 'fundraising.campaign_saved', 'governance_campaign', row!.id, {
        created: true,
      });
      const [campaign] = await loadCampaigns(tx, sql`c.id = ${row!.id}`);
      return campaign!;
    },
  });
}

/**
 * Corrects a campaign's title, goal or dates (its money is its opportunities'). RLS lets only
 * fundraisers and coordinators update it (0046), and only those columns.
 */
export async function updateCampaign({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: TCampaignUpdate;
}) {
  const c = ZCampaignUpdateSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const changed = await queryRows<{ id: string }>(
        tx,
        sql`update governance_campaigns set title = ${c.title}, goal_cents = ${c.goalCents},
              starts_on = ${c.startsOn}, ends_on = ${c.endsOn}, updated_at = now()
            where id = ${id} returning id`,
      );
      if (changed.length === 0) throw new OutOfScope('governance_campaign', id);
      await auditFundraising(tx, ctx, 'fundraising.campaign_saved', 'governance_campaign', id, {
        fields: Object.keys(input),
      });
      const [campaign] = await loadCampaigns(tx, sql`c.id = ${id}`);
      return campaign!;
    },
  });
}
