import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { TVideoSettings } from '../../../contracts/website-videos.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import type { FileKindName } from '../../platform/storage/file-kinds.js';
import { takeResumableUpload } from '../../platform/storage/resumable.js';
import { storeFile } from '../../platform/storage/storage.service.js';
import type { Upload } from '../../platform/storage/upload.js';
import { cleanImage } from './website-media.service.js';
import { refuseArchived, reopenPage } from './website-pages.repository.js';
import { auditWebsite, siteFileOwner } from './website-shared.js';
import { requireVideoPage, videoDetail } from './website-videos.repository.js';

/**
 * The video manual's chapters (issue 24, item 4): what each shows, its video and poster, and the
 * second editor's check. Every change sends the chapter back to draft, as a text change does: the
 * public keeps what was published until the next publication.
 */

export function readVideo({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireVideoPage(tx, id);
      const detail = await videoDetail(tx, ctx.userId, id);
      // The releases name the people filmed: their reading is audited, with the count only.
      await auditWebsite({
        tx,
        ctx,
        action: 'website.video_read',
        recordType: 'site_page',
        recordId: id,
        details: { releases: detail.releases.length },
      });
      return detail;
    },
  });
}

export async function requireSettings(tx: Tx, pageId: string) {
  const rows = await queryRows(tx, sql`select 1 from site_videos where page_id = ${pageId}`);
  if (rows.length === 0)
    throw problems.conflict({
      it: 'Salva prima l’area di lavoro, la pratica e il numero del capitolo.',
      en: 'Save the area of work, the practice and the chapter number first.',
    });
}

export function saveVideoSettings({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: TVideoSettings;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const page = await requireVideoPage(tx, id);
      await reopenPage(tx, page);
      await tx.execute(
        sql`insert into site_videos (page_id, work_package, practice, chapter_number)
            values (${id}, ${input.workPackage}, ${input.practice}, ${input.chapterNumber})
            on conflict (page_id) do update set work_package = excluded.work_package, practice = excluded.practice,
              chapter_number = excluded.chapter_number, updated_at = now()`,
      );
      await auditWebsite({
        tx,
        ctx,
        action: 'website.video_changed',
        recordType: 'site_page',
        recordId: id,
        details: { part: 'settings' },
      });
      return videoDetail(tx, ctx.userId, id);
    },
  });
}

/** Checks the chapter may take a file now (before the bytes are read and stored). */
function requireChapterForFile(deps: Deps, ctx: AccessContext, id: string) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      refuseArchived(await requireVideoPage(tx, id));
      await requireSettings(tx, id);
    },
  });
}

/**
 * Stores a chapter's file through the platform (content check, encryption, audit) and points the
 * chapter at it in the same transaction. A new video clears the check: the second editor watches
 * the new one.
 */
async function storeChapterFile({
  deps,
  ctx,
  id,
  part,
  upload,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  part: 'video' | 'poster';
  upload: Pick<Upload, 'fileName' | 'declaredType' | 'content'>;
}) {
  const kind: FileKindName = part === 'video' ? 'video' : 'image';
  let detail: Awaited<ReturnType<typeof videoDetail>> | undefined;
  await storeFile({
    deps,
    actor: { ctx },
    input: {
      ...siteFileOwner('site_page', id),
      kind,
      ...upload,
    },
    within: async ({ tx, fileId }) => {
      const page = await requireVideoPage(tx, id);
      await reopenPage(tx, page);
      await tx.execute(
        part === 'video'
          ? sql`update site_videos set video_file_id = ${fileId}, video_uploaded_by = ${ctx.userId}, video_uploaded_at = now(),
                  checked_by = null, checked_at = null, updated_at = now() where page_id = ${id}`
          : sql`update site_videos set poster_file_id = ${fileId}, poster_uploaded_by = ${ctx.userId}, poster_uploaded_at = now(),
                  checked_by = null, checked_at = null, updated_at = now() where page_id = ${id}`,
      );
      await auditWebsite({
        tx,
        ctx,
        action: 'website.video_changed',
        recordType: 'site_page',
        recordId: id,
        details: { part, fileId },
      });
      detail = await videoDetail(tx, ctx.userId, id);
    },
  });
  return detail!;
}

/** Takes the editor's finished resumable upload as the chapter's video; the gathered copy goes either way. */
export async function attachVideo({
  deps,
  ctx,
  id,
  uploadId,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  uploadId: string;
}) {
  await requireChapterForFile(deps, ctx, id);
  const upload = await takeResumableUpload({ deps, userId: ctx.userId, uploadId });
  try {
    return await storeChapterFile({ deps, ctx, id, part: 'video', upload });
  } finally {
    upload.content.destroy();
    await upload.discard();
  }
}

/**
 * The poster is public once the chapter is: checked by content, then re-encoded (at most 1280 px
 * wide, WebP) so nothing of the original's metadata — a phone photo's place — reaches the site. A new
 * poster clears the check: the second editor looks at it too.
 */
export async function attachPoster({
  deps,
  ctx,
  id,
  upload,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  upload: Upload;
}) {
  await requireChapterForFile(deps, ctx, id).catch((error) => {
    upload.content.resume();
    throw error;
  });
  const webp = await cleanImage(upload);
  return storeChapterFile({
    deps,
    ctx,
    id,
    part: 'poster',
    upload: { fileName: 'copertina.webp', declaredType: 'image/webp', content: Readable.from([webp]) },
  });
}

/**
 * The second pair of eyes: an editor other than the one who uploaded the video confirms they
 * watched it and nobody vulnerable can be recognised, and that its people's releases are recorded.
 */
export function confirmVideoCheck({
  deps,
  ctx,
  id,
  videoFileId,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  videoFileId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const page = await requireVideoPage(tx, id);
      const before = await videoDetail(tx, ctx.userId, id);
      if (!before.video)
        throw problems.conflict({ it: 'Carica prima il video.', en: 'Upload the video first.' });
      if (before.video.fileId !== videoFileId)
        throw problems.conflict({
          it: 'Nel frattempo è stato caricato un altro video: guardalo prima di confermare la verifica.',
          en: 'Another video was uploaded meanwhile: watch it before confirming the check.',
        });
      if (before.releases.length === 0)
        throw problems.conflict({
          it: 'Registra prima le liberatorie delle persone riprese.',
          en: 'Record the releases of the people filmed first.',
        });
      if (!before.canCheck)
        throw problems.conflict({
          it: 'Il controllo lo fa un’altra redattrice o un altro redattore, non chi ha caricato il video.',
          en: 'The check is made by another editor, not the one who uploaded the video.',
        });
      await reopenPage(tx, page);
      await tx.execute(
        sql`update site_videos set checked_by = ${ctx.userId}, checked_at = now(), updated_at = now() where page_id = ${id}`,
      );
      await auditWebsite({ tx, ctx, action: 'website.video_checked', recordType: 'site_page', recordId: id });
      return videoDetail(tx, ctx.userId, id);
    },
  });
}
