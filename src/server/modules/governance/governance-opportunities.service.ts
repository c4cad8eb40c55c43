import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  type TOpportunity,
  type TOpportunityInput,
  type TOpportunityUpdate,
  ZOpportunityInputSchema,
  ZOpportunityUpdateSchema,
} from '../../../contracts/fundraising.js';
import { OPPORTUNITY_NEXT, type TOpportunityStage } from '../../../contracts/governance-codes.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { describeFiles, storeFile } from '../../platform/storage/storage.service.js';
import { readUpload } from '../../platform/storage/upload.js';
import {
  auditFundraising,
  fieldError,
  loadOpportunityRows,
  OWNER_SCOPE,
  summaryOf,
  userNames,
} from './governance-fundraising-shared.js';

/**
 * Funding opportunities (issue 21, item 5): created and edited by whoever keeps fundraising; a
 * stage changes only by a move (governance-opportunities-move.ts). Documents are stored files of
 * record type `governance_opportunity`, read by whoever reads the opportunity (governance-files.ts).
 */

/** The funder, the campaign and the owner must be ones the caller may name; every failing field at once. */
async function judgeReferences(
  tx: Tx,
  refs: { funderId?: string; campaignId: string | null; ownerId: string },
) {
  const errors: FieldError[] = [];
  if (refs.funderId) {
    const [funder] = await queryRows<{ id: string }>(
      tx,
      sql`select id from governance_funders where id = ${refs.funderId}`,
    );
    if (!funder)
      errors.push(fieldError('funderId', 'unknown_funder', 'Finanziatore non trovato.', 'Funder not found.'));
  }
  if (refs.campaignId) {
    const [campaign] = await queryRows<{ id: string }>(
      tx,
      sql`select id from governance_campaigns where id = ${refs.campaignId}`,
    );
    if (!campaign)
      errors.push(
        fieldError('campaignId', 'unknown_campaign', 'Campagna non trovata.', 'Campaign not found.'),
      );
  }
  const [owner] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string }>(
      sys,
      sql`select u.id from users u where u.id = ${refs.ownerId} and ${OWNER_SCOPE}`,
    ),
  );
  if (!owner)
    errors.push(
      fieldError(
        'ownerId',
        'not_fundraiser',
        'La persona responsabile deve essere un coordinatore o chi cura la raccolta fondi.',
        'The owner must be a coordinator or a fundraiser.',
      ),
    );
  if (errors.length > 0) throw problems.fields(errors);
}

/** The opportunity as the caller reads it (RLS), with its moves and documents, or the audited 404. */
export async function loadOpportunity(deps: Deps, tx: Tx, id: string): Promise<TOpportunity> {
  const [row] = await loadOpportunityRows(tx, sql`o.id = ${id}`);
  if (!row) throw new OutOfScope('governance_opportunity', id);
  const moves = await queryRows<{
    from_stage: TOpportunityStage | null;
    to_stage: TOpportunityStage;
    moved_at: Date | string;
    moved_by: string;
  }>(
    tx,
    sql`select from_stage, to_stage, moved_at, moved_by from governance_opportunity_moves
         where opportunity_id = ${id} order by moved_at, id`,
  );
  const names = await userNames(tx, [row.owner_id, ...moves.map((m) => m.moved_by)]);
  const fileIds = await queryRows<{ id: string }>(
    tx,
    sql`select id from stored_files where module = 'governance' and record_type = 'governance_opportunity'
         and record_id = ${id} and deleted_at is null`,
  );
  const files = await describeFiles({ deps, tx, fileIds: fileIds.map((f) => f.id) });
  return {
    ...summaryOf(row, names),
    paysFor: row.pays_for,
    resourceId: row.resource_id,
    next: [...OPPORTUNITY_NEXT[row.stage]],
    moves: moves.map((m) => ({
      fromStage: m.from_stage,
      toStage: m.to_stage,
      movedAt: new Date(m.moved_at).toISOString(),
      movedBy: names.get(m.moved_by) ?? '',
    })),
    files: files.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
      createdAt: f.createdAt,
    })),
  };
}

export async function getOpportunity({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const opportunity = await loadOpportunity(deps, tx, id);
      // The funder's name is identifying: its reading is audited as a list of one.
      await auditFundraising(tx, ctx, 'fundraising.funders_listed', 'governance_opportunity', id, {
        count: 1,
        view: 'opportunity',
      });
      return opportunity;
    },
  });
}

export async function createOpportunity({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TOpportunityInput;
}) {
  const o = ZOpportunityInputSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await judgeReferences(tx, o);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into governance_opportunities (funder_id, campaign_id, title, stage, asked_cents, pledged_cents,
              deadline_on, expected_on, pays_for, owner_id)
            values (${o.funderId}, ${o.campaignId}, ${o.title}, ${o.stage}, ${o.askedCents}, ${o.pledgedCents},
              ${o.deadlineOn}, ${o.expectedOn}, ${o.paysFor}, ${o.ownerId})
            returning id`,
      );
      const id = row!.id;
      await tx.execute(
        sql`insert into governance_opportunity_moves (opportunity_id, from_stage, to_stage, moved_by)
            values (${id}, null, ${o.stage}, ${ctx.userId})`,
      );
      await auditFundraising(tx, ctx, 'fundraising.opportunity_saved', 'governance_opportunity', id, {
        created: true,
        stage: o.stage,
      });
      return loadOpportunity(deps, tx, id);
    },
  });
}

export async function updateOpportunity({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: TOpportunityUpdate;
}) {
  const o = ZOpportunityUpdateSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await judgeReferences(tx, { campaignId: o.campaignId, ownerId: o.ownerId });
      // One statement: the pledge stays required from 'pledged' on, whatever stage a concurrent move left.
      const [row] = await queryRows<{ id: string; stage: string }>(
        tx,
        sql`update governance_opportunities set campaign_id = ${o.campaignId}, title = ${o.title},
              asked_cents = ${o.askedCents},
              pledged_cents = case when stage in ('pledged', 'received') then coalesce(${o.pledgedCents}::bigint, pledged_cents)
                                   else ${o.pledgedCents}::bigint end,
              deadline_on = ${o.deadlineOn}, expected_on = ${o.expectedOn}, pays_for = ${o.paysFor},
              owner_id = ${o.ownerId}, updated_at = now()
            where id = ${id} returning id, stage`,
      );
      if (!row) throw new OutOfScope('governance_opportunity', id);
      await auditFundraising(tx, ctx, 'fundraising.opportunity_saved', 'governance_opportunity', id, {
        fields: Object.keys(input),
      });
      return loadOpportunity(deps, tx, id);
    },
  });
}

/** A document for an opportunity the caller keeps: checked, encrypted and stored with its row. */
export async function attachOpportunityFile({
  deps,
  ctx,
  id,
  request,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  request: FastifyRequest;
}) {
  await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`select id from governance_opportunities where id = ${id}`,
      );
      if (!row) throw new OutOfScope('governance_opportunity', id);
    },
  });
  const upload = await readUpload({ request, kind: 'document' });
  const stored = await storeFile({
    deps,
    actor: { ctx },
    input: {
      module: 'governance',
      recordType: 'governance_opportunity',
      recordId: id,
      dataClass: 'ordinary',
      retentionClass: 'partnership_record',
      kind: 'document',
      fileName: upload.fileName,
      declaredType: upload.declaredType,
      content: upload.content,
    },
    within: async ({ tx, fileId }) => {
      await auditFundraising(tx, ctx, 'fundraising.opportunity_saved', 'governance_opportunity', id, {
        fileId,
      });
    },
  });
  return { id: stored.id };
}
