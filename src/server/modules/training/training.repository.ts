import { sql } from 'drizzle-orm';
import type { TGatheringSession, TPlace, TPlaceStatus, TProfession } from '../../../contracts/gatherings.js';
import type { TCourse, TEdition } from '../../../contracts/training.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { isoTime, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { attendedHoursOf, roundHours, sessionHours } from '../../platform/gatherings/hours.js';
import { managesService } from './training.policy.js';

interface CourseRow {
  id: string;
  owner_service_id: string;
  service_name: string;
  title: string;
  strand: TCourse['strand'];
  target_service_kinds: TCourse['targetServiceKinds'];
  target_professions: TCourse['targetProfessions'];
  objectives: string;
  hours: string | number;
  trainers: string;
  attendance_threshold: number;
  approval_required: boolean;
  credit_scheme: TCourse['creditScheme'];
  credits: string | number | null;
  accreditation_ref: string | null;
}

/** Courses as the contract gives them, with the findings each cites; in the order of `ids`, or newest first. */
export async function loadCourses({
  tx,
  ctx,
  ids,
}: {
  tx: Tx;
  ctx: AccessContext;
  ids?: readonly string[];
}): Promise<TCourse[]> {
  if (ids && ids.length === 0) return [];
  const rows = await queryRows<CourseRow>(
    tx,
    sql`select c.*, s.name as service_name from training_courses c join services s on s.id = c.owner_service_id
         ${ids ? sql`where c.id in (${uuidList(ids)})` : sql``}
         order by c.created_at desc, c.id limit 500`,
  );
  const findings = rows.length
    ? await queryRows<{
        course_id: string;
        topic: TCourse['findings'][number]['topic'];
        subject: string;
        report_year: number | null;
        value: number | null;
        share: string | number | null;
        label: { it: string; en: string };
      }>(
        tx,
        sql`select * from training_course_findings where course_id in (${uuidList(rows.map((r) => r.id))})
             order by value desc nulls last, topic, subject`,
      )
    : [];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    strand: r.strand,
    targetServiceKinds: r.target_service_kinds,
    targetProfessions: r.target_professions,
    objectives: r.objectives,
    hours: Number(r.hours),
    trainers: r.trainers,
    attendanceThreshold: r.attendance_threshold,
    approvalRequired: r.approval_required,
    creditScheme: r.credit_scheme,
    credits: r.credits === null ? null : Number(r.credits),
    accreditationRef: r.accreditation_ref,
    serviceName: r.service_name,
    managed: managesService(ctx, r.owner_service_id),
    findings: findings
      .filter((f) => f.course_id === r.id)
      .map((f) => ({
        topic: f.topic,
        subject: f.subject,
        year: f.report_year,
        value: f.value,
        share: f.share === null ? null : Number(f.share),
        label: f.label,
      })),
  }));
}

/**
 * The sessions of a gathering, in time order. The online meeting's address only for those who
 * will attend (a confirmed place) and its managers: `withOnlineLink`.
 */
export async function sessionsOf({
  tx,
  gatheringId,
  withOnlineLink,
}: {
  tx: Tx;
  gatheringId: string;
  withOnlineLink: boolean;
}): Promise<TGatheringSession[]> {
  const rows = await queryRows<{
    id: string;
    starts_at: Date;
    ends_at: Date;
    place: string | null;
    online_link: string | null;
    hours: string | number;
  }>(
    tx,
    sql`select s.id, s.starts_at, s.ends_at, s.place, s.online_link, ${sessionHours('s')} as hours
          from gathering_sessions s where s.gathering_id = ${gatheringId} order by s.starts_at, s.id`,
  );
  return rows.map((s) => ({
    id: s.id,
    startsAt: isoTime(s.starts_at)!,
    endsAt: isoTime(s.ends_at)!,
    place: s.place,
    onlineLink: withOnlineLink ? s.online_link : null,
    hours: roundHours(Number(s.hours)),
  }));
}

const phaseOf = (e: { opens: Date; starts: string; ends: string }, now: Date): TEdition['phase'] => {
  if (now >= new Date(e.ends)) return 'finished';
  if (now >= new Date(e.starts)) return 'in_progress';
  return now >= e.opens ? 'open' : 'planned';
};

