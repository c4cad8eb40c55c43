import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZSessionNoteEditSchema } from '../../../contracts/case-services.js';
import type { TSession, ZSessionNoteCreateSchema } from '../../../contracts/cases.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { openRecordField, sealWithRecordKey } from '../../platform/crypto/record-keys.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { householdKeyOfCase } from './case-record-keys.js';
import { noteVersionContext } from './case-services.repository.js';
import { sessionNoteVersions } from './case-services.sql.js';
import { requireOpen } from './cases.policy.js';
import { sessionNotes } from './cases.sql.js';
import { caseStatus, loadSession, noteContext } from './sessions.repository.js';

/**
 * A note section written after the session: the mediator's own mediation note, or a section the
 * team left for later. Each section is written once and then sealed like the rest; who may write
 * which is row-level security's rule (session_notes_insert, migration 0014), mirrored by the
 * session's `writableSections` so the page offers only what will be accepted.
 */
const alreadyWritten = () =>
  problems.conflict({
    it: 'Questa sezione delle note è già stata scritta.',
    en: 'This note section has already been written.',
  });

export async function addSessionNote({
  deps,
  ctx,
  sessionId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
  input: z.infer<typeof ZSessionNoteCreateSchema>;
}): Promise<TSession> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const session = await loadSession({ tx, deps, id: sessionId, viewer: ctx });
      if (!session) throw new OutOfScope('session', sessionId);
      // A closed case is not written to.
      requireOpen({ status: await caseStatus({ tx, caseId: session.caseId }) }, 'section');
      if (!session.writableSections.includes(input.section)) {
        const written =
          session.notes.some((n) => n.section === input.section) ||
          session.sealedSections.includes(input.section);
        if (written) throw alreadyWritten();
        throw problems.forbidden();
      }
      const noteId = crypto.randomUUID();
      const recordKey = await householdKeyOfCase({ deps, tx, caseId: session.caseId });
      try {
        await tx.insert(sessionNotes).values({
          id: noteId,
          sessionId,
          section: input.section,
          bodyEncrypted: sealWithRecordKey({
            recordKey,
            plaintext: input.body,
            context: noteContext(noteId),
          }),
          authorId: ctx.userId,
        });
      } catch (error) {
        // Two writers of the same section at once: the second finds it written.
        if (pgErrorCode(error) === '23505') throw alreadyWritten();
        throw error;
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'session.note_added',
          recordType: 'session',
          recordId: sessionId,
          details: { section: input.section },
        },
      });
      return (await loadSession({ tx, deps, id: sessionId, viewer: ctx }))!;
    },
  });
}

/**
 * A note section edited after it was written (issue 22): whoever may write that section changes it,
 * and the text it had before is kept (session_note_versions, encrypted like the note), so the
 * record shows what was written, by whom, and when it changed.
 */
export async function editSessionNote({
  deps,
  ctx,
  sessionId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
  input: z.infer<typeof ZSessionNoteEditSchema>;
}): Promise<TSession> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const session = await loadSession({ tx, deps, id: sessionId, viewer: ctx });
      if (!session) throw new OutOfScope('session', sessionId);
      requireOpen({ status: await caseStatus({ tx, caseId: session.caseId }) }, 'section');
      // Row-level security returns only the notes this viewer reads; the update policy decides who writes.
      const [note] = await tx
        .select()
        .from(sessionNotes)
        .where(and(eq(sessionNotes.sessionId, sessionId), eq(sessionNotes.section, input.section)));
      if (!note) throw problems.forbidden();
      const versionId = crypto.randomUUID();
      const previous = await openRecordField({
        deps,
        tx,
        value: note.bodyEncrypted,
        context: noteContext(note.id),
      });
      const recordKey = await householdKeyOfCase({ deps, tx, caseId: session.caseId });
      await tx.insert(sessionNoteVersions).values({
        id: versionId,
        noteId: note.id,
        bodyEncrypted: sealWithRecordKey({
          recordKey,
          plaintext: previous,
          context: noteVersionContext(versionId),
        }),
        editedBy: ctx.userId,
      });
      const changed = await tx
        .update(sessionNotes)
        .set({
          bodyEncrypted: sealWithRecordKey({
            recordKey,
            plaintext: input.body,
            context: noteContext(note.id),
          }),
          editedAt: new Date(),
          editedBy: ctx.userId,
        })
        .where(eq(sessionNotes.id, note.id))
        .returning({ id: sessionNotes.id });
      // Readable but not writable (a supervisor never gets here; the mediator only for mediation).
      if (changed.length === 0) throw problems.forbidden();
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'session.note_edited',
          recordType: 'session',
          recordId: sessionId,
          details: { section: input.section },
        },
      });
      return (await loadSession({ tx, deps, id: sessionId, viewer: ctx }))!;
    },
  });
}
