import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TSession, ZSessionCreateSchema } from '../../../contracts/cases.js';
import { NOTE_SECTIONS } from '../../../contracts/cases.js';
import type { TSafeContact } from '../../../contracts/households.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { decryptField, encryptField } from '../../platform/crypto/field-crypto.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { planContact } from './cases.contact.js';
import { safeContactContext } from './cases.people.js';
import { displayNames, isBlockedFrom, requireCase, requireOpen } from './cases.policy.js';
import {
  caseSessions,
  cases,
  personMessages,
  sessionNotes,
  sessionPeople,
  sessionStaff,
} from './cases.sql.js';

const noteContext = (noteId: string) => `session_notes.body:${noteId}`;

/** Who may take part: the case's clinical team as staff, its people, a mediator nobody locked out. */
async function participantProblems({
  tx,
  ctx,
  caseId,
  referralId,
  input,
}: {
  tx: Tx;
  ctx: AccessContext;
  caseId: string;
  referralId: string;
  input: z.infer<typeof ZSessionCreateSchema>;
}) {
  const errors: FieldError[] = [];
  const team = await queryRows<{ user_id: string; team_role: string }>(
    tx,
    sql`select user_id, team_role from case_team where case_id = ${caseId}`,
  );
  const clinicalTeam = new Set(
    team.filter((t) => t.team_role === 'lead' || t.team_role === 'member').map((t) => t.user_id),
  );
  input.staffIds.forEach((id, i) => {
    if (!clinicalTeam.has(id))
      errors.push({
        field: `staffIds.${i}`,
        code: 'not_on_team',
        message: { it: 'Non fa parte dell’équipe del caso.', en: 'Not on the case team.' },
      });
  });
  const members = await queryRows<{ person_id: string }>(
    tx,
    sql`select person_id from referral_people where referral_id = ${referralId}`,
  );
  const memberIds = members.map((m) => m.person_id);
  input.personIds.forEach((id, i) => {
    if (!memberIds.includes(id))
      errors.push({
        field: `personIds.${i}`,
        code: 'not_in_case',
        message: { it: 'Persona non presente nel caso.', en: 'Person not in this case.' },
      });
  });
  if (input.mediatorId) {
    const names = await displayNames({ tx, ids: [input.mediatorId] });
    if (names.get(input.mediatorId)?.role !== 'mediator')
      errors.push({
        field: 'mediatorId',
        code: 'not_mediator',
        message: { it: 'Non è un mediatore.', en: 'Not a mediator.' },
      });
    else if (await isBlockedFrom({ tx, userId: input.mediatorId, personIds: memberIds }))
      errors.push({
        field: 'mediatorId',
        code: 'excluded',
        message: {
          it: 'Mediatore escluso dal caso (conflitto di interessi).',
          en: 'Mediator excluded from the case (conflict of interest).',
        },
      });
  }
  if (input.kind === 'ethnoclinical_group') {
    const roles = await displayNames({ tx, ids: [...input.staffIds, ctx.userId] });
    const clinicians = [...roles.values()].filter((r) => r.role === 'clinician').length;
    if (clinicians < 2)
      errors.push({
        field: 'staffIds',
        code: 'group_needs_clinicians',
        message: {
          it: 'Il dispositivo etnoclinico richiede almeno due clinici.',
          en: 'An ethnoclinical group session needs at least two clinicians.',
        },
      });
    if (!input.mediatorId)
      errors.push({
        field: 'mediatorId',
        code: 'group_needs_mediator',
        message: {
          it: 'Il dispositivo etnoclinico richiede un mediatore.',
          en: 'An ethnoclinical group session needs a mediator.',
        },
      });
  }
  if (input.notes.psychological && ctx.role !== 'clinician')
    errors.push({
      field: 'notes.psychological',
      code: 'clinicians_only',
      message: {
        it: 'Le note psicologiche le scrivono i clinici.',
        en: 'Psychological notes are written by clinicians.',
      },
    });
  return errors;
}

export async function createSession({
  deps,
  ctx,
  caseId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  input: z.infer<typeof ZSessionCreateSchema>;
}) {
  const { session, mails } = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found, 'caseId');
      const errors = await participantProblems({ tx, ctx, caseId, referralId: found.referralId, input });
      if (errors.length > 0) throw problems.fields(errors);
      const startsAt = new Date(input.startsAt);
      const [row] = await tx
        .insert(caseSessions)
        .values({
          caseId,
          kind: input.kind,
          startsAt,
          durationMinutes: input.durationMinutes,
          place: input.place,
          language: input.language ?? null,
          mediatorId: input.mediatorId ?? null,
          createdBy: ctx.userId,
        })
        .returning({ id: caseSessions.id });
      const sessionId = row!.id;
      const staff = [...new Set([ctx.userId, ...input.staffIds])];
      await tx.insert(sessionStaff).values(staff.map((userId) => ({ sessionId, userId })));
      if (input.personIds.length > 0)
        await tx.insert(sessionPeople).values(input.personIds.map((personId) => ({ sessionId, personId })));
      for (const section of NOTE_SECTIONS) {
        const body = input.notes[section];
        if (!body) continue;
        const noteId = crypto.randomUUID();
        await tx.insert(sessionNotes).values({
          id: noteId,
          sessionId,
          section,
          bodyEncrypted: encryptField({
            keyring: deps.keyring,
            plaintext: body,
            context: noteContext(noteId),
          }),
          authorId: ctx.userId,
        });
      }
      // Time to first session, for the impact indicators: the earliest session recorded.
      await tx.execute(sql`update ${cases} set first_session_at = least(coalesce(first_session_at, ${startsAt}), ${startsAt})
        where id = ${caseId}`);
      const mails =
        input.remindPerson && startsAt > new Date()
          ? await planReminders({ deps, ctx, tx, sessionId, input })
          : [];
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'session.created',
          recordType: 'session',
          recordId: sessionId,
          details: { caseId, kind: input.kind, notes: NOTE_SECTIONS.filter((s) => input.notes[s]) },
        },
      });
      return { session: await loadSession({ deps, tx, id: sessionId }), mails };
    },
  });
  // Only messages whose allowed hours have come are sent now; the rest stay planned.
  for (const mail of mails) void deps.mailer.send(mail).catch(() => {});
  return session!;
}