/** Editions as the contract gives them, the viewer's own place included; newest first. */
export async function loadEditions({
  tx,
  ctx,
  where,
}: {
  tx: Tx;
  ctx: AccessContext;
  where: { courseId: string } | { editionIds: readonly string[] };
}): Promise<TEdition[]> {
  const filter =
    'courseId' in where
      ? sql`e.course_id = ${where.courseId}`
      : where.editionIds.length
        ? sql`e.id in (${uuidList(where.editionIds)})`
        : sql`false`;
  const rows = await queryRows<{
    id: string;
    course_id: string;
    gathering_id: string;
    course_title: string;
    strand: TEdition['strand'];
    owner_service_id: string;
    capacity: number;
    seats_taken: number;
    registration_opens_at: Date;
    registration_closes_at: Date;
    confirm_within_hours: number;
  }>(
    tx,
    sql`select e.id, e.course_id, e.gathering_id, c.title as course_title, c.strand, c.owner_service_id,
               g.capacity, g.seats_taken, g.registration_opens_at, g.registration_closes_at, g.confirm_within_hours
          from training_editions e join training_courses c on c.id = e.course_id
          join gatherings g on g.id = e.gathering_id
         where ${filter} order by e.created_at desc, e.id limit 200`,
  );
  const now = new Date();
  const editions: TEdition[] = [];
  for (const r of rows) {
    // Counts of the waiting list come as the owner: a number, never who is on it.
    const [waiting] = await unsafeAsSystem(tx, (sys) =>
      queryRows<{ n: number }>(
        sys,
        sql`select count(*)::int as n from gathering_places where gathering_id = ${r.gathering_id} and status = 'waitlisted'`,
      ),
    );
    const [mine] = await queryRows<{ id: string; status: TPlaceStatus; offer_expires_at: Date | null }>(
      tx,
      sql`select id, status, offer_expires_at from gathering_places
           where gathering_id = ${r.gathering_id} and user_id = ${ctx.userId}
           order by requested_at desc limit 1`,
    );
    const sessions = await sessionsOf({
      tx,
      gatheringId: r.gathering_id,
      withOnlineLink: managesService(ctx, r.owner_service_id) || mine?.status === 'confirmed',
    });
    const startsAt = sessions[0]?.startsAt ?? isoTime(r.registration_closes_at)!;
    const endsAt = sessions.at(-1)?.endsAt ?? startsAt;
    editions.push({
      id: r.id,
      courseId: r.course_id,
      courseTitle: r.course_title,
      strand: r.strand,
      phase: phaseOf({ opens: new Date(r.registration_opens_at), starts: startsAt, ends: endsAt }, now),
      capacity: r.capacity,
      seatsTaken: r.seats_taken,
      waitlisted: waiting?.n ?? 0,
      registrationOpensAt: isoTime(r.registration_opens_at)!,
      registrationClosesAt: isoTime(r.registration_closes_at)!,
      confirmWithinHours: r.confirm_within_hours,
      startsAt,
      endsAt,
      hours: roundHours(sessions.reduce((sum, s) => sum + s.hours, 0)),
      sessions,
      myPlace: mine
        ? { id: mine.id, status: mine.status, offerExpiresAt: isoTime(mine.offer_expires_at) }
        : null,
      managed: managesService(ctx, r.owner_service_id),
    });
  }
  return editions;
}

/**
 * The registrations of a gathering the caller may see (RLS: a manager sees all, a coordinator
 * their organisation's, a participant their own), in waiting-list order. Participants' names are
 * read as the owner for these rows only: a trainer of another organisation cannot read users.
 */
export async function loadPlaces({
  tx,
  gatheringId,
  placeIds,
}: {
  tx: Tx;
  gatheringId?: string;
  placeIds?: readonly string[];
}): Promise<TPlace[]> {
  const filter = gatheringId
    ? sql`p.gathering_id = ${gatheringId}`
    : placeIds?.length
      ? sql`p.id in (${uuidList(placeIds)})`
      : sql`false`;
  const rows = await queryRows<{
    id: string;
    gathering_id: string;
    user_id: string | null;
    external_name: string | null;
    external_organisation: string | null;
    profession: TProfession;
    status: TPlaceStatus;
    queued_seq: number;
    offer_expires_at: Date | null;
    requested_at: Date;
  }>(
    tx,
    sql`select p.id, p.gathering_id, p.user_id, p.external_name, p.external_organisation, p.profession, p.status,
               p.queued_seq, p.offer_expires_at, p.requested_at
          from gathering_places p where ${filter} order by p.queued_seq limit 2000`,
  );
  if (rows.length === 0) return [];
  const userIds = [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))];
  const names = new Map<string, { name: string; organisation: string | null }>();
  if (userIds.length)
    for (const u of await unsafeAsSystem(tx, (sys) =>
      queryRows<{ id: string; display_name: string; organisation: string | null }>(
        sys,
        sql`select u.id, u.display_name, o.name as organisation from users u
              left join gathering_places p on p.user_id = u.id and p.id in (${uuidList(rows.map((r) => r.id))})
              left join organisations o on o.id = p.participant_organisation_id
             where u.id in (${uuidList(userIds)})`,
      ),
    ))
      names.set(u.id, { name: u.display_name, organisation: u.organisation });
  // Waiting-list positions among every waiting registration of the gathering (a count, as the owner).
  const positions = new Map<string, number>();
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  if (waiting.length)
    for (const w of await unsafeAsSystem(tx, (sys) =>
      queryRows<{ id: string; position: number }>(
        sys,
        sql`select id, position::int from (
              select id, row_number() over (partition by gathering_id order by queued_seq) as position
                from gathering_places
               where gathering_id in (${uuidList([...new Set(waiting.map((w) => w.gathering_id))])})
                 and status = 'waitlisted') q
             where id in (${uuidList(waiting.map((w) => w.id))})`,
      ),
    ))
      positions.set(w.id, w.position);
  const hours = await attendedHoursOf({ tx, placeIds: rows.map((r) => r.id) });
  return rows.map((r) => ({
    id: r.id,
    participantName: r.user_id ? (names.get(r.user_id)?.name ?? '') : (r.external_name ?? ''),
    organisation: r.user_id ? (names.get(r.user_id)?.organisation ?? null) : r.external_organisation,
    profession: r.profession,
    external: r.user_id === null,
    status: r.status,
    waitlistPosition: positions.get(r.id) ?? null,
    offerExpiresAt: isoTime(r.offer_expires_at),
    requestedAt: isoTime(r.requested_at)!,
    attendedHours: hours.get(r.id) ?? 0,
  }));
}
