import { z } from 'zod';
import { text, ZIdSchema, ZPageQuerySchema } from './common.js';

export const ZAuditOutcomeSchema = z.enum(['success', 'denied', 'failure']);

export const ZAuditEventSchema = z.object({
  id: z.string(),
  occurredAt: z.iso.datetime(),
  actorUserId: ZIdSchema.nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  actingServiceId: ZIdSchema.nullable(),
  action: z.string(),
  outcome: ZAuditOutcomeSchema,
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  purpose: z.string().nullable(),
  clientIp: z.string().nullable(),
  chainSeq: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEventSchema>;

export const ZAuditQuerySchema = ZPageQuerySchema.extend({
  actorUserId: ZIdSchema.optional(),
  action: text({ max: 80 }).optional(),
  recordType: text({ max: 80 }).optional(),
  recordId: text({ max: 80 }).optional(),
  outcome: ZAuditOutcomeSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const ZRecordAccessQuerySchema = z.strictObject({
  recordType: text({ max: 80 }),
  recordId: text({ max: 80 }),
});
export const ZRecordAccessSchema = z.object({
  actorUserId: ZIdSchema.nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  actions: z.array(z.string()),
  firstAt: z.iso.datetime(),
  lastAt: z.iso.datetime(),
  count: z.number().int(),
});

export const ZChainStatusSchema = z.object({
  sealedThrough: z.string().nullable(),
  unsealed: z.number().int(),
  oldestUnsealedAt: z.iso.datetime().nullable(),
});
