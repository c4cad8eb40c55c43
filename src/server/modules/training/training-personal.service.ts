import { sql } from 'drizzle-orm';
import type { TPersonalPage, TPlaceStatus } from '../../../contracts/gatherings.js';
import type { AuditActor } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { systemTransaction } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { calendarOf, sessionsOfGatherings } from '../../platform/gatherings/calendar.js';
import { attendedHoursOf } from '../../platform/gatherings/hours.js';
import { confirmPlace, hashToken } from '../../platform/gatherings/places.js';
import { problems } from '../../platform/http/problem.js';
import { sessionsOf } from './training.repository.js';

/**
 * An external participant's side, reached by the personal link in their welcome e-mail, with no
 * account: their page (course, sessions, status, hours), confirming a place offered from the
 * waiting list, and their calendar. The link's token is looked up by its hash, as the owner, and
 * only while the link has not expired; an unknown and an expired token get the same 404.
 */

export interface TokenPlace {
  id: string;
  gathering_id: string;
  edition_id: string;
  status: TPlaceStatus;
  external_name: string;
  link_expires_at: Date;
  course_id: string;
  course_title: string;
}

/** The place a personal link opens, or the 404 an unknown or expired link gets. Owner's transaction. */
export async function placeByToken(sys: Tx, token: string): Promise<TokenPlace> {
  const [place] = await queryRows<TokenPlace>(
    sys,
    sql`select p.id, p.gathering_id, e.id as edition_id, p.status, p.external_name, p.link_expires_at,
               c.id as course_id, c.title as course_title
          from gathering_places p join training_editions e on e.gathering_id = p.gathering_id
          join training_courses c on c.id = e.course_id
         where p.link_token_hash = ${hashToken(token)} and p.link_expires_at > now() and p.external_name is not null`,
  );
  if (!place) throw problems.notFound();
  return place;
}

/** Who acts through a personal link: no account, the address only. */
export const linkActor = (clientIp: string | null): AuditActor => ({
  userId: null,
  username: null,
  role: null,
  serviceId: null,
  clientIp,
});

const personalCalendarUrl = (deps: Deps, token: string) =>
  `${deps.config.publicUrl}/api/training/personal/${token}/calendar.ics`;

async function pageOf(deps: Deps, sys: Tx, place: TokenPlace, token: string): Promise<TPersonalPage> {
  const hours = await attendedHoursOf({ tx: sys, placeIds: [place.id] });
  return {
    participantName: place.external_name,
    title: place.course_title,
    status: place.status,
    linkExpiresAt: isoTime(place.link_expires_at)!,
    sessions: await sessionsOf({
      tx: sys,
      gatheringId: place.gathering_id,
      withOnlineLink: place.status === 'confirmed',
    }),
    attendedHours: hours.get(place.id) ?? 0,
    calendarUrl: personalCalendarUrl(deps, token),
  };
}

export async function personalPage({
  deps,
  token,
  clientIp,
}: {
  deps: Deps;
  token: string;
  clientIp: string | null;
}): Promise<TPersonalPage> {
  return systemTransaction(deps.db, async (sys) => {
    const place = await placeByToken(sys, token);
    await writeAudit({
      tx: sys,
      actor: linkActor(clientIp),
      event: { action: 'training.personal_page_read', recordType: 'training_place', recordId: place.id },
    });
    return pageOf(deps, sys, place, token);
  });
}

/** The external participant confirms a place offered from the waiting list, before its deadline. */
export async function confirmPersonal({
  deps,
  token,
  clientIp,
}: {
  deps: Deps;
  token: string;
  clientIp: string | null;
}): Promise<TPersonalPage> {
  return systemTransaction(deps.db, async (sys) => {
    const place = await placeByToken(sys, token);
    await confirmPlace({ tx: sys, placeId: place.id, from: 'offered', decidedBy: null });
    await writeAudit({
      tx: sys,
      actor: linkActor(clientIp),
      event: { action: 'training.place_confirmed', recordType: 'training_place', recordId: place.id },
    });
    return pageOf(deps, sys, { ...place, status: 'confirmed' }, token);
  });
}

/** The edition's sessions as a calendar, for the external participant's calendar app. */
export async function personalCalendar({ deps, token }: { deps: Deps; token: string }) {
  return systemTransaction(deps.db, async (sys) => {
    const place = await placeByToken(sys, token);
    const sessions = ['cancelled', 'refused', 'lapsed'].includes(place.status)
      ? []
      : await sessionsOfGatherings({ tx: sys, gatheringIds: [place.gathering_id] });
    return calendarOf({ name: place.course_title, sessions });
  });
}
