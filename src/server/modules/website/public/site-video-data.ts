import { sql } from 'drizzle-orm';
import type { TWorkPackage } from '../../../../contracts/governance-codes.js';
import type { TSiteLanguage } from '../../../../contracts/website.js';
import type { TVideoTrackKind } from '../../../../contracts/website-videos.js';
import { queryRows, type Tx } from '../../../platform/db/client.js';
import { type Cue, parseTrack } from '../website-video-tracks.js';
import { type PublicText, publishedOfKind, publishedPage } from './site-data.js';

/**
 * What the public reads of the video manual: only the copies made at publication
 * (`site_video_public*`, `site_video_cues`), of chapters not archived.
 */

export interface PublicChapter {
  text: PublicText;
  videoFileId: string;
  videoType: string;
  posterFileId: string | null;
  workPackage: TWorkPackage;
  practice: string;
  chapterNumber: number;
}

interface ChapterRow {
  page_id: string;
  video_file_id: string;
  video_type: string;
  poster_file_id: string | null;
  work_package: TWorkPackage;
  practice: string;
  chapter_number: number;
}

const CHAPTER_ROWS = sql`select v.page_id, v.video_file_id, f.content_type as video_type, v.poster_file_id,
    v.work_package, v.practice, v.chapter_number
  from site_video_public v join site_pages p on p.id = v.page_id and p.state <> 'archived'
  join stored_files f on f.id = v.video_file_id`;

const chapterOf = (row: ChapterRow, text: PublicText): PublicChapter => ({
  text,
  videoFileId: row.video_file_id,
  videoType: row.video_type,
  posterFileId: row.poster_file_id,
  workPackage: row.work_package,
  practice: row.practice,
  chapterNumber: row.chapter_number,
});

/** Every published chapter in the manual's order, with its text in `lang` (or Italian). */
export async function publishedChapters(tx: Tx, lang: TSiteLanguage): Promise<PublicChapter[]> {
  const texts = new Map((await publishedOfKind(tx, 'video', lang, 500)).map((t) => [t.pageId, t]));
  const rows = await queryRows<ChapterRow>(tx, sql`${CHAPTER_ROWS} order by v.chapter_number, p.slug`);
  return rows.flatMap((row) => {
    const text = texts.get(row.page_id);
    return text ? [chapterOf(row, text)] : [];
  });
}

export async function publishedChapter(tx: Tx, slug: string, lang: TSiteLanguage) {
  const text = await publishedPage(tx, 'video', slug, lang);
  if (!text) return undefined;
  const [row] = await queryRows<ChapterRow>(tx, sql`${CHAPTER_ROWS} where v.page_id = ${text.pageId}`);
  return row ? chapterOf(row, text) : undefined;
}

/** The languages each kind of track is published in. */
export async function publishedTrackLanguages(tx: Tx, pageId: string) {
  return queryRows<{ lang: TSiteLanguage; kind: TVideoTrackKind }>(
    tx,
    sql`select lang, kind from site_video_public_tracks where page_id = ${pageId} order by lang, kind`,
  );
}

export async function publishedTrack(tx: Tx, slug: string, lang: TSiteLanguage, kind: TVideoTrackKind) {
  const [row] = await queryRows<{ vtt: string }>(
    tx,
    sql`select t.vtt from site_video_public_tracks t join site_pages p on p.id = t.page_id
         where p.kind = 'video' and p.slug = ${slug} and p.state <> 'archived' and t.lang = ${lang} and t.kind = ${kind}`,
  );
  return row?.vtt;
}

export interface TranscriptLine extends Cue {
  kind: 'subtitles' | 'descriptions';
}

/**
 * The transcript beside the video: the subtitles and the descriptions of the pictures in `lang`,
 * in time order, or the Italian ones when the chapter has no subtitles in `lang`.
 */
export async function transcriptOf(tx: Tx, pageId: string, lang: TSiteLanguage) {
  const rows = await queryRows<{ lang: TSiteLanguage; kind: 'subtitles' | 'descriptions'; vtt: string }>(
    tx,
    sql`select lang, kind, vtt from site_video_public_tracks
         where page_id = ${pageId} and kind in ('subtitles', 'descriptions') and lang in (${lang}, 'it')`,
  );
  const shown: TSiteLanguage = rows.some((r) => r.lang === lang && r.kind === 'subtitles') ? lang : 'it';
  const lines: TranscriptLine[] = rows
    .filter((r) => r.lang === shown)
    .flatMap((r) => parseTrack(r.vtt, r.kind).map((cue) => ({ ...cue, kind: r.kind })));
  lines.sort((a, b) => a.startMs - b.startMs || (a.kind === 'descriptions' ? -1 : 1));
  const markers = rows.length > 0 ? await chapterMarkers(tx, pageId, lang) : null;
  return { lang: shown, lines, markers };
}

async function chapterMarkers(tx: Tx, pageId: string, lang: TSiteLanguage) {
  const rows = await queryRows<{ lang: TSiteLanguage; vtt: string }>(
    tx,
    sql`select lang, vtt from site_video_public_tracks
         where page_id = ${pageId} and kind = 'chapters' and lang in (${lang}, 'it') order by (lang = ${lang}) desc limit 1`,
  );
  return rows[0] ? { lang: rows[0].lang, cues: parseTrack(rows[0].vtt, 'chapters') } : null;
}

/** Every dictionary `dictionaryOf` gives a language (a unit test holds them together). */
export const SEARCH_DICTIONARIES = [
  'italian',
  'english',
  'french',
  'spanish',
  'romanian',
  'arabic',
  'simple',
] as const;
/** Marks around the words found, replaced by `<mark>` after escaping (the text may hold « or <). */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/**
 * The lines of every published transcript that say the words asked, in any language: each
 * language's lines are searched with its own dictionary (one indexed query per dictionary), best
 * matches first.
 */
export async function searchTranscripts(tx: Tx, query: string, limit: number) {
  const branches = SEARCH_DICTIONARIES.map(
    (d) => sql`select c.page_id, c.lang, c.start_ms, c.text, ts_rank(c.search, q.q) as rank,
         ts_headline(${d}::regconfig, c.text, q.q, ${`StartSel=${HIT_START}, StopSel=${HIT_END}, HighlightAll=true`}) as excerpt
       from site_video_cues c, websearch_to_tsquery(${d}::regconfig, ${query}) q(q)
      where c.dictionary = ${d}::regconfig and c.search @@ q.q`,
  );
  return queryRows<{ page_id: string; lang: TSiteLanguage; start_ms: number; excerpt: string }>(
    tx,
    sql`select h.page_id, h.lang, h.start_ms, h.excerpt from (${sql.join(branches, sql` union all `)}) h
          join site_pages p on p.id = h.page_id and p.state <> 'archived'
         order by h.rank desc, h.page_id, h.start_ms limit ${limit}`,
  );
}
