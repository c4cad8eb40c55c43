import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { WORK_PACKAGES } from '../../../contracts/governance-codes.js';
import {
  type TPlan,
  ZActivityEditSchema,
  ZActivityInputSchema,
  ZActivityStatusInputSchema,
  ZMilestoneEditSchema,
  ZMilestoneInputSchema,
  ZMilestoneReachedSchema,
  ZRiskEditSchema,
  ZRiskInputSchema,
} from '../../../contracts/governance-plan.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { requireGovernanceManager } from './governance.policy.js';
import {
  isGovernanceManager,
  loadActivities,
  loadCoordinators,
  loadMilestones,
  loadOrganisations,
  loadRisks,
} from './governance-plan.repository.js';

/**
 * The project plan (issue 21, item 3): read by everyone in governance, kept by the coordinators.
 * Every change is one transaction with its audit event (`governance.plan_saved`, naming what).
 */

type Args = { deps: Deps; ctx: AccessContext };

export async function getPlan({ deps, ctx }: Args): Promise<TPlan> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [activities, milestones, risks, canEdit] = [
        await loadActivities(tx),
        await loadMilestones(tx),
        await loadRisks(tx),
        await isGovernanceManager(tx),
      ];
      return {
        workPackages: WORK_PACKAGES.map((code) => ({
          code,
          activities: activities.filter((a) => a.workPackage === code),
          milestones: milestones.filter((m) => m.workPackage === code),
          risks: risks.filter((r) => r.workPackage === code),
        })),
        projectRisks: risks.filter((r) => r.workPackage === null),
        lateMilestones: milestones.filter((m) => m.late).length,
        canEdit,
        organisations: canEdit ? await loadOrganisations(tx) : [],
        owners: canEdit ? await loadCoordinators(tx) : [],
      };
    },
  });
}

const fieldError = (field: string, code: string, it: string, en: string): FieldError => ({
  field,
  code,
  message: { it, en },
});

/** End on or after start; the responsible organisation and the owner must exist. */
async function judge(
  tx: Tx,
  v: {
    startsOn?: string;
    endsOn?: string;
    responsibleOrganisationId?: string | null;
    ownerId?: string | null;
  },
) {
  const errors: FieldError[] = [];
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
    errors.push(
      fieldError(
        'endsOn',
        'before-start',
        'La fine non può precedere l’inizio.',
        'The end cannot come before the start.',
      ),
    );
  if (v.responsibleOrganisationId) {
    const [org] = await queryRows(
      tx,
      sql`select 1 from organisations where id = ${v.responsibleOrganisationId}`,
    );
    if (!org)
      errors.push(
        fieldError(
          'responsibleOrganisationId',
          'unknown',
          'Scegli un partner della rete.',
          'Choose a partner of the network.',
        ),
      );
  }
  if (v.ownerId) {
    const owners = await loadCoordinators(tx);
    if (!owners.some((o) => o.id === v.ownerId))
      errors.push(fieldError('ownerId', 'unknown', 'Scegli un coordinatore.', 'Choose a coordinator.'));
  }
  if (errors.length) throw problems.fields(errors);
}

async function saved(
  tx: Tx,
  ctx: AccessContext,
  recordType: 'governance_activity' | 'governance_milestone' | 'governance_risk',
  recordId: string,
  what: string,
) {
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: { action: 'governance.plan_saved', recordType, recordId, details: { what } },
  });
}

function managed<T>({ deps, ctx }: Args, work: (tx: Tx) => Promise<T>) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireGovernanceManager(tx);
      return work(tx);
    },
  });
}

