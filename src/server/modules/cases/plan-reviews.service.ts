import type { z } from 'zod';
import type { ZReviewInputSchema } from '../../../contracts/care-plan.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { goalRows, householdMember, onTeam, versionRows } from './care-plan.repository.js';
import { casePlanReviews } from './care-plan.sql.js';
import { changePlan } from './plan-versions.service.js';

/**
 * Reviews of the plan in force (verifiche), as events: when, who took part (the family, the child,
 * the team, outside professionals), the outcome of each goal, the next review. A case conference
 * with outside services is a review with its flag set. Recorded by the clinical team.
 */
export const recordReview = ({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: z.output<typeof ZReviewInputSchema>;
}) =>
  changePlan({
    deps,
    ctx,
    id,
    needs: ['clinical'],
    action: 'care_plan.review_recorded',
    change: async (tx, found) => {
      const approved = (await versionRows({ tx, caseId: id })).find((v) => v.status === 'approved');
      if (!approved)
        throw problems.conflict({
          it: 'Si verifica il piano approvato: non ce n’è ancora uno.',
          en: 'A review looks at the approved plan: there is none yet.',
        });
      const goalIds = new Set((await goalRows({ tx, versionIds: [approved.id] })).map((g) => g.id));
      const errors: FieldError[] = [];
      for (const [i, o] of input.outcomes.entries())
        if (!goalIds.has(o.goalId))
          errors.push({
            field: `outcomes.${i}.goalId`,
            code: 'unknown',
            message: { it: 'Obiettivo non del piano approvato.', en: 'Not a goal of the approved plan.' },
          });
      for (const [i, p] of input.participants.entries()) {
        const field = `participants.${i}`;
        const wrong = (it: string, en: string) =>
          errors.push({ field, code: 'invalid', message: { it, en } });
        if (p.kind === 'family' || p.kind === 'child') {
          const member = p.personId
            ? await householdMember({ tx, householdId: found.householdId, personId: p.personId })
            : null;
          if (!member && !p.name)
            wrong('Scegli una persona del nucleo.', 'Choose a member of the household.');
        } else if (p.kind === 'team_user') {
          if (!p.userId || !(await onTeam({ tx, caseId: id, userId: p.userId })))
            wrong('Scegli una persona dell’équipe.', 'Choose someone on the team.');
        } else if (!p.name || !p.organisation)
          wrong('Scrivi nome e servizio del professionista.', "Write the professional's name and service.");
      }
      if (input.nextReviewOn && input.nextReviewOn <= input.heldOn)
        errors.push({
          field: 'nextReviewOn',
          code: 'before-review',
          message: {
            it: 'La prossima verifica viene dopo questa.',
            en: 'The next review comes after this one.',
          },
        });
      if (errors.length > 0) throw problems.fields(errors);
      const [row] = await tx
        .insert(casePlanReviews)
        .values({
          caseId: id,
          versionId: approved.id,
          heldOn: input.heldOn,
          caseConference: input.caseConference,
          participants: input.participants,
          outcomes: input.outcomes,
          summary: input.summary,
          nextReviewOn: input.nextReviewOn ?? null,
          recordedBy: ctx.userId,
        })
        .returning({ id: casePlanReviews.id });
      return { reviewId: row!.id, versionId: approved.id, caseConference: input.caseConference };
    },
  });
