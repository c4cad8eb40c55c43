import { type SQL, sql } from 'drizzle-orm';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { storeFile } from '../../platform/storage/storage.service.js';
import type { Upload } from '../../platform/storage/upload.js';
import type { conferenceDetail } from './website-conferences.repository.js';
import { requireConferencePage } from './website-conferences.repository.js';
import {
  applyConferenceChange,
  changeConference,
  requireRoomForMore,
} from './website-conferences.service.js';
import { refuseArchived } from './website-pages.repository.js';
import { siteFileOwner } from './website-shared.js';

/**
 * A conference's materials after the event (issue 24, item 5): documents (PDF only, stored by the
 * platform) and recordings (chapters of the video manual, shown while the chapter is on the site).
 * A document taken off the list keeps its stored file while the published page still offers it;
 * the next publication drops it from the public page.
 */

function insertMaterial(tx: Tx, pageId: string, userId: string, values: SQL) {
  return tx.execute(
    sql`insert into site_conference_materials (page_id, title, file_id, video_page_id, sort_order, added_by)
        values (${pageId}, ${values}, (select count(*) from site_conference_materials where page_id = ${pageId}), ${userId})`,
  );
}

/** A PDF of the conference's materials, stored by the platform (content check, encryption, audit). */
export async function addDocument({
  deps,
  ctx,
  id,
  titleIt,
  upload,
  max,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  titleIt: string;
  upload: Pick<Upload, 'fileName' | 'declaredType' | 'content'>;
  max: number;
}) {
  // Refused before the bytes are read: an archived page, another kind, a full list.
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      refuseArchived(await requireConferencePage(tx, id));
      await requireRoomForMore(tx, 'materials', id, max);
    },
  });
  let detail: Awaited<ReturnType<typeof conferenceDetail>> | undefined;
  await storeFile({
    deps,
    actor: { ctx },
    input: { ...siteFileOwner('site_page', id), kind: 'publication', ...upload },
    within: async ({ tx, fileId }) => {
      detail = await applyConferenceChange(tx, ctx, id, 'materials', async () => {
        await insertMaterial(tx, id, ctx.userId, sql`${titleIt}, ${fileId}, null`);
        return { change: 'added', fileId };
      });
    },
  });
  return detail!;
}

export function addRecording(args: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  videoPageId: string;
  max: number;
}) {
  const { id, videoPageId, ctx } = args;
  return changeConference({
    ...args,
    part: 'materials',
    change: async (tx) => {
      await requireRoomForMore(tx, 'materials', id, args.max);
      const chapter = await queryRows(
        tx,
        sql`select 1 from site_pages where id = ${videoPageId} and kind = 'video' and state <> 'archived'`,
      );
      if (chapter.length === 0)
        throw problems.field('videoPageId', 'unknown', {
          it: 'Scegli un capitolo del manuale video.',
          en: 'Choose a chapter of the video manual.',
        });
      await insertMaterial(tx, id, ctx.userId, sql`null, null, ${videoPageId}`);
      return { change: 'added', videoPageId };
    },
  });
}

export function deleteMaterial(args: { deps: Deps; ctx: AccessContext; id: string; materialId: string }) {
  return changeConference({
    ...args,
    part: 'materials',
    change: async (tx) => {
      const rows = await queryRows(
        tx,
        sql`delete from site_conference_materials where id = ${args.materialId} and page_id = ${args.id} returning id`,
      );
      if (rows.length === 0) throw problems.notFound();
      return { change: 'deleted', materialId: args.materialId };
    },
  });
}
