import { and, desc, eq, sql } from 'drizzle-orm';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { displayNames, refused } from './cases.policy.js';
import { consultationOpinionPdf } from './consultation-opinion-pdf.js';
import { requireConsultation } from './consultations.policy.js';
import { loadConsultationRow, loadOpinions } from './consultations.repository.js';
import {
  advanceTo,
  auditConsultation,
  readConsultation,
  requireBasis,
  requireWorkable,
} from './consultations.service.js';
import { consultationOpinions } from './consultations.sql.js';

/**
 * The written opinion: versions drafted by the team, approved by the lead therapist only, frozen
 * once approved (a trigger in 3-consultations.sql is the backstop); a revision is a new version.
 * The requesting service reads approved versions only (row-level security) and downloads them as
 * a watermarked PDF, each download audited.
 */
const frozen = () =>
  new HttpProblem(
    409,
    'opinion-frozen',
    { it: 'Parere approvato', en: 'Opinion approved' },
    {
      it: 'Un parere approvato non si modifica: scrivi una nuova versione.',
      en: 'An approved opinion is not changed: write a new version.',
    },
    [{ field: 'text', code: 'frozen', message: { it: 'Versione approvata.', en: 'Approved version.' } }],
  );

/** A new version: refused while a draft is open (that draft is edited instead). */
export function draftOpinion({
  deps,
  ctx,
  id,
  text,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  text: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireWorkable({ tx, id });
      await requireBasis({ tx, found });
      const [latest] = await tx
        .select({ version: consultationOpinions.version, status: consultationOpinions.status })
        .from(consultationOpinions)
        .where(eq(consultationOpinions.consultationId, found.id))
        .orderBy(desc(consultationOpinions.version))
        .limit(1);
      if (latest?.status === 'draft')
        throw new HttpProblem(
          409,
          'opinion-draft-open',
          { it: 'Bozza già aperta', en: 'Draft already open' },
          {
            it: 'C’è già una bozza del parere: modifica quella.',
            en: 'There is already a draft of the opinion: edit that one.',
          },
          [
            {
              field: 'text',
              code: 'draft-open',
              message: { it: 'Bozza già aperta.', en: 'Draft already open.' },
            },
          ],
        );
      const [created] = await tx
        .insert(consultationOpinions)
        .values({
          consultationId: found.id,
          version: (latest?.version ?? 0) + 1,
          text,
          createdBy: ctx.userId,
        })
        .returning({ id: consultationOpinions.id, version: consultationOpinions.version });
      const status = await advanceTo({ tx, found, target: 'opinion_drafting' });
      await auditConsultation({
        tx,
        ctx,
        action: 'consultation.opinion_drafted',
        id,
        details: { opinionId: created!.id, version: created!.version },
      });
      return readConsultation({ tx, found: { ...found, status } });
    },
  });
}

export function editOpinion({
  deps,
  ctx,
  id,
  opinionId,
  text,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  opinionId: string;
  text: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireWorkable({ tx, id });
      const [row] = await tx
        .select({ status: consultationOpinions.status, version: consultationOpinions.version })
        .from(consultationOpinions)
        .where(
          and(eq(consultationOpinions.id, opinionId), eq(consultationOpinions.consultationId, found.id)),
        );
      if (!row) throw new OutOfScope('consultation', id);
      if (row.status === 'approved') throw frozen();
      await tx
        .update(consultationOpinions)
        .set({ text, updatedAt: new Date() })
        .where(and(eq(consultationOpinions.id, opinionId), eq(consultationOpinions.status, 'draft')));
      await auditConsultation({
        tx,
        ctx,
        action: 'consultation.opinion_drafted',
        id,
        details: { opinionId, version: row.version },
      });
      return readConsultation({ tx, found });
    },
  });
}

/** Only the consultation's lead therapist approves; the approved version is delivered to the requester. */
export function approveOpinion({
  deps,
  ctx,
  id,
  opinionId,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  opinionId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireWorkable({ tx, id });
      if (found.leadUserId !== ctx.userId)
        throw refused({
          it: 'Solo il terapeuta referente della consulenza approva il parere.',
          en: 'Only the consultation’s lead therapist approves the opinion.',
        });
      await requireBasis({ tx, found });
      const [row] = await tx
        .select({ status: consultationOpinions.status, version: consultationOpinions.version })
        .from(consultationOpinions)
        .where(
          and(eq(consultationOpinions.id, opinionId), eq(consultationOpinions.consultationId, found.id)),
        );
      if (!row) throw new OutOfScope('consultation', id);
      if (row.status === 'approved') throw frozen();
      await tx
        .update(consultationOpinions)
        .set({ status: 'approved', approvedBy: ctx.userId, approvedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(consultationOpinions.id, opinionId), eq(consultationOpinions.status, 'draft')));
      const status = await advanceTo({ tx, found, target: 'delivered' });
      await auditConsultation({
        tx,
        ctx,
        action: 'consultation.opinion_approved',
        id,
        details: { opinionId, version: row.version },
      });
      return readConsultation({ tx, found: { ...found, status } });
    },
  });
}

const AUTHORITY = {
  juvenile_court: 'Tribunale per i Minorenni',
  juvenile_prosecutor: 'Procura presso il Tribunale per i Minorenni',
};

/** The opinion as a PDF watermarked with the reader's name and the date; the requester gets approved versions only. */
export function printOpinion({
  deps,
  ctx,
  id,
  opinionId,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  opinionId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireConsultation({ tx, id, needs: ['team', 'supervisor', 'requester'] });
      // Row-level security leaves the requester the approved versions only: a draft is not found.
      const opinion = (await loadOpinions({ tx, consultationId: found.id })).find((o) => o.id === opinionId);
      if (!opinion || (found.access === 'requester' && opinion.status !== 'approved'))
        throw new OutOfScope('consultation', id);
      const row = (await loadConsultationRow({ tx, id: found.id }))!;
      const [basis] = await queryRows<{ date: string | null }>(
        tx,
        sql`select to_char(request_date, 'DD/MM/YYYY') as date from consultations where id = ${found.id}`,
      );
      const printedBy = (await displayNames({ tx, ids: [ctx.userId] })).get(ctx.userId)?.name ?? ctx.username;
      await auditConsultation({
        tx,
        ctx,
        action: 'consultation.opinion_downloaded',
        id,
        details: { opinionId, version: opinion.version, access: found.access },
      });
      const body = await consultationOpinionPdf({
        consultation: {
          code: row.code,
          requestingService: row.requesting_service,
          consultingService: row.consulting_service,
          legalBasis: row.requesting_authority
            ? `${AUTHORITY[row.requesting_authority]}, richiesta ${row.request_reference ?? ''} del ${basis?.date ?? '—'}`
            : null,
        },
        opinion,
        printedBy,
      });
      return { body, filename: `parere-${row.code}-v${opinion.version}.pdf` };
    },
  });
}
