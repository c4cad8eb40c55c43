import { type SQL, sql } from 'drizzle-orm';
import {
  MEDIATION_LIMITS,
  type THoursReport,
  type TMediationMode,
  type TStatement,
} from '../../../contracts/mediation.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { isMediationCoordinator } from './mediation.policy.js';
import { type StatementLanguage, statementFile } from './mediation-statement-files.js';

/**
 * Hours, cost and the monthly statements (issue 18, item 5). A mediation counts in the month it
 * took place (its start, Italian time) once its hours are logged (completed or no-show), at the
 * rate fixed when they were logged. Minutes are the mediation's own (`actual_minutes`: the time
 * waited counts for a no-show); the cost adds the travel. Every total is the sum of the lines it
 * stands for, in integers (minutes, cents), so a report, a statement and a spreadsheet reconcile
 * to the cent. The indicators (mediation.indicators.ts) count through the same query.
 *
 * Who sees what is judged here, then the rows are read as the owner: the mediation coordinator
 * sees every cooperative and service; another coordinator sees the rows of their organisation's
 * mediators (a cooperative's) and of their service's requests (a requesting service's); nobody else.
 */

export interface LoggedMediation {
  assignment_id: string;
  request_code: string;
  /** The Italian calendar day of the mediation (YYYY-MM-DD). */
  day: string;
  mediator_id: string;
  mediator_name: string;
  organisation_id: string;
  organisation_name: string;
  language: string;
  language_name: string;
  service_id: string;
  service_name: string;
  district_id: string | null;
  district_name: string | null;
  work_package: string;
  mode: TMediationMode;
  status: 'completed' | 'no_show';
  actual_minutes: number;
  travel_minutes: number;
  travel_km: string | number;
  hourly_cents: number;
  travel_cents_per_km: number;
  cost_cents: number;
}

const romeMidnight = (day: string) => sql`(${day}::date::timestamp at time zone 'Europe/Rome')`;

/**
 * The logged mediations that took place from `from` to `to` (Italian calendar days, both
 * included), ordered by time. The district is the comune's where the mediation was held; at a
 * distance (no comune) the requesting service's, or its organisation's.
 */
export function loggedMediations({
  on,
  from,
  to,
  where = sql``,
}: {
  on: Queryable;
  from: string;
  to: string;
  /** More conditions, beginning with `and`. */
  where?: SQL;
}): Promise<LoggedMediation[]> {
  return queryRows<LoggedMediation>(
    on,
    sql`select a.id as assignment_id, r.code as request_code,
               to_char(r.starts_at at time zone 'Europe/Rome', 'YYYY-MM-DD') as day,
               m.id as mediator_id, mu.display_name as mediator_name, o.id as organisation_id, o.name as organisation_name,
               r.language, l.name_it as language_name, s.id as service_id, s.name as service_name,
               d.id as district_id, d.name as district_name, r.work_package, r.mode, a.status,
               a.actual_minutes, coalesce(a.travel_minutes, 0) as travel_minutes, coalesce(a.travel_km, 0) as travel_km,
               coalesce(a.hourly_cents, 0) as hourly_cents, coalesce(a.travel_cents_per_km, 0) as travel_cents_per_km,
               a.cost_cents
          from mediation_assignments a
          join mediation_requests r on r.id = a.request_id
          join mediators m on m.id = a.mediator_id
          join users mu on mu.id = m.user_id
          join organisations o on o.id = m.organisation_id
          join languages l on l.code = r.language
          join services s on s.id = r.service_id
          join organisations so on so.id = s.organisation_id
          left join municipalities c on c.istat_code = r.municipality
          left join districts d on d.id = case when r.municipality is not null then c.district_id
                                               else coalesce(s.district_id, so.district_id) end
         where a.status in ('completed', 'no_show') and a.logged_at is not null
           and r.starts_at >= ${romeMidnight(from)}
           and r.starts_at < ${romeMidnight(to)} + interval '1 day'
           ${where}
         order by r.starts_at, r.code`,
  );
}

/** The first and last day of a month (YYYY-MM), refused when in the future or too far back. */
export function monthDays(month: string): { from: string; to: string } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const now = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
  }).format(new Date());
  const [thisYear, thisMonth] = now.split('-').map(Number) as [number, number];
  const back = thisYear * 12 + thisMonth - (year * 12 + mon);
  if (back < 0 || back > MEDIATION_LIMITS.statementMonths)
    throw problems.field('querystring.month', 'out_of_range', {
      it: `Scegli un mese tra gli ultimi ${MEDIATION_LIMITS.statementMonths} e quello in corso.`,
      en: `Choose a month among the last ${MEDIATION_LIMITS.statementMonths} and the current one.`,
    });
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

const capitalised = (s: string) => (s ? s[0]!.toLocaleUpperCase('it') + s.slice(1) : s);
const travelKmOf = (row: LoggedMediation) => Number(row.travel_km);
/** Kilometres are summed in tenths (the column's precision), so a total has no float residue. */
const sumKm = (values: readonly number[]) => values.reduce((sum, km) => sum + Math.round(km * 10), 0) / 10;

type HoursRow = THoursReport['byMediator'][number];

/** One row per key, in the order `order` gives; each row the sum of its lines. */
function groupBy(
  rows: readonly LoggedMediation[],
  keyOf: (r: LoggedMediation) => { key: string; label: string },
  order: 'label' | 'key' = 'label',
): HoursRow[] {
  const groups = new Map<string, HoursRow>();
  for (const r of rows) {
    const { key, label } = keyOf(r);
    const group = groups.get(key) ?? { key, label, minutes: 0, costCents: 0, assignments: 0 };
    group.minutes += r.actual_minutes;
    group.costCents += r.cost_cents;
    group.assignments += 1;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) =>
    order === 'key'
      ? a.key.localeCompare(b.key)
      : a.label.localeCompare(b.label, 'it', { sensitivity: 'base' }),
  );
}

