import { type SQL, sql } from 'drizzle-orm';
import type { TOpportunitySummary } from '../../../contracts/fundraising.js';
import type { TOpportunityStage } from '../../../contracts/governance-codes.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import type { AuditEvent } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { type FieldError, HttpProblem } from '../../platform/http/problem.js';

/**
 * What the fundraising services share: the audit call, the stages in words (errors and mails are
 * read by people), the opportunity summary as every list shows it, and the owners' names.
 */

export function auditFundraising(
  tx: Tx,
  ctx: AccessContext,
  action: AuditEvent['action'],
  recordType: string | undefined,
  recordId: string | undefined,
  details: Record<string, unknown> = {},
) {
  return writeAudit({ tx, actor: actorOf(ctx), event: { action, recordType, recordId, details } });
}

export const STAGE_WORDS: Record<TOpportunityStage, { it: string; en: string }> = {
  identified: { it: 'individuata', en: 'identified' },
  approached: { it: 'contattata', en: 'approached' },
  applied: { it: 'domanda presentata', en: 'application sent' },
  pledged: { it: 'promessa', en: 'pledged' },
  received: { it: 'ricevuta', en: 'received' },
  lost: { it: 'persa', en: 'lost' },
};

/** A field error in both languages: the message says what is wrong, the form shows it by the field. */
export function fieldError(field: string, code: string, it: string, en: string): FieldError {
  return { field, code, message: { it, en } };
}

export const notAllowed = (it: string, en: string) =>
  new HttpProblem(403, 'forbidden', { it: 'Operazione non consentita', en: 'Not allowed' }, { it, en });

/** Today in Rome, where the calls' deadlines fall. */
export const TODAY = sql`(now() at time zone 'Europe/Rome')::date`;

interface SummaryRow {
  id: string;
  title: string;
  stage: TOpportunityStage;
  funder_id: string;
  funder_name: string;
  campaign_id: string | null;
  campaign_title: string | null;
  asked_cents: number;
  pledged_cents: number | null;
  received_cents: number | null;
  deadline_on: string | null;
  expected_on: string | null;
  received_on: string | null;
  owner_id: string;
  pays_for: string;
  resource_id: string | null;
}

export type OpportunityRow = SummaryRow;

const num = (v: number | string | null) => (v === null ? null : Number(v));

/** Opportunities as the caller reads them (RLS), with their funder and campaign. */
export async function loadOpportunityRows(tx: Tx, where: SQL, tail: SQL = sql``): Promise<SummaryRow[]> {
  const rows = await queryRows<SummaryRow>(
    tx,
    sql`select o.id, o.title, o.stage, o.funder_id, f.name as funder_name, o.campaign_id, c.title as campaign_title,
               o.asked_cents::float8 as asked_cents, o.pledged_cents::float8 as pledged_cents,
               o.received_cents::float8 as received_cents, o.deadline_on::text as deadline_on,
               o.expected_on::text as expected_on, o.received_on::text as received_on, o.owner_id, o.pays_for,
               o.resource_id
          from governance_opportunities o
          join governance_funders f on f.id = o.funder_id
          left join governance_campaigns c on c.id = o.campaign_id
         where ${where} ${tail}`,
  );
  return rows.map((r) => ({
    ...r,
    asked_cents: Number(r.asked_cents),
    pledged_cents: num(r.pledged_cents),
    received_cents: num(r.received_cents),
  }));
}

/**
 * The owners' display names, read as the owner: colleagues are outside the users' RLS, and an
 * opportunity names its owner to whoever keeps fundraising.
 */
export async function userNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; name: string }>(
      sys,
      sql`select id, display_name as name from users where id = any (${sqlArray(unique, 'uuid')})`,
    ),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function summaryOf(r: SummaryRow, names: Map<string, string>): TOpportunitySummary {
  return {
    id: r.id,
    title: r.title,
    stage: r.stage,
    funder: { id: r.funder_id, name: r.funder_name },
    campaign: r.campaign_id ? { id: r.campaign_id, title: r.campaign_title ?? '' } : null,
    askedCents: r.asked_cents,
    pledgedCents: r.pledged_cents,
    receivedCents: r.received_cents,
    deadlineOn: r.deadline_on,
    expectedOn: r.expected_on,
    receivedOn: r.received_on,
    owner: { id: r.owner_id, name: names.get(r.owner_id) ?? '' },
  };
}

export async function summariesOf(tx: Tx, rows: SummaryRow[]) {
  const names = await userNames(
    tx,
    rows.map((r) => r.owner_id),
  );
  return rows.map((r) => summaryOf(r, names));
}

/** The accounts that may own an opportunity: enabled, with a coordinator's or a fundraiser's membership. */
export const OWNER_SCOPE = sql`u.disabled_at is null and exists (select 1 from memberships m
  where m.user_id = u.id and m.role in ('coordinator', 'fundraiser'))`;

export async function ownerChoices(tx: Tx) {
  return unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; name: string }>(
      sys,
      sql`select u.id, u.display_name as name from users u where ${OWNER_SCOPE} order by u.display_name, u.id limit 500`,
    ),
  );
}
