import { z } from 'zod';
import { WORK_PACKAGES } from './governance-codes.js';
import { INDICATOR_KINDS, INDICATOR_UNITS, PROJECT_PERIOD } from './impact.js';

/**
 * Reporting periods, their locks and the frozen reports (issue 25, items 3 and 4). A period is a
 * quarter, a semester, a year or the whole project, named by a key (`2026-q3`, `2026-h2`, `2026`,
 * `project`); it is submitted by a coordinator, approved and locked by the steering committee's
 * chair (another person), and unlocked only by a coordinator with a reason.
 */

export const PERIOD_KINDS = ['quarter', 'semester', 'year', 'project'] as const;
export type TPeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_STATUSES = ['open', 'submitted', 'locked'] as const;
export type TPeriodStatus = (typeof PERIOD_STATUSES)[number];

export const PERIOD_ACTIONS = ['submitted', 'returned', 'locked', 'unlocked'] as const;
export type TPeriodAction = (typeof PERIOD_ACTIONS)[number];

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export const REPORT_LANGUAGES = ['it', 'en'] as const;

/** Disclosure control's threshold: an average over fewer records is hidden in every report. */
export const REPORT_K = 5;

/** The shortest reason an unlock or a return may give: a word is not a reason. */
export const PERIOD_REASON_MIN = 10;

