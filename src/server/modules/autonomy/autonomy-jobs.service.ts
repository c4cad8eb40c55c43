import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type TPlan,
  ZFollowUpInputSchema,
  ZJobPlacementInputSchema,
  ZJobPlacementUpdateSchema,
  ZSkillsInputSchema,
} from '../../../contracts/autonomy.js';
import type { TJobPlacementStatus } from '../../../contracts/autonomy-codes.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import type { AuditEvent } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { requirePlan } from './autonomy.policy.js';
import { loadPlanView } from './autonomy-plans.repository.js';
import { changePlan } from './autonomy-plans.service.js';

/**
 * Job orientation and placement (issue 20, item 3): the skills balance, placements with an
 * employer or social enterprise of the registry, and where the person stands 6 and 12 months on.
 * Written by whoever writes the plan (the household's working team, the tutor); a placement of a
 * plan the caller may not write is a 404, audited, like one that does not exist. The 6- and
 * 12-month outcomes may still be recorded after the plan closed: they come after the exit.
 */

const field = (name: string, code: string, it: string, en: string, status = 400) =>
  problems.field(name, code, { it, en }, status);

export async function saveSkills({
  deps,
  ctx,
  planId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  planId: string;
  input: z.input<typeof ZSkillsInputSchema>;
}): Promise<TPlan> {
  const k = ZSkillsInputSchema.parse(input);
  return changePlan({
    deps,
    ctx,
    planId,
    work: async (tx) => {
      const languages = new Set(k.languages.map((l) => l.language));
      if (languages.size !== k.languages.length)
        throw field('languages', 'repeated', 'Ogni lingua una sola volta.', 'Each language once.');
      await tx.execute(
        sql`insert into autonomy_skills (plan_id, languages, education_level, education_country,
              education_recognition, work_history, driving_licence, notes, updated_by)
            values (${planId}, ${JSON.stringify(k.languages)}::jsonb, ${k.educationLevel}, ${k.educationCountry},
              ${k.educationRecognition}, ${k.workHistory}, ${k.drivingLicence}, ${k.notes}, ${ctx.userId})
            on conflict (plan_id) do update set languages = excluded.languages,
              education_level = excluded.education_level, education_country = excluded.education_country,
              education_recognition = excluded.education_recognition, work_history = excluded.work_history,
              driving_licence = excluded.driving_licence, notes = excluded.notes,
              updated_by = excluded.updated_by, updated_at = now()`,
      );
      return { action: 'autonomy.skills_saved' };
    },
  });
}

/**
 * The employer must be an active employer or social enterprise of the registry (read as the
 * owner: the registry's RLS is the community directory's); the initiative must exist and, once it
 * is an organisation of the registry, be that employer.
 */
async function judgePlacement(tx: Tx, p: z.output<typeof ZJobPlacementInputSchema>) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ employer: boolean; initiative: boolean; initiative_holder: string | null }>(
      sys,
      sql`select exists (select 1 from community_holders h where h.id = ${p.employerHolderId} and h.active
                            and h.kind in ('employer', 'social_enterprise')) as employer,
                 exists (select 1 from autonomy_initiatives i where i.id = ${p.initiativeId}) as initiative,
                 (select i.holder_id from autonomy_initiatives i where i.id = ${p.initiativeId}) as initiative_holder`,
    ),
  );
  const errors: FieldError[] = [];
  if (!row?.employer)
    errors.push({
      field: 'employerHolderId',
      code: 'unknown',
      message: {
        it: 'Scegli un datore di lavoro o un’impresa sociale attivi del registro.',
        en: 'Choose an active employer or social enterprise of the registry.',
      },
    });
  if (p.initiativeId && !row?.initiative)
    errors.push({
      field: 'initiativeId',
      code: 'unknown',
      message: { it: 'Impresa sociale non trovata.', en: 'Social enterprise not found.' },
    });
  else if (p.initiativeId && row?.initiative_holder && row.initiative_holder !== p.employerHolderId)
    errors.push({
      field: 'initiativeId',
      code: 'other-employer',
      message: {
        it: 'Questa impresa sociale è un’altra realtà del registro rispetto al datore di lavoro scelto.',
        en: 'This social enterprise is another organisation of the registry than the employer chosen.',
      },
    });
  if (errors.length > 0) throw problems.fields(errors);
}

