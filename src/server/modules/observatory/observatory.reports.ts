import { sql } from 'drizzle-orm';
import { HIDDEN_COUNT } from '../../../contracts/common.js';
import type { TPublishedTable, TStatistics, TTrainingReport } from '../../../contracts/observatory.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { Deps } from '../../platform/deps.js';
import { formatCount } from '../../platform/disclosure/disclosure.js';
import { type CellValue, toCsv, toXlsx } from '../../platform/files/spreadsheets.js';
import { buildStatistics, countedYears, readCounts } from './observatory.statistics.js';
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

/** Labels are keyed by dimension and code; codes without one (enums) are written as codes. */
function labelOf(statistics: TStatistics, dimension: string, code: string) {
  return statistics.labels[`${dimension}:${code}`]?.it ?? code;
}

/** Published cells as lines: table, row, column, value (hidden ones as one neutral word), totals included. */
function linesOf(statistics: TStatistics, table: TPublishedTable): CellValue[][] {
  const show = (value: number | null) => (value === null ? formatCount(null) : value);
  const row = (r: number) => labelOf(statistics, table.rowDimension, table.rows[r]!);
  const column = (c: number) => labelOf(statistics, table.columnDimension, table.columns[c]!);
  const lines: CellValue[][] = [];
  table.cells.forEach((cells, r) => {
    cells.forEach((value, c) => {
      lines.push([table.key, row(r), column(c), show(value)]);
    });
    if (table.rowTotals) lines.push([table.key, row(r), 'totale', show(table.rowTotals[r] ?? null)]);
  });
  table.columnTotals.forEach((value, c) => {
    lines.push([table.key, 'totale', column(c), show(value)]);
  });
  lines.push([table.key, 'totale', 'totale', show(table.total)]);
  return lines;
}

function ruleNote(statistics: TStatistics) {
  const k = statistics.rule.k;
  const hidden = HIDDEN_COUNT;
  return `Controllo della divulgazione: k=${k}, ${statistics.rule.method}. "${hidden.it}": valore non pubblicato, perché sotto ${k} o perché da esso se ne ricaverebbe uno sotto ${k}; può essere grande. / Disclosure control: "${hidden.it}" (${hidden.en}) is a value not published, because it is under ${k} or because a value under ${k} could be worked out from it; it may be large.`;
}

/** The only line of a year with fewer than k incidents: that, and nothing else, is published. */
function underKLine(statistics: TStatistics): CellValue[] {
  const k = statistics.rule.k;
  return ['totale', String(statistics.year), 'totale', `meno di ${k} episodi / fewer than ${k} incidents`];
}

export async function exportStatistics({
  deps,
  ctx,
  query,
  format,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: { year?: number | undefined };
  format: 'csv' | 'xlsx';
}) {
  const statistics = await auditedStatistics({
    deps,
    ctx,
    year: query.year,
    action: 'observatory.statistics_exported',
    details: { format },
  });
  const header = ['tabella', 'riga', 'colonna', 'valore'];
  const filename = `osservatorio-${statistics.year}.${format}`;
  if (format === 'csv') {
    const rows = [
      [ruleNote(statistics), '', '', ''],
      ...(statistics.underK
        ? [underKLine(statistics)]
        : statistics.tables.flatMap((t) => linesOf(statistics, t))),
    ];
    return { filename, body: toCsv({ header, rows }) };
  }
  const sheets = statistics.underK
    ? [
        {
          name: 'totale',
          notes: [`Osservatorio ${statistics.year}`, ruleNote(statistics)],
          header,
          rows: [underKLine(statistics)],
        },
      ]
    : statistics.tables.map((table) => ({
        name: table.key,
        notes: [`Osservatorio ${statistics.year} — ${table.key}`, ruleNote(statistics)],
        header,
        rows: linesOf(statistics, table),
      }));
  const body = await toXlsx(sheets);
  return { filename, body };
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
    total: statistics.tables[0]?.total ?? null,
    findings: trainingFindings(statistics),
    labels: statistics.labels,
  };
}