export function hoursReportOf(month: string, rows: readonly LoggedMediation[]): THoursReport {
  return {
    month,
    totalMinutes: rows.reduce((sum, r) => sum + r.actual_minutes, 0),
    totalCostCents: rows.reduce((sum, r) => sum + r.cost_cents, 0),
    byMediator: groupBy(rows, (r) => ({ key: r.mediator_id, label: r.mediator_name })),
    byLanguage: groupBy(rows, (r) => ({ key: r.language, label: capitalised(r.language_name) })),
    byService: groupBy(rows, (r) => ({ key: r.service_id, label: r.service_name })),
    byDistrict: groupBy(rows, (r) => ({
      key: r.district_id ?? 'none',
      label: r.district_name ?? 'Non indicato',
    })),
    byWorkPackage: groupBy(
      rows,
      (r) => ({ key: r.work_package, label: r.work_package.toUpperCase() }),
      'key',
    ),
    byOrganisation: groupBy(rows, (r) => ({ key: r.organisation_id, label: r.organisation_name })),
  };
}

/** What a coordinator other than the mediation coordinator may see: their organisation's mediators, their service's requests. */
function partnerScope(ctx: AccessContext): SQL {
  const mine = [
    ...(ctx.organisationId ? [sql`m.organisation_id = ${ctx.organisationId}`] : []),
    ...(ctx.serviceId ? [sql`r.service_id = ${ctx.serviceId}`] : []),
  ];
  return mine.length === 0 ? sql`and false` : sql`and (${sql.join(mine, sql` or `)})`;
}

export async function hoursReport({
  deps,
  ctx,
  month,
}: {
  deps: Deps;
  ctx: AccessContext;
  month: string;
}): Promise<THoursReport> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // Coordinators only (the route's permission); the mediation coordinator sees every line.
      const everyone = await isMediationCoordinator(tx);
      const { from, to } = monthDays(month);
      const rows = await unsafeAsSystem(tx, (sys) =>
        loggedMediations({ on: sys, from, to, where: everyone ? sql`` : partnerScope(ctx) }),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.hours_read',
          details: { month, assignments: rows.length, scope: everyone ? 'all' : 'own' },
        },
      });
      return hoursReportOf(month, rows);
    },
  });
}

export function statementOf({
  organisation,
  month,
  rows,
}: {
  organisation: { id: string; name: string };
  month: string;
  rows: readonly LoggedMediation[];
}): TStatement {
  const lines = rows.map((r) => ({
    assignmentId: r.assignment_id,
    requestCode: r.request_code,
    date: r.day,
    mediatorName: r.mediator_name,
    language: capitalised(r.language_name),
    serviceName: r.service_name,
    mode: r.mode,
    noShow: r.status === 'no_show',
    minutes: r.actual_minutes,
    travelMinutes: r.travel_minutes,
    travelKm: travelKmOf(r),
    hourlyCents: r.hourly_cents,
    travelCentsPerKm: r.travel_cents_per_km,
    costCents: r.cost_cents,
  }));
  return {
    organisationId: organisation.id,
    organisationName: organisation.name,
    month,
    lines,
    totalMinutes: lines.reduce((sum, l) => sum + l.minutes, 0),
    totalTravelKm: sumKm(lines.map((l) => l.travelKm)),
    totalCostCents: lines.reduce((sum, l) => sum + l.costCents, 0),
  };
}

/** The statement of one cooperative, judged and read in the caller's transaction. */
async function readStatement({
  tx,
  ctx,
  month,
  organisationId,
}: {
  tx: Tx;
  ctx: AccessContext;
  month: string;
  organisationId: string;
}): Promise<TStatement> {
  const ownOrganisation = ctx.organisationId === organisationId;
  if (!ownOrganisation && !(await isMediationCoordinator(tx))) throw problems.forbidden();
  const { from, to } = monthDays(month);
  return unsafeAsSystem(tx, async (sys) => {
    const [organisation] = await queryRows<{ id: string; name: string }>(
      sys,
      sql`select id, name from organisations where id = ${organisationId}`,
    );
    if (!organisation) throw problems.notFound();
    const rows = await loggedMediations({
      on: sys,
      from,
      to,
      where: sql`and m.organisation_id = ${organisationId}`,
    });
    return statementOf({ organisation, month, rows });
  });
}

export async function statement({
  deps,
  ctx,
  month,
  organisationId,
}: {
  deps: Deps;
  ctx: AccessContext;
  month: string;
  organisationId: string;
}): Promise<TStatement> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const read = await readStatement({ tx, ctx, month, organisationId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.statement_read',
          recordType: 'organisation',
          recordId: organisationId,
          details: { month, lines: read.lines.length },
        },
      });
      return read;
    },
  });
}

/** The statement as a file to download (XLSX or PDF), audited like a reading. */
export async function statementDownload({
  deps,
  ctx,
  month,
  organisationId,
  format,
  lang,
}: {
  deps: Deps;
  ctx: AccessContext;
  month: string;
  organisationId: string;
  format: 'xlsx' | 'pdf';
  lang: StatementLanguage;
}) {
  const read = await scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const found = await readStatement({ tx, ctx, month, organisationId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.statement_read',
          recordType: 'organisation',
          recordId: organisationId,
          details: { month, lines: found.lines.length, format },
        },
      });
      return found;
    },
  });
  return statementFile({ statement: read, format, lang });
}
