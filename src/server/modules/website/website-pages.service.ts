import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TSiteLanguage,
  TSitePageDetail,
  TSitePageInput,
  TSitePageKind,
  TSiteTranslationInput,
  ZSitePageSettingsSchema,
} from '../../../contracts/website.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { sanitiseBody } from './website-html.js';
import {
  currentVersions,
  historyOf,
  listPages,
  requirePage,
  summariesOf,
} from './website-pages.repository.js';
import { auditWebsite } from './website-shared.js';
import { allowedActions } from './website-workflow.js';

/** Pages: created, listed, read with their texts and history, their text saved per language. */

const slugTaken = () =>
  problems.field(
    'slug',
    'taken',
    { it: 'Un’altra pagina usa già questo indirizzo.', en: 'Another page already uses this address.' },
    409,
  );

async function checkParent(tx: Tx, kind: TSitePageKind, parentId: string | null, selfId?: string) {
  if (!parentId) return;
  const refuse = (it: string, en: string) => problems.field('parentId', 'invalid_parent', { it, en });
  if (kind !== 'page') throw refuse('Solo le pagine stanno in un albero.', 'Only pages sit in the tree.');
  // The parent's own ancestors, the page included would make a loop.
  const chain = await queryRows<{ id: string; kind: string }>(
    tx,
    sql`with recursive up(id, kind, parent_id, depth) as (
          select p.id, p.kind, p.parent_id, 1 from site_pages p where p.id = ${parentId}
          union all select p.id, p.kind, p.parent_id, up.depth + 1 from site_pages p join up on p.id = up.parent_id where up.depth < 20)
        select id, kind from up`,
  );
  if (chain.length === 0 || chain[0]!.kind !== 'page')
    throw refuse('La pagina superiore non esiste.', 'The parent page does not exist.');
  if (selfId && chain.some((c) => c.id === selfId))
    throw refuse('Una pagina non può stare sotto sé stessa.', 'A page cannot sit under itself.');
}

export function listSitePages({ deps, ctx, kind }: { deps: Deps; ctx: AccessContext; kind?: TSitePageKind }) {
  return scoped({ db: deps.db, ctx, work: (tx) => listPages(tx, kind) });
}

export async function pageDetail(tx: Tx, ctx: AccessContext, id: string): Promise<TSitePageDetail> {
  const page = await requirePage(tx, id);
  const [summary] = await summariesOf(tx, [page]);
  const current = await currentVersions(tx, id);
  const history = await historyOf(tx, id);
  const actions = await allowedActions(tx, ctx, page);
  return { ...summary!, parentId: page.parent_id, menuOrder: page.menu_order, current, history, actions };
}

export function readSitePage({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({ db: deps.db, ctx, work: (tx) => pageDetail(tx, ctx, id) });
}

/** A new page, with its Italian text: every page starts in Italian, the translations follow. */
export function createSitePage({
  deps,
  ctx,
  input,
  italian,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TSitePageInput;
  italian: TSiteTranslationInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await checkParent(tx, input.kind, input.parentId);
      const [created] = await queryRows<{ id: string }>(
        tx,
        sql`insert into site_pages (kind, slug, category, parent_id, menu_order, created_by)
            values (${input.kind}, ${input.slug}, ${input.category}, ${input.parentId}, ${input.kind === 'page' ? input.menuOrder : null}, ${ctx.userId})
            on conflict (kind, slug) do nothing returning id`,
      );
      if (!created) throw slugTaken();
      await writeVersion(tx, ctx, created.id, 'it', italian);
      await auditWebsite({
        tx,
        ctx,
        action: 'website.page_created',
        recordType: 'site_page',
        recordId: created.id,
      });
      return pageDetail(tx, ctx, created.id);
    },
  });
}

async function writeVersion(
  tx: Tx,
  ctx: AccessContext,
  pageId: string,
  lang: TSiteLanguage,
  input: TSiteTranslationInput,
) {
  const body = sanitiseBody(input.body);
  if (!body)
    throw problems.field('body', 'empty', {
      it: 'Scrivi il testo della pagina.',
      en: 'Write the page’s text.',
    });
  // The number is the next of this language; the unique key refuses a concurrent twin (a retry).
  await tx.execute(
    sql`insert into site_page_versions (page_id, lang, number, title, summary, body, share, based_on, author_id)
        select ${pageId}, ${lang}, coalesce(max(v.number), 0) + 1, ${input.title}, ${input.summary}, ${body}, ${input.share},
               ${lang === 'it' ? null : sql`(select max(i.number) from site_page_versions i where i.page_id = ${pageId} and i.lang = 'it')`},
               ${ctx.userId}
          from site_page_versions v where v.page_id = ${pageId} and v.lang = ${lang}`,
  );
}

/**
 * Saves a language's text as a new version. What was in review, approved or scheduled changed, so
 * the page goes back to draft and needs its review again; a published page stays public as it was
 * until the new text is published.
 */
export function saveTranslation({
  deps,
  ctx,
  id,
  lang,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  lang: TSiteLanguage;
  input: TSiteTranslationInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const page = await requirePage(tx, id, true);
      if (page.state === 'archived')
        throw problems.conflict({
          it: 'La pagina è archiviata: ripristinala per modificarla.',
          en: 'The page is archived: restore it to edit it.',
        });
      if (lang !== 'it' && !(await hasItalian(tx, id)))
        throw problems.field('lang', 'italian_first', {
          it: 'Scrivi prima il testo italiano: le traduzioni partono da quello.',
          en: 'Write the Italian text first: translations start from it.',
        });
      await writeVersion(tx, ctx, id, lang, input);
      await tx.execute(
        sql`update site_pages set state = 'draft', publish_at = null, submitted_by = null, approved_by = null, updated_at = now()
             where id = ${id}`,
      );
      await auditWebsite({
        tx,
        ctx,
        action: 'website.page_edited',
        recordType: 'site_page',
        recordId: id,
        details: { lang },
      });
      return pageDetail(tx, ctx, id);
    },
  });
}

const hasItalian = async (tx: Tx, id: string) =>
  (await queryRows(tx, sql`select 1 from site_page_versions where page_id = ${id} and lang = 'it' limit 1`))
    .length > 0;

export function changeSettings({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.infer<typeof ZSitePageSettingsSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const page = await requirePage(tx, id, true);
      await checkParent(tx, page.kind, input.parentId, id);
      if (page.published_at && input.slug !== page.slug)
        throw problems.field('slug', 'published', {
          it: 'Una pagina pubblicata tiene il suo indirizzo: i collegamenti che la citano smetterebbero di funzionare.',
          en: 'A published page keeps its address: the links that point to it would stop working.',
        });
      const [changed] = await queryRows<{ id: string }>(
        tx,
        sql`update site_pages set slug = ${input.slug}, category = ${input.category}, parent_id = ${input.parentId},
                   menu_order = ${page.kind === 'page' ? input.menuOrder : null}, updated_at = now(),
                   -- A page made sensitive needs its approval again.
                   approved_by = case when ${input.category} = category then approved_by else null end,
                   state = case when ${input.category} <> category and state in ('approved', 'scheduled') then 'draft' else state end
             where id = ${id} and not exists (select 1 from site_pages o where o.kind = site_pages.kind and o.slug = ${input.slug} and o.id <> ${id})
            returning id`,
      );
      if (!changed) throw slugTaken();
      await auditWebsite({
        tx,
        ctx,
        action: 'website.page_settings_changed',
        recordType: 'site_page',
        recordId: id,
      });
      return pageDetail(tx, ctx, id);
    },
  });
}
