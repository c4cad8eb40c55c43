import type { z } from 'zod';
import type { TSession, ZSessionNoteCreateSchema } from '../../../contracts/cases.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { encryptField } from '../../platform/crypto/field-crypto.js';
import { pgErrorCode } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
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
      const session = await loadSession({ tx, keyring: deps.keyring, id: sessionId, viewer: ctx });
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
      try {
        await tx.insert(sessionNotes).values({
          id: noteId,
          sessionId,
          section: input.section,
          bodyEncrypted: encryptField({
            keyring: deps.keyring,
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
      return (await loadSession({ tx, keyring: deps.keyring, id: sessionId, viewer: ctx }))!;
    },
  });
}
