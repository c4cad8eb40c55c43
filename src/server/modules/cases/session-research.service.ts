import { sql } from 'drizzle-orm';
import type { TResearchSession } from '../../../contracts/case-services.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { decryptField, encryptField } from '../../platform/crypto/field-crypto.js';
import { pseudonymiser } from '../../platform/crypto/pseudonyms.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { sessionResearchNotes } from './case-services.sql.js';
import { pseudonymiseText } from './research-pseudonyms.js';
import {
  familyOfCase,
  type ResearchSessionRow,
  researchSessionsOfMine,
} from './session-research.repository.js';

/**
 * A researcher's side of the sessions they take part in (issue 22, item 4): the sessions by date and
 * the case's research code, and their own notes, pseudonymised before they are stored. Codes are
 * keyed per research service, so two services' researchers cannot link their notes.
 */
export const researchNoteContext = (id: string) => `session_research_notes.body:${id}`;

async function codersFor({ deps, tx, ctx }: { deps: Deps; tx: Tx; ctx: AccessContext }) {
  const scope = `research-notes:${ctx.serviceId ?? ctx.userId}`;
  return {
    caseCode: await pseudonymiser({ tx, keyring: deps.keyring, scope: `${scope}:case`, prefix: 'C' }),
    personCode: await pseudonymiser({ tx, keyring: deps.keyring, scope: `${scope}:person`, prefix: 'P' }),
  };
}

async function toResearchSessions({
  deps,
  tx,
  ctx,
  rows,
}: {
  deps: Deps;
  tx: Tx;
  ctx: AccessContext;
  rows: ResearchSessionRow[];
}): Promise<TResearchSession[]> {
  if (rows.length === 0) return [];
  const { caseCode } = await codersFor({ deps, tx, ctx });
  // Row-level security gives the researcher their own notes only.
  const notes = await queryRows<{ id: string; session_id: string; body_encrypted: string; written_at: Date }>(
    tx,
    sql`select id, session_id, body_encrypted, written_at from session_research_notes
        where session_id in (${uuidList(rows.map((r) => r.id))}) order by written_at, id`,
  );
  return rows.map((r) => ({
    id: r.id,
    caseCode: caseCode(r.case_id),
    kind: r.kind,
    startsAt: new Date(r.starts_at).toISOString(),
    status: r.status,
    notes: notes
      .filter((n) => n.session_id === r.id)
      .map((n) => ({
        id: n.id,
        body: decryptField({
          keyring: deps.keyring,
          value: n.body_encrypted,
          context: researchNoteContext(n.id),
        }),
        writtenAt: new Date(n.written_at).toISOString(),
      })),
    canWrite: r.consented && r.status === 'held',
  }));
}

export function listResearchSessions({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await researchSessionsOfMine({ tx, userId: ctx.userId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'session.research_listed', details: { sessions: rows.length } },
      });
      return toResearchSessions({ deps, tx, ctx, rows });
    },
  });
}

/**
 * Adds a note to a held session the researcher took part in, while the family's research consent
 * is in force (the database checks both again). The family's names are replaced by codes first.
 */
export function addResearchNote({
  deps,
  ctx,
  sessionId,
  body,
}: {
  deps: Deps;
  ctx: AccessContext;
  sessionId: string;
  body: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx): Promise<TResearchSession> => {
      const [session] = await researchSessionsOfMine({ tx, userId: ctx.userId, sessionId });
      if (!session) throw new OutOfScope('session', sessionId);
      if (!session.consented)
        throw problems.field(
          'body',
          'no_research_consent',
          {
            it: 'Il consenso della famiglia alla ricerca non è più in vigore: non si scrivono altre note.',
            en: 'The family’s research consent is no longer in force: no more notes are written.',
          },
          409,
        );
      if (session.status !== 'held')
        throw problems.field(
          'body',
          'not_held',
          {
            it: 'Le note si scrivono sulle sedute svolte.',
            en: 'Notes are written on sessions that were held.',
          },
          409,
        );
      const { personCode } = await codersFor({ deps, tx, ctx });
      const family = await familyOfCase({ tx, caseId: session.case_id });
      const pseudonymised = pseudonymiseText(
        body,
        family.map((p) => ({ code: personCode(p.id), givenName: p.given_name, familyName: p.family_name })),
      );
      const id = crypto.randomUUID();
      await tx.insert(sessionResearchNotes).values({
        id,
        sessionId,
        authorId: ctx.userId,
        bodyEncrypted: encryptField({
          keyring: deps.keyring,
          plaintext: pseudonymised,
          context: researchNoteContext(id),
        }),
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'session.research_note_added',
          recordType: 'session',
          recordId: sessionId,
          details: { noteId: id, namesReplaced: pseudonymised !== body.normalize('NFC') },
        },
      });
      return (await toResearchSessions({ deps, tx, ctx, rows: [session] }))[0]!;
    },
  });
}
