import { z } from 'zod';
import { ZLocaleSchema } from './common.js';

/** Statistics: disjoint populations only (one calendar year), see docs/adr/0007. */
export const ZStatisticsQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  // No threshold from the request: one k for every output (ADR 0007), so a `k` is refused.
});
/**
 * The statistics as a file: by default the tables as on screen (Italian spreadsheets: CSV with
 * semicolons); `long` is one line per value, labels beside codes, for analysts.
 */
export const STATISTICS_LAYOUTS = ['tables', 'long'] as const;
export const ZStatisticsExportQuerySchema = ZStatisticsQuerySchema.extend({
  format: z.enum(['csv', 'xlsx']),
  layout: z.enum(STATISTICS_LAYOUTS).default('tables'),
  lang: ZLocaleSchema.default('it'),
});

/** What a table counts: incidents, or people (distinct survivor codes per service and year). */
export const COUNT_UNITS = ['incidents', 'survivors'] as const;
export const ZPublishedTableSchema = z.object({
  key: z.string(),
  unit: z.enum(COUNT_UNITS),
  /** crosstab: cells add up to the totals; shares: each cell is a share of its column's population. */
  kind: z.enum(['crosstab', 'shares']),
  rowDimension: z.string(),
  columnDimension: z.string(),
  rows: z.array(z.string()),
  columns: z.array(z.string()),
  cells: z.array(z.array(z.number().int().nullable())),
  rowTotals: z.array(z.number().int().nullable()).nullable(),
  columnTotals: z.array(z.number().int().nullable()),
  total: z.number().int().nullable(),
});
export type TPublishedTable = z.infer<typeof ZPublishedTableSchema>;

export const ZDisclosureRuleSchema = z.object({
  k: z.number().int(),
  method: z.string(),
});

export const ZStatisticsSchema = z.object({
  year: z.number().int(),
  years: z.array(z.number().int()),
  rule: ZDisclosureRuleSchema,
  /**
   * The year counts fewer than k incidents (none included): that is all that is published, with
   * no table, whether asked for by URL or in January for the current year (ADR 0007).
   */
  underK: z.boolean(),
  generatedAt: z.string(),
  labels: z.record(z.string(), z.object({ it: z.string(), en: z.string() })),
  tables: z.array(ZPublishedTableSchema),
});
export type TStatistics = z.infer<typeof ZStatisticsSchema>;

export const ZTrainingFindingSchema = z.object({
  topic: z.enum([
    'violence_form',
    'context',
    'community',
    'language_interpreter',
    'service',
    'district_interpreter',
  ]),
  subject: z.string(),
  /** The published number the finding cites, with the table it comes from. */
  evidence: z.object({ table: z.string(), row: z.string(), column: z.string(), value: z.number().int() }),
  share: z.number().nullable(),
});
export const ZTrainingReportSchema = z.object({
  year: z.number().int(),
  rule: ZDisclosureRuleSchema,
  total: z.number().int().nullable(),
  findings: z.array(ZTrainingFindingSchema),
  labels: z.record(z.string(), z.object({ it: z.string(), en: z.string() })),
});
export type TTrainingReport = z.infer<typeof ZTrainingReportSchema>;
