import { sql } from 'drizzle-orm';
import type { TSiteLanguage } from '../../../../contracts/website.js';
import { queryRows, sqlArray, type Tx } from '../../../platform/db/client.js';
import { eventById, type PublicEvent } from '../../community/public/public-data.js';
import type { ConferenceContent } from '../website-conference-publication.js';
import { type PublicText, publishedOfKind, publishedPage } from './site-data.js';

/**
 * What the public site reads of conferences: the published text, the copy publication made of the
 * programme, speakers and materials, and the community event as its own public page shows it
 * (only while it is published there). A recording is shown while its chapter is on the site.
 */

export interface PublicConference {
  text: PublicText;
  content: ConferenceContent;
  event: PublicEvent | null;
  recordings: { slug: string; title: string; lang: TSiteLanguage }[];
}

async function contentOf(tx: Tx, pageIds: readonly string[]) {
  if (pageIds.length === 0) return new Map<string, { content: ConferenceContent; event_id: string | null }>();
  const rows = await queryRows<{ page_id: string; content: ConferenceContent; event_id: string | null }>(
    tx,
    sql`select page_id, content, event_id from site_conference_public where page_id = any (${sqlArray(pageIds, 'uuid')})`,
  );
  return new Map(rows.map((r) => [r.page_id, r]));
}

export async function publishedConference(
  tx: Tx,
  slug: string,
  lang: TSiteLanguage,
): Promise<PublicConference | null> {
  const text = await publishedPage(tx, 'conference', slug, lang);
  if (!text) return null;
  const published = (await contentOf(tx, [text.pageId])).get(text.pageId);
  if (!published) return null;
  const event = published.event_id ? await eventById(tx, published.event_id, { publishedOnly: true }) : null;
  const wanted = new Set(published.content.recordings);
  const chapters =
    wanted.size > 0
      ? (await publishedOfKind(tx, 'video', lang, 500)).filter((c) => wanted.has(c.pageId))
      : [];
  // In the order the editors listed them.
  const recordings = published.content.recordings.flatMap((id) => {
    const chapter = chapters.find((c) => c.pageId === id);
    return chapter ? [{ slug: chapter.slug, title: chapter.title, lang: chapter.lang }] : [];
  });
  return { text, content: published.content, event, recordings };
}

/** The conferences on the site, each with its event (for the dates), latest event first. */
export async function publishedConferences(tx: Tx, lang: TSiteLanguage) {
  const texts = await publishedOfKind(tx, 'conference', lang, 100);
  const contents = await contentOf(
    tx,
    texts.map((t) => t.pageId),
  );
  const listed: { text: PublicText; event: PublicEvent | null }[] = [];
  for (const text of texts) {
    const eventId = contents.get(text.pageId)?.event_id;
    listed.push({ text, event: eventId ? await eventById(tx, eventId, { publishedOnly: true }) : null });
  }
  const firstStart = (e: PublicEvent | null) => e?.sessions[0]?.startsAt.getTime() ?? 0;
  return listed.sort((a, b) => firstStart(b.event) - firstStart(a.event));
}

/** Whether a stored file is a document of a conference on the site (else it is not public). */
export async function isPublishedDocument(tx: Tx, slug: string, fileId: string) {
  const rows = await queryRows<{ title: string }>(
    tx,
    sql`select d->>'title' as title from site_conference_public c
          join site_pages p on p.id = c.page_id and p.state <> 'archived' and p.kind = 'conference' and p.slug = ${slug}
          cross join lateral jsonb_array_elements(c.content->'documents') d
         where d->>'fileId' = ${fileId} limit 1`,
  );
  return rows[0]?.title ?? null;
}
