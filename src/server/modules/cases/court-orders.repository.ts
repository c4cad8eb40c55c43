import { sql } from 'drizzle-orm';
import { DEADLINE_DUE_SOON_DAYS, type TCourtOrder, type TDeadline } from '../../../contracts/tutela.js';
import { isoTime, queryRows, type Tx } from '../../platform/db/client.js';
import { displayNames, isPerpetratorCase } from './cases.policy.js';

/** Court orders, their deadlines and their change history, read as the caller (RLS applies). */

export interface OrderRow {
  id: string;
  case_id: string;
  court: string;
  docket_number: string;
  kind: TCourtOrder['kind'];
  decided_on: string;
  removal_at: Date | null;
  living_arrangement: NonNullable<TCourtOrder['details']>['livingArrangement'];
  provisions: string | null;
  duration_months: number | null;
  ends_on: string | null;
  report_every_months: number | null;
  curatore_speciale: string | null;
  tutore: string | null;
  address_protected: boolean;
}

const ORDER_COLUMNS = sql`o.id, o.case_id, o.court, o.docket_number, o.kind, to_char(o.decided_on, 'YYYY-MM-DD') as decided_on,
  o.removal_at, o.living_arrangement, o.provisions, o.duration_months, to_char(o.ends_on, 'YYYY-MM-DD') as ends_on,
  o.report_every_months, o.curatore_speciale, o.tutore, o.address_protected`;

export async function findOrder({ tx, caseId, orderId }: { tx: Tx; caseId: string; orderId: string }) {
  const [row] = await queryRows<OrderRow>(
    tx,
    sql`select ${ORDER_COLUMNS} from court_orders o where o.id = ${orderId} and o.case_id = ${caseId}`,
  );
  return row ?? null;
}

interface DeadlineRow {
  id: string;
  order_id: string;
  case_id: string;
  case_code: string;
  kind: TDeadline['kind'];
  due_at: Date;
  met_at: Date | null;
}

export function toDeadline(row: DeadlineRow): TDeadline {
  const due = new Date(row.due_at).getTime();
  const open = row.met_at === null;
  return {
    id: row.id,
    orderId: row.order_id,
    caseId: row.case_id,
    caseCode: row.case_code,
    kind: row.kind,
    dueAt: isoTime(row.due_at)!,
    metAt: isoTime(row.met_at),
    late: open && due < Date.now(),
    dueSoon: open && due >= Date.now() && due < Date.now() + DEADLINE_DUE_SOON_DAYS * 86_400_000,
  };
}

const DEADLINE_COLUMNS = sql`d.id, d.order_id, d.case_id, c.code as case_code, d.kind, d.due_at, d.met_at`;

/** The deadlines in force (not superseded by a change of the order) of one case, soonest first. */
export async function deadlinesOfCase({ tx, caseId }: { tx: Tx; caseId: string }) {
  const rows = await queryRows<DeadlineRow>(
    tx,
    sql`select ${DEADLINE_COLUMNS} from court_deadlines d join cases c on c.id = d.case_id
        where d.case_id = ${caseId} and d.superseded_at is null order by d.due_at, d.kind`,
  );
  return rows.map(toDeadline);
}

/**
 * The open deadlines of the cases the caller works on (`team`) or supervises (`supervised`): late
 * ones first, then those falling due within `withinDays`. Closed cases have none to meet.
 */
export async function openDeadlines({
  tx,
  scope,
  withinDays,
}: {
  tx: Tx;
  scope: 'team' | 'supervised';
  withinDays: number;
}) {
  const whose =
    scope === 'team'
      ? sql`d.case_id = any((select trama_team_cases('{lead,member}'))::uuid[])`
      : sql`c.service_id = any((select trama_supervised_services())::uuid[])`;
  const rows = await queryRows<DeadlineRow>(
    tx,
    sql`select ${DEADLINE_COLUMNS} from court_deadlines d join cases c on c.id = d.case_id
        where ${whose} and c.status <> 'closed' and d.met_at is null and d.superseded_at is null
          and d.due_at < now() + make_interval(days => ${withinDays})
        order by d.due_at, d.kind limit 200`,
  );
  return rows.map(toDeadline);
}

