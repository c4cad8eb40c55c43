import { sql } from 'drizzle-orm';
import {
  HOME_SLUG,
  SITE_LANGUAGES,
  type TSiteHistoryEntry,
  type TSiteLanguage,
  type TSitePageKind,
  type TSitePageSummary,
  type TSiteVersion,
  type TTranslationStatus,
} from '../../../contracts/website.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { isoTime, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { problems } from '../../platform/http/problem.js';

/** Reads of the editorial side: pages with their translation states, versions, history. */

export interface PageRow {
  id: string;
  kind: TSitePageKind;
  slug: string;
  category: TSitePageSummary['category'];
  state: TSitePageSummary['state'];
  parent_id: string | null;
  menu_order: number | null;
  publish_at: Date | null;
  published_at: Date | null;
  submitted_by: string | null;
  approved_by: string | null;
  updated_at: Date;
}

const PAGE_COLUMNS = sql`p.id, p.kind, p.slug, p.category, p.state, p.parent_id, p.menu_order, p.publish_at,
  p.published_at, p.submitted_by, p.approved_by, p.updated_at`;

/** The public path of a page: the home is the site's root. */
const KIND_PATHS: Record<Exclude<TSitePageKind, 'page'>, string> = {
  news: '/sito/notizie',
  video: '/sito/video',
  conference: '/sito/convegni',
};
export const publicPathOf = (kind: TSitePageKind, slug: string) =>
  kind !== 'page' ? `${KIND_PATHS[kind]}/${slug}` : slug === HOME_SLUG ? '/sito' : `/sito/${slug}`;

/** The page, locked for a change when asked; a page that does not exist is an audited 404. */
export async function requirePage(tx: Tx, id: string, lock = false): Promise<PageRow> {
  const [row] = await queryRows<PageRow>(
    tx,
    sql`select ${PAGE_COLUMNS} from site_pages p where p.id = ${id}${lock ? sql` for update` : sql``}`,
  );
  if (!row) throw new OutOfScope('site_page', id);
  return row;
}

interface LatestRow {
  page_id: string;
  lang: TSiteLanguage;
  number: number;
  based_on: number | null;
  published: number | null;
}

/** Each page's latest version per language and the one published. */
async function latestVersions(tx: Tx, pageIds: readonly string[]) {
  if (pageIds.length === 0) return new Map<string, LatestRow[]>();
  const rows = await queryRows<LatestRow>(
    tx,
    sql`select l.page_id, l.lang, l.number, l.based_on, pv.number as published
          from (select distinct on (v.page_id, v.lang) v.page_id, v.lang, v.number, v.based_on
                  from site_page_versions v where v.page_id in (${uuidList(pageIds)})
                 order by v.page_id, v.lang, v.number desc) l
          left join site_publications pub on pub.page_id = l.page_id and pub.lang = l.lang
          left join site_page_versions pv on pv.id = pub.version_id`,
  );
  const byPage = new Map<string, LatestRow[]>();
  for (const r of rows) byPage.set(r.page_id, [...(byPage.get(r.page_id) ?? []), r]);
  return byPage;
}

/**
 * A translation is out of date when it was made from an older Italian text than the latest one:
 * the Italian changed since, and the translator has to look again.
 */
export function translationStates(rows: readonly LatestRow[]) {
  const italian = rows.find((r) => r.lang === 'it');
  return SITE_LANGUAGES.map((lang) => {
    const row = rows.find((r) => r.lang === lang);
    const status: TTranslationStatus = !row
      ? 'missing'
      : lang !== 'it' && italian && (row.based_on ?? 0) < italian.number
        ? 'outdated'
        : 'current';
    return { lang, status, version: row?.number ?? null, publishedVersion: row?.published ?? null };
  });
}

/** The Italian title of each page (its latest version). */
async function italianTitles(tx: Tx, pageIds: readonly string[]) {
  if (pageIds.length === 0) return new Map<string, string>();
  const rows = await queryRows<{ page_id: string; title: string }>(
    tx,
    sql`select distinct on (v.page_id) v.page_id, v.title from site_page_versions v
         where v.lang = 'it' and v.page_id in (${uuidList(pageIds)}) order by v.page_id, v.number desc`,
  );
  return new Map(rows.map((r) => [r.page_id, r.title]));
}

