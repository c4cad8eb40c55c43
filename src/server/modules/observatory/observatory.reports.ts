import { sql } from 'drizzle-orm';
import type { TStatistics, TTrainingReport } from '../../../contracts/observatory.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { buildStatistics, countedYears, readCounts } from './observatory.statistics.js';
import {
  type ExportLanguage,
  type StatisticsLayout,
  statisticsFile,
} from './observatory.statistics-export.js';
import { trainingFindings } from './observatory.training.js';

/**
 * One k for every observatory output (dashboard, CSV, XLSX, training report): two releases of the
 * same counts under different thresholds could be subtracted from each other (ADR 0007).
 */
export const OBSERVATORY_K = 5;

type NamedCode = { code: string; name_it: string; name_en: string };

/** Names for the districts and for the countries and languages the tables list, nothing more. */
async function labelsFor({
  tx,
  statistics,
  districts,
}: {
  tx: Tx;
  statistics: Omit<TStatistics, 'labels'>;
  districts: { id: string; name: string }[];
}) {
  const labels: TStatistics['labels'] = {};
  for (const d of districts) labels[`district:${d.id}`] = { it: d.name, en: d.name };
  const named = async (dimension: string, table: string, rows: NamedCode[]) => {
    const listed = new Set(statistics.tables.find((t) => t.key === table)?.rows ?? []);
    for (const r of rows)
      if (listed.has(r.code)) labels[`${dimension}:${r.code}`] = { it: r.name_it, en: r.name_en };
  };
  await named(
    'country',
    'country',
    await queryRows<NamedCode>(tx, sql`select code, name_it, name_en from countries`),
  );
  await named(
    'language',
    'language-by-interpreter',
    await queryRows<NamedCode>(tx, sql`select code, name_it, name_en from languages`),
  );
  return labels;
}

async function statisticsIn({ tx, year }: { tx: Tx; year: number | undefined }): Promise<TStatistics> {
  const k = OBSERVATORY_K;
  const years = await countedYears({ tx, k });
  const chosen = year ?? years[0] ?? new Date().getFullYear();
  const counts = await readCounts({ tx, year: chosen });
  const districts = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id::text, name from districts order by name, id`,
  );
  const districtIds = districts.map((d) => d.id);
  const statistics = buildStatistics({ counts, year: chosen, years, k, districtIds });
  return { ...statistics, labels: await labelsFor({ tx, statistics, districts }) };
}

/** The year's published statistics, read and audited in one transaction as the viewer. */
function auditedStatistics({
  deps,
  ctx,
  year,
  action,
  details = {},
}: {
  deps: Deps;
  ctx: AccessContext;
  year: number | undefined;
  action:
    | 'observatory.statistics_viewed'
    | 'observatory.statistics_exported'
    | 'observatory.training_report_viewed';
  details?: Record<string, unknown>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const statistics = await statisticsIn({ tx, year });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action, details: { year: statistics.year, k: statistics.rule.k, ...details } },
      });
      return statistics;
    },
  });
}

export function getStatistics({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: { year?: number | undefined };
}) {
  return auditedStatistics({ deps, ctx, year: query.year, action: 'observatory.statistics_viewed' });
}

/** The statistics as a file (`observatory.statistics-export.ts`), read and audited like the screen. */
export async function exportStatistics({
  deps,
  ctx,
  query,
  format,
  layout,
  language,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: { year?: number | undefined };
  format: 'csv' | 'xlsx';
  layout: StatisticsLayout;
  language: ExportLanguage;
}) {
  const statistics = await auditedStatistics({
    deps,
    ctx,
    year: query.year,
    action: 'observatory.statistics_exported',
    details: { format, layout },
  });
  return statisticsFile({ statistics, format, layout, language });
}

export async function getTrainingReport({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: { year?: number | undefined };
}): Promise<TTrainingReport> {
  const statistics = await auditedStatistics({
    deps,
    ctx,
    year: query.year,
    action: 'observatory.training_report_viewed',
  });
  return {
    year: statistics.year,
    rule: statistics.rule,
    total: statistics.tables.find((table) => table.unit === 'incidents')?.total ?? null,
    findings: trainingFindings(statistics),
    labels: statistics.labels,
  };
}
