import { sql } from 'drizzle-orm';
import type { TSiteLanguage, TSitePageKind } from '../../../contracts/website.js';
import {
  COMM_AUDIENCES,
  COMM_CHANNELS,
  PLAN_LIMITS,
  type TCommAction,
  type TCommActionInput,
  type TPlanSummary,
  type TPlanWindow,
} from '../../../contracts/website-plan.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { isoTime, type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { publicPathOf } from './website-pages.repository.js';
import { auditWebsite } from './website-shared.js';

/**
 * The communication plan (issue 24, item 6): the editorial team's actions per channel and
 * audience on a calendar; an action done records its day and the people it reached, which the
 * summary and the impact module add up.
 */

interface ActionRow {
  id: string;
  title: string;
  planned_on: string;
  channel: TCommAction['channel'];
  audience: TCommAction['audience'];
  languages: TSiteLanguage[];
  page_id: string | null;
  page_kind: TSitePageKind | null;
  page_slug: string | null;
  page_title: string | null;
  note: string;
  done_on: string | null;
  reach: number | null;
  by: string;
  updated_at: Date;
}

const SELECT = sql`select a.id, a.title, a.planned_on::text, a.channel, a.audience, a.languages, a.page_id,
    p.kind as page_kind, p.slug as page_slug,
    (select v.title from site_page_versions v where v.page_id = a.page_id and v.lang = 'it' order by v.number desc limit 1) as page_title,
    a.note, a.done_on::text, a.reach, u.display_name as by, a.updated_at
  from site_comm_actions a join users u on u.id = a.updated_by left join site_pages p on p.id = a.page_id`;

const toAction = (r: ActionRow): TCommAction => ({
  id: r.id,
  title: r.title,
  plannedOn: r.planned_on,
  channel: r.channel,
  audience: r.audience,
  languages: r.languages,
  pageId: r.page_id,
  page:
    r.page_id && r.page_kind && r.page_slug
      ? { title: r.page_title ?? r.page_slug, publicPath: publicPathOf(r.page_kind, r.page_slug) }
      : null,
  note: r.note,
  doneOn: r.done_on,
  reach: r.reach,
  updatedBy: r.by,
  updatedAt: isoTime(r.updated_at)!,
});

/** A window of at most PLAN_LIMITS.maxDays, its end not before its start (400 naming `to` otherwise). */
function checkWindow({ from, to }: TPlanWindow) {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0 || days > PLAN_LIMITS.maxDays)
    throw problems.field('to', 'window', {
      it: `La fine del periodo va dopo l’inizio, al massimo ${PLAN_LIMITS.maxDays} giorni dopo.`,
      en: `The end of the period comes after its start, at most ${PLAN_LIMITS.maxDays} days later.`,
    });
}

/** A reach is recorded only for an action done. */
function checkInput(input: TCommActionInput) {
  if (input.reach !== null && input.doneOn === null)
    throw problems.field('doneOn', 'reach_needs_done', {
      it: 'Le persone raggiunte si registrano quando l’azione è fatta: indica il giorno.',
      en: 'People reached are recorded once the action is done: give the day.',
    });
}

/** The item an action promotes: not archived — unless the action already promoted it (its record stays). */
async function requirePromotable(tx: Tx, pageId: string | null, actionId: string | null) {
  if (!pageId) return;
  if (actionId) {
    const kept = await queryRows(
      tx,
      sql`select 1 from site_comm_actions where id = ${actionId} and page_id = ${pageId}`,
    );
    if (kept.length > 0) return;
  }
  const rows = await queryRows(
    tx,
    sql`select 1 from site_pages where id = ${pageId} and state <> 'archived'`,
  );
  if (rows.length === 0)
    throw problems.field('pageId', 'not_found', {
      it: 'Il contenuto scelto non c’è più o è archiviato.',
      en: 'The chosen item no longer exists or is archived.',
    });
}

async function actionOf(tx: Tx, id: string) {
  const [row] = await queryRows<ActionRow>(tx, sql`${SELECT} where a.id = ${id}`);
  if (!row) throw new OutOfScope('site_comm_action', id);
  return toAction(row);
}

export function listPlan({ deps, ctx, window }: { deps: Deps; ctx: AccessContext; window: TPlanWindow }) {
  checkWindow(window);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<ActionRow>(
        tx,
        sql`${SELECT} where a.planned_on between ${window.from}::date and ${window.to}::date
             order by a.planned_on, a.title, a.id limit 2000`,
      );
      return rows.map(toAction);
    },
  });
}