export interface ReportingPeriod {
  key: string;
  kind: TPeriodKind;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const span = (year: number, firstMonth: number, months: number) => ({
  from: `${year}-${pad(firstMonth)}-01`,
  to: `${year}-${pad(firstMonth + months - 1)}-${pad(lastDay(year, firstMonth + months - 1))}`,
});

/** The period a key names, or null when the key names none within the project. */
export function periodOfKey(key: string): ReportingPeriod | null {
  if (key === 'project') return { key, kind: 'project', ...PROJECT_PERIOD };
  const match = /^(\d{4})(?:-(q[1-4]|h[12]))?$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const part = match[2];
  const period: ReportingPeriod = !part
    ? { key, kind: 'year', ...span(year, 1, 12) }
    : part.startsWith('q')
      ? { key, kind: 'quarter', ...span(year, (Number(part[1]) - 1) * 3 + 1, 3) }
      : { key, kind: 'semester', ...span(year, (Number(part[1]) - 1) * 6 + 1, 6) };
  return period.from >= PROJECT_PERIOD.from && period.to <= PROJECT_PERIOD.to ? period : null;
}

/** Every period of the project, quarters first, each kind in calendar order. */
export function projectPeriods(): ReportingPeriod[] {
  const years: number[] = [];
  for (let y = Number(PROJECT_PERIOD.from.slice(0, 4)); y <= Number(PROJECT_PERIOD.to.slice(0, 4)); y++)
    years.push(y);
  const keys = [
    ...years.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-q${q}`)),
    ...years.flatMap((y) => [1, 2].map((h) => `${y}-h${h}`)),
    ...years.map(String),
    'project',
  ];
  return keys.map(periodOfKey).filter((p): p is ReportingPeriod => p !== null);
}

/** The period of the same kind just before (its late records show in this one), if any. */
export function previousPeriod(period: ReportingPeriod): ReportingPeriod | null {
  if (period.kind === 'project') return null;
  const same = projectPeriods().filter((p) => p.kind === period.kind);
  const at = same.findIndex((p) => p.key === period.key);
  return at > 0 ? (same[at - 1] ?? null) : null;
}

const ZPersonAtSchema = z.object({ by: z.string(), at: z.string() });

export const ZReportSummarySchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** False: made while the period was not locked, marked draft on every page. */
  final: z.boolean(),
  /** SHA-256 of the frozen content, hex. */
  contentHash: z.string(),
  keyId: z.string(),
});
export type TReportSummary = z.infer<typeof ZReportSummarySchema>;

export const ZImpactPeriodSchema = z.object({
  key: z.string(),
  kind: z.enum(PERIOD_KINDS),
  from: z.string(),
  to: z.string(),
  /** Its last day has passed (in Rome): only then can it be submitted. */
  ended: z.boolean(),
  status: z.enum(PERIOD_STATUSES),
  submitted: ZPersonAtSchema.nullable(),
  locked: ZPersonAtSchema.nullable(),
  history: z.array(
    z.object({
      action: z.enum(PERIOD_ACTIONS),
      by: z.string(),
      at: z.string(),
      reason: z.string().nullable(),
    }),
  ),
  reports: z.array(ZReportSummarySchema),
  can: z.object({
    submit: z.boolean(),
    approve: z.boolean(),
    returnIt: z.boolean(),
    unlock: z.boolean(),
    report: z.boolean(),
  }),
});
export type TImpactPeriod = z.infer<typeof ZImpactPeriodSchema>;

export const ZImpactPeriodsSchema = z.object({
  periods: z.array(ZImpactPeriodSchema),
  /** Whether the reader chairs the steering committee today (only the chair approves). */
  chair: z.boolean(),
  /** The key that signs the reports: its id, and its public key for anyone to verify. */
  signingKey: z.object({ keyId: z.string(), publicKeyPem: z.string() }),
});
export type TImpactPeriods = z.infer<typeof ZImpactPeriodsSchema>;

export const ZPeriodReasonSchema = z.strictObject({
  reason: z.string().trim().min(PERIOD_REASON_MIN).max(2000),
});

export const ZReportFileQuerySchema = z.strictObject({
  format: z.enum(REPORT_FORMATS),
  lang: z.enum(REPORT_LANGUAGES).default('it'),
});

/** One indicator of a frozen report. */
export const ZReportRowSchema = z.object({
  key: z.string(),
  label: z.object({ it: z.string(), en: z.string() }),
  workPackage: z.enum(WORK_PACKAGES),
  kind: z.enum(INDICATOR_KINDS),
  unit: z.enum(INDICATOR_UNITS),
  /** The formula's version the value was computed with: a later version never changes this report. */
  formulaVersion: z.number().int().positive(),
  /** Within the period; null when not available (`error`) or hidden (`valueHidden`). */
  value: z.number().nullable(),
  /** An average over fewer than k records: hidden (counts are totals, shown exactly; ADR 0032). */
  valueHidden: z.boolean(),
  /** From the project's start to the period's end: what the target is measured against. */
  cumulative: z.number().nullable(),
  /** As `valueHidden`, over the records up to the period's end. */
  cumulativeHidden: z.boolean(),
  target: z.number().nullable(),
  targetSource: z.string().nullable(),
  progress: z.number().nullable(),
  /** The function failed: not available, never zero. */
  error: z.string().nullable(),
  /**
   * Records of the previous period entered after its lock: counted in the locked report's place
   * here, never there; frozen with this period's own lock.
   */
  afterLock: z.object({ period: z.string(), value: z.number().nullable() }).nullable(),
});
export type TReportRow = z.infer<typeof ZReportRowSchema>;

/** What a report freezes: the text hashed and signed is this object as canonical JSON. */
export const ZReportContentSchema = z.object({
  v: z.literal(1),
  id: z.uuid(),
  period: z.object({ key: z.string(), kind: z.enum(PERIOD_KINDS), from: z.string(), to: z.string() }),
  final: z.boolean(),
  lock: ZPersonAtSchema.nullable(),
  generated: ZPersonAtSchema,
  /** The rule of suppression applied to every figure of the report. */
  suppression: z.object({ k: z.number().int(), rule: z.object({ it: z.string(), en: z.string() }) }),
  rows: z.array(ZReportRowSchema),
});
export type TReportContent = z.infer<typeof ZReportContentSchema>;

/** What the public verification says of a file. */
export const ZReportVerificationSchema = z.object({
  valid: z.boolean(),
  problem: z.string().nullable(),
  report: z
    .object({
      id: z.string(),
      period: z.string(),
      final: z.boolean(),
      contentHash: z.string(),
      format: z.enum(REPORT_FORMATS),
      lang: z.enum(REPORT_LANGUAGES),
      signedAt: z.string(),
      keyId: z.string(),
    })
    .nullable(),
});
export type TReportVerification = z.infer<typeof ZReportVerificationSchema>;
