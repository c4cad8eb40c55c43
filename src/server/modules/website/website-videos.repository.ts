import { sql } from 'drizzle-orm';
import type { TWorkPackage } from '../../../contracts/governance-codes.js';
import type { TSiteLanguage } from '../../../contracts/website.js';
import type {
  TVideoBlocker,
  TVideoDetail,
  TVideoFile,
  TVideoTrackKind,
} from '../../../contracts/website-videos.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { type PageRow, requirePage } from './website-pages.repository.js';

/** A site page that is a chapter of the video manual (any other page is not found on these paths). */
export async function requireVideoPage(tx: Tx, id: string): Promise<PageRow> {
  const page = await requirePage(tx, id, true);
  if (page.kind !== 'video') throw new OutOfScope('site_page', id);
  return page;
}

interface VideoRow {
  work_package: TWorkPackage;
  practice: string;
  chapter_number: number;
  video_file_id: string | null;
  video_uploaded_by: string | null;
  video_by: string | null;
  video_uploaded_at: Date | null;
  video_type: string | null;
  video_size: string | number | null;
  poster_file_id: string | null;
  poster_by: string | null;
  poster_uploaded_at: Date | null;
  poster_type: string | null;
  poster_size: string | number | null;
  checked_by: string | null;
  checker: string | null;
  checked_at: Date | null;
}

/** The chapter's row, with its files' types and sizes (editors see the website's file rows: migration 0054). */
async function videoRow(tx: Tx, pageId: string) {
  const [row] = await queryRows<VideoRow>(
    tx,
    sql`select v.work_package, v.practice, v.chapter_number, v.video_file_id, v.video_uploaded_by,
               vu.display_name as video_by, v.video_uploaded_at, vf.content_type as video_type, vf.size_bytes as video_size,
               v.poster_file_id, pu.display_name as poster_by, v.poster_uploaded_at,
               pf.content_type as poster_type, pf.size_bytes as poster_size,
               v.checked_by, cu.display_name as checker, v.checked_at
          from site_videos v
          left join users vu on vu.id = v.video_uploaded_by
          left join users pu on pu.id = v.poster_uploaded_by
          left join users cu on cu.id = v.checked_by
          left join stored_files vf on vf.id = v.video_file_id
          left join stored_files pf on pf.id = v.poster_file_id
         where v.page_id = ${pageId}`,
  );
  return row ?? null;
}

const fileOf = (
  id: string | null,
  type: string | null,
  size: string | number | null,
  by: string | null,
  at: Date | null,
): TVideoFile | null =>
  id && at
    ? {
        fileId: id,
        contentType: type ?? '',
        sizeBytes: Number(size ?? 0),
        uploadedBy: by ?? 'Trama',
        uploadedAt: isoTime(at)!,
      }
    : null;

/** The chapter as its editors see it; `userId` is the reader, who may or may not make the check. */
export async function videoDetail(tx: Tx, userId: string | null, pageId: string): Promise<TVideoDetail> {
  const row = await videoRow(tx, pageId);
  const tracks = await queryRows<{
    lang: TSiteLanguage;
    kind: TVideoTrackKind;
    cue_count: number;
    by: string;
    updated_at: Date;
  }>(
    tx,
    sql`select t.lang, t.kind, t.cue_count, u.display_name as by, t.updated_at
          from site_video_tracks t join users u on u.id = t.updated_by
         where t.page_id = ${pageId} order by t.lang, t.kind`,
  );
  const releases = await queryRows<{
    id: string;
    person_name: string;
    person_role: string;
    file_id: string | null;
    by: string;
    recorded_at: Date;
  }>(
    tx,
    sql`select r.id, r.person_name, r.person_role, r.file_id, u.display_name as by, r.recorded_at
          from site_video_releases r join users u on u.id = r.recorded_by
         where r.page_id = ${pageId} order by r.recorded_at, r.id`,
  );
  const blockers: TVideoBlocker[] = [];
  if (!row?.video_file_id) blockers.push('video');
  if (!tracks.some((t) => t.lang === 'it' && t.kind === 'subtitles')) blockers.push('subtitles_it');
  if (releases.length === 0) blockers.push('releases');
  if (!row?.checked_by) blockers.push('check');
  return {
    settings: row
      ? { workPackage: row.work_package, practice: row.practice, chapterNumber: row.chapter_number }
      : null,
    video: fileOf(
      row?.video_file_id ?? null,
      row?.video_type ?? null,
      row?.video_size ?? null,
      row?.video_by ?? null,
      row?.video_uploaded_at ?? null,
    ),
    poster: fileOf(
      row?.poster_file_id ?? null,
      row?.poster_type ?? null,
      row?.poster_size ?? null,
      row?.poster_by ?? null,
      row?.poster_uploaded_at ?? null,
    ),
    tracks: tracks.map((t) => ({
      lang: t.lang,
      kind: t.kind,
      cueCount: t.cue_count,
      updatedBy: t.by,
      updatedAt: isoTime(t.updated_at)!,
    })),
    releases: releases.map((r) => ({
      id: r.id,
      personName: r.person_name,
      personRole: r.person_role,
      fileId: r.file_id,
      recordedBy: r.by,
      recordedAt: isoTime(r.recorded_at)!,
    })),
    check:
      row?.checked_by && row.checked_at ? { by: row.checker ?? 'Trama', at: isoTime(row.checked_at)! } : null,
    canCheck: !!row?.video_file_id && row.video_uploaded_by !== userId,
    blockers,
  };
}
