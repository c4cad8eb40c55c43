import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';
import {
  ATTENDANCE_STATES,
  COMMITTEE_KINDS,
  COMMITTEE_ROLES,
  GOVERNANCE_LIMITS,
  MEETING_STATUSES,
} from './governance-codes.js';

/**
 * Committees of the partnership (issue 21, item 1): the steering committee, the follow-up unit and
 * working groups; their members (accounts or external people), meetings with agenda and documents,
 * attendance with quorum, and ICS invitations.
 */

// ---- committees ----

export const ZCommitteeInputSchema = z.strictObject({
  kind: z.enum(COMMITTEE_KINDS),
  name: text({ max: GOVERNANCE_LIMITS.name }),
  description: multilineText({ max: GOVERNANCE_LIMITS.text }).nullable().default(null),
  quorum: z.number().int().min(1).max(GOVERNANCE_LIMITS.quorum),
});
export type TCommitteeInput = z.infer<typeof ZCommitteeInputSchema>;

/** The kind never changes: a working group that becomes a committee is a new committee. */
export const ZCommitteeUpdateSchema = z.strictObject({
  name: text({ max: GOVERNANCE_LIMITS.name }),
  description: multilineText({ max: GOVERNANCE_LIMITS.text }).nullable().default(null),
  quorum: z.number().int().min(1).max(GOVERNANCE_LIMITS.quorum),
  active: z.boolean().default(true),
});
export type TCommitteeUpdate = z.infer<typeof ZCommitteeUpdateSchema>;

export const ZCommitteeSchema = z.object({
  id: ZIdSchema,
  kind: z.enum(COMMITTEE_KINDS),
  name: z.string(),
  description: z.string().nullable(),
  quorum: z.number().int(),
  active: z.boolean(),
  /** The caller's part in it today (null: a coordinator who does not sit on it). */
  myRole: z.enum(COMMITTEE_ROLES).nullable(),
  memberCount: z.number().int(),
  nextMeetingAt: z.string().nullable(),
  /** The caller sets committees up (coordinators): edits it and its members. */
  canManage: z.boolean(),
  /** The caller is its chair or secretary: plans its meetings. */
  canPlan: z.boolean(),
});
export type TCommittee = z.infer<typeof ZCommitteeSchema>;
export const ZCommitteeListSchema = z.object({ items: z.array(ZCommitteeSchema) });

// ---- members ----

/** A member with an account (`userId`), or an external member with name, organisation and e-mail. */
export const ZMemberInputSchema = z.strictObject({
  userId: ZIdSchema.nullable().default(null),
  externalName: text({ max: GOVERNANCE_LIMITS.name }).nullable().default(null),
  externalOrganisation: text({ max: GOVERNANCE_LIMITS.name }).nullable().default(null),
  externalEmail: z.email().max(254).nullable().default(null),
  role: z.enum(COMMITTEE_ROLES),
  since: isoDate().optional(),
});
export type TMemberInput = z.infer<typeof ZMemberInputSchema>;

export const ZMemberEndSchema = z.strictObject({ until: isoDate() });

export const ZMemberSchema = z.object({
  id: ZIdSchema,
  hasAccount: z.boolean(),
  name: z.string(),
  organisation: z.string().nullable(),
  /** Shown to the coordinators and the committee's chair and secretary only. */
  email: z.string().nullable(),
  role: z.enum(COMMITTEE_ROLES),
  since: z.string(),
  until: z.string().nullable(),
  current: z.boolean(),
});
export type TMember = z.infer<typeof ZMemberSchema>;
export const ZMemberListSchema = z.object({ items: z.array(ZMemberSchema) });

/** The people with an active account who may be named members (names only). */
export const ZPersonOptionsSchema = z.object({
  items: z.array(z.object({ id: ZIdSchema, name: z.string() })),
});

// ---- meetings ----

