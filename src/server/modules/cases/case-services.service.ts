import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TCaseServicesView,
  ZCaseServiceCreateSchema,
  ZCaseServiceUpdateSchema,
  ZFollowupCreateSchema,
  ZFollowupDoneSchema,
} from '../../../contracts/case-services.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, HttpProblem, problems } from '../../platform/http/problem.js';
import { clinicalTeam, followupsOfCase, servicesOfCase } from './case-services.repository.js';
import { caseFollowups, caseServices } from './case-services.sql.js';
import { requireCase, requireOpen } from './cases.policy.js';
import { referralPersonIds } from './referrals.repository.js';

/**
 * Services delivered to a case and follow-ups (issue 22, item 3): the clinical team writes, a
 * supervising coordinator (and a break-the-glass grant) reads, the referrer and the mediator see
 * nothing. What the tab shows is read in case-services.repository.ts.
 */

const READERS = ['clinical', 'supervisor', 'break_glass'] as const;
const notOnTeam = (field: string): FieldError => ({
  field,
  code: 'not_on_team',
  message: { it: 'Non fa parte dell’équipe del caso.', en: 'Not on the case team.' },
});

async function loadView({ tx, caseId, canWrite }: { tx: Tx; caseId: string; canWrite: boolean }) {
  return {
    services: await servicesOfCase({ tx, caseId }),
    followups: await followupsOfCase({ tx, caseId }),
    team: await clinicalTeam({ tx, caseId }),
    canWrite,
  } satisfies TCaseServicesView;
}

export async function getCaseServices({
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
      const found = await requireCase({ tx, id: caseId, needs: READERS });
      const view = await loadView({
        tx,
        caseId,
        canWrite: found.access === 'clinical' && found.status !== 'closed',
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'case_service.listed',
          recordType: 'case',
          recordId: caseId,
          details: { services: view.services.length, followups: view.followups.length },
        },
      });
      return view;
    },
  });
}

export async function addCaseService({
  deps,
  ctx,
  caseId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  input: z.infer<typeof ZCaseServiceCreateSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found, 'type');
      const errors: FieldError[] = [];
      const team = await clinicalTeam({ tx, caseId });
      if (input.providerUserId && !team.some((m) => m.id === input.providerUserId))
        errors.push(notOnTeam('providerUserId'));
      if (!input.providerUserId === !input.providerOrganisation)
        errors.push({
          field: 'providerOrganisation',
          code: 'one_provider',
          message: {
            it: 'Indica chi eroga il servizio: una persona dell’équipe oppure un ente esterno.',
            en: 'Say who provides the service: a member of the team or an outside organisation.',
          },
        });
      if (
        input.personId &&
        !(await referralPersonIds({ tx, referralId: found.referralId })).includes(input.personId)
      )
        errors.push({
          field: 'personId',
          code: 'not_in_case',
          message: { it: 'Persona non presente nel caso.', en: 'Person not in this case.' },
        });
      if (errors.length > 0) throw problems.fields(errors);
      const [row] = await tx
        .insert(caseServices)
        .values({
          caseId,
          type: input.type,
          personId: input.personId ?? null,
          providerUserId: input.providerUserId ?? null,
          providerOrganisation: input.providerUserId ? null : (input.providerOrganisation ?? null),
          startedOn: input.startedOn,
          endedOn: input.endedOn ?? null,
          hours: input.hours ?? null,
          status: input.status,
          note: input.note ?? null,
          createdBy: ctx.userId,
        })
        .returning({ id: caseServices.id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'case_service.created',
          recordType: 'case',
          recordId: caseId,
          details: { serviceId: row!.id, type: input.type, status: input.status },
        },
      });
      return loadView({ tx, caseId, canWrite: true });
    },
  });
}

