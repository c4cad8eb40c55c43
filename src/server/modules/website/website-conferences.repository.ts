import { sql } from 'drizzle-orm';
import type { TLocalizedText } from '../../../contracts/common.js';
import {
  SURVEY_MIN_ANSWERS,
  type TConferenceDetail,
  type TConferenceEvent,
} from '../../../contracts/website-conferences.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { feedbackSummary } from '../community/community-feedback.js';
import { eventById, hasStarted, type PublicEvent } from '../community/public/public-data.js';
import { type PageRow, requirePage } from './website-pages.repository.js';

/**
 * What an editor reads of a conference (issue 24, item 5): its programme, speakers and materials,
 * the community event it is and the event's survey — the event and the answers read as the owner,
 * because they are the community module's: only what its public page shows, and the survey as
 * averages, hidden under SURVEY_MIN_ANSWERS answers.
 */

/** A site page that is a conference (any other page is not found on these paths). */
export async function requireConferencePage(tx: Tx, id: string): Promise<PageRow> {
  const page = await requirePage(tx, id, true);
  if (page.kind !== 'conference') throw new OutOfScope('site_page', id);
  return page;
}

const romeDay = (at: Date) => at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

export function eventSummary(event: PublicEvent, published: boolean): TConferenceEvent {
  const days = event.sessions.map((s) => romeDay(s.startsAt)).sort();
  return {
    id: event.id,
    title: event.title,
    path: `/eventi/${event.slug}`,
    firstDay: days[0] ?? null,
    lastDay: days.at(-1) ?? null,
    status: event.status,
    published,
  };
}

/** The event a conference is, as its public page shows it (published or not: the editor is told). */
export async function linkedEvent(tx: Tx, eventId: string | null) {
  if (!eventId) return null;
  return unsafeAsSystem(tx, async (sys) => {
    const published = await eventById(sys, eventId, { publishedOnly: true });
    const event = published ?? (await eventById(sys, eventId, { publishedOnly: false }));
    return event ? { event, published: Boolean(published) } : null;
  });
}

interface MaterialRow {
  id: string;
  title: string | null;
  file_id: string | null;
  video_page_id: string | null;
  chapter_title: string | null;
  chapter_public: boolean;
  by: string;
  added_at: Date;
}

export async function conferenceMaterials(tx: Tx, pageId: string) {
  return queryRows<MaterialRow>(
    tx,
    sql`select m.id, m.title, m.file_id, m.video_page_id, u.display_name as by, m.added_at,
               (select v.title from site_page_versions v where v.page_id = m.video_page_id and v.lang = 'it'
                 order by v.number desc limit 1) as chapter_title,
               exists (select 1 from site_video_public vp join site_pages vpp on vpp.id = vp.page_id
                        where vp.page_id = m.video_page_id and vpp.state <> 'archived') as chapter_public
          from site_conference_materials m join users u on u.id = m.added_by
         where m.page_id = ${pageId} order by m.sort_order, m.added_at, m.id`,
  );
}

/** Why the conference cannot go public now, in words (empty: it can). */
export function conferenceProblems(
  linked: Awaited<ReturnType<typeof linkedEvent>>,
  materials: readonly MaterialRow[],
): TLocalizedText[] {
  const found: TLocalizedText[] = [];
  if (!linked)
    found.push({
      it: 'Collega l’evento della comunità: le date, il luogo, le iscrizioni e il questionario sono i suoi.',
      en: 'Link the community event: the dates, place, registration and survey are its own.',
    });
  else if (!linked.published)
    found.push({
      it: `L’evento «${linked.event.title}» non è pubblicato nel calendario della comunità.`,
      en: `The event “${linked.event.title}” is not published on the community calendar.`,
    });
  for (const m of materials)
    if (m.video_page_id && !m.chapter_public)
      found.push({
        it: `La registrazione «${m.chapter_title ?? ''}» non è sul sito: pubblica prima il capitolo del video.`,
        en: `The recording “${m.chapter_title ?? ''}” is not on the site: publish the video chapter first.`,
      });
  return found;
}

export async function conferenceDetail(tx: Tx, pageId: string): Promise<TConferenceDetail> {
  const [conference] = await queryRows<{ event_id: string | null }>(
    tx,
    sql`select event_id from site_conferences where page_id = ${pageId}`,
  );
  const linked = await linkedEvent(tx, conference?.event_id ?? null);
  const items = await queryRows<{
    id: string;
    day: string;
    starts: string;
    ends: string | null;
    titles: Record<string, string>;
    speaker_ids: string[];
  }>(
    tx,
    sql`select id, to_char(day, 'YYYY-MM-DD') as day, to_char(starts, 'HH24:MI') as starts,
               to_char(ends, 'HH24:MI') as ends, titles, speaker_ids
          from site_conference_items where page_id = ${pageId} order by day, starts, id`,
  );
  const speakers = await queryRows<{
    id: string;
    name: string;
    role: string | null;
    consent_note: string;
    by: string;
    consent_recorded_at: Date;
  }>(
    tx,
    sql`select s.id, s.name, s.role, s.consent_note, u.display_name as by, s.consent_recorded_at
          from site_conference_speakers s join users u on u.id = s.consent_recorded_by
         where s.page_id = ${pageId} order by s.name, s.id`,
  );
  const materials = await conferenceMaterials(tx, pageId);
  let survey: TConferenceDetail['survey'] = null;
  if (linked && hasStarted(linked.event, new Date())) {
    survey = await unsafeAsSystem(tx, (sys) =>
      feedbackSummary(sys, { eventIds: [linked.event.id], k: SURVEY_MIN_ANSWERS }),
    );
  }
  return {
    pageId,
    event: linked ? eventSummary(linked.event, linked.published) : null,
    items: items.map((i) => ({
      id: i.id,
      day: i.day,
      starts: i.starts,
      ends: i.ends,
      titles: i.titles,
      speakerIds: i.speaker_ids,
    })),
    speakers: speakers.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      consentNote: s.consent_note,
      consentRecordedBy: s.by,
      consentRecordedAt: isoTime(s.consent_recorded_at)!,
    })),
    materials: materials.map((m) => ({
      id: m.id,
      kind: m.file_id ? ('document' as const) : ('recording' as const),
      title: m.title ?? m.chapter_title ?? '',
      fileId: m.file_id,
      videoPageId: m.video_page_id,
      shown: m.file_id ? true : m.chapter_public,
      addedBy: m.by,
      addedAt: isoTime(m.added_at)!,
    })),
    survey,
    problems: conferenceProblems(linked, materials),
  };
}
