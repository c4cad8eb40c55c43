import { z } from 'zod';

/** The states an admin sees: waiting (first run or a retry), running, done, failed, cancelled. */
export const ZJobStateSchema = z.enum(['queued', 'retrying', 'running', 'done', 'failed', 'cancelled']);
export type TJobState = z.infer<typeof ZJobStateSchema>;

/** A background job as the admin screen shows it: never its data, which may name people. */
export const ZJobSchema = z.strictObject({
  id: z.uuid(),
  queue: z.string(),
  label: z.strictObject({ it: z.string(), en: z.string() }),
  state: ZJobStateSchema,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  createdAt: z.iso.datetime(),
  startAfter: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export type TJob = z.infer<typeof ZJobSchema>;

export const ZJobListQuerySchema = z.strictObject({
  state: ZJobStateSchema.optional(),
});
