import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type TInitiative,
  ZEmployerInputSchema,
  type ZEmployerSchema,
  ZInitiativeInputSchema,
  ZInitiativeUpdateSchema,
} from '../../../contracts/autonomy.js';
import { INITIATIVE_STAGES } from '../../../contracts/autonomy-codes.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { actingService } from '../cases/cases.policy.js';
import { isAutonomyWorker, requireAutonomyWorker, requireKeeper, requireKnown } from './autonomy.policy.js';

/**
 * The social enterprises the project creates or strengthens (issue 20, item 3), and the employers
 * of the registry placements go to. Everyone with autonomy.read reads them; the autonomy workers
 * keep them. Jobs filled are counted over every plan (as the owner), never saying whose; employers
 * are organisations of the community registry, added there by an autonomy worker, never accounts.
 */

type InitiativeInput = z.input<typeof ZInitiativeInputSchema>;
type InitiativeUpdate = z.input<typeof ZInitiativeUpdateSchema>;
type Employer = z.infer<typeof ZEmployerSchema>;

const EMPLOYER_KINDS = sql`('employer', 'social_enterprise')`;

async function loadInitiatives(tx: Tx, ctx: AccessContext, where: SQL): Promise<TInitiative[]> {
  const worker = await isAutonomyWorker(tx);
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{
      id: string;
      service_id: string;
      name: string;
      holder_id: string | null;
      holder_name: string | null;
      partner_id: string;
      partner_name: string;
      stage: TInitiative['stage'];
      jobs_created: number;
      jobs_filled: number;
      description: string | null;
      stages: TInitiative['stages'];
    }>(
      sys,
      sql`select i.id, i.service_id, i.name, i.holder_id, h.name as holder_name, i.partner_organisation_id as partner_id,
                 org.name as partner_name, i.stage, i.jobs_created, i.description,
                 (select count(*)::int from autonomy_job_placements j
                   where j.initiative_id = i.id and j.status in ('active', 'ended')) as jobs_filled,
                 coalesce((select json_agg(json_build_object('stage', s.stage, 'changedOn', s.changed_on::text)
                                           order by s.changed_on, array_position(${sqlArray(INITIATIVE_STAGES)}, s.stage))
                             from autonomy_initiative_stages s where s.initiative_id = i.id), '[]'::json) as stages
            from autonomy_initiatives i
            join organisations org on org.id = i.partner_organisation_id
            left join community_holders h on h.id = i.holder_id
           where ${where}
           order by i.name, i.id
           limit 500`,
    ),
  );
  return rows.map((i) => ({
    id: i.id,
    name: i.name,
    holder: i.holder_id ? { id: i.holder_id, name: i.holder_name ?? '' } : null,
    partner: { id: i.partner_id, name: i.partner_name },
    stage: i.stage,
    stages: i.stages,
    jobsCreated: i.jobs_created,
    jobsFilled: i.jobs_filled,
    description: i.description,
    canEdit: worker && ctx.serviceId === i.service_id,
  }));
}

export async function listInitiatives({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => ({
      items: await loadInitiatives(tx, ctx, sql`true`),
      canCreate: await isAutonomyWorker(tx),
    }),
  });
}

/** The partner organisation must exist; the enterprise, when named, is an employer or social enterprise of the registry. */
function judgeInitiative(tx: Tx, input: { partnerOrganisationId?: string; holderId?: string | null }) {
  return requireKnown(tx, {
    partnerOrganisationId:
      input.partnerOrganisationId &&
      sql`select 1 from organisations where id = ${input.partnerOrganisationId}`,
    holderId:
      input.holderId &&
      sql`select 1 from community_holders where id = ${input.holderId} and active and kind in ${EMPLOYER_KINDS}`,
  });
}

async function initiativeSaved(tx: Tx, ctx: AccessContext, id: string, details: Record<string, unknown>) {
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: { action: 'autonomy.initiative_saved', recordType: 'autonomy_initiative', recordId: id, details },
  });
  const [initiative] = await loadInitiatives(tx, ctx, sql`i.id = ${id}`);
  return initiative!;
}

