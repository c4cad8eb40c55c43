import type { z } from 'zod';
import type { ZSessionCreateSchema } from '../../../contracts/cases.js';
import { NOTE_SECTIONS } from '../../../contracts/cases.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { encryptField } from '../../platform/crypto/field-crypto.js';
import type { Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { perpetratorWithProtected } from './case-services.repository.js';
import { perpetratorTogetherRefused } from './case-services.service.js';
import { displayNames, isBlockedFrom, requireCase, requireOpen } from './cases.policy.js';
import { caseSessions, sessionNotes, sessionPeople, sessionStaff } from './cases.sql.js';
import { referralPersonIds } from './referrals.repository.js';
import { planReminders } from './reminders.js';
import {
  caseTeamRoles,
  loadSession,
  noteContext,
  sessionsOfCase,
  sessionsOfMediator,
} from './sessions.repository.js';

/**
 * Sessions under their rules: who may take part, recording one with its sealed notes, reminders
 * under safe-contact rules. What a session shows is read in sessions.repository.ts.
 */

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
  const team = await caseTeamRoles({ tx, caseId });
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
  const memberIds = await referralPersonIds({ tx, referralId });
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
  const session = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found, 'caseId');
      const errors = await participantProblems({ tx, ctx, caseId, referralId: found.referralId, input });
      if (errors.length > 0) throw problems.fields(errors);
      if (await perpetratorWithProtected({ tx, personIds: input.personIds }))
        throw perpetratorTogetherRefused();
      const startsAt = new Date(input.startsAt);
      // Recorded after it took place, a session was held; ahead of time, it is scheduled (issue 22).
      const status = input.status ?? (startsAt <= new Date() ? 'held' : 'scheduled');
      if (status === 'held' && startsAt > new Date())
        throw problems.fields([
          {
            field: 'status',
            code: 'not_yet',
            message: { it: 'La seduta non è ancora avvenuta.', en: 'The session has not taken place yet.' },
          },
        ]);
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
          status,
          heldAt: status === 'held' ? new Date() : null,
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
      // Time to first session counts held sessions only: trigger case_sessions_first_session sets it.
      if (input.remindPerson && startsAt > new Date())
        await planReminders({ deps, ctx, tx, sessionId, personIds: input.personIds });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'session.created',
          recordType: 'session',
          recordId: sessionId,
          details: { caseId, kind: input.kind, status, notes: NOTE_SECTIONS.filter((s) => input.notes[s]) },
        },
      });
      return loadSession({ tx, deps, id: sessionId, viewer: ctx });
    },
  });
  return session!;
}

export async function getSession({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  const session = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await loadSession({ tx, deps, id, viewer: ctx });
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
      const sessions = await sessionsOfCase({ tx, caseId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'session.listed',
          recordType: 'case',
          recordId: caseId,
          details: { shown: sessions.length },
        },
      });
      return sessions;
    },
  });
}

/** The mediator's sessions: when, where, which language, which case code. Nothing else. */
export async function mySessions({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const sessions = await sessionsOfMediator({ tx });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'session.listed', details: { shown: sessions.length } },
      });
      return sessions;
    },
  });
}