/** Counts for Home: the team's deadlines due soon and late, and (escalated) the late ones of supervised services. */
export async function deadlineCounts({ tx }: { tx: Tx }) {
  const [row] = await queryRows<{ due: number; late: number; escalated: number; reports: number }>(
    tx,
    sql`select
      (select count(*)::int from court_deadlines d join cases c on c.id = d.case_id
        where d.case_id = any((select trama_team_cases('{lead,member}'))::uuid[]) and c.status <> 'closed'
          and d.met_at is null and d.superseded_at is null
          and d.due_at >= now() and d.due_at < now() + make_interval(days => ${DEADLINE_DUE_SOON_DAYS})) as due,
      (select count(*)::int from court_deadlines d join cases c on c.id = d.case_id
        where d.case_id = any((select trama_team_cases('{lead,member}'))::uuid[]) and c.status <> 'closed'
          and d.met_at is null and d.superseded_at is null and d.due_at < now()) as late,
      (select count(*)::int from court_deadlines d join cases c on c.id = d.case_id
        where c.service_id = any((select trama_supervised_services())::uuid[]) and c.status <> 'closed'
          and d.met_at is null and d.superseded_at is null and d.due_at < now()) as escalated,
      (select count(*)::int from court_reports r join cases c on c.id = r.case_id
        where c.service_id = any((select trama_supervised_services())::uuid[]) and r.status = 'submitted') as reports`,
  );
  return row!;
}

/** One case's orders with their deadlines and changes; on a perpetrator's case only type and dates. */
export async function ordersOfCase({ tx, caseId }: { tx: Tx; caseId: string }): Promise<TCourtOrder[]> {
  const perpetrator = await isPerpetratorCase({ tx, caseId });
  const orders = await queryRows<OrderRow>(
    tx,
    sql`select ${ORDER_COLUMNS} from court_orders o where o.case_id = ${caseId} order by o.decided_on desc, o.created_at desc`,
  );
  const deadlines = await deadlinesOfCase({ tx, caseId });
  const changes = perpetrator
    ? []
    : await queryRows<{
        order_id: string;
        changed_at: Date;
        changed_by: string;
        reason: string;
        changes: string;
      }>(
        tx,
        sql`select k.order_id, k.changed_at, k.changed_by, k.reason, k.changes from court_order_changes k
            join court_orders o on o.id = k.order_id where o.case_id = ${caseId} order by k.changed_at`,
      );
  const names = await displayNames({ tx, ids: changes.map((k) => k.changed_by) });
  return orders.map((o) => ({
    id: o.id,
    kind: o.kind,
    decidedOn: o.decided_on,
    removalAt: isoTime(o.removal_at),
    endsOn: o.ends_on,
    details: perpetrator
      ? null
      : {
          court: o.court,
          docketNumber: o.docket_number,
          livingArrangement: o.living_arrangement,
          provisions: o.provisions,
          durationMonths: o.duration_months,
          reportEveryMonths: o.report_every_months,
          curatoreSpeciale: o.curatore_speciale,
          tutore: o.tutore,
          addressProtected: o.address_protected,
        },
    deadlines: deadlines.filter((d) => d.orderId === o.id),
    changes: changes
      .filter((k) => k.order_id === o.id)
      .map((k) => ({
        at: isoTime(k.changed_at)!,
        by: names.get(k.changed_by)?.name ?? '',
        reason: k.reason,
        fields: (JSON.parse(k.changes) as { fields: string[] }).fields,
      })),
  }));
}

/** The date of the last report sent to the court under an order: the next one runs from it. */
export async function lastReportSentOn({ tx, orderId }: { tx: Tx; orderId: string }) {
  const [row] = await queryRows<{ sent_on: string | null }>(
    tx,
    sql`select to_char(max(sent_on), 'YYYY-MM-DD') as sent_on from court_reports where order_id = ${orderId} and status = 'sent'`,
  );
  return row?.sent_on ?? null;
}
