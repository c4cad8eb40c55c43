import { sql } from 'drizzle-orm';
import type {
  TConferenceItemInput,
  TConferenceSpeakerInput,
} from '../../../contracts/website-conferences.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { eventById, publishedEvents } from '../community/public/public-data.js';
import { siteCache } from './public/site-cache.js';
import { dropPublishedSpeaker } from './website-conference-publication.js';
import { conferenceDetail, eventSummary, requireConferencePage } from './website-conferences.repository.js';
import { reopenPage } from './website-pages.repository.js';
import { auditWebsite } from './website-shared.js';

/**
 * A conference's own parts (issue 24, item 5): the event it is, the programme, the speakers (with
 * their consent) and the materials. Every change sends the page back to draft, as a text change
 * does: the public keeps what was published until the next publication.
 */

export type Part = 'event' | 'programme' | 'speakers' | 'materials';

type Change = (tx: Tx) => Promise<Record<string, unknown> | undefined>;

/** One change of a conference in `tx`: page checked and reopened, the change, its audit, the new detail. */
export async function applyConferenceChange(
  tx: Tx,
  ctx: AccessContext,
  id: string,
  part: Part,
  change: Change,
) {
  const page = await requireConferencePage(tx, id);
  await reopenPage(tx, page);
  await tx.execute(
    sql`insert into site_conferences (page_id, updated_by) values (${id}, ${ctx.userId}) on conflict (page_id) do nothing`,
  );
  const details = await change(tx);
  await tx.execute(
    sql`update site_conferences set updated_by = ${ctx.userId}, updated_at = now() where page_id = ${id}`,
  );
  await auditWebsite({
    tx,
    ctx,
    action: 'website.conference_changed',
    recordType: 'site_page',
    recordId: id,
    details: { part, ...details },
  });
  return conferenceDetail(tx, id);
}

export function changeConference({
  deps,
  ctx,
  id,
  part,
  change,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  part: Part;
  change: Change;
}) {
  return scoped({ db: deps.db, ctx, work: (tx) => applyConferenceChange(tx, ctx, id, part, change) });
}

export function readConference({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireConferencePage(tx, id);
      return conferenceDetail(tx, id);
    },
  });
}

/** The community's published events an editor may link, latest first (what their public pages show). */
export function conferenceEvents({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: (tx) =>
      unsafeAsSystem(tx, async (sys) => (await publishedEvents(sys, 200)).map((e) => eventSummary(e, true))),
  });
}

export function linkEvent(args: { deps: Deps; ctx: AccessContext; id: string; eventId: string | null }) {
  const { eventId } = args;
  return changeConference({
    ...args,
    part: 'event',
    change: async (tx) => {
      if (eventId) {
        const event = await unsafeAsSystem(tx, (sys) => eventById(sys, eventId, { publishedOnly: true }));
        if (!event)
          throw problems.field('eventId', 'unknown', {
            it: 'Scegli un evento pubblicato nel calendario della comunità.',
            en: 'Choose an event published on the community calendar.',
          });
      }
      await tx.execute(sql`update site_conferences set event_id = ${eventId} where page_id = ${args.id}`);
      return { eventId };
    },
  });
}

/** The speakers named by a programme line must be this conference's. */
async function requireOwnSpeakers(tx: Tx, pageId: string, speakerIds: readonly string[]) {
  if (speakerIds.length === 0) return;
  const [found] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from site_conference_speakers
         where page_id = ${pageId} and id = any (${sqlArray([...new Set(speakerIds)], 'uuid')})`,
  );
  if ((found?.n ?? 0) !== new Set(speakerIds).size)
    throw problems.field('speakerIds', 'unknown', {
      it: 'Scegli relatrici e relatori di questo convegno.',
      en: 'Choose speakers of this conference.',
    });
}

export async function requireRoomForMore(
  tx: Tx,
  table: 'items' | 'speakers' | 'materials',
  pageId: string,
  max: number,
) {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${sql.raw(`site_conference_${table}`)} where page_id = ${pageId}`,
  );
  if ((row?.n ?? 0) >= max)
    throw problems.conflict({
      it: `Un convegno ne ha al massimo ${max}.`,
      en: `A conference has at most ${max}.`,
    });
}

export function saveItem(args: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  itemId: string | null;
  input: TConferenceItemInput;
  max: number;
}) {
  const { id, itemId, input, ctx } = args;
  return changeConference({
    ...args,
    part: 'programme',
    change: async (tx) => {
      await requireOwnSpeakers(tx, id, input.speakerIds);
      const values = sql`${input.day}::date, ${input.starts}::time, ${input.ends}::time, ${JSON.stringify(input.titles)}::jsonb,
        ${sqlArray([...new Set(input.speakerIds)], 'uuid')}, ${ctx.userId}`;
      if (!itemId) {
        await requireRoomForMore(tx, 'items', id, args.max);
        await tx.execute(
          sql`insert into site_conference_items (page_id, day, starts, ends, titles, speaker_ids, updated_by)
              values (${id}, ${values})`,
        );
        return { change: 'added' };
      }
      const rows = await queryRows(
        tx,
        sql`update site_conference_items set (day, starts, ends, titles, speaker_ids, updated_by) = (${values}),
              updated_at = now() where id = ${itemId} and page_id = ${id} returning id`,
      );
      if (rows.length === 0) throw problems.notFound();
      return { change: 'edited', itemId };
    },
  });
}

export function deleteItem(args: { deps: Deps; ctx: AccessContext; id: string; itemId: string }) {
  return changeConference({
    ...args,
    part: 'programme',
    change: async (tx) => {
      const rows = await queryRows(
        tx,
        sql`delete from site_conference_items where id = ${args.itemId} and page_id = ${args.id} returning id`,
      );
      if (rows.length === 0) throw problems.notFound();
      return { change: 'deleted', itemId: args.itemId };
    },
  });
}

export function addSpeaker(args: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: TConferenceSpeakerInput;
  max: number;
}) {
  const { id, input, ctx } = args;
  return changeConference({
    ...args,
    part: 'speakers',
    change: async (tx) => {
      await requireRoomForMore(tx, 'speakers', id, args.max);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into site_conference_speakers (page_id, name, role, consent_note, consent_recorded_by)
            values (${id}, ${input.name}, ${input.role}, ${input.consentNote}, ${ctx.userId}) returning id`,
      );
      // The name stays out of the trail: the speaker's id says who was added.
      return { change: 'added', speakerId: row!.id };
    },
  });
}

/** A speaker taken off (consent withdrawn): out of every programme line, and off the public page at once. */
export async function deleteSpeaker(args: { deps: Deps; ctx: AccessContext; id: string; speakerId: string }) {
  const { id, speakerId } = args;
  const detail = await changeConference({
    ...args,
    part: 'speakers',
    change: async (tx) => {
      const rows = await queryRows(
        tx,
        sql`delete from site_conference_speakers where id = ${speakerId} and page_id = ${id} returning id`,
      );
      if (rows.length === 0) throw problems.notFound();
      await tx.execute(
        sql`update site_conference_items set speaker_ids = array_remove(speaker_ids, ${speakerId}::uuid)
             where page_id = ${id} and ${speakerId}::uuid = any (speaker_ids)`,
      );
      await dropPublishedSpeaker(tx, id, speakerId);
      return { change: 'deleted', speakerId };
    },
  });
  // After the commit: the rendered public pages are stale from now.
  siteCache.clear();
  return detail;
}
