import { sql } from 'drizzle-orm';
import type { TSiteLanguage } from '../../../contracts/website.js';
import type { TVideoBlocker, TVideoTrackKind } from '../../../contracts/website-videos.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { PageRow } from './website-pages.repository.js';
import { dictionaryOf, parseTrack } from './website-video-tracks.js';
import { videoDetail } from './website-videos.repository.js';

/**
 * Publishing a chapter of the video manual: what the public reads is copied at that moment (the
 * video and poster it points at, the tracks, and each line of the subtitles and descriptions
 * indexed for the search), so later work on the chapter stays out of sight until it is published
 * again. A trigger (TR020) refuses a chapter without its video, Italian subtitles, releases or check.
 */

const BLOCKER_WORDS: Record<TVideoBlocker, { it: string; en: string }> = {
  video: { it: 'il video', en: 'the video' },
  subtitles_it: { it: 'i sottotitoli in italiano', en: 'the Italian subtitles' },
  releases: { it: 'le liberatorie delle persone riprese', en: 'the releases of the people filmed' },
  check: {
    it: 'il controllo di un’altra redattrice o un altro redattore',
    en: 'the check by another editor',
  },
};

/** Why a chapter cannot go public now, in words; null when it can (or the page is not a chapter). */
export async function videoRefusal(tx: Tx, page: PageRow) {
  if (page.kind !== 'video') return null;
  const { blockers } = await videoDetail(tx, null, page.id);
  if (blockers.length === 0) return null;
  return {
    it: `Per pubblicare il capitolo mancano: ${blockers.map((b) => BLOCKER_WORDS[b].it).join(', ')}.`,
    en: `To publish the chapter, it still needs: ${blockers.map((b) => BLOCKER_WORDS[b].en).join(', ')}.`,
  };
}

export async function publishVideoChapter(tx: Tx, pageId: string) {
  await tx.execute(
    sql`insert into site_video_public (page_id, video_file_id, poster_file_id, work_package, practice, chapter_number)
        select page_id, video_file_id, poster_file_id, work_package, practice, chapter_number
          from site_videos where page_id = ${pageId} and video_file_id is not null
        on conflict (page_id) do update set video_file_id = excluded.video_file_id, poster_file_id = excluded.poster_file_id,
          work_package = excluded.work_package, practice = excluded.practice, chapter_number = excluded.chapter_number,
          published_at = now()`,
  );
  await tx.execute(sql`delete from site_video_public_tracks where page_id = ${pageId}`);
  await tx.execute(sql`delete from site_video_cues where page_id = ${pageId}`);
  const tracks = await queryRows<{ lang: TSiteLanguage; kind: TVideoTrackKind; vtt: string }>(
    tx,
    sql`insert into site_video_public_tracks (page_id, lang, kind, vtt)
        select page_id, lang, kind, vtt from site_video_tracks where page_id = ${pageId}
        returning lang, kind, vtt`,
  );
  for (const track of tracks) {
    if (track.kind === 'chapters') continue;
    const cues = parseTrack(track.vtt, track.kind);
    if (cues.length === 0) continue;
    const values = cues.map(
      (c) =>
        sql`(${pageId}, ${track.lang}, ${track.kind}, ${c.startMs}, ${c.text}, ${dictionaryOf(track.lang)}::regconfig)`,
    );
    await tx.execute(
      sql`insert into site_video_cues (page_id, lang, kind, start_ms, text, dictionary) values ${sql.join(values, sql`, `)}`,
    );
  }
}

/**
 * Archived (or its release withdrawn), a chapter leaves the public site with its video, tracks and
 * search lines; the files it showed are returned, for their public copies to be removed.
 */
export async function withdrawVideoChapter(tx: Tx, pageId: string) {
  const rows = await queryRows<{ video_file_id: string; poster_file_id: string | null }>(
    tx,
    sql`delete from site_video_public where page_id = ${pageId} returning video_file_id, poster_file_id`,
  );
  return rows.flatMap((r) => [r.video_file_id, ...(r.poster_file_id ? [r.poster_file_id] : [])]);
}