export function addActivity(args: Args & { input: z.input<typeof ZActivityInputSchema> }) {
  const i = ZActivityInputSchema.parse(args.input);
  return managed(args, async (tx) => {
    await judge(tx, i);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into governance_activities (work_package, title, responsible_organisation_id, starts_on, ends_on)
          values (${i.workPackage}, ${i.title}, ${i.responsibleOrganisationId}, ${i.startsOn}, ${i.endsOn}) returning id`,
    );
    await saved(tx, args.ctx, 'governance_activity', row!.id, 'activity_added');
    return (await loadActivities(tx, sql`a.id = ${row!.id}`))[0]!;
  });
}

async function activityOf(tx: Tx, id: string) {
  const [a] = await loadActivities(tx, sql`a.id = ${id}`);
  if (!a) throw new OutOfScope('governance_activity', id);
  return a;
}

export function editActivity(args: Args & { id: string; input: z.input<typeof ZActivityEditSchema> }) {
  const i = ZActivityEditSchema.parse(args.input);
  return managed(args, async (tx) => {
    const current = await activityOf(tx, args.id);
    const next = {
      title: i.title ?? current.title,
      responsibleOrganisationId:
        i.responsibleOrganisationId === undefined
          ? (current.responsible?.id ?? null)
          : i.responsibleOrganisationId,
      startsOn: i.startsOn ?? current.startsOn,
      endsOn: i.endsOn ?? current.endsOn,
    };
    await judge(tx, next);
    await tx.execute(
      sql`update governance_activities set title = ${next.title}, responsible_organisation_id = ${next.responsibleOrganisationId},
            starts_on = ${next.startsOn}, ends_on = ${next.endsOn}, updated_at = now() where id = ${args.id}`,
    );
    await saved(tx, args.ctx, 'governance_activity', args.id, 'activity_edited');
    return activityOf(tx, args.id);
  });
}

/** A status update: the update is kept and the activity takes its status, in one transaction. */
export function postActivityUpdate(
  args: Args & { id: string; input: z.input<typeof ZActivityStatusInputSchema> },
) {
  const i = ZActivityStatusInputSchema.parse(args.input);
  return managed(args, async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`update governance_activities set status = ${i.status}, updated_at = now() where id = ${args.id} returning id`,
    );
    if (!row) throw new OutOfScope('governance_activity', args.id);
    await tx.execute(
      sql`insert into governance_activity_updates (activity_id, status, note, updated_by)
          values (${args.id}, ${i.status}, ${i.note}, ${args.ctx.userId})`,
    );
    await saved(tx, args.ctx, 'governance_activity', args.id, 'activity_status');
    return activityOf(tx, args.id);
  });
}

async function milestoneOf(tx: Tx, id: string) {
  const [m] = await loadMilestones(tx, sql`m.id = ${id}`);
  if (!m) throw new OutOfScope('governance_milestone', id);
  return m;
}

export function addMilestone(args: Args & { input: z.input<typeof ZMilestoneInputSchema> }) {
  const i = ZMilestoneInputSchema.parse(args.input);
  return managed(args, async (tx) => {
    await judge(tx, i);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into governance_milestones (work_package, title, responsible_organisation_id, due_on)
          values (${i.workPackage}, ${i.title}, ${i.responsibleOrganisationId}, ${i.dueOn}) returning id`,
    );
    await saved(tx, args.ctx, 'governance_milestone', row!.id, 'milestone_added');
    return milestoneOf(tx, row!.id);
  });
}

export function editMilestone(args: Args & { id: string; input: z.input<typeof ZMilestoneEditSchema> }) {
  const i = ZMilestoneEditSchema.parse(args.input);
  return managed(args, async (tx) => {
    const current = await milestoneOf(tx, args.id);
    const org =
      i.responsibleOrganisationId === undefined
        ? (current.responsible?.id ?? null)
        : i.responsibleOrganisationId;
    await judge(tx, { responsibleOrganisationId: org });
    await tx.execute(
      sql`update governance_milestones set title = ${i.title ?? current.title}, responsible_organisation_id = ${org},
            due_on = ${i.dueOn ?? current.dueOn} where id = ${args.id}`,
    );
    await saved(tx, args.ctx, 'governance_milestone', args.id, 'milestone_edited');
    return milestoneOf(tx, args.id);
  });
}

/** Reached on a day that is not in the future (Italian calendar). */
export function markMilestoneReached(
  args: Args & { id: string; input: z.input<typeof ZMilestoneReachedSchema> },
) {
  const i = ZMilestoneReachedSchema.parse(args.input);
  return managed(args, async (tx) => {
    await milestoneOf(tx, args.id);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`update governance_milestones set reached_on = ${i.reachedOn}
           where id = ${args.id} and ${i.reachedOn}::date <= (now() at time zone 'Europe/Rome')::date returning id`,
    );
    if (!row)
      throw problems.fields([
        fieldError(
          'reachedOn',
          'in-future',
          'La data di raggiungimento non può essere nel futuro.',
          'The date reached cannot be in the future.',
        ),
      ]);
    await saved(tx, args.ctx, 'governance_milestone', args.id, 'milestone_reached');
    return milestoneOf(tx, args.id);
  });
}

async function riskOf(tx: Tx, id: string) {
  const [r] = await loadRisks(tx, sql`r.id = ${id}`);
  if (!r) throw new OutOfScope('governance_risk', id);
  return r;
}

export function addRisk(args: Args & { input: z.input<typeof ZRiskInputSchema> }) {
  const i = ZRiskInputSchema.parse(args.input);
  return managed(args, async (tx) => {
    await judge(tx, { ownerId: i.ownerId });
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into governance_risks (kind, work_package, title, likelihood, impact, mitigation, owner_id, status)
          values (${i.kind}, ${i.workPackage}, ${i.title}, ${i.likelihood}, ${i.impact}, ${i.mitigation}, ${i.ownerId}, ${i.status})
          returning id`,
    );
    await saved(tx, args.ctx, 'governance_risk', row!.id, 'risk_added');
    return riskOf(tx, row!.id);
  });
}

export function editRisk(args: Args & { id: string; input: z.input<typeof ZRiskEditSchema> }) {
  const i = ZRiskEditSchema.parse(args.input);
  return managed(args, async (tx) => {
    const c = await riskOf(tx, args.id);
    const ownerId = i.ownerId === undefined ? (c.owner?.id ?? null) : i.ownerId;
    await judge(tx, { ownerId: i.ownerId ?? null });
    await tx.execute(
      sql`update governance_risks set title = ${i.title ?? c.title}, likelihood = ${i.likelihood ?? c.likelihood},
            impact = ${i.impact ?? c.impact}, mitigation = ${i.mitigation ?? c.mitigation}, owner_id = ${ownerId},
            status = ${i.status ?? c.status}, updated_at = now() where id = ${args.id}`,
    );
    await saved(tx, args.ctx, 'governance_risk', args.id, 'risk_edited');
    return riskOf(tx, args.id);
  });
}
