import { eq, sql } from 'drizzle-orm';
import { NOTE_SECTIONS, type TSession } from '../../../contracts/cases.js';
import { openRecordField } from '../../platform/crypto/record-keys.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { displayNames } from './cases.policy.js';
import { caseSessions, sessionNotes } from './cases.sql.js';

/**
 * Data access for sessions: one session with the notes its viewer may read, a case's sessions, a
 * mediator's sessions, and the reads the participant and reminder rules need. Every query runs in
 * the request's scoped transaction: row-level security decides which note sections come back.
 */
export const noteContext = (noteId: string) => `session_notes.body:${noteId}`;

/** The case team's members and their roles on it. */
export function caseTeamRoles({ tx, caseId }: { tx: Tx; caseId: string }) {
  return queryRows<{ user_id: string; team_role: string }>(
    tx,
    sql`select user_id, team_role from case_team where case_id = ${caseId}`,
  );
}

/** The people's safe-contact rules, still encrypted, to plan their reminders. */
export async function loadSession({
  tx,
  deps,
  id,
  viewer,
}: {
  tx: Tx;
  deps: Deps;
  id: string;
  viewer: { userId: string; role: string | null };
}): Promise<TSession | null> {
  const [s] = await tx.select().from(caseSessions).where(eq(caseSessions.id, id));
  if (!s) return null;
  const staff = await queryRows<{ user_id: string }>(
    tx,
    sql`select user_id from session_staff where session_id = ${id}`,
  );
  // The team reads the people under row-level security; the session's mediator gets the given
  // names of who attended, and nothing else (trama_mediator_attendees, migration 0014).
  const people =
    s.mediatorId === viewer.userId
      ? await queryRows<{ id: string; given_name: string }>(
          tx,
          sql`select a.id, a.given_name from case_sessions s cross join lateral trama_mediator_attendees(s.id) a
              where s.id = ${id}`,
        )
      : await queryRows<{ id: string; given_name: string }>(
          tx,
          sql`select p.id, p.given_name from session_people sp join people p on p.id = sp.person_id where sp.session_id = ${id}`,
        );
  // Row-level security returns only the sections this viewer may read (migration 0005).
  const notes = await tx.select().from(sessionNotes).where(eq(sessionNotes.sessionId, id));
  // Which sections exist at all, to show the others as sealed: names only, never their text.
  const written = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ section: TSession['sealedSections'][number] }>(
      sys,
      sql`select section from session_notes where session_id = ${id}`,
    ),
  );
  const names = await displayNames({
    tx,
    ids: [
      ...staff.map((u) => u.user_id),
      ...notes.map((n) => n.authorId),
      ...(s.mediatorId ? [s.mediatorId] : []),
    ],
  });
  const readable = new Set(notes.map((n) => n.section));
  return {
    ...sessionSummary(s, names, staff),
    people: people.map((p) => ({ id: p.id, givenName: p.given_name })),
    notes: await Promise.all(
      notes.map(async (n) => ({
        section: n.section as TSession['notes'][number]['section'],
        body: await openRecordField({ deps, tx, value: n.bodyEncrypted, context: noteContext(n.id) }),
        author: names.get(n.authorId)?.name ?? '',
        createdAt: n.createdAt.toISOString(),
      })),
    ),
    sealedSections: written.map((w) => w.section).filter((section) => !readable.has(section)),
    writableSections: await writableSections({
      tx,
      session: s,
      viewer,
      written: new Set(written.map((w) => w.section)),
    }),
  };
}

/** A case's status, read as the owner: the mediator may not read the case row itself. */
export async function caseStatus({ tx, caseId }: { tx: Tx; caseId: string }) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ status: 'open' | 'closing' | 'closed' }>(
      sys,
      sql`select status from cases where id = ${caseId}`,
    ),
  );
  return row?.status ?? 'closed';
}

/**
 * The sections this viewer may still write, as migration 0014's session_notes_insert allows:
 * the clinical team the social and mediation notes (clinicians also the psychological one), the
 * session's mediator the mediation note. A written section stays as written.
 */
async function writableSections({
  tx,
  session,
  viewer,
  written,
}: {
  tx: Tx;
  session: typeof caseSessions.$inferSelect;
  viewer: { userId: string; role: string | null };
  written: Set<string>;
}): Promise<TSession['writableSections']> {
  if ((await caseStatus({ tx, caseId: session.caseId })) === 'closed') return [];
  const team = await caseTeamRoles({ tx, caseId: session.caseId });
  const onTeam = team.some(
    (t) => t.user_id === viewer.userId && (t.team_role === 'lead' || t.team_role === 'member'),
  );
  const may = NOTE_SECTIONS.filter((section) =>
    onTeam
      ? section !== 'psychological' || viewer.role === 'clinician'
      : section === 'mediation' && session.mediatorId === viewer.userId,
  );
  return may.filter((section) => !written.has(section));
}

/** A session as every list shows it: when, where, which language, who works it (no notes). */
function sessionSummary(
  s: typeof caseSessions.$inferSelect,
  names: Awaited<ReturnType<typeof displayNames>>,
  staff: { user_id: string }[],
) {
  const nameOf = (id: string) => ({ id, displayName: names.get(id)?.name ?? '' });
  return {
    id: s.id,
    caseId: s.caseId,
    kind: s.kind as TSession['kind'],
    startsAt: s.startsAt.toISOString(),
    durationMinutes: s.durationMinutes,
    place: s.place as TSession['place'],
    language: s.language,
    mediator: s.mediatorId ? nameOf(s.mediatorId) : null,
    staff: staff.map((u) => nameOf(u.user_id)),
    status: s.status as TSession['status'],
    statusReason: s.statusReason,
  };
}

/** A case's sessions in order, with their staff and mediator: no notes. */
export async function sessionsOfCase({ tx, caseId }: { tx: Tx; caseId: string }) {
  const rows = await tx
    .select()
    .from(caseSessions)
    .where(eq(caseSessions.caseId, caseId))
    .orderBy(caseSessions.startsAt);
  const staff = await queryRows<{ session_id: string; user_id: string }>(
    tx,
    sql`select ss.session_id, ss.user_id from session_staff ss join case_sessions s on s.id = ss.session_id
        where s.case_id = ${caseId}`,
  );
  const names = await displayNames({
    tx,
    ids: [...staff.map((s) => s.user_id), ...rows.flatMap((r) => (r.mediatorId ? [r.mediatorId] : []))],
  });
  return rows.map((s) =>
    sessionSummary(
      s,
      names,
      staff.filter((u) => u.session_id === s.id),
    ),
  );
}

/** The acting mediator's sessions of the last 90 days and to come: when, where, which language, which case code. */
export async function sessionsOfMediator({ tx }: { tx: Tx }) {
  const rows = await queryRows<{
    id: string;
    code: string;
    kind: TSession['kind'];
    starts_at: Date;
    duration_minutes: number;
    place: TSession['place'];
    language: string | null;
    service_name: string;
  }>(
    tx,
    sql`select s.id, c.code, s.kind, s.starts_at, s.duration_minutes, s.place, s.language, sv.name as service_name
        from case_sessions s join cases c on c.id = s.case_id join services sv on sv.id = c.service_id
        where s.mediator_id = (select trama_user()) and s.starts_at > now() - interval '90 days'
        order by s.starts_at desc limit 200`,
  );
  return rows.map((r) => ({
    id: r.id,
    caseCode: r.code,
    kind: r.kind,
    startsAt: new Date(r.starts_at).toISOString(),
    durationMinutes: r.duration_minutes,
    place: r.place,
    language: r.language,
    serviceName: r.service_name,
  }));
}