export function saveAction({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string | null;
  input: TCommActionInput;
}) {
  checkInput(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requirePromotable(tx, input.pageId, id);
      const languages = sql`${`{${input.languages.join(',')}}`}::text[]`;
      const [row] = id
        ? await queryRows<{ id: string }>(
            tx,
            sql`update site_comm_actions set title = ${input.title}, planned_on = ${input.plannedOn}::date,
                  channel = ${input.channel}, audience = ${input.audience}, languages = ${languages},
                  page_id = ${input.pageId}, note = ${input.note}, done_on = ${input.doneOn}::date, reach = ${input.reach},
                  updated_by = ${ctx.userId}, updated_at = now()
                where id = ${id} returning id`,
          )
        : await queryRows<{ id: string }>(
            tx,
            sql`insert into site_comm_actions (title, planned_on, channel, audience, languages, page_id, note, done_on, reach, created_by, updated_by)
                values (${input.title}, ${input.plannedOn}::date, ${input.channel}, ${input.audience}, ${languages},
                        ${input.pageId}, ${input.note}, ${input.doneOn}::date, ${input.reach}, ${ctx.userId}, ${ctx.userId})
                returning id`,
          );
      if (!row) throw new OutOfScope('site_comm_action', id ?? '');
      await auditWebsite({
        tx,
        ctx,
        action: 'website.plan_action_saved',
        recordType: 'site_comm_action',
        recordId: row.id,
        details: { channel: input.channel, done: input.doneOn !== null },
      });
      return actionOf(tx, row.id);
    },
  });
}

export function deleteAction({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const gone = await queryRows(tx, sql`delete from site_comm_actions where id = ${id} returning 1`);
      if (gone.length === 0) throw new OutOfScope('site_comm_action', id);
      await auditWebsite({
        tx,
        ctx,
        action: 'website.plan_action_deleted',
        recordType: 'site_comm_action',
        recordId: id,
      });
    },
  });
}

interface CountRow {
  key: string;
  planned: number;
  done: number;
  reach: number;
  done_without_reach: number;
}

/**
 * The plan's numbers over a window: actions planned in it, and those done in it with the people
 * they reached (an action done without a recorded reach is counted apart, so the total is a floor).
 * Shared by the summary and the impact module's indicators.
 */
export async function planCounts(on: Queryable, window: TPlanWindow, by: 'channel' | 'audience' | null) {
  const key = by === 'channel' ? sql`channel` : by === 'audience' ? sql`audience` : sql`'all'`;
  return queryRows<CountRow>(
    on,
    sql`select ${key} as key,
          count(*) filter (where planned_on between ${window.from}::date and ${window.to}::date)::int as planned,
          count(*) filter (where done_on between ${window.from}::date and ${window.to}::date)::int as done,
          coalesce(sum(reach::bigint) filter (where done_on between ${window.from}::date and ${window.to}::date), 0)::float8 as reach,
          count(*) filter (where done_on between ${window.from}::date and ${window.to}::date and reach is null)::int as done_without_reach
        from site_comm_actions
       where planned_on between ${window.from}::date and ${window.to}::date
          or done_on between ${window.from}::date and ${window.to}::date
       group by 1`,
  );
}

export function planSummary({
  deps,
  ctx,
  window,
}: {
  deps: Deps;
  ctx: AccessContext;
  window: TPlanWindow;
}): Promise<TPlanSummary> {
  checkWindow(window);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [all] = await planCounts(tx, window, null);
      const channels = new Map((await planCounts(tx, window, 'channel')).map((r) => [r.key, r]));
      const audiences = new Map((await planCounts(tx, window, 'audience')).map((r) => [r.key, r]));
      const line = (r: CountRow | undefined) => ({
        planned: r?.planned ?? 0,
        done: r?.done ?? 0,
        reach: r?.reach ?? 0,
      });
      return {
        planned: all?.planned ?? 0,
        done: all?.done ?? 0,
        reach: all?.reach ?? 0,
        doneWithoutReach: all?.done_without_reach ?? 0,
        byChannel: COMM_CHANNELS.filter((c) => channels.has(c)).map((channel) => ({
          channel,
          ...line(channels.get(channel)),
        })),
        byAudience: COMM_AUDIENCES.filter((a) => audiences.has(a)).map((audience) => ({
          audience,
          ...line(audiences.get(audience)),
        })),
      };
    },
  });
}
