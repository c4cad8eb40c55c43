import { z } from 'zod';
import { ZExportRequestSchema } from '../../../contracts/exports.js';
import { type CASE_STATUSES, ZCaseStatusSchema, ZStatisticsQuerySchema } from '../../../contracts/index.js';

/*
 * The parameters each kind of export takes, as the form shows them. The server checks them with
 * the kind's own schema; these are the same rules, read from the contracts where they live (the
 * observatory's year, the case statuses). A kind the server adds later works with no parameters
 * until it is added here.
 */
export const PARAM_SCHEMAS = {
  year: ZStatisticsQuerySchema.shape.year,
  status: ZCaseStatusSchema.optional(),
} as const;
export type ExportParam = keyof typeof PARAM_SCHEMAS;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const KIND_PARAMS: Readonly<Record<string, readonly ExportParam[]>> = {
  'observatory.incidents': ['year'],
  'cases.bulk': ['status'],
};

export const paramsOfKind = (kind: string): readonly ExportParam[] => KIND_PARAMS[kind] ?? [];

/** What the form holds: strings, as its inputs do. */
export interface ExportFormValues {
  kind: string;
  format: 'csv' | 'xlsx';
  params: Record<ExportParam, string>;
}

/** The request body the form's values make: only the chosen kind's parameters, empty ones left out. */
export function exportRequestOf(values: ExportFormValues): {
  kind: string;
  format: 'csv' | 'xlsx';
  params: Record<string, unknown>;
} {
  const params: Record<string, unknown> = {};
  for (const name of paramsOfKind(values.kind)) {
    const raw = values.params[name]?.trim() ?? '';
    if (raw === '') continue;
    params[name] = name === 'year' ? Number(raw) : raw;
  }
  return { kind: values.kind, format: values.format, params };
}

/** The request's contract with the chosen kind's parameters in place of its open record. */
export function requestSchemaOf(kind: string) {
  const shape = Object.fromEntries(paramsOfKind(kind).map((name) => [name, PARAM_SCHEMAS[name]]));
  return ZExportRequestSchema.extend({ params: z.strictObject(shape) });
}