export async function createInitiative({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: InitiativeInput;
}) {
  const i = ZInitiativeInputSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireAutonomyWorker(tx);
      const serviceId = actingService(ctx);
      await judgeInitiative(tx, i);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into autonomy_initiatives (service_id, name, holder_id, partner_organisation_id, stage, jobs_created,
              description, created_by)
            values (${serviceId}, ${i.name}, ${i.holderId}, ${i.partnerOrganisationId}, ${i.stage}, ${i.jobsCreated},
              ${i.description}, ${ctx.userId})
            returning id`,
      );
      await tx.execute(
        sql`insert into autonomy_initiative_stages (initiative_id, stage, changed_by)
            values (${row!.id}, ${i.stage}, ${ctx.userId})`,
      );
      return initiativeSaved(tx, ctx, row!.id, { stage: i.stage });
    },
  });
}

export async function updateInitiative({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: InitiativeUpdate;
}) {
  const u = ZInitiativeUpdateSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [current] = await queryRows<{ service_id: string; stage: string }>(
        tx,
        sql`select service_id, stage from autonomy_initiatives where id = ${id}`,
      );
      if (!current) throw new OutOfScope('autonomy_initiative', id);
      await requireKeeper(tx, ctx, current.service_id, {
        it: 'Questa impresa sociale è seguita da un altro servizio Autonomia e abitare.',
        en: 'This social enterprise is followed by another autonomy and housing service.',
      });
      await judgeInitiative(tx, { holderId: u.holderId });
      const keep = <T>(value: T | undefined, column: SQL) => (value === undefined ? column : sql`${value}`);
      await tx.execute(
        sql`update autonomy_initiatives set stage = ${keep(u.stage, sql`stage`)},
              jobs_created = ${keep(u.jobsCreated, sql`jobs_created`)}, holder_id = ${keep(u.holderId, sql`holder_id`)},
              description = ${keep(u.description, sql`description`)}, updated_at = now()
            where id = ${id}`,
      );
      const stageChanged = u.stage !== undefined && u.stage !== current.stage;
      if (stageChanged)
        await tx.execute(
          sql`insert into autonomy_initiative_stages (initiative_id, stage, changed_by)
              values (${id}, ${u.stage}, ${ctx.userId})`,
        );
      return initiativeSaved(tx, ctx, id, stageChanged ? { stage: u.stage } : {});
    },
  });
}

// ── Employers ───────────────────────────────────────────────────────────────────────────────────

/** The registry's organisations a placement may go to; names only, read as the owner. */
async function loadEmployers(tx: Tx, where: SQL): Promise<Employer[]> {
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; name: string; kind: Employer['kind']; municipality_name: string }>(
      sys,
      sql`select h.id, h.name, h.kind, m.name as municipality_name
            from community_holders h join municipalities m on m.istat_code = h.municipality
           where h.kind in ${EMPLOYER_KINDS} and ${where}
           order by h.name, h.id
           limit 1000`,
    ),
  );
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, municipalityName: r.municipality_name }));
}

export async function listEmployers({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => ({
      items: await loadEmployers(tx, sql`h.active`),
      canCreate: await isAutonomyWorker(tx),
    }),
  });
}

/**
 * An autonomy worker adds an employer to the community registry (the registry's own RLS lets only
 * the engagement service's workers write it): judged here, written as the owner with the caller
 * as its author and the caller's organisation as its keeper.
 */
export async function addEmployer({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.input<typeof ZEmployerInputSchema>;
}) {
  const e = ZEmployerInputSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireAutonomyWorker(tx);
      await requireKnown(tx, {
        municipality: sql`select 1 from municipalities where istat_code = ${e.municipality}`,
      });
      const id = await unsafeAsSystem(tx, async (sys) => {
        const [row] = await queryRows<{ id: string }>(
          sys,
          sql`insert into community_holders (name, kind, municipality, phone, email, keeper_organisation_id, created_by)
              values (${e.name}, ${e.kind}, ${e.municipality}, ${e.phone}, ${e.email}, ${ctx.organisationId},
                ${ctx.userId})
              returning id`,
        );
        return row!.id;
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'autonomy.employer_added',
          recordType: 'community_holder',
          recordId: id,
          details: { kind: e.kind },
        },
      });
      const [employer] = await loadEmployers(tx, sql`h.id = ${id}`);
      return employer!;
    },
  });
}
