import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type TFunder,
  type TFunderInput,
  type TFunderUpdate,
  ZFunderInputSchema,
  type ZFunderListQuerySchema,
  ZFunderUpdateSchema,
} from '../../../contracts/fundraising.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { countOf, queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { holderChoices, holderNameFor } from './governance-fundraising-holders.js';
import { auditFundraising, fieldError, ownerChoices } from './governance-fundraising-shared.js';

/**
 * Funders and donors (issue 21, item 5): foundations, companies, public calls, individual donors
 * and community holders that give. They never have an account; their names and contacts are
 * identifying, so every list is audited with its count (never the values).
 */

interface FunderRow {
  id: string;
  kind: TFunder['kind'];
  name: string;
  holder_id: string | null;
  contact_name: string | null;
  contact_email: string | null;
  notes: string | null;
  active: boolean;
  opportunities: number;
  received_cents: number;
}

const FUNDER_SELECT = sql`select f.id, f.kind, f.name, f.holder_id, f.contact_name, f.contact_email, f.notes, f.active,
    (select count(*)::int from governance_opportunities o where o.funder_id = f.id) as opportunities,
    (select coalesce(sum(o.received_cents), 0)::float8 from governance_opportunities o
      where o.funder_id = f.id and o.stage = 'received') as received_cents
  from governance_funders f`;

const funderOf = (r: FunderRow): TFunder => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  holderId: r.holder_id,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  notes: r.notes,
  active: r.active,
  opportunities: r.opportunities,
  receivedCents: Number(r.received_cents),
});

async function loadFunder(tx: Tx, id: string) {
  const [row] = await queryRows<FunderRow>(tx, sql`${FUNDER_SELECT} where f.id = ${id}`);
  if (!row) throw new OutOfScope('governance_funder', id);
  return funderOf(row);
}

export async function listFunders({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: z.output<typeof ZFunderListQuerySchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const filters: SQL[] = [sql`true`];
      if (query.kind) filters.push(sql`f.kind = ${query.kind}`);
      if (query.active) filters.push(sql`f.active = ${query.active === 'true'}`);
      const where = sql.join(filters, sql` and `);
      const rows = await queryRows<FunderRow>(
        tx,
        sql`${FUNDER_SELECT} where ${where} order by f.active desc, f.name, f.id
            limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
      );
      const total = await countOf(
        tx,
        sql`select count(*)::int as n from governance_funders f where ${where}`,
      );
      await auditFundraising(tx, ctx, 'fundraising.funders_listed', 'governance_funder', undefined, {
        count: rows.length,
        page: query.page,
      });
      return { items: rows.map(funderOf), page: query.page, pageSize: query.pageSize, total };
    },
  });
}

export async function createFunder({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TFunderInput;
}) {
  const f = ZFunderInputSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const isHolder = f.kind === 'community_holder';
      const name = isHolder && f.holderId ? await holderNameFor(tx, f.holderId) : (f.name ?? '');
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into governance_funders (kind, name, holder_id, contact_name, contact_email, notes, active, created_by)
            values (${f.kind}, ${name}, ${isHolder ? f.holderId : null}, ${f.contactName}, ${f.contactEmail},
                    ${f.notes}, ${f.active}, ${ctx.userId})
            returning id`,
      );
      await auditFundraising(tx, ctx, 'fundraising.funder_saved', 'governance_funder', row!.id, {
        created: true,
        kind: f.kind,
      });
      return loadFunder(tx, row!.id);
    },
  });
}

export async function updateFunder({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  input: TFunderUpdate;
}) {
  const f = ZFunderUpdateSchema.parse(input);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const current = await loadFunder(tx, id);
      const isHolder = current.kind === 'community_holder';
      if (!isHolder && !f.name)
        throw problems.fields([fieldError('name', 'required', 'Indica il nome.', 'Give the name.')]);
      // A holder's name is the registry's: it is not renamed here.
      const name = isHolder ? current.name : f.name!;
      await tx.execute(
        sql`update governance_funders set name = ${name}, contact_name = ${f.contactName},
              contact_email = ${f.contactEmail}, notes = ${f.notes}, active = ${f.active}
            where id = ${id}`,
      );
      await auditFundraising(tx, ctx, 'fundraising.funder_saved', 'governance_funder', id, {
        fields: Object.keys(input),
      });
      return loadFunder(tx, id);
    },
  });
}

/** What the forms pick from; the funders' names are audited as a list. */
export async function fundraisingChoices({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const funders = await queryRows<{ id: string; name: string; active: boolean }>(
        tx,
        sql`select id, name, active from governance_funders order by active desc, name, id limit 1000`,
      );
      const campaigns = await queryRows<{ id: string; title: string }>(
        tx,
        sql`select id, title from governance_campaigns order by starts_on desc, title limit 200`,
      );
      const holders = await holderChoices(tx);
      await auditFundraising(tx, ctx, 'fundraising.funders_listed', 'governance_funder', undefined, {
        count: funders.length,
        view: 'choices',
      });
      return { funders, campaigns, owners: await ownerChoices(tx), holders };
    },
  });
}
