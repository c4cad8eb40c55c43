import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TSessionPractice,
  ZOutsideParticipantCreateSchema,
  ZSessionStatusChangeSchema,
} from '../../../contracts/case-services.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { referringUser, sessionPractice } from './case-services.repository.js';
import { sessionOutsideParticipants } from './case-services.sql.js';
import { requireCase, requireOpen } from './cases.policy.js';
import { caseSessions } from './cases.sql.js';
import { researchersFor, researchServiceName } from './session-research.repository.js';
import { loadSession } from './sessions.repository.js';

// Sessions as they happened (issue 22, item 4): marked held, cancelled or missed; outside
// participants recorded by role, never given the case.

/**
 * The session and its case as the viewer stands to it: a 404 when the session is not theirs to see,
 * the case's own refusal when their standing is not among `needs`, and (with `openFor`, the field a
 * refusal names) a closed case refused for writing.
 */
async function requireSessionCase({
  tx,
  sessionId,
  needs,
  openFor,
}: {
  tx: Tx;
  sessionId: string;
  needs: Parameters<typeof requireCase>[0]['needs'];
  openFor?: string;
}) {
  const [session] = await tx
    .select({ caseId: caseSessions.caseId, startsAt: caseSessions.startsAt })
    .from(caseSessions)
    .where(eq(caseSessions.id, sessionId));
  if (!session) throw new OutOfScope('session', sessionId);
  const found = await requireCase({ tx, id: session.caseId, needs });
  if (openFor) requireOpen(found, openFor);
  return { session, found };
}

export async function changeSessionStatus({
  deps,
  ctx,
  sessionId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
  input: z.infer<typeof ZSessionStatusChangeSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const { session } = await requireSessionCase({ tx, sessionId, needs: ['clinical'], openFor: 'status' });
      if (input.status === 'held' && session.startsAt > new Date())
        throw problems.fields([
          {
            field: 'status',
            code: 'not_yet',
            message: { it: 'La seduta non è ancora avvenuta.', en: 'The session has not taken place yet.' },
          },
        ]);
      // The case's first session moves with it (trigger case_sessions_first_session).
      await tx
        .update(caseSessions)
        .set({
          status: input.status,
          statusReason:
            input.status === 'cancelled' || input.status === 'missed' ? (input.reason ?? null) : null,
          heldAt: input.status === 'held' ? new Date() : null,
        })
        .where(eq(caseSessions.id, sessionId));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'session.status_changed',
          recordType: 'session',
          recordId: sessionId,
          details: { status: input.status },
        },
      });
      return (await loadSession({ tx, deps, id: sessionId, viewer: ctx }))!;
    },
  });
}

export async function readSessionPractice({
  deps,
  ctx,
  sessionId,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
}): Promise<TSessionPractice> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const { session, found } = await requireSessionCase({
        tx,
        sessionId,
        needs: ['clinical', 'supervisor', 'break_glass'],
      });
      const practice = (await sessionPractice({ tx, deps, sessionId }))!;
      const canWrite = found.access === 'clinical' && found.status !== 'closed';
      const referrer = canWrite ? await referringUser({ tx, caseId: session.caseId }) : null;
      const researchers = canWrite ? await researchersFor({ tx, caseId: session.caseId }) : [];
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'session.practice_read',
          recordType: 'session',
          recordId: sessionId,
          details: { outside: practice.outsideParticipants.length, versions: practice.noteHistory.length },
        },
      });
      return {
        ...practice,
        referrer: referrer ? { id: referrer.id, displayName: referrer.display_name } : null,
        researchers,
        canWrite,
      };
    },
  });
}

export async function addOutsideParticipant({
  deps,
  ctx,
  sessionId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
  input: z.infer<typeof ZOutsideParticipantCreateSchema>;
}) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const { session } = await requireSessionCase({ tx, sessionId, needs: ['clinical'], openFor: 'role' });
      let name = input.name ?? null;
      let organisation = input.organisation ?? null;
      if (input.role === 'researcher') {
        // A researcher attends only a family whose every member consented to research (and the
        // database checks it again): chosen among those offered, recorded as a user, never on the team.
        const researcher = (await researchersFor({ tx, caseId: session.caseId })).find(
          (r) => r.id === input.userId,
        );
        if (!researcher)
          throw problems.fields([
            {
              field: 'userId',
              code: 'no_research_consent',
              message: {
                it: 'Una ricercatrice o un ricercatore partecipa solo se ogni persona del caso ha dato il consenso alla ricerca, ancora in vigore.',
                en: 'A researcher takes part only when every person of the case has a research consent in force.',
              },
            },
          ]);
        name = researcher.displayName;
        organisation = await researchServiceName({ tx, userId: researcher.id });
      } else if (input.userId) {
        // Only the referring social worker attends as a user: recorded by name, no case_team row.
        const referrer = await referringUser({ tx, caseId: session.caseId });
        if (referrer?.id !== input.userId)
          throw problems.fields([
            {
              field: 'userId',
              code: 'not_referrer',
              message: {
                it: 'Solo chi ha inviato il caso può essere registrato come utente esterno.',
                en: 'Only the person who referred the case can be recorded as an outside user.',
              },
            },
          ]);
        name = referrer.display_name;
        organisation ??= referrer.service_name;
      }
      if (!name)
        throw problems.fields([
          {
            field: 'name',
            code: 'required',
            message: { it: 'Scrivi il nome.', en: 'Write the name.' },
          },
        ]);
      const [row] = await tx
        .insert(sessionOutsideParticipants)
        .values({
          sessionId,
          role:
            input.role === 'researcher' ? 'researcher' : input.userId ? 'referring_professional' : input.role,
          userId: input.userId ?? null,
          name,
          organisation,
          addedBy: ctx.userId,
        })
        .returning({ id: sessionOutsideParticipants.id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'session.outside_participant_added',
          recordType: 'session',
          recordId: sessionId,
          details: {
            participantId: row!.id,
            role: input.role === 'researcher' || !input.userId ? input.role : 'referring_professional',
          },
        },
      });
    },
  });
  return readSessionPractice({ deps, ctx, sessionId });
}

export async function removeOutsideParticipant({
  deps,
  ctx,
  sessionId,
  participantId,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
  participantId: string;
}) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireSessionCase({ tx, sessionId, needs: ['clinical'], openFor: 'role' });
      const gone = await tx
        .delete(sessionOutsideParticipants)
        .where(
          sql`${sessionOutsideParticipants.id} = ${participantId} and ${sessionOutsideParticipants.sessionId} = ${sessionId}`,
        )
        .returning({ id: sessionOutsideParticipants.id });
      if (gone.length === 0) throw new OutOfScope('session', sessionId);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'session.outside_participant_removed',
          recordType: 'session',
          recordId: sessionId,
          details: { participantId },
        },
      });
    },
  });
  return readSessionPractice({ deps, ctx, sessionId });
}
