import { sql } from 'drizzle-orm';
import type { TSiteLanguage, TSitePageKind } from '../../../../contracts/website.js';
import { queryRows, type Tx } from '../../../platform/db/client.js';
import { withLibraryImages } from './site-images.js';

/**
 * What the public site reads, as the owner and only through `site_publications`: a page that was
 * never published, or was archived, has no row there, so no path can show a draft.
 */

export interface PublicText {
  pageId: string;
  kind: TSitePageKind;
  slug: string;
  category: 'general' | 'sensitive';
  /** The language the text is in: the one asked for, or Italian when not translated. */
  lang: TSiteLanguage;
  title: string;
  summary: string;
  body: string;
  /** The prepared text for sharing (the title when empty). */
  share: string;
  publishedAt: Date;
}

interface TextRow {
  page_id: string;
  kind: TSitePageKind;
  slug: string;
  category: 'general' | 'sensitive';
  lang: TSiteLanguage;
  title: string;
  summary: string;
  body: string;
  share: string;
  published_at: Date;
}

const toText = (r: TextRow): PublicText => ({
  pageId: r.page_id,
  kind: r.kind,
  slug: r.slug,
  category: r.category,
  lang: r.lang,
  title: r.title,
  summary: r.summary,
  body: r.body,
  share: r.share,
  publishedAt: new Date(r.published_at),
});

/** The published text in `lang`, else the Italian one; pages of one kind, optionally one slug. */
const PUBLISHED = (
  lang: TSiteLanguage,
) => sql`select distinct on (p.id) p.id as page_id, p.kind, p.slug, p.category,
    v.lang, v.title, v.summary, v.body, v.share, p.published_at, p.menu_order
  from site_pages p
  join site_publications pub on pub.page_id = p.id and pub.lang in (${lang}, 'it')
  join site_page_versions v on v.id = pub.version_id
  where p.state <> 'archived'`;

const ORDER_LANG = (lang: TSiteLanguage) => sql`p.id, (v.lang = ${lang}) desc`;

export async function publishedPage(tx: Tx, kind: TSitePageKind, slug: string, lang: TSiteLanguage) {
  const [row] = await queryRows<TextRow>(
    tx,
    sql`${PUBLISHED(lang)} and p.kind = ${kind} and p.slug = ${slug} order by ${ORDER_LANG(lang)}`,
  );
  return row ? { ...toText(row), body: await withLibraryImages(tx, row.body, row.lang) } : undefined;
}

/** The published items of a kind in `lang` (or Italian), newest first; for lists, so bodies are left as stored. */
export async function publishedOfKind(tx: Tx, kind: TSitePageKind, lang: TSiteLanguage, limit: number) {
  const rows = await queryRows<TextRow>(
    tx,
    sql`select * from (${PUBLISHED(lang)} and p.kind = ${kind} order by ${ORDER_LANG(lang)}) x
         order by x.published_at desc, x.page_id limit ${limit}`,
  );
  return rows.map(toText);
}

/** The news, newest first (a page of 20). */
export const publishedNews = (tx: Tx, lang: TSiteLanguage, limit = 20) =>
  publishedOfKind(tx, 'news', lang, limit);

/** The pages of the main menu, in order, with their title in `lang` (or Italian). */
export async function menuPages(tx: Tx, lang: TSiteLanguage) {
  const rows = await queryRows<TextRow & { menu_order: number }>(
    tx,
    sql`select * from (${PUBLISHED(lang)} and p.kind = 'page' and p.menu_order is not null order by ${ORDER_LANG(lang)}) x
         order by x.menu_order, x.slug`,
  );
  return rows.map((r) => ({ slug: r.slug, title: r.title, lang: r.lang }));
}

/** Every published page and news item with the languages it is published in: for the sitemap. */
export async function publishedIndex(tx: Tx) {
  return queryRows<{ kind: TSitePageKind; slug: string; langs: TSiteLanguage[]; published_at: Date }>(
    tx,
    sql`select p.kind, p.slug, array_agg(pub.lang order by pub.lang) as langs, p.published_at
          from site_pages p join site_publications pub on pub.page_id = p.id
         where p.state <> 'archived' group by p.id order by p.kind, p.slug`,
  );
}

/** The latest text of a page in `lang` (else Italian), published or not: only for a signed preview. */
export async function latestText(tx: Tx, pageId: string, lang: TSiteLanguage) {
  const [row] = await queryRows<TextRow>(
    tx,
    sql`select p.id as page_id, p.kind, p.slug, p.category, v.lang, v.title, v.summary, v.body, v.share,
               coalesce(p.published_at, now()) as published_at
          from site_pages p join site_page_versions v on v.page_id = p.id and v.lang in (${lang}, 'it')
         where p.id = ${pageId} order by (v.lang = ${lang}) desc, v.number desc limit 1`,
  );
  return row ? { ...toText(row), body: await withLibraryImages(tx, row.body, row.lang) } : undefined;
}
