import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { LEGACY_KINDS } from '../../../contracts/governance-codes.js';
import {
  type TLegacy,
  type TLegacyItem,
  ZLegacyEditSchema,
  ZLegacyInputSchema,
} from '../../../contracts/governance-plan.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { requireGovernanceManager } from './governance.policy.js';
import { isGovernanceManager, loadOrganisations } from './governance-plan.repository.js';

/**
 * What lasts after the project (issue 21, item 4): items recorded by the coordinators, grouped by
 * kind, and the new services and community holders counted from the platform's own tables since
 * the project started. An adoption names its Ambito and the decision that adopted it; the decision
 * shows only to whom may read it (RLS on governance_decisions), as "n/yyyy".
 */

type Args = { deps: Deps; ctx: AccessContext };

export async function loadLegacyItems(tx: Tx): Promise<TLegacyItem[]> {
  const rows = await queryRows<{
    id: string;
    kind: TLegacyItem['kind'];
    title: string;
    description: string | null;
    org_id: string | null;
    org_name: string | null;
    funding: string | null;
    district_id: string | null;
    district_name: string | null;
    decision_id: string | null;
    decision_number: string | null;
    committee: string | null;
    recorded_on: string;
  }>(
    tx,
    sql`select l.id, l.kind, l.title, l.description, o.id as org_id, o.name as org_name, l.funding,
               d.id as district_id, d.name as district_name, dec.id as decision_id,
               dec.number || '/' || dec.year as decision_number, c.name as committee, l.recorded_on::text
          from governance_legacy_items l
          left join organisations o on o.id = l.owner_organisation_id
          left join districts d on d.id = l.district_id
          left join governance_decisions dec on dec.id = l.decision_id
          left join governance_committees c on c.id = dec.committee_id
         order by l.kind, l.recorded_on, l.title, l.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    owner: r.org_id ? { id: r.org_id, name: r.org_name ?? '' } : null,
    funding: r.funding,
    district: r.district_id ? { id: r.district_id, name: r.district_name ?? '' } : null,
    decision:
      r.decision_id && r.decision_number
        ? { id: r.decision_id, number: r.decision_number, committee: r.committee ?? '' }
        : null,
    recordedOn: r.recorded_on,
  }));
}

/**
 * Services and community holders created since the project's start (its plan's first day). Counted
 * as the owner: a count names no one, and the community directory is not every reader's.
 */
export async function countJoined(tx: Tx) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ since: string; services: number; holders: number }>(
      sys,
      sql`with start as (select coalesce(min(starts_on), (current_date - interval '14 months')::date) as d
                           from governance_activities)
          select (select d from start)::text as since,
                 (select count(*)::int from services where created_at::date >= (select d from start)) as services,
                 (select count(*)::int from community_holders where created_at::date >= (select d from start)) as holders`,
    ),
  );
  return { since: row!.since, newServices: row!.services, newHolders: row!.holders };
}

export async function getLegacy({ deps, ctx }: Args): Promise<TLegacy> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const items = await loadLegacyItems(tx);
      const canEdit = await isGovernanceManager(tx);
      return {
        groups: LEGACY_KINDS.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })),
        counted: await countJoined(tx),
        canEdit,
        organisations: canEdit ? await loadOrganisations(tx) : [],
        districts: canEdit
          ? await queryRows<{ id: string; name: string }>(
              tx,
              sql`select id, name from districts order by name`,
            )
          : [],
        decisions: canEdit
          ? await queryRows<{ id: string; number: string; committee: string; text: string }>(
              tx,
              sql`select d.id, d.number || '/' || d.year as number, c.name as committee, left(d.text, 200) as text
                    from governance_decisions d join governance_committees c on c.id = d.committee_id
                   order by d.decided_on desc, d.id limit 200`,
            )
          : [],
      };
    },
  });
}

const err = (field: string, code: string, it: string, en: string): FieldError => ({
  field,
  code,
  message: { it, en },
});

type LegacyInput = z.output<typeof ZLegacyInputSchema>;

/** An adoption names its Ambito; the Ambito, the owner and the decision must exist for the caller. */
async function judgeLegacy(tx: Tx, i: LegacyInput) {
  const errors: FieldError[] = [];
  if (i.kind === 'adoption' && !i.districtId)
    errors.push(
      err(
        'districtId',
        'required',
        'Indica l’Ambito che l’ha adottata.',
        'Name the district that adopted it.',
      ),
    );
  if (i.districtId && !(await queryRows(tx, sql`select 1 from districts where id = ${i.districtId}`)).length)
    errors.push(err('districtId', 'unknown', 'Scegli un Ambito.', 'Choose a district.'));
  if (
    i.ownerOrganisationId &&
    !(await queryRows(tx, sql`select 1 from organisations where id = ${i.ownerOrganisationId}`)).length
  )
    errors.push(
      err(
        'ownerOrganisationId',
        'unknown',
        'Scegli un partner della rete.',
        'Choose a partner of the network.',
      ),
    );
  // The decision must be one the coordinator may read (RLS decides).
  if (
    i.decisionId &&
    !(await queryRows(tx, sql`select 1 from governance_decisions where id = ${i.decisionId}`)).length
  )
    errors.push(err('decisionId', 'unknown', 'Scegli una delibera.', 'Choose a decision.'));
  if (errors.length) throw problems.fields(errors);
}

export function addLegacyItem({ deps, ctx, input }: Args & { input: z.input<typeof ZLegacyInputSchema> }) {
  const i = ZLegacyInputSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireGovernanceManager(tx);
      await judgeLegacy(tx, i);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into governance_legacy_items (kind, title, description, owner_organisation_id, funding, district_id,
              decision_id, recorded_on, created_by)
            values (${i.kind}, ${i.title}, ${i.description}, ${i.ownerOrganisationId}, ${i.funding}, ${i.districtId},
              ${i.decisionId}, ${i.recordedOn}, ${ctx.userId})
            returning id`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.legacy_saved',
          recordType: 'governance_legacy_item',
          recordId: row!.id,
          details: { kind: i.kind },
        },
      });
      return (await loadLegacyItems(tx)).find((l) => l.id === row!.id)!;
    },
  });
}

/**
 * A correction of an item, replaced whole (PUT). Judged like a new one; an unknown item is a 404
 * (OutOfScope), and only a governance manager may write (policy here, RLS update policy beneath).
 */
export function editLegacyItem({
  deps,
  ctx,
  id,
  input,
}: Args & { id: string; input: z.input<typeof ZLegacyEditSchema> }) {
  const i = ZLegacyEditSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireGovernanceManager(tx);
      if (!(await queryRows(tx, sql`select 1 from governance_legacy_items where id = ${id}`)).length)
        throw new OutOfScope('governance_legacy_item', id);
      await judgeLegacy(tx, i);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`update governance_legacy_items set kind = ${i.kind}, title = ${i.title}, description = ${i.description},
              owner_organisation_id = ${i.ownerOrganisationId}, funding = ${i.funding}, district_id = ${i.districtId},
              decision_id = ${i.decisionId}, recorded_on = ${i.recordedOn}, updated_at = now()
            where id = ${id} returning id`,
      );
      // RLS may hide the row from the update even when it was readable: the same 404.
      if (!row) throw new OutOfScope('governance_legacy_item', id);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'governance.legacy_changed',
          recordType: 'governance_legacy_item',
          recordId: id,
          details: { kind: i.kind },
        },
      });
      return (await loadLegacyItems(tx)).find((l) => l.id === id)!;
    },
  });
}
