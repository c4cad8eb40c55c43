import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';

/**
 * Ethnoclinical consultations (issue 22, item 5): a first-line service asks the ethnoclinical team
 * to consult without handing the family over — on a family whose work is stuck, or in a preliminary
 * psychosocial investigation the juvenile court (or its prosecutor) asked for. MISSION.md, "How an
 * ethnoclinical consultation runs". The requester reads status, deadline and the approved opinion
 * only; presentation, sessions and hypotheses stay with the team.
 */
export const CONSULTATION_KINDS = ['stuck_case', 'court_investigation'] as const;
export const ZConsultationKindSchema = z.enum(CONSULTATION_KINDS);
export const REQUESTING_AUTHORITIES = ['juvenile_court', 'juvenile_prosecutor'] as const;
export const ZRequestingAuthoritySchema = z.enum(REQUESTING_AUTHORITIES);
export const CONSULTATION_STATUSES = [
  'requested',
  'presentation',
  'in_sessions',
  'opinion_drafting',
  'delivered',
  'closed',
  'converted',
] as const;
export const ZConsultationStatusSchema = z.enum(CONSULTATION_STATUSES);
export type TConsultationStatus = z.infer<typeof ZConsultationStatusSchema>;
export const ATTENDANCE_ROLES = [
  'lead_therapist',
  'co_therapist',
  'mediator',
  'first_line_professional',
  'family_member',
] as const;
export const ZAttendanceRoleSchema = z.enum(ATTENDANCE_ROLES);
export const CO_THERAPIST_PROFESSIONS = ['psychologist', 'psychiatrist', 'anthropologist', 'other'] as const;
export const ZProfessionSchema = z.enum(CO_THERAPIST_PROFESSIONS);
export const OPINION_STATUSES = ['draft', 'approved'] as const;
export const ZOpinionStatusSchema = z.enum(OPINION_STATUSES);
/** How the viewer stands to the consultation (`consultations.policy.ts`). */
export const CONSULTATION_ACCESS = ['team', 'supervisor', 'requester'] as const;
export const ZConsultationAccessSchema = z.enum(CONSULTATION_ACCESS);
export type TConsultationAccess = z.infer<typeof ZConsultationAccessSchema>;

export const MAX_AXES = 12;
export const MAX_ATTENDEES = 40;

/** The court's request: the legal basis of an investigation (absent for a stuck case). */
export const ZCourtRequestSchema = z.strictObject({
  requestingAuthority: ZRequestingAuthoritySchema,
  requestReference: text({ max: 120 }),
  requestDate: isoDate(),
  /** Whether the court's request covers involving the team; if not, the family's consent is needed. */
  coversTeamInvolvement: z.boolean(),
});

/** The team sets the kind, the court's request, the lead therapist and the opinion's due date. */
export const ZConsultationUpdateSchema = z.strictObject({
  kind: ZConsultationKindSchema.optional(),
  courtRequest: ZCourtRequestSchema.nullable().optional(),
  leadUserId: ZIdSchema.optional(),
  opinionDueOn: isoDate().nullable().optional(),
});

export const ZPresentationSchema = z.strictObject({
  summary: multilineText({ max: 8000 }),
  axes: z.array(text({ max: 200 })).max(MAX_AXES),
});

export const ZAttendeeInputSchema = z.strictObject({
  role: ZAttendanceRoleSchema,
  /** A staff member (lead, co-therapist, a first-line professional who is a user of the requesting service). */
  userId: ZIdSchema.nullable().optional(),
  /** A person of the household (family_member). */
  personId: ZIdSchema.nullable().optional(),
  name: text({ max: 120 }).nullable().optional(),
  profession: ZProfessionSchema.nullable().optional(),
  language: text({ max: 40 }).nullable().optional(),
  professionalRole: text({ max: 80 }).nullable().optional(),
  organisation: text({ max: 120 }).nullable().optional(),
});
export type TAttendeeInput = z.infer<typeof ZAttendeeInputSchema>;

export const ZConsultationSessionInputSchema = z.strictObject({
  heldOn: isoDate(),
  durationMinutes: z.number().int().min(15).max(480),
  place: text({ max: 200 }),
  familyExplanation: multilineText({ max: 8000 }).nullable().optional(),
  hypotheses: multilineText({ max: 8000 }).nullable().optional(),
  feedback: multilineText({ max: 8000 }).nullable().optional(),
  nextAppointmentOn: isoDate().nullable().optional(),
  attendees: z.array(ZAttendeeInputSchema).min(1).max(MAX_ATTENDEES),
});
export type TConsultationSessionInput = z.infer<typeof ZConsultationSessionInputSchema>;

export const ZOpinionInputSchema = z.strictObject({ text: multilineText({ max: 20000 }) });

export const ZAttendeeSchema = z.object({
  role: ZAttendanceRoleSchema,
  name: z.string(),
  profession: ZProfessionSchema.nullable(),
  language: z.string().nullable(),
  professionalRole: z.string().nullable(),
  organisation: z.string().nullable(),
});

export const ZConsultationSessionSchema = z.object({
  id: ZIdSchema,
  heldOn: z.string(),
  durationMinutes: z.number().int(),
  place: z.string(),
  familyExplanation: z.string().nullable(),
  hypotheses: z.string().nullable(),
  feedback: z.string().nullable(),
  nextAppointmentOn: z.string().nullable(),
  attendees: z.array(ZAttendeeSchema),
});
export type TConsultationSession = z.infer<typeof ZConsultationSessionSchema>;

export const ZOpinionSchema = z.object({
  id: ZIdSchema,
  version: z.number().int(),
  text: z.string(),
  status: ZOpinionStatusSchema,
  writtenBy: z.string(),
  createdAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type TOpinion = z.infer<typeof ZOpinionSchema>;

export const ZConsultationListItemSchema = z.object({
  id: ZIdSchema,
  code: z.string(),
  kind: ZConsultationKindSchema,
  status: ZConsultationStatusSchema,
  access: ZConsultationAccessSchema,
  requestingService: z.string(),
  consultingService: z.string(),
  opinionDueOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type TConsultationListItem = z.infer<typeof ZConsultationListItemSchema>;

/**
 * One consultation as the viewer may read it: the requester gets the status, the deadline and the
 * approved opinions, and null for everything clinical (filled only for the team and the supervisor).
 */
export const ZConsultationSchema = ZConsultationListItemSchema.extend({
  householdCode: z.string(),
  referralId: ZIdSchema,
  reason: z.string().nullable(),
  courtRequest: ZCourtRequestSchema.nullable(),
  leadUserId: ZIdSchema.nullable(),
  leadName: z.string().nullable(),
  caseId: ZIdSchema.nullable(),
  presentation: z.object({ summary: z.string().nullable(), axes: z.array(z.string()) }).nullable(),
  sessions: z.array(ZConsultationSessionSchema).nullable(),
  opinions: z.array(ZOpinionSchema),
  /** The people of the referral, for the attendance form (team only). */
  familyMembers: z.array(z.object({ id: ZIdSchema, name: z.string() })).nullable(),
  /** The ethnoclinical team's users, for lead and co-therapists (team only). */
  teamUsers: z.array(z.object({ id: ZIdSchema, name: z.string() })).nullable(),
});
export type TConsultation = z.infer<typeof ZConsultationSchema>;

export const ZOpinionParamsSchema = z.strictObject({ id: ZIdSchema, opinionId: ZIdSchema });