export async function addPlacement({
  deps,
  ctx,
  planId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  planId: string;
  input: z.input<typeof ZJobPlacementInputSchema>;
}): Promise<TPlan> {
  const p = ZJobPlacementInputSchema.parse(input);
  return changePlan({
    deps,
    ctx,
    planId,
    work: async (tx) => {
      await judgePlacement(tx, p);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into autonomy_job_placements (plan_id, employer_holder_id, initiative_id, kind, starts_on, ends_on,
              hours_per_week, wage_band, employer_tutor_name, created_by)
            values (${planId}, ${p.employerHolderId}, ${p.initiativeId}, ${p.kind}, ${p.startsOn}, ${p.endsOn},
              ${p.hoursPerWeek}, ${p.wageBand}, ${p.employerTutorName}, ${ctx.userId})
            returning id`,
      );
      return {
        action: 'autonomy.job_placement_saved',
        recordType: 'autonomy_job_placement',
        recordId: row!.id,
        details: { status: 'proposed', kind: p.kind },
      };
    },
  });
}

interface Placement {
  status: TJobPlacementStatus;
  starts_on: string;
  ends_on: string | null;
}

/**
 * Runs one change on a placement of a plan the caller writes — a 404 (audited) as if it did not
 * exist otherwise; the plan may be closed —, audits it on the placement and answers the plan.
 */
function changePlacement({
  deps,
  ctx,
  placementId,
  work,
}: {
  deps: Deps;
  ctx: AccessContext;
  placementId: string;
  work: (tx: Tx, placement: Placement) => Promise<Pick<AuditEvent, 'action' | 'details'>>;
}): Promise<TPlan> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [placement] = await queryRows<Placement & { plan_id: string }>(
        tx,
        sql`select plan_id, status, starts_on::text, ends_on::text from autonomy_job_placements where id = ${placementId}`,
      );
      if (!placement) throw new OutOfScope('autonomy_job_placement', placementId);
      const plan = await requirePlan({ tx, planId: placement.plan_id });
      if (!plan.writable) throw new OutOfScope('autonomy_job_placement', placementId);
      const event = await work(tx, placement);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { ...event, recordType: 'autonomy_job_placement', recordId: placementId },
      });
      return loadPlanView({ tx, keyring: deps.keyring, plan });
    },
  });
}

/** Where a placement may go from where it stands (staying puts only the end and its note right). */
const NEXT_STATUS: Record<TJobPlacementStatus, readonly TJobPlacementStatus[]> = {
  proposed: ['proposed', 'active', 'not_started'],
  active: ['active', 'ended'],
  ended: ['ended'],
  not_started: ['not_started'],
};

export async function updatePlacement({
  deps,
  ctx,
  placementId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  placementId: string;
  input: z.input<typeof ZJobPlacementUpdateSchema>;
}): Promise<TPlan> {
  const u = ZJobPlacementUpdateSchema.parse(input);
  return changePlacement({
    deps,
    ctx,
    placementId,
    work: async (tx, placement) => {
      if (!NEXT_STATUS[placement.status].includes(u.status))
        throw field(
          'status',
          'transition',
          'Da questo stato l’inserimento non può passare a quello scelto.',
          'The placement cannot move from where it stands to the status chosen.',
          409,
        );
      const endsOn = u.endsOn === undefined ? placement.ends_on : u.endsOn;
      if (u.status === 'ended' && !endsOn)
        throw field(
          'endsOn',
          'required',
          'Indica quando è finito l’inserimento.',
          'Give the date the placement ended.',
        );
      if (endsOn && endsOn < placement.starts_on)
        throw field(
          'endsOn',
          'before-start',
          'La fine non può venire prima dell’inizio.',
          'The end cannot come before the start.',
        );
      // Conditional on the status read: two changes at once do not both move it.
      const [updated] = await queryRows<{ id: string }>(
        tx,
        sql`update autonomy_job_placements set status = ${u.status}, ends_on = ${endsOn},
              end_note = ${u.endNote === undefined ? sql`end_note` : u.endNote}, updated_at = now()
            where id = ${placementId} and status = ${placement.status}
            returning id`,
      );
      if (!updated)
        throw field(
          'status',
          'changed',
          'L’inserimento è stato appena cambiato da qualcun altro: ricarica.',
          'The placement was just changed by someone else: reload.',
          409,
        );
      return { action: 'autonomy.job_placement_saved', details: { status: u.status } };
    },
  });
}

/** The 6- or 12-month outcome: once that time from the start has passed, never before (409). */
export async function recordFollowUp({
  deps,
  ctx,
  placementId,
  months,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  placementId: string;
  months: 6 | 12;
  input: z.input<typeof ZFollowUpInputSchema>;
}): Promise<TPlan> {
  const f = ZFollowUpInputSchema.parse(input);
  return changePlacement({
    deps,
    ctx,
    placementId,
    work: async (tx, placement) => {
      if (placement.status !== 'active' && placement.status !== 'ended')
        throw field(
          'months',
          'not-started',
          'L’inserimento non è mai cominciato: non ha esiti a 6 o 12 mesi.',
          'The placement never began: it has no 6- or 12-month outcome.',
          409,
        );
      const [when] = await queryRows<{ due_on: string; today: string }>(
        tx,
        sql`select (${placement.starts_on}::date + make_interval(months => ${months}))::date::text as due_on,
                   current_date::text as today`,
      );
      if (when!.due_on > when!.today)
        throw field(
          'months',
          'too-early',
          `Non sono ancora passati ${months} mesi dall’inizio (${when!.due_on}).`,
          `${months} months from the start have not passed yet (${when!.due_on}).`,
          409,
        );
      if (f.recordedOn < when!.due_on || f.recordedOn > when!.today)
        throw field(
          'recordedOn',
          'out-of-range',
          `La data va dal ${when!.due_on} a oggi.`,
          `The date goes from ${when!.due_on} to today.`,
        );
      await tx.execute(
        sql`insert into autonomy_placement_follow_ups (placement_id, months, outcome, recorded_on, recorded_by)
            values (${placementId}, ${months}, ${f.outcome}, ${f.recordedOn}, ${ctx.userId})
            on conflict (placement_id, months) do update set outcome = excluded.outcome,
              recorded_on = excluded.recorded_on, recorded_by = excluded.recorded_by`,
      );
      return {
        action: 'autonomy.follow_up_recorded',
        details: { months: String(months), outcome: f.outcome },
      };
    },
  });
}
