import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZAssessmentInputSchema } from '../../../contracts/care-plan.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { householdMember, listAssessments } from './care-plan.repository.js';
import { caseAssessments } from './care-plan.sql.js';
import { requireCase, requireOpen } from './cases.policy.js';

/**
 * Dated, structured assessments of each child (issue 22, item 1). The clinical team writes them; a
 * supervising coordinator and a break-the-glass grant read them; the referrer and the mediator never.
 * An assessment is never changed: a correction is a new one that names the one it corrects, so every
 * earlier judgement stays as it was written and two can be compared.
 */

const READERS = ['clinical', 'supervisor', 'break_glass'] as const;

export function listCaseAssessments({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id, needs: READERS });
      const items = await listAssessments({ tx, caseId: id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'case_assessment.listed',
          recordType: 'case',
          recordId: id,
          details: { count: items.length },
        },
      });
      return { items, canWrite: found.access === 'clinical' && found.status !== 'closed' };
    },
  });
}

export function createAssessment({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.output<typeof ZAssessmentInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id, needs: ['clinical'] });
      requireOpen(found);
      const member = await householdMember({ tx, householdId: found.householdId, personId: input.personId });
      if (!member?.child)
        throw problems.field('personId', 'not-a-child-of-household', {
          it: 'Scegli un figlio o una figlia del nucleo del caso.',
          en: "Choose a child of the case's household.",
        });
      if (input.childAssent !== 'given' && !input.assentReason)
        throw problems.field('assentReason', 'required', {
          it: 'Scrivi perché l’assenso non è stato chiesto o cosa ha detto il bambino nel rifiutare.',
          en: 'Write why assent was not asked, or what the child said in declining.',
        });
      if (input.correctsId) {
        const [earlier] = await queryRows<{ person_id: string }>(
          tx,
          sql`select person_id from case_assessments where id = ${input.correctsId} and case_id = ${id}`,
        );
        if (earlier?.person_id !== input.personId)
          throw problems.field('correctsId', 'unknown', {
            it: 'La valutazione da correggere non è di questo bambino in questo caso.',
            en: 'The assessment to correct is not of this child in this case.',
          });
      }
      const [row] = await tx
        .insert(caseAssessments)
        .values({
          caseId: id,
          personId: input.personId,
          stage: input.stage,
          assessedOn: input.assessedOn,
          childNeeds: input.childNeeds,
          parentResponses: input.parentResponses,
          familyEnvironment: input.familyEnvironment,
          strengths: input.strengths ?? null,
          risks: input.risks ?? null,
          riskLevel: input.riskLevel,
          concerns: [...new Set(input.concerns)],
          childVoice: input.childVoice ?? null,
          childAssent: input.childAssent,
          assentReason: input.assentReason ?? null,
          correctsId: input.correctsId ?? null,
          authorId: ctx.userId,
        })
        .returning({ id: caseAssessments.id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'case_assessment.created',
          recordType: 'case',
          recordId: id,
          details: { assessmentId: row!.id, stage: input.stage, corrects: input.correctsId ?? null },
        },
      });
      const items = await listAssessments({ tx, caseId: id });
      return items.find((a) => a.id === row!.id)!;
    },
  });
}