const ZMeetingFields = {
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: text({ max: GOVERNANCE_LIMITS.name }).nullable().default(null),
  link: z
    .url({ protocol: /^https$/ })
    .max(500)
    .nullable()
    .default(null),
};
const endAfterStart = (m: { startsAt: string; endsAt: string }) =>
  Date.parse(m.endsAt) > Date.parse(m.startsAt);
const endMessage = { message: 'the end must come after the start', path: ['endsAt'] };

export const ZMeetingInputSchema = z.strictObject(ZMeetingFields).refine(endAfterStart, endMessage);
export type TMeetingInput = z.infer<typeof ZMeetingInputSchema>;

/** Planned → held; a cancellation has its own route. */
export const ZMeetingUpdateSchema = z
  .strictObject({ ...ZMeetingFields, status: z.enum(['planned', 'held']).default('planned') })
  .refine(endAfterStart, endMessage);
export type TMeetingUpdate = z.infer<typeof ZMeetingUpdateSchema>;

export const ZMeetingSummarySchema = z.object({
  id: ZIdSchema,
  committeeId: ZIdSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  link: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
});
export type TMeetingSummary = z.infer<typeof ZMeetingSummarySchema>;
export const ZMeetingListSchema = z.object({ items: z.array(ZMeetingSummarySchema) });

export const ZAgendaItemInputSchema = z.strictObject({
  title: text({ max: GOVERNANCE_LIMITS.title }),
  presenterMemberId: ZIdSchema.nullable().default(null),
});
export type TAgendaItemInput = z.infer<typeof ZAgendaItemInputSchema>;
export const ZAgendaMoveSchema = z.strictObject({ direction: z.enum(['up', 'down']) });
export const ZAgendaParamsSchema = z.strictObject({ id: ZIdSchema, itemId: ZIdSchema });
export const ZMemberParamsSchema = z.strictObject({ id: ZIdSchema, memberId: ZIdSchema });

export const ZAgendaFileSchema = z.object({
  id: ZIdSchema,
  name: z.string().nullable(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});
export const ZAgendaItemSchema = z.object({
  id: ZIdSchema,
  position: z.number().int(),
  title: z.string(),
  presenterMemberId: ZIdSchema.nullable(),
  presenterName: z.string().nullable(),
  files: z.array(ZAgendaFileSchema),
});
export type TAgendaItem = z.infer<typeof ZAgendaItemSchema>;

export const ZAttendanceInputSchema = z.strictObject({
  entries: z
    .array(z.strictObject({ memberId: ZIdSchema, state: z.enum(ATTENDANCE_STATES) }))
    .min(1)
    .max(GOVERNANCE_LIMITS.members),
});
export type TAttendanceInput = z.infer<typeof ZAttendanceInputSchema>;

export const ZAttendanceSchema = z.object({
  entries: z.array(
    z.object({
      memberId: ZIdSchema,
      name: z.string(),
      role: z.enum(COMMITTEE_ROLES),
      state: z.enum(ATTENDANCE_STATES).nullable(),
    }),
  ),
  presentCount: z.number().int(),
  quorum: z.number().int(),
  quorumReached: z.boolean(),
});
export type TAttendance = z.infer<typeof ZAttendanceSchema>;

export const ZMeetingSchema = ZMeetingSummarySchema.extend({
  committeeName: z.string(),
  myRole: z.enum(COMMITTEE_ROLES).nullable(),
  /** The caller is the committee's chair or secretary: edits, agenda, attendance, invitations. */
  canManage: z.boolean(),
  agenda: z.array(ZAgendaItemSchema),
  attendance: ZAttendanceSchema,
});
export type TMeeting = z.infer<typeof ZMeetingSchema>;

export const ZInvitationsSentSchema = z.object({
  /** Members an invitation was queued for. */
  sent: z.number().int(),
  /** Current members without an address (nobody to write to). */
  withoutAddress: z.number().int(),
});
