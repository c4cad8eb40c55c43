import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  THolderInput,
  ZHolderLinkInputSchema,
  ZHolderListQuerySchema,
  ZHolderUpdateSchema,
} from '../../../contracts/community.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { isCommunityWorker, requireCommunityWorker } from './community.policy.js';
import {
  holderExists,
  listHolders as listHolderRows,
  loadHolder,
  municipalityExists,
  organisationExists,
  requireHolder,
  requireReferences,
} from './community-holders.repository.js';

/**
 * The registry of community holders (issue 19, item 1): every directory reader lists and reads it
 * (a directory of who to call); only a community worker of the engagement service changes it.
 */

type HolderQuery = z.infer<typeof ZHolderListQuerySchema>;
type HolderUpdate = z.infer<typeof ZHolderUpdateSchema>;
type LinkInput = z.infer<typeof ZHolderLinkInputSchema>;

export async function listHolders({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: HolderQuery;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const page = await listHolderRows({
        tx,
        filter: { ...query, opinionLeaders: query.opinionLeaders === 'true' },
        page: query.page,
        pageSize: query.pageSize,
        canEdit: await isCommunityWorker(tx),
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'community.holders_listed', details: { count: page.items.length } },
      });
      return page;
    },
  });
}

export async function getHolder({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const holder = await loadHolder(tx, id, await isCommunityWorker(tx));
      // The reference people's names and contacts are personal data: the read is on the trail.
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'community.holder_read', recordType: 'community_holder', recordId: id },
      });
      return holder;
    },
  });
}

const holderReferences = (input: THolderInput) => [
  { field: 'municipality', exists: municipalityExists(input.municipality) },
  { field: 'keeperOrganisationId', exists: organisationExists(input.keeperOrganisationId) },
];

async function holderSaved(tx: Tx, ctx: AccessContext, id: string) {
  await writeAudit({
    tx,
    actor: actorOf(ctx),
    event: { action: 'community.holder_saved', recordType: 'community_holder', recordId: id },
  });
  return loadHolder(tx, id, true);
}

export async function createHolder({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: THolderInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireCommunityWorker(tx);
      await requireReferences(tx, holderReferences(input));
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into community_holders (name, kind, municipality, address, phone, email, website, languages,
              communities, size, legal_form, keeper_organisation_id, notes, created_by)
            values (${input.name}, ${input.kind}, ${input.municipality}, ${input.address}, ${input.phone},
              ${input.email}, ${input.website}, ${sqlArray(input.languages)}, ${sqlArray(input.communities)},
              ${input.size}, ${input.legalForm}, ${input.keeperOrganisationId}, ${input.notes}, ${ctx.userId})
            returning id`,
      );
      return holderSaved(tx, ctx, row!.id);
    },
  });
}

export async function updateHolder({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: HolderUpdate;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireHolder(tx, id);
      await requireCommunityWorker(tx);
      await requireReferences(tx, holderReferences(input));
      await tx.execute(
        sql`update community_holders set name = ${input.name}, kind = ${input.kind},
              municipality = ${input.municipality}, address = ${input.address}, phone = ${input.phone},
              email = ${input.email}, website = ${input.website}, languages = ${sqlArray(input.languages)},
              communities = ${sqlArray(input.communities)}, size = ${input.size}, legal_form = ${input.legalForm},
              keeper_organisation_id = ${input.keeperOrganisationId}, notes = ${input.notes},
              active = ${input.active}, updated_at = now()
            where id = ${id}`,
      );
      return holderSaved(tx, ctx, id);
    },
  });
}

const selfLink = () =>
  problems.field('toHolderId', 'self', {
    it: 'Una realtà non può essere in relazione con sé stessa.',
    en: 'A holder cannot be related to itself.',
  });

/** A relationship from this holder to another (this one is `kind` of the other); saving it twice changes nothing. */
export async function addLink({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: LinkInput;
}) {
  if (input.toHolderId === id) throw selfLink();
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireHolder(tx, id);
      await requireCommunityWorker(tx);
      await requireReferences(tx, [{ field: 'toHolderId', exists: holderExists(input.toHolderId) }]);
      await tx.execute(
        sql`insert into community_holder_links (from_holder_id, to_holder_id, kind)
            values (${id}, ${input.toHolderId}, ${input.kind}) on conflict do nothing`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.link_saved',
          recordType: 'community_holder',
          recordId: id,
          details: { toHolderId: input.toHolderId, kind: input.kind },
        },
      });
      const [other] = await queryRows<{ name: string }>(
        tx,
        sql`select name from community_holders where id = ${input.toHolderId}`,
      );
      return {
        fromHolderId: id,
        toHolderId: input.toHolderId,
        otherName: other!.name,
        kind: input.kind,
        direction: 'outgoing' as const,
      };
    },
  });
}

export async function removeLink({
  deps,
  ctx,
  id,
  toHolderId,
  kind,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  toHolderId: string;
  kind: LinkInput['kind'];
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // Looked up before the worker check: an unknown holder is a 404 for everyone.
      await requireHolder(tx, id);
      await requireCommunityWorker(tx);
      const removed = await queryRows<{ kind: string }>(
        tx,
        sql`delete from community_holder_links
             where from_holder_id = ${id} and to_holder_id = ${toHolderId} and kind = ${kind} returning kind`,
      );
      if (removed.length === 0) throw problems.notFound();
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'community.link_removed',
          recordType: 'community_holder',
          recordId: id,
          details: { toHolderId, kind },
        },
      });
    },
  });
}
