import { sql } from 'drizzle-orm';
import type { TSiteAction, TSiteState, TSiteTransition } from '../../../contracts/website.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { removePublicCopy } from '../../platform/storage/public-copies.js';
import { siteCache } from './public/site-cache.js';
import {
  conferenceRefusal,
  publishConference,
  withdrawConference,
} from './website-conference-publication.js';
import { brokenLinks } from './website-links.js';
import { recordMediaUses } from './website-media-uses.js';
import { type PageRow, requirePage } from './website-pages.repository.js';
import { auditWebsite } from './website-shared.js';
import { publishVideoChapter, videoRefusal, withdrawVideoChapter } from './website-video-publication.js';

/**
 * The editorial workflow (issue 24, item 3): draft → in review → approved → scheduled or published
 * → archived. A general page may be published by its editor straight away; a sensitive one (help,
 * safety) only once an editor who wrote none of its texts since it was last published approved it
 * (a trigger holds the same rule on every path). Publishing points the public at each language's
 * latest version; nothing else is ever public.
 */

const MOVES: Record<TSiteAction, { from: readonly TSiteState[]; to: TSiteState }> = {
  submit: { from: ['draft'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'approved' },
  return: { from: ['in_review', 'approved', 'scheduled'], to: 'draft' },
  schedule: { from: ['draft', 'in_review', 'approved'], to: 'scheduled' },
  publish: { from: ['draft', 'in_review', 'approved', 'scheduled'], to: 'published' },
  archive: { from: ['draft', 'in_review', 'approved', 'scheduled', 'published'], to: 'archived' },
  restore: { from: ['archived'], to: 'draft' },
};

/** Whether the editor wrote any of the page's texts since it was last published. */
async function wroteSinceLastPublication(tx: Tx, page: PageRow, userId: string) {
  const rows = await queryRows(
    tx,
    sql`select 1 from site_page_versions v where v.page_id = ${page.id} and v.author_id = ${userId}
          and (${page.published_at}::timestamptz is null or v.created_at > ${page.published_at}::timestamptz) limit 1`,
  );
  return rows.length > 0;
}

/** What stops an action now, in words; null when it may be taken. */
async function refusal(tx: Tx, ctx: AccessContext, page: PageRow, action: TSiteAction) {
  const move = MOVES[action];
  if (!move.from.includes(page.state))
    return {
      it: 'Questa azione non è possibile nello stato attuale della pagina.',
      en: 'This action is not possible in the page’s current state.',
    };
  const sensitive = page.category === 'sensitive';
  if (action === 'approve' && sensitive && (await wroteSinceLastPublication(tx, page, ctx.userId)))
    return {
      it: 'Una pagina sensibile è approvata da un’altra redattrice o un altro redattore: hai scritto tu questo testo.',
      en: 'A sensitive page is approved by another editor: you wrote this text.',
    };
  if (
    (action === 'publish' || action === 'schedule') &&
    sensitive &&
    page.state !== 'approved' &&
    page.state !== 'scheduled'
  )
    return {
      it: 'Una pagina sensibile si pubblica solo dopo l’approvazione di un’altra redattrice o un altro redattore.',
      en: 'A sensitive page is published only after another editor approved it.',
    };
  if (action === 'publish' || action === 'schedule') return publicationRefusal(tx, page);
  return null;
}

/** What a chapter or a conference still needs before it goes public, in words; null when nothing. */
export async function publicationRefusal(tx: Tx, page: PageRow) {
  return (await videoRefusal(tx, page)) ?? (await conferenceRefusal(tx, page));
}

export async function allowedActions(tx: Tx, ctx: AccessContext, page: PageRow): Promise<TSiteAction[]> {
  const actions: TSiteAction[] = [];
  for (const action of Object.keys(MOVES) as TSiteAction[])
    if (!(await refusal(tx, ctx, page, action))) actions.push(action);
  return actions;
}

async function recordMove(
  tx: Tx,
  page: PageRow,
  action: TSiteAction,
  to: TSiteState,
  byId: string | null,
  note?: string,
) {
  await tx.execute(
    sql`insert into site_page_transitions (page_id, action, from_state, to_state, note, by_id)
        values (${page.id}, ${action}, ${page.state}, ${to}, ${note || null}, ${byId})`,
  );
}

async function refuseBrokenLinks(tx: Tx, pageId: string) {
  const broken = await brokenLinks(tx, pageId);
  if (broken.length > 0) throw problems.fields(broken);
}

/** Points the public at the latest version of every language written; the page is public. */
export async function publishNow(tx: Tx, page: PageRow, byId: string | null) {
  if (page.kind === 'video') await publishVideoChapter(tx, page.id);
  if (page.kind === 'conference') await publishConference(tx, page.id);
  await tx.execute(
    sql`insert into site_publications (page_id, lang, version_id)
        select distinct on (v.lang) v.page_id, v.lang, v.id from site_page_versions v
         where v.page_id = ${page.id} order by v.lang, v.number desc
        on conflict (page_id, lang) do update set version_id = excluded.version_id, published_at = now()
          where site_publications.version_id <> excluded.version_id`,
  );
  await recordMediaUses(tx, page.id);
  await tx.execute(
    sql`update site_pages set state = 'published', published_at = now(), publish_at = null, updated_at = now()
         where id = ${page.id}`,
  );
  await recordMove(tx, page, 'publish', 'published', byId);
}

export async function movePage({
  deps,
  ctx,
  id,
  transition,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  transition: TSiteTransition;
}) {
  const withdrawn: string[] = [];
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const page = await requirePage(tx, id, true);
      const { action } = transition;
      const why = await refusal(tx, ctx, page, action);
      if (why)
        throw new HttpProblem(
          409,
          'workflow',
          { it: 'Azione non possibile', en: 'Action not possible' },
          why,
        );
      if (action === 'submit' || action === 'approve' || action === 'schedule' || action === 'publish')
        await refuseBrokenLinks(tx, page.id);
      if (action === 'publish') {
        await publishNow(tx, page, ctx.userId);
      } else if (action === 'schedule') {
        const at = transition.publishAt ? new Date(transition.publishAt) : null;
        if (!at || at.getTime() <= Date.now())
          throw problems.field('publishAt', 'not_future', {
            it: 'Scegli un momento futuro per la pubblicazione.',
            en: 'Choose a moment in the future for the publication.',
          });
        await tx.execute(
          sql`update site_pages set state = 'scheduled', publish_at = ${at.toISOString()}, updated_at = now() where id = ${page.id}`,
        );
        await recordMove(tx, page, action, 'scheduled', ctx.userId, transition.note);
      } else {
        const to = MOVES[action].to;
        await tx.execute(
          sql`update site_pages set state = ${to}, updated_at = now(),
                submitted_by = ${action === 'submit' ? ctx.userId : sql`case when ${to} = 'draft' then null else submitted_by end`},
                approved_by = ${action === 'approve' ? ctx.userId : sql`case when ${to} = 'draft' then null else approved_by end`},
                publish_at = case when ${to} = 'scheduled' then publish_at else null end
               where id = ${page.id}`,
        );
        // Archived, a page leaves the public site at once; restored, it comes back only when published again.
        if (action === 'archive') {
          await tx.execute(sql`delete from site_publications where page_id = ${page.id}`);
          withdrawn.push(
            ...(await withdrawVideoChapter(tx, page.id)),
            ...(await withdrawConference(tx, page.id)),
          );
          await tx.execute(sql`delete from site_media_uses where page_id = ${page.id}`);
        }
        if (action === 'restore')
          await tx.execute(sql`update site_pages set published_at = null where id = ${page.id}`);
        await recordMove(tx, page, action, to, ctx.userId, transition.note);
      }
      await auditWebsite({
        tx,
        ctx,
        action: action === 'publish' ? 'website.page_published' : 'website.page_moved',
        recordType: 'site_page',
        recordId: page.id,
        details: { action },
      });
    },
  });
  // After the commit: the rendered public pages are stale from now, a withdrawn file's copy goes.
  siteCache.clear();
  for (const fileId of withdrawn) await removePublicCopy({ deps, fileId });
}
