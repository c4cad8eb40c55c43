import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { conferenceMaterials, conferenceProblems, linkedEvent } from './website-conferences.repository.js';
import type { PageRow } from './website-pages.repository.js';

/**
 * Publishing a conference (issue 24, item 5): the programme, speakers and materials are copied as
 * they are at that moment into `site_conference_public`, which is all the public page reads — a
 * speaker added or a line changed later waits for the next publication. The event itself (dates,
 * place, registration open or not) is read live from the community calendar: it is already public.
 */

/** What the public page of a conference shows, as published. */
export interface ConferenceContent {
  programme: {
    day: string;
    starts: string;
    ends: string | null;
    titles: Record<string, string>;
    speakerIds: string[];
  }[];
  speakers: { id: string; name: string; role: string | null }[];
  documents: { fileId: string; title: string; bytes: number }[];
  recordings: string[];
}

/** Why a conference cannot go public now, in words; null when it can (or the page is not one). */
export async function conferenceRefusal(tx: Tx, page: PageRow) {
  if (page.kind !== 'conference') return null;
  const [conference] = await queryRows<{ event_id: string | null }>(
    tx,
    sql`select event_id from site_conferences where page_id = ${page.id}`,
  );
  const found = conferenceProblems(
    await linkedEvent(tx, conference?.event_id ?? null),
    await conferenceMaterials(tx, page.id),
  );
  if (found.length === 0) return null;
  return { it: found.map((p) => p.it).join(' '), en: found.map((p) => p.en).join(' ') };
}

export async function publishConference(tx: Tx, pageId: string) {
  const programme = await queryRows<ConferenceContent['programme'][number]>(
    tx,
    sql`select to_char(day, 'YYYY-MM-DD') as day, to_char(starts, 'HH24:MI') as starts, to_char(ends, 'HH24:MI') as ends,
               titles, speaker_ids as "speakerIds"
          from site_conference_items where page_id = ${pageId} order by day, starts, id`,
  );
  const speakers = await queryRows<ConferenceContent['speakers'][number]>(
    tx,
    sql`select id, name, role from site_conference_speakers where page_id = ${pageId} order by name, id`,
  );
  const materials = await queryRows<{
    file_id: string | null;
    title: string | null;
    bytes: number | null;
    video_page_id: string | null;
  }>(
    tx,
    sql`select m.file_id, m.title, f.size_bytes::int as bytes, m.video_page_id
          from site_conference_materials m left join stored_files f on f.id = m.file_id
         where m.page_id = ${pageId} order by m.sort_order, m.added_at, m.id`,
  );
  const content: ConferenceContent = {
    programme,
    speakers,
    documents: materials.flatMap((m) =>
      m.file_id ? [{ fileId: m.file_id, title: m.title ?? '', bytes: m.bytes ?? 0 }] : [],
    ),
    recordings: materials.flatMap((m) => (m.video_page_id ? [m.video_page_id] : [])),
  };
  await tx.execute(
    sql`insert into site_conference_public (page_id, event_id, content)
        select page_id, event_id, ${JSON.stringify(content)}::jsonb from site_conferences where page_id = ${pageId}
        on conflict (page_id) do update set event_id = excluded.event_id, content = excluded.content, published_at = now()`,
  );
}

/**
 * A speaker taken off (their consent withdrawn) leaves the public page at once, not at the next
 * publication: their name goes from the published copy, its programme and its structured data.
 */
export async function dropPublishedSpeaker(tx: Tx, pageId: string, speakerId: string) {
  const [row] = await queryRows<{ content: ConferenceContent }>(
    tx,
    sql`select content from site_conference_public where page_id = ${pageId} for update`,
  );
  if (!row) return;
  const content: ConferenceContent = {
    ...row.content,
    speakers: row.content.speakers.filter((s) => s.id !== speakerId),
    programme: row.content.programme.map((i) => ({
      ...i,
      speakerIds: i.speakerIds.filter((id) => id !== speakerId),
    })),
  };
  await tx.execute(
    sql`update site_conference_public set content = ${JSON.stringify(content)}::jsonb where page_id = ${pageId}`,
  );
}

/** Archived, a conference leaves the public site; its documents are returned, for their public copies to go. */
export async function withdrawConference(tx: Tx, pageId: string) {
  const rows = await queryRows<{ content: ConferenceContent }>(
    tx,
    sql`delete from site_conference_public where page_id = ${pageId} returning content`,
  );
  return rows.flatMap((r) => r.content.documents.map((d) => d.fileId));
}
