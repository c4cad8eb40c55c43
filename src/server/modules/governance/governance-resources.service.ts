import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type TResourceLedger,
  type TResourceRecord,
  type TVolunteerRate,
  type ZResourceLedgerQuerySchema,
  ZResourceRecordSchema,
  ZVolunteerRateInputSchema,
} from '../../../contracts/fundraising.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { resourcesValue } from '../community/community-resources-value.js';
import { holderNameFor } from './governance-fundraising-holders.js';
import { auditFundraising, fieldError, notAllowed } from './governance-fundraising-shared.js';

/**
 * The complementary-resources ledger (issue 21, item 6): what the network gets beyond the project
 * budget, from community holders (recorded by the community module) and from funders (recorded
 * here, and by every opportunity received). Volunteer hours are valued by the server at the
 * partnership's hourly rate, which only the coordinators set.
 */

type LedgerQuery = z.output<typeof ZResourceLedgerQuerySchema>;

/** The current calendar year unless the caller asks for a period. */
function periodOf(query: LedgerQuery) {
  const year = new Date().getFullYear();
  return { from: query.from ?? `${year}-01-01`, to: query.to ?? `${year}-12-31` };
}

export async function resourceLedger({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: LedgerQuery;
}): Promise<TResourceLedger> {
  const { from, to } = periodOf(query);
  if (to < from)
    throw problems.fields([
      fieldError(
        'to',
        'before_start',
        'La fine del periodo viene il giorno dell’inizio o dopo.',
        'The end of the period comes on or after its start.',
      ),
    ]);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<{
        id: string;
        source_kind: TResourceLedger['items'][number]['sourceKind'];
        source_name: string;
        kind: TResourceLedger['items'][number]['kind'];
        description: string;
        quantity: string;
        unit: TResourceLedger['items'][number]['unit'];
        value_cents: string;
        valuation_rule: TResourceLedger['items'][number]['valuationRule'];
        offered_on: string;
      }>(
        tx,
        sql`select id, source_kind, source_name, kind, description, quantity, unit, value_cents, valuation_rule,
                   offered_on::text as offered_on
              from community_resources where offered_on between ${from}::date and ${to}::date
             order by offered_on desc, created_at desc, id limit 500`,
      );
      // The community module's own sum, over what this caller reads (one way of totalling everywhere).
      const value = await resourcesValue({ on: tx, from, to });
      const bySource = await queryRows<{ source_kind: string; value_cents: number }>(
        tx,
        sql`select source_kind, coalesce(sum(value_cents), 0)::float8 as value_cents from community_resources
             where offered_on between ${from}::date and ${to}::date group by source_kind order by source_kind`,
      );
      // Sources' names (donors among them) are identifying: the list is audited with its count.
      await auditFundraising(tx, ctx, 'fundraising.funders_listed', undefined, undefined, {
        count: rows.length,
        view: 'resources',
      });
      return {
        from,
        to,
        items: rows.map((r) => ({
          id: r.id,
          sourceKind: r.source_kind,
          sourceName: r.source_name,
          kind: r.kind,
          description: r.description,
          quantity: Number(r.quantity),
          unit: r.unit,
          valueCents: Number(r.value_cents),
          valuationRule: r.valuation_rule,
          offeredOn: r.offered_on,
        })),
        totalValueCents: value.totalCents,
        byKind: value.byKind,
        bySourceKind: bySource.map((s) => ({
          sourceKind: s.source_kind as TResourceLedger['bySourceKind'][number]['sourceKind'],
          valueCents: Number(s.value_cents),
        })),
      };
    },
  });
}

async function rateOf(tx: Tx) {
  const [row] = await queryRows<{ cents: number; updated_at: Date | string | null; manager: boolean }>(
    tx,
    sql`select volunteer_hour_cents as cents, updated_at, trama_is_governance_manager() as manager
          from governance_settings where id`,
  );
  return row!;
}

/** Who gave it, as the ledger names it; an unknown funder or holder is a field error. */
async function sourceOf(tx: Tx, r: z.output<typeof ZResourceRecordSchema>) {
  if (r.sourceKind === 'funder') {
    const [funder] = await queryRows<{ name: string }>(
      tx,
      sql`select name from governance_funders where id = ${r.funderId}`,
    );
    if (!funder)
      throw problems.fields([
        fieldError('funderId', 'unknown_funder', 'Finanziatore non trovato.', 'Funder not found.'),
      ]);
    return { holderId: null, name: funder.name };
  }
  if (r.sourceKind === 'community_holder' && r.holderId)
    return { holderId: r.holderId, name: await holderNameFor(tx, r.holderId) };
  return { holderId: null, name: r.sourceName ?? '' };
}

export async function recordResource({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TResourceRecord;
}) {
  const r = ZResourceRecordSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const source = await sourceOf(tx, r);
      const volunteer = r.kind === 'volunteer_hours';
      // Volunteer hours: valued here at the rate in force, whatever the client sent.
      const valuation = volunteer
        ? sql`round(${r.quantity}::numeric * (select volunteer_hour_cents from governance_settings where id))::bigint`
        : sql`${r.valueCents}::bigint`;
      const [line] = await queryRows<{ id: string; value_cents: string }>(
        tx,
        sql`insert into community_resources (source_kind, holder_id, source_name, kind, description, quantity, unit,
              value_cents, valuation_rule, offered_on, recorded_by)
            values (${r.sourceKind}, ${source.holderId}, ${source.name}, ${r.kind}, ${r.description}, ${r.quantity},
              ${volunteer ? 'hours' : r.unit}, ${valuation}, ${volunteer ? 'volunteer_hour_rate' : r.valuationRule},
              ${r.offeredOn}, ${ctx.userId})
            returning id, value_cents`,
      );
      await auditFundraising(tx, ctx, 'fundraising.resource_recorded', undefined, undefined, {
        resourceId: line!.id,
        kind: r.kind,
        sourceKind: r.sourceKind,
      });
      return { id: line!.id, valueCents: Number(line!.value_cents) };
    },
  });
}

export async function volunteerRate({
  deps,
  ctx,
}: {
  deps: Deps;
  ctx: AccessContext;
}): Promise<TVolunteerRate> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const row = await rateOf(tx);
      return {
        volunteerHourCents: row.cents,
        updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : null,
        canEdit: row.manager,
      };
    },
  });
}

export async function saveVolunteerRate({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.input<typeof ZVolunteerRateInputSchema>;
}): Promise<TVolunteerRate> {
  const { volunteerHourCents, reason } = ZVolunteerRateInputSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [manager] = await queryRows<{ ok: boolean }>(tx, sql`select trama_is_governance_manager() as ok`);
      if (!manager?.ok)
        throw notAllowed(
          'Il valore dell’ora di volontariato lo stabiliscono i coordinatori.',
          'The value of a volunteer hour is set by the coordinators.',
        );
      const [row] = await queryRows<{ updated_at: Date | string }>(
        tx,
        sql`update governance_settings set volunteer_hour_cents = ${volunteerHourCents}, updated_by = ${ctx.userId},
              updated_at = now() where id returning updated_at`,
      );
      await auditFundraising(tx, ctx, 'governance.settings_saved', undefined, undefined, {
        volunteerHourCents,
        reason,
      });
      return { volunteerHourCents, updatedAt: new Date(row!.updated_at).toISOString(), canEdit: true };
    },
  });
}
