import { sql } from 'drizzle-orm';
import type { TSiteLanguage } from '../../../contracts/website.js';
import type { TVideoTrackKind } from '../../../contracts/website-videos.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { removePublicCopy } from '../../platform/storage/public-copies.js';
import { storeFile } from '../../platform/storage/storage.service.js';
import type { Upload } from '../../platform/storage/upload.js';
import { siteCache } from './public/site-cache.js';
import { reopenPage } from './website-pages.repository.js';
import { auditWebsite, siteFileOwner } from './website-shared.js';
import { withdrawVideoChapter } from './website-video-publication.js';
import { parseTrack } from './website-video-tracks.js';
import { requireVideoPage, videoDetail } from './website-videos.repository.js';
import { requireSettings } from './website-videos.service.js';

/** The chapter's text tracks (subtitles, descriptions, markers per language) and the releases of the people filmed. */

interface TrackKey {
  id: string;
  lang: TSiteLanguage;
  kind: TVideoTrackKind;
}

export function readTrack({ deps, ctx, key }: { deps: Deps; ctx: AccessContext; key: TrackKey }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireVideoPage(tx, key.id);
      const [row] = await queryRows<{ vtt: string }>(
        tx,
        sql`select vtt from site_video_tracks where page_id = ${key.id} and lang = ${key.lang} and kind = ${key.kind}`,
      );
      if (!row) throw problems.notFound();
      return row;
    },
  });
}

/** Saves a track once the WebVTT parser read it without a finding (400 naming `vtt` otherwise). */
export function saveTrack({
  deps,
  ctx,
  key,
  vtt,
}: {
  deps: Deps;
  ctx: AccessContext;
  key: TrackKey;
  vtt: string;
}) {
  const cues = parseTrack(vtt, key.kind);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const page = await requireVideoPage(tx, key.id);
      await requireSettings(tx, key.id);
      await reopenPage(tx, page);
      await tx.execute(
        sql`insert into site_video_tracks (page_id, lang, kind, vtt, cue_count, updated_by)
            values (${key.id}, ${key.lang}, ${key.kind}, ${vtt}, ${cues.length}, ${ctx.userId})
            on conflict (page_id, lang, kind) do update set vtt = excluded.vtt, cue_count = excluded.cue_count,
              updated_by = excluded.updated_by, updated_at = now()`,
      );
      await auditWebsite({
        tx,
        ctx,
        action: 'website.video_track_saved',
        recordType: 'site_page',
        recordId: key.id,
        details: { lang: key.lang, kind: key.kind, cues: cues.length },
      });
      return videoDetail(tx, ctx.userId, key.id);
    },
  });
}

export function deleteTrack({ deps, ctx, key }: { deps: Deps; ctx: AccessContext; key: TrackKey }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const page = await requireVideoPage(tx, key.id);
      const gone = await queryRows(
        tx,
        sql`delete from site_video_tracks where page_id = ${key.id} and lang = ${key.lang} and kind = ${key.kind} returning 1`,
      );
      if (gone.length === 0) throw problems.notFound();
      await reopenPage(tx, page);
      await auditWebsite({
        tx,
        ctx,
        action: 'website.video_track_deleted',
        recordType: 'site_page',
        recordId: key.id,
        details: { lang: key.lang, kind: key.kind },
      });
      return videoDetail(tx, ctx.userId, key.id);
    },
  });
}

/**
 * Records a person's release, with the signed form when there is one (stored by the platform, in
 * the same transaction). The check is cleared: whoever checks confirms the releases too.
 */
export async function recordRelease({
  deps,
  ctx,
  id,
  personName,
  personRole,
  upload,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  personName: string;
  personRole: string;
  upload: Upload | null;
}) {
  const record = async (tx: Parameters<Parameters<typeof scoped>[0]['work']>[0], fileId: string | null) => {
    const page = await requireVideoPage(tx, id);
    await requireSettings(tx, id);
    await reopenPage(tx, page);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into site_video_releases (page_id, person_name, person_role, file_id, recorded_by)
          values (${id}, ${personName}, ${personRole}, ${fileId}, ${ctx.userId}) returning id`,
    );
    await tx.execute(sql`update site_videos set checked_by = null, checked_at = null where page_id = ${id}`);
    await auditWebsite({
      tx,
      ctx,
      action: 'website.video_release_recorded',
      recordType: 'site_page',
      recordId: id,
      details: { releaseId: row!.id, withForm: fileId !== null },
    });
    return videoDetail(tx, ctx.userId, id);
  };
  if (!upload) return scoped({ db: deps.db, ctx, work: (tx) => record(tx, null) });
  await scoped({ db: deps.db, ctx, work: (tx) => requireVideoPage(tx, id) }).catch((error) => {
    upload.content.resume();
    throw error;
  });
  let detail: Awaited<ReturnType<typeof videoDetail>> | undefined;
  await storeFile({
    deps,
    actor: { ctx },
    input: {
      // The signed form names the person: it is read by the editors only, like the release.
      ...siteFileOwner('site_page', id),
      kind: 'document',
      fileName: upload.fileName,
      declaredType: upload.declaredType,
      content: upload.content,
    },
    within: async ({ tx, fileId }) => {
      detail = await record(tx, fileId);
    },
  });
  return detail!;
}

/**
 * Deletes a release (a person withdrew it, or it was recorded by mistake). A published chapter is
 * withdrawn from the site at once — the person may not want to be seen any longer — and goes back
 * to draft; its check is made again before it is published.
 */
export async function deleteRelease({
  deps,
  ctx,
  id,
  releaseId,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  releaseId: string;
}) {
  const withdrawn: string[] = [];
  const detail = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const page = await requireVideoPage(tx, id);
      const gone = await queryRows(
        tx,
        sql`delete from site_video_releases where id = ${releaseId} and page_id = ${id} returning 1`,
      );
      if (gone.length === 0) throw new OutOfScope('site_page', id);
      await reopenPage(tx, page);
      // Public (even while a newer draft is being prepared): withdrawn at once.
      const shown = await queryRows(tx, sql`select 1 from site_publications where page_id = ${id} limit 1`);
      if (shown.length > 0) {
        await tx.execute(sql`delete from site_publications where page_id = ${id}`);
        await tx.execute(sql`update site_pages set published_at = null where id = ${id}`);
        withdrawn.push(...(await withdrawVideoChapter(tx, id)));
        await tx.execute(
          sql`insert into site_page_transitions (page_id, action, from_state, to_state, note, by_id)
              values (${id}, 'return', ${page.state}, 'draft', 'Liberatoria ritirata: capitolo tolto dal sito.', ${ctx.userId})`,
        );
      }
      await tx.execute(
        sql`update site_videos set checked_by = null, checked_at = null where page_id = ${id}`,
      );
      await auditWebsite({
        tx,
        ctx,
        action: 'website.video_release_deleted',
        recordType: 'site_page',
        recordId: id,
        details: { releaseId, withdrawn: withdrawn.length > 0 },
      });
      return videoDetail(tx, ctx.userId, id);
    },
  });
  siteCache.clear();
  for (const fileId of withdrawn) await removePublicCopy({ deps, fileId });
  return detail;
}