/** One reminder per person, planned under their safe-contact rules; the message names no case. */
async function planReminders({
  deps,
  ctx,
  tx,
  sessionId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  tx: Tx;
  sessionId: string;
  input: z.infer<typeof ZSessionCreateSchema>;
}) {
  const mails: { to: string; subject: string; text: string }[] = [];
  if (input.personIds.length === 0) return mails;
  const rows = await queryRows<{ id: string; safe: string | null }>(
    tx,
    sql`select id, safe_contact_encrypted as safe from people where id in (${uuidList(input.personIds)})`,
  );
  const now = new Date();
  for (const person of rows) {
    const rules: TSafeContact | null = person.safe
      ? JSON.parse(
          decryptField({ keyring: deps.keyring, value: person.safe, context: safeContactContext(person.id) }),
        )
      : null;
    const plan = planContact({ rules, now });
    const due = plan.channel !== 'none' && plan.notBefore <= now;
    await tx.insert(personMessages).values({
      personId: person.id,
      sessionId,
      channel: plan.channel,
      notBefore: plan.channel === 'none' ? now : plan.notBefore,
      status:
        plan.channel === 'none'
          ? `not_sent:${plan.reason}`
          : plan.channel === 'email' && due
            ? 'sent'
            : 'planned',
    });
    if (plan.channel === 'email' && due)
      mails.push({
        to: plan.to,
        subject: 'Promemoria appuntamento / Appointment reminder',
        text: `Ha un appuntamento il ${new Date(input.startsAt).toLocaleString('it-IT', { timeZone: 'Europe/Rome' })}.\nYou have an appointment on ${new Date(input.startsAt).toLocaleString('en-GB', { timeZone: 'Europe/Rome' })}.\n`,
      });
    await writeAudit({
      tx,
      actor: actorOf(ctx),
      event: {
        action: 'person.message_planned',
        recordType: 'person',
        recordId: person.id,
        details: { channel: plan.channel },
      },
    });
  }
  return mails;
}

async function loadSession({ deps, tx, id }: { deps: Deps; tx: Tx; id: string }): Promise<TSession | null> {
  const [s] = await tx.select().from(caseSessions).where(eq(caseSessions.id, id));
  if (!s) return null;
  const staff = await queryRows<{ user_id: string }>(
    tx,
    sql`select user_id from session_staff where session_id = ${id}`,
  );
  const people = await queryRows<{ id: string; given_name: string }>(
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
    id: s.id,
    caseId: s.caseId,
    kind: s.kind as TSession['kind'],
    startsAt: s.startsAt.toISOString(),
    durationMinutes: s.durationMinutes,
    place: s.place as TSession['place'],
    language: s.language,
    mediator: s.mediatorId ? { id: s.mediatorId, displayName: names.get(s.mediatorId)?.name ?? '' } : null,
    staff: staff.map((u) => ({ id: u.user_id, displayName: names.get(u.user_id)?.name ?? '' })),
    people: people.map((p) => ({ id: p.id, givenName: p.given_name })),
    notes: notes.map((n) => ({
      section: n.section as TSession['notes'][number]['section'],
      body: decryptField({ keyring: deps.keyring, value: n.bodyEncrypted, context: noteContext(n.id) }),
      author: names.get(n.authorId)?.name ?? '',
      createdAt: n.createdAt.toISOString(),
    })),
    sealedSections: written.map((w) => w.section).filter((section) => !readable.has(section)),
  };
}

export async function getSession({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  const session = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await loadSession({ deps, tx, id });
      if (!found) throw new OutOfScope('session', id);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'session.read',
          recordType: 'session',
          recordId: id,
          details: { notesRead: found.notes.map((n) => n.section) },
        },
      });
      return found;
    },
  });
  return session;
}

export async function listSessions({
  deps,
  ctx,
  caseId,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireCase({ tx, id: caseId, needs: ['clinical', 'supervisor', 'break_glass'] });
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
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'session.listed',
          recordType: 'case',
          recordId: caseId,
          details: { shown: rows.length },
        },
      });
      return rows.map((s) => ({
        id: s.id,
        caseId: s.caseId,
        kind: s.kind as TSession['kind'],
        startsAt: s.startsAt.toISOString(),
        durationMinutes: s.durationMinutes,
        place: s.place as TSession['place'],
        language: s.language,
        mediator: s.mediatorId
          ? { id: s.mediatorId, displayName: names.get(s.mediatorId)?.name ?? '' }
          : null,
        staff: staff
          .filter((u) => u.session_id === s.id)
          .map((u) => ({ id: u.user_id, displayName: names.get(u.user_id)?.name ?? '' })),
      }));
    },
  });
}

/** The mediator's sessions: when, where, which language, which case code. Nothing else. */
export async function mySessions({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
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
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'session.listed', details: { shown: rows.length } },
      });
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
    },
  });
}
