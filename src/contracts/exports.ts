import { z } from 'zod';
import { text, ZIdSchema } from './common.js';

export const ZExportFormatSchema = z.enum(['csv', 'xlsx']);
export const ZExportStateSchema = z.enum([
  'awaiting_approval',
  'queued',
  'running',
  'ready',
  'failed',
  'refused',
  'downloaded',
  'expired',
]);
export type TExportState = z.infer<typeof ZExportStateSchema>;

/** Asking for an export of one kind; its parameters are the kind's own (checked by the kind). */
export const ZExportRequestSchema = z.strictObject({
  kind: z.string().min(1).max(60),
  format: ZExportFormatSchema,
  params: z.record(z.string(), z.unknown()).default({}),
});

export const ZExportSchema = z.object({
  id: ZIdSchema,
  kind: z.string(),
  label: z.strictObject({ it: z.string(), en: z.string() }),
  format: ZExportFormatSchema,
  state: ZExportStateSchema,
  rowsDone: z.number().int(),
  rowsTotal: z.number().int().nullable(),
  requestedBy: z.string(),
  requestedAt: z.iso.datetime(),
  /** A bulk export of case data waits for a second person (ASVS 2.3.5). */
  needsApproval: z.boolean(),
  decidedBy: z.string().nullable(),
  mine: z.boolean(),
  /** The viewer may approve or refuse it: they hold the approving role and did not ask for it. */
  canDecide: z.boolean(),
  error: z.string().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});
export type TExport = z.infer<typeof ZExportSchema>;

export const ZExportDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  note: text({ max: 500 }).optional(),
});

/** What may be exported, for the viewer: each kind with its words and whether it needs approval. */
export const ZExportKindSchema = z.object({
  kind: z.string(),
  label: z.strictObject({ it: z.string(), en: z.string() }),
  needsApproval: z.boolean(),
});
export type TExportKind = z.infer<typeof ZExportKindSchema>;
