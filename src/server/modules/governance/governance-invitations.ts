import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Attendee, createEvent, type EventAttributes } from 'ics';
import type { TAgendaItem, TMeetingSummary } from '../../../contracts/governance-committees.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { queueMail } from '../../platform/mail/mail-queue.js';
import { requireCommitteeRole, requireMeeting } from './governance.policy.js';
import { membersOf } from './governance-committees-members.js';
import { meetingRow } from './governance-meetings.service.js';
import { agendaOf } from './governance-meetings-agenda.js';

/**
 * Invitations to a meeting (issue 21, item 1): one e-mail per current member with an address, the
 * meeting attached as an ICS request. The event's UID is the meeting's, so a calendar that got an
 * earlier invitation updates it; its SEQUENCE grows with time, so the later one wins. A mail's
 * key names the meeting, the member and the meeting's content (`version`): sending again after a
 * change mails again, sending twice without one mails once.
 */

/** The UID of a meeting's event: the same in every invitation and download. */
export const meetingUid = (meetingId: string) => `${meetingId}@trama.governance`;

// Minutes since 2025: grows with every send, and fits the 32-bit integer calendars expect.
const sequenceNow = () => Math.floor((Date.now() - Date.UTC(2025, 0, 1)) / 60_000);

interface CalendarInput {
  meeting: TMeetingSummary;
  committeeName: string;
  agenda: TAgendaItem[];
  method: 'REQUEST' | 'PUBLISH';
  organizer?: { name: string; email: string } | undefined;
  attendee?: { name: string; email: string } | undefined;
}

export function meetingCalendar({
  meeting,
  committeeName,
  agenda,
  method,
  organizer,
  attendee,
}: CalendarInput) {
  const attendees: Attendee[] = attendee
    ? [{ ...attendee, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }]
    : [];
  const event: EventAttributes = {
    uid: meetingUid(meeting.id),
    sequence: sequenceNow(),
    method,
    productId: 'trama',
    title: committeeName,
    description: agendaText(agenda),
    start: Date.parse(meeting.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(meeting.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    ...(meeting.place ? { location: meeting.place } : meeting.link ? { location: meeting.link } : {}),
    ...(meeting.link ? { url: meeting.link } : {}),
    status: meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    ...(organizer ? { organizer } : {}),
    ...(attendees.length ? { attendees } : {}),
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('calendar not built');
  return value;
}

const agendaText = (agenda: TAgendaItem[]) =>
  agenda.length === 0
    ? 'Ordine del giorno da definire / Agenda to be set'
    : agenda
        .map((a, i) => `${i + 1}. ${a.title}${a.presenterName ? ` (${a.presenterName})` : ''}`)
        .join('\n');

const when = (meeting: TMeetingSummary, locale: 'it-IT' | 'en-GB') =>
  `${new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Rome',
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(
    new Date(meeting.startsAt),
  )} – ${new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Rome', timeStyle: 'short' }).format(new Date(meeting.endsAt))}`;

function mailText(meeting: TMeetingSummary, committeeName: string, agenda: TAgendaItem[]) {
  const where = [meeting.place, meeting.link].filter(Boolean).join(' — ');
  return [
    `Convocazione: ${committeeName}`,
    `Quando: ${when(meeting, 'it-IT')}`,
    `Dove: ${where}`,
    '',
    'Ordine del giorno:',
    agendaText(agenda),
    '',
    'L’invito è allegato: aprilo per aggiungere la riunione al calendario.',
    '',
    '---',
    `Invitation: ${committeeName}`,
    `When: ${when(meeting, 'en-GB')}`,
    `Where: ${where}`,
    'The invitation is attached: open it to add the meeting to your calendar.',
  ].join('\n');
}

/** What identifies this state of the meeting: a change of time, place or agenda is a new version. */
const versionOf = (meeting: TMeetingSummary, agenda: TAgendaItem[]) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        meeting.startsAt,
        meeting.endsAt,
        meeting.place,
        meeting.link,
        agenda.map((a) => a.title),
      ]),
    )
    .digest('hex')
    .slice(0, 16);

export async function sendInvitations({
  deps,
  ctx,
  meetingId,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const access = await requireMeeting({ tx, meetingId });
      requireCommitteeRole(access.committee, ['chair', 'secretary']);
      const meeting = await meetingRow(tx, meetingId);
      if (meeting.status !== 'planned' || Date.parse(meeting.endsAt) < Date.now())
        throw problems.conflict({
          it: 'Si convoca solo una riunione in programma, non ancora svolta né annullata.',
          en: 'Invitations are sent only for a planned meeting, not yet held nor cancelled.',
        });
      const agenda = await agendaOf({ deps, tx, meetingId });
      const members = await membersOf({ tx, committeeId: access.committeeId });
      const current = members.filter((m) => m.current);
      const recipients = current.filter((m) => m.email);
      const [sender] = await queryRows<{ display_name: string; email: string | null }>(
        tx,
        sql`select display_name, email from users where id = ${ctx.userId}`,
      );
      const organizer = sender?.email ? { name: sender.display_name, email: sender.email } : undefined;
      const version = versionOf(meeting, agenda);
      for (const member of recipients) {
        const calendar = meetingCalendar({
          meeting,
          committeeName: access.committee.name,
          agenda,
          method: 'REQUEST',
          organizer,
          attendee: { name: member.name, email: member.email! },
        });
        await queueMail({
          deps,
          tx,
          key: `governance.invitation:${meetingId}:${member.id}:${version}`,
          mail: {
            to: member.email!,
            subject: `Convocazione / Invitation: ${access.committee.name}`,
            text: mailText(meeting, access.committee.name, agenda),
            calendar,
          },
        });
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.invitations_sent',
          recordType: 'governance_meeting',
          recordId: meetingId,
          details: { count: recipients.length },
        },
      });
      return { sent: recipients.length, withoutAddress: current.length - recipients.length };
    },
  });
}

/** The meeting as a calendar file, for any member of its committee. */
export async function meetingCalendarFile({
  deps,
  ctx,
  meetingId,
}: {
  deps: Deps;
  ctx: AccessContext;
  meetingId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const access = await requireMeeting({ tx, meetingId });
      const meeting = await meetingRow(tx, meetingId);
      const agenda = await agendaOf({ deps, tx, meetingId });
      return meetingCalendar({ meeting, committeeName: access.committee.name, agenda, method: 'PUBLISH' });
    },
  });
}
