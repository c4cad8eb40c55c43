import { sql } from 'drizzle-orm';
import {
  AUTONOMY_TARGETS,
  FOLLOW_UP_MONTHS,
  JOB_PLACEMENT_KINDS,
  type TJobPlacementKind,
} from '../../../contracts/autonomy-codes.js';
import {
  DASHBOARD_OUTCOME_KEYS,
  type TAutonomyDashboard,
  type TAutonomyDashboardQuery,
} from '../../../contracts/housing.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { type Queryable, queryRows } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { protectBreakdowns, protectTable } from '../../platform/disclosure/disclosure.js';
import { problems } from '../../platform/http/problem.js';
import type { IndicatorPeriod } from '../../platform/indicators/indicator.js';
import { todayInRome } from '../cases/rome-time.js';
import { autonomyFigures } from './autonomy.indicators.js';

/**
 * The WP5 dashboard (issue 20, item 6). Seven families and twenty-five adults make almost every
 * count small, so the dashboard shows the steering committee the progress towards the targets as it
 * is (AUTONOMY_TARGETS) and protects everything else that counts people with platform/disclosure:
 * placements by kind and by their 6- and 12-month outcome are one population's breakdowns
 * (`protectBreakdowns`: a population under k hides every cell), exits to autonomy a one-cell
 * table (a count of 1 to k−1 hidden).
 * Organisations (enterprises supported, jobs created) and money (rent spent against the budget)
 * are not people and are shown. Definitions of each figure: autonomy.indicators.ts.
 */
const AUTONOMY_PROJECT_START = '2026-01-01';
/** ADR 0006's k, the platform's default for every published table. */
const K = 5;

/** The period asked for, by default the project's start (never after the end) to today; `to` before `from` names `to`. */
function dashboardPeriod(query: TAutonomyDashboardQuery): IndicatorPeriod {
  const to = query.to ?? todayInRome();
  const from = query.from ?? [AUTONOMY_PROJECT_START, to].sort()[0]!;
  if (to < from)
    throw problems.field('to', 'order', {
      it: 'La data di fine non può precedere quella di inizio.',
      en: 'The end date cannot be before the start date.',
    });
  return { from, to };
}

type OutcomeKey = (typeof DASHBOARD_OUTCOME_KEYS)[number];

/** Placements that took place in the period, by kind and by their outcome at 6 and 12 months, protected together. */
async function placementBreakdowns(on: Queryable, period: IndicatorPeriod) {
  const rows = await queryRows<{ kind: TJobPlacementKind; o6: OutcomeKey | null; o12: OutcomeKey | null }>(
    on,
    sql`select j.kind,
               (select f.outcome from autonomy_placement_follow_ups f
                 where f.placement_id = j.id and f.months = 6 and f.recorded_on <= ${period.to}::date) as o6,
               (select f.outcome from autonomy_placement_follow_ups f
                 where f.placement_id = j.id and f.months = 12 and f.recorded_on <= ${period.to}::date) as o12
          from autonomy_job_placements j
         where j.status in ('active', 'ended') and j.starts_on <= ${period.to}::date
           and (j.ends_on is null or j.ends_on >= ${period.from}::date)`,
  );
  const count = (values: string[], categories: readonly string[]) =>
    categories.map((c) => values.filter((v) => v === c).length);
  const shown = protectBreakdowns({
    population: rows.length,
    k: K,
    breakdowns: [
      {
        key: 'kind',
        categories: JOB_PLACEMENT_KINDS,
        counts: count(
          rows.map((r) => r.kind),
          JOB_PLACEMENT_KINDS,
        ),
      },
      ...FOLLOW_UP_MONTHS.map((months) => ({
        key: `outcome_${months}`,
        categories: DASHBOARD_OUTCOME_KEYS,
        counts: count(
          rows.map((r) => (months === 6 ? r.o6 : r.o12) ?? 'not_recorded'),
          DASHBOARD_OUTCOME_KEYS,
        ),
      })),
    ],
  });
  return {
    placementsByKind: JOB_PLACEMENT_KINDS.map((key, r) => ({ key, value: shown.kind![r] ?? null })),
    placementsByOutcome: FOLLOW_UP_MONTHS.flatMap((months) =>
      DASHBOARD_OUTCOME_KEYS.map((key, r) => ({
        months,
        key,
        value: shown[`outcome_${months}`]![r] ?? null,
      })),
    ),
  };
}

/** The dashboard over whatever `on` may read (the owner or the system connection); only protected aggregates leave. */
export async function autonomyDashboard({
  on,
  period,
}: {
  on: Queryable;
  period: IndicatorPeriod;
}): Promise<TAutonomyDashboard> {
  const figures = await autonomyFigures({ on, period });
  return {
    ...period,
    jobOrientation: { value: figures.jobOrientation.people, target: AUTONOMY_TARGETS.jobOrientation },
    placedInSocialEnterprises: {
      value: figures.placedInSocialEnterprises.people,
      target: AUTONOMY_TARGETS.placedInSocialEnterprises,
    },
    familiesHosted: { value: figures.familiesHosted.households, target: AUTONOMY_TARGETS.familiesHosted },
    enterprisesSupported: figures.initiatives.count,
    jobsCreated: figures.initiatives.jobsCreated,
    exitsToAutonomy: protectTable({ counts: [[figures.exitsToAutonomy.plans]], k: K }).cells[0]![0] ?? null,
    ...(await placementBreakdowns(on, period)),
    rentSpentCents: figures.rent.spentCents,
    rentBudgetCents: figures.rent.budgetCents,
  };
}

/**
 * The dashboard for whoever holds autonomy.dashboard (the route says so): the steering committee's
 * coordinators and the finance officers. Plans, placements and stays are read by their teams only,
 * so the figures are counted as the owner and only the published, protected aggregate leaves.
 * Audited with the period.
 */
export async function readAutonomyDashboard({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: TAutonomyDashboardQuery;
}): Promise<TAutonomyDashboard> {
  const period = dashboardPeriod(query);
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const dashboard = await unsafeAsSystem(tx, (sys) => autonomyDashboard({ on: sys, period }));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'autonomy.dashboard_read', details: { from: period.from, to: period.to } },
      });
      return dashboard;
    },
  });
}
