import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ZAgendaFileSchema } from '../../../contracts/governance-committees.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { describeFiles, storeFile } from '../../platform/storage/storage.service.js';
import { readUpload } from '../../platform/storage/upload.js';
import { requireCommitteeRole, requireMeeting } from './governance.policy.js';

type TAgendaFile = z.infer<typeof ZAgendaFileSchema>;

/**
 * Documents attached to an agenda item (a draft budget, a progress report): checked, encrypted and
 * stored by platform/storage, record type `governance_agenda_item`. Whoever reads the agenda item
 * reads its files (governance-files.ts; stored_files_governance in 0045_governance_rls); only the
 * chair and the secretary attach them.
 */

/** The documents of these items, by item: which files under the caller's RLS, their names as the owner. */
export async function filesOfAgenda({
  deps,
  tx,
  itemIds,
}: {
  deps: Deps;
  tx: Tx;
  itemIds: string[];
}): Promise<Map<string, TAgendaFile[]>> {
  const byItem = new Map<string, TAgendaFile[]>();
  if (itemIds.length === 0) return byItem;
  const links = await queryRows<{ id: string; record_id: string }>(
    tx,
    sql`select id, record_id from stored_files
         where module = 'governance' and record_type = 'governance_agenda_item'
           and record_id in (${uuidList(itemIds)}) and deleted_at is null`,
  );
  if (links.length === 0) return byItem;
  const files = await unsafeAsSystem(tx, (sys) =>
    describeFiles({ deps, tx: sys, fileIds: links.map((l) => l.id) }),
  );
  const itemOf = new Map(links.map((l) => [l.id, l.record_id]));
  for (const file of files) {
    const itemId = itemOf.get(file.id)!;
    byItem.set(itemId, [
      ...(byItem.get(itemId) ?? []),
      { id: file.id, name: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes },
    ]);
  }
  return byItem;
}

export async function attachAgendaFile({
  deps,
  ctx,
  meetingId,
  itemId,
  request,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
  itemId: string;
  request: FastifyRequest;
}) {
  // Asked before a byte is read: only the committee's officers, to an item of this meeting.
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const meeting = await requireMeeting({ tx, meetingId });
      requireCommitteeRole(meeting.committee, ['chair', 'secretary']);
      await requireItemOf(tx, meetingId, itemId);
    },
  });
  const upload = await readUpload({ request, kind: 'document' });
  const stored = await storeFile({
    deps,
    actor: { ctx },
    input: {
      module: 'governance',
      recordType: 'governance_agenda_item',
      recordId: itemId,
      dataClass: 'ordinary',
      retentionClass: 'partnership_record',
      kind: 'document',
      fileName: upload.fileName,
      declaredType: upload.declaredType,
      content: upload.content,
    },
    // In the file's own transaction: the agenda's row-level security decides again.
    within: async ({ tx }) => {
      await requireItemOf(tx, meetingId, itemId);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.agenda_saved',
          recordType: 'governance_meeting',
          recordId: meetingId,
          details: { itemId, fileAttached: true },
        },
      });
    },
  });
  return { id: stored.id };
}

async function requireItemOf(tx: Tx, meetingId: string, itemId: string) {
  const [item] = await queryRows<{ id: string }>(
    tx,
    sql`select id from governance_agenda_items where id = ${itemId} and meeting_id = ${meetingId}`,
  );
  if (!item) throw new OutOfScope('governance_meeting', meetingId);
}