export async function updateCaseService({
  deps,
  ctx,
  caseId,
  serviceId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  serviceId: string;
  input: z.infer<typeof ZCaseServiceUpdateSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found, 'status');
      const [current] = await queryRows<{ started_on: string }>(
        tx,
        sql`select started_on::text as started_on from case_services where id = ${serviceId} and case_id = ${caseId}`,
      );
      if (!current) throw new OutOfScope('case', caseId);
      if (input.endedOn && input.endedOn < current.started_on)
        throw problems.fields([
          {
            field: 'endedOn',
            code: 'before_start',
            message: { it: 'La fine viene dopo l’inizio.', en: 'The end comes after the start.' },
          },
        ]);
      await tx
        .update(caseServices)
        .set({
          status: input.status,
          ...(input.endedOn !== undefined ? { endedOn: input.endedOn } : {}),
          ...(input.hours !== undefined ? { hours: input.hours } : {}),
          updatedAt: new Date(),
        })
        .where(eq(caseServices.id, serviceId));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'case_service.updated',
          recordType: 'case',
          recordId: caseId,
          details: { serviceId, status: input.status },
        },
      });
      return loadView({ tx, caseId, canWrite: true });
    },
  });
}

export async function addFollowup({
  deps,
  ctx,
  caseId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  input: z.infer<typeof ZFollowupCreateSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found, 'what');
      const errors: FieldError[] = [];
      const team = await clinicalTeam({ tx, caseId });
      if (!team.some((m) => m.id === input.assignedTo)) errors.push(notOnTeam('assignedTo'));
      if (input.serviceId) {
        const [own] = await queryRows<{ id: string }>(
          tx,
          sql`select id from case_services where id = ${input.serviceId} and case_id = ${caseId}`,
        );
        if (!own)
          errors.push({
            field: 'serviceId',
            code: 'not_in_case',
            message: { it: 'Servizio non presente nel caso.', en: 'Service not in this case.' },
          });
      }
      if (errors.length > 0) throw problems.fields(errors);
      const [row] = await tx
        .insert(caseFollowups)
        .values({
          caseId,
          serviceId: input.serviceId ?? null,
          what: input.what,
          dueOn: input.dueOn,
          assignedTo: input.assignedTo,
          createdBy: ctx.userId,
        })
        .returning({ id: caseFollowups.id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'followup.created',
          recordType: 'case',
          recordId: caseId,
          details: { followupId: row!.id, dueOn: input.dueOn },
        },
      });
      return loadView({ tx, caseId, canWrite: true });
    },
  });
}

export async function markFollowupDone({
  deps,
  ctx,
  caseId,
  followupId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  caseId: string;
  followupId: string;
  input: z.infer<typeof ZFollowupDoneSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await requireCase({ tx, id: caseId, needs: ['clinical'] });
      requireOpen(found, 'outcome');
      // One conditional statement: of two people marking it at once, the second finds it done.
      const done = await tx
        .update(caseFollowups)
        .set({ doneAt: new Date(), doneBy: ctx.userId, outcome: input.outcome ?? null })
        .where(
          and(
            eq(caseFollowups.id, followupId),
            eq(caseFollowups.caseId, caseId),
            isNull(caseFollowups.doneAt),
          ),
        )
        .returning({ id: caseFollowups.id });
      if (done.length === 0) {
        const [exists] = await queryRows<{ id: string }>(
          tx,
          sql`select id from case_followups where id = ${followupId} and case_id = ${caseId}`,
        );
        if (!exists) throw new OutOfScope('case', caseId);
        throw new HttpProblem(
          409,
          'followup-done',
          { it: 'Verifica già fatta', en: 'Follow-up already done' },
          { it: 'Questa verifica è già segnata come fatta.', en: 'This follow-up is already marked done.' },
          [{ field: 'outcome', code: 'already_done', message: { it: 'Già fatta.', en: 'Already done.' } }],
        );
      }
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'followup.done', recordType: 'case', recordId: caseId, details: { followupId } },
      });
      return loadView({ tx, caseId, canWrite: true });
    },
  });
}

/**
 * Istanbul Convention art. 48: no session brings together a perpetrator and a person he may harm
 * (no mandatory mediation or conciliation in cases of violence). The database refuses it too
 * (trigger session_people_apart); this says so in words, naming the field.
 */
export function perpetratorTogetherRefused(field = 'personIds') {
  const message = {
    it: 'Una seduta non può riunire l’autore di violenza e una persona che può colpire (Convenzione di Istanbul, art. 48).',
    en: 'A session cannot bring together the perpetrator and a person he may harm (Istanbul Convention, art. 48).',
  };
  return new HttpProblem(
    409,
    'perpetrator-with-victim',
    { it: 'Seduta non consentita', en: 'Session not allowed' },
    message,
    [{ field, code: 'perpetrator_with_victim', message }],
  );
}