export async function summariesOf(tx: Tx, pages: readonly PageRow[]): Promise<TSitePageSummary[]> {
  const ids = pages.map((p) => p.id);
  // One after the other: a transaction is one connection.
  const latest = await latestVersions(tx, ids);
  const titles = await italianTitles(tx, ids);
  return pages.map((p) => ({
    id: p.id,
    kind: p.kind,
    slug: p.slug,
    category: p.category,
    state: p.state,
    title: titles.get(p.id) ?? p.slug,
    publicPath: publicPathOf(p.kind, p.slug),
    publishAt: isoTime(p.publish_at),
    publishedAt: isoTime(p.published_at),
    updatedAt: isoTime(p.updated_at)!,
    translations: translationStates(latest.get(p.id) ?? []),
  }));
}

/** Every page, the ones being worked on first, then the latest changed. */
export async function listPages(tx: Tx, kind?: TSitePageKind) {
  const rows = await queryRows<PageRow>(
    tx,
    sql`select ${PAGE_COLUMNS} from site_pages p ${kind ? sql`where p.kind = ${kind}` : sql``}
         order by (p.state in ('published', 'archived')), p.updated_at desc, p.id limit 500`,
  );
  return summariesOf(tx, rows);
}

interface VersionRow {
  lang: TSiteLanguage;
  number: number;
  title: string;
  summary: string;
  share: string;
  body: string;
  based_on: number | null;
  author: string;
  created_at: Date;
}

const toVersion = (r: VersionRow): TSiteVersion => ({
  lang: r.lang,
  number: r.number,
  title: r.title,
  summary: r.summary,
  share: r.share,
  body: r.body,
  basedOn: r.based_on,
  author: r.author,
  createdAt: isoTime(r.created_at)!,
});

const VERSION_SELECT = sql`select v.lang, v.number, v.title, v.summary, v.body, v.share, v.based_on, u.display_name as author, v.created_at
  from site_page_versions v join users u on u.id = v.author_id`;

export async function currentVersions(tx: Tx, pageId: string) {
  const rows = await queryRows<VersionRow>(
    tx,
    sql`select distinct on (x.lang) x.* from (${VERSION_SELECT} where v.page_id = ${pageId}) x
         order by x.lang, x.number desc`,
  );
  return rows.map(toVersion);
}

export async function versionsOf(tx: Tx, pageId: string, lang: TSiteLanguage) {
  const rows = await queryRows<VersionRow>(
    tx,
    sql`${VERSION_SELECT} where v.page_id = ${pageId} and v.lang = ${lang} order by v.number desc limit 200`,
  );
  return rows.map(toVersion);
}

export async function versionOf(tx: Tx, pageId: string, lang: TSiteLanguage, number: number) {
  const [row] = await queryRows<VersionRow>(
    tx,
    sql`${VERSION_SELECT} where v.page_id = ${pageId} and v.lang = ${lang} and v.number = ${number}`,
  );
  return row ? toVersion(row) : undefined;
}

/** The workflow's moves and the saved versions, newest first: who changed what, and when. */
export async function historyOf(tx: Tx, pageId: string): Promise<TSiteHistoryEntry[]> {
  const rows = await queryRows<{
    action: TSiteHistoryEntry['action'];
    lang: TSiteLanguage | null;
    version: number | null;
    by: string | null;
    at: Date;
    note: string | null;
  }>(
    tx,
    sql`select * from (
          select t.action, null::text as lang, null::int as version, u.display_name as by, t.at, t.note
            from site_page_transitions t left join users u on u.id = t.by_id where t.page_id = ${pageId}
          union all
          select case when v.number = 1 and v.lang = 'it' then 'created' else 'edited' end, v.lang, v.number,
                 u.display_name, v.created_at, null
            from site_page_versions v join users u on u.id = v.author_id where v.page_id = ${pageId}
        ) h order by h.at desc limit 300`,
  );
  return rows.map((r) => ({ ...r, by: r.by ?? 'Trama', at: isoTime(r.at)! }));
}

/**
 * A page whose own parts (a chapter's video, a conference's programme) are being changed: not
 * archived; back to draft with its approval cleared, as a text change does. The public keeps what
 * was published until the next publication.
 */
export async function reopenPage(tx: Tx, page: PageRow) {
  refuseArchived(page);
  await tx.execute(
    sql`update site_pages set state = 'draft', publish_at = null, submitted_by = null, approved_by = null, updated_at = now()
         where id = ${page.id}`,
  );
}

export function refuseArchived(page: PageRow) {
  if (page.state === 'archived')
    throw problems.conflict({
      it: 'La pagina è archiviata: ripristinala per modificarla.',
      en: 'The page is archived: restore it to edit it.',
    });
}
