import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema, ZLocalizedTextSchema } from './common.js';
import { ACTION_STATUSES, GOVERNANCE_LIMITS, MINUTES_STATUSES } from './governance-codes.js';

/**
 * A meeting's minutes, its numbered decisions and the actions that follow (issue 21, item 2).
 * Minutes are written per agenda item; a meeting with no agenda has one general item
 * (`agendaItemId` null), and a meeting with an agenda may add one general item too ("varie").
 * Minutes cite a case only by its code: text holding a record's id is refused. What else the free
 * text says is the secretary's responsibility (it is never searched nor exported with cases).
 */

const L = GOVERNANCE_LIMITS;
const ZPersonSchema = z.object({ id: ZIdSchema, name: z.string() });

export const ZMinutesItemSchema = z.strictObject({
  agendaItemId: ZIdSchema.nullable(),
  text: multilineText({ max: L.minutesItem }),
});
export type TMinutesItem = z.infer<typeof ZMinutesItemSchema>;

export const ZMinutesDraftInputSchema = z.strictObject({
  items: z
    .array(ZMinutesItemSchema)
    .min(1)
    .max(L.agendaItems + 1),
  /** Required when the latest version is approved: the new version is a correction. */
  reason: text({ max: L.reason }).nullable().default(null),
});
export const ZMinutesEditInputSchema = z.strictObject({
  items: z
    .array(ZMinutesItemSchema)
    .min(1)
    .max(L.agendaItems + 1),
});

export const ZMinutesVersionSchema = z.object({
  id: ZIdSchema,
  version: z.number().int(),
  status: z.enum(MINUTES_STATUSES),
  items: z.array(z.object({ agendaItemId: ZIdSchema.nullable(), text: z.string() })),
  correctionReason: z.string().nullable(),
  draftedBy: ZPersonSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  circulatedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: ZPersonSchema.nullable(),
  /** The meeting the chair approved it at (its start), or null: approved between meetings. */
  approvedAtMeeting: z.object({ id: ZIdSchema, startsAt: z.string() }).nullable(),
});
export type TMinutesVersion = z.infer<typeof ZMinutesVersionSchema>;

export const ZAgendaEntrySchema = z.object({ id: ZIdSchema, position: z.number().int(), title: z.string() });

/** What the meeting page shows of the minutes: the approved text, the version in the works, the history. */
export const ZMeetingMinutesSchema = z.object({
  meetingId: ZIdSchema,
  committee: z.object({ id: ZIdSchema, name: z.string() }),
  startsAt: z.string(),
  agenda: z.array(ZAgendaEntrySchema),
  approved: ZMinutesVersionSchema.nullable(),
  /** The latest version not yet approved that the caller may read (a draft only to chair and secretary). */
  pending: ZMinutesVersionSchema.nullable(),
  versions: z.array(ZMinutesVersionSchema),
  can: z.object({ draft: z.boolean(), approve: z.boolean(), record: z.boolean() }),
  /** Who may own an action: the committee's current members with an account (for chair and secretary). */
  owners: z.array(ZPersonSchema),
});
export type TMeetingMinutes = z.infer<typeof ZMeetingMinutesSchema>;

// ── Decisions ───────────────────────────────────────────────────────────────────────────────────

export const ZDecisionInputSchema = z.strictObject({
  text: multilineText({ max: L.text }),
  agendaItemId: ZIdSchema.nullable().default(null),
  /** A registered indicator's key (GET /api/governance/indicators). */
  indicatorKey: text({ max: 100 }).nullable().default(null),
});
export const ZIndicatorChoiceSchema = z.object({ key: z.string(), label: ZLocalizedTextSchema });
export const ZIndicatorChoicesSchema = z.object({ items: z.array(ZIndicatorChoiceSchema) });

export const ZDecisionSchema = z.object({
  id: ZIdSchema,
  meetingId: ZIdSchema,
  number: z.number().int(),
  year: z.number().int(),
  /** "n/yyyy", as the committee cites it. */
  label: z.string(),
  text: z.string(),
  agendaItemId: ZIdSchema.nullable(),
  indicator: ZIndicatorChoiceSchema.nullable(),
  decidedOn: z.string(),
});
export type TDecision = z.infer<typeof ZDecisionSchema>;
export const ZDecisionListSchema = z.object({ items: z.array(ZDecisionSchema) });

// ── Actions ─────────────────────────────────────────────────────────────────────────────────────

export const ZActionInputSchema = z.strictObject({
  title: text({ max: L.title }),
  ownerId: ZIdSchema,
  dueOn: isoDate(),
  decisionId: ZIdSchema.nullable().default(null),
});
/** open → in_progress → done / cancelled; a closing takes an optional note. */
export const ZActionMoveSchema = z.strictObject({
  status: z.enum(['in_progress', 'done', 'cancelled']),
  note: multilineText({ max: L.text }).nullable().default(null),
});

export const ZActionSchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  status: z.enum(ACTION_STATUSES),
  owner: ZPersonSchema,
  dueOn: z.string(),
  overdue: z.boolean(),
  committee: z.object({ id: ZIdSchema, name: z.string() }),
  decision: z.object({ id: ZIdSchema, label: z.string(), meetingId: ZIdSchema }).nullable(),
  closingNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The caller may move it (its owner, or the committee's chair or secretary) and it is still open. */
  canMove: z.boolean(),
});
export type TAction = z.infer<typeof ZActionSchema>;
export const ZActionListSchema = z.object({ items: z.array(ZActionSchema), canCreate: z.boolean() });
export type TActionList = z.infer<typeof ZActionListSchema>;
