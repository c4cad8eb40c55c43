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
  'observatory.incident-recorder': ['year'],
  'observatory.istat-survey': ['year'],
  'cases.bulk': ['status'],
};

/** Parameters a kind cannot run without: the Incident Recorder and the ISTAT survey are one year each. */
const REQUIRED_PARAMS: Readonly<Record<string, readonly ExportParam[]>> = {
  'observatory.incident-recorder': ['year'],
  'observatory.istat-survey': ['year'],
};

export const paramsOfKind = (kind: string): readonly ExportParam[] => KIND_PARAMS[kind] ?? [];
export const isRequiredParam = (kind: string, name: ExportParam) =>
  REQUIRED_PARAMS[kind]?.includes(name) ?? false;

/** A parameter's rule for a kind: the optional rule, or its inner rule when the kind requires it. */
function paramSchemaOf(kind: string, name: ExportParam) {
  const schema = PARAM_SCHEMAS[name];
  return isRequiredParam(kind, name) ? schema.unwrap() : schema;
}

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
  const shape = Object.fromEntries(paramsOfKind(kind).map((name) => [name, paramSchemaOf(kind, name)]));
  return ZExportRequestSchema.extend({ params: z.strictObject(shape) });
}
