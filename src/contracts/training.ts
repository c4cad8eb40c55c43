import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';
import {
  LIMITS as GATHERING_LIMITS,
  PLACE_STATUSES,
  PROFESSIONS,
  ZExternalParticipantSchema,
  ZGatheringSessionSchema,
  ZPlaceSchema,
  ZSessionInputSchema,
} from './gatherings.js';
import { ZTrainingFindingSchema } from './observatory-statistics.js';
import { ZServiceKindSchema } from './structure.js';

/**
 * Training and competence (WP1, WP2, WP3; ADR 0019): a catalogue of courses that cite the
 * observatory's findings, editions held as gatherings (capacity, waiting list, sessions,
 * attendance), hours and certificates anyone can verify.
 */

/** The strands the targets count apart: 97 professionals in ethnoclinical training, 15 in experiential. */
export const STRANDS = [
  'ethnoclinical',
  'legislative',
  'intercultural_communication',
  'experiential',
] as const;
export type TStrand = (typeof STRANDS)[number];

/** Who accredits a course for professional credits. */
export const CREDIT_SCHEMES = ['social_workers_council', 'bar_council', 'ecm'] as const;
export type TCreditScheme = (typeof CREDIT_SCHEMES)[number];

/**
 * Who a body's credits are for: a course accredited by the social workers' council gives credits
 * to social workers, by the bar council to lawyers, ECM to health professions. A certificate
 * shows credits only to a participant of those professions.
 */
export const CREDITED_PROFESSIONS: Record<TCreditScheme, readonly (typeof PROFESSIONS)[number][]> = {
  social_workers_council: ['social_worker'],
  bar_council: ['lawyer'],
  ecm: ['health_worker', 'psychologist'],
};

export const TRAINING_TARGETS = { ethnoclinical: 97, experiential: 15 } as const;

export const TRAINING_LIMITS = {
  title: 200,
  objectives: 4000,
  trainers: 400,
  findings: 20,
  hours: 500,
  credits: 100,
  accreditation: 100,
  revocation: 500,
  bulkCertificates: 2000,
} as const;

export const ZFindingLinkSchema = ZTrainingFindingSchema.pick({ topic: true, subject: true }).extend({
  subject: text({ max: 80 }),
});

export const ZCourseInputSchema = z
  .strictObject({
    title: text({ max: TRAINING_LIMITS.title }),
    strand: z.enum(STRANDS),
    targetServiceKinds: z.array(ZServiceKindSchema).max(20).default([]),
    targetProfessions: z.array(z.enum(PROFESSIONS)).max(20).default([]),
    objectives: multilineText({ max: TRAINING_LIMITS.objectives }),
    // Stored to the hundredth: less than a quarter of an hour is no course (and would round to 0).
    hours: z.number().min(0.25).max(TRAINING_LIMITS.hours),
    trainers: text({ max: TRAINING_LIMITS.trainers }),
    /** The share of an edition's hours a participant must attend for a certificate. */
    attendanceThreshold: z.number().int().min(1).max(100).default(75),
    approvalRequired: z.boolean().default(false),
    creditScheme: z.enum(CREDIT_SCHEMES).nullable().default(null),
    credits: z.number().min(0.1).max(TRAINING_LIMITS.credits).nullable().default(null),
    accreditationRef: text({ max: TRAINING_LIMITS.accreditation }).nullable().default(null),
    /** The observatory findings the course answers (from the training report). */
    findings: z.array(ZFindingLinkSchema).max(TRAINING_LIMITS.findings).default([]),
  })
  .refine((c) => (c.creditScheme === null) === (c.credits === null), {
    message: 'credits and the body that accredits them go together',
    path: ['credits'],
  });
export type TCourseInput = z.infer<typeof ZCourseInputSchema>;

/** A finding the course cites, with the published number it stood on when it was linked. */
export const ZCourseFindingSchema = ZFindingLinkSchema.extend({
  year: z.number().int().nullable(),
  value: z.number().int().nullable(),
  share: z.number().nullable(),
  label: z.object({ it: z.string(), en: z.string() }),
});

export const ZCourseSchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  strand: z.enum(STRANDS),
  targetServiceKinds: z.array(ZServiceKindSchema),
  targetProfessions: z.array(z.enum(PROFESSIONS)),
  objectives: z.string(),
  hours: z.number(),
  trainers: z.string(),
  attendanceThreshold: z.number().int(),
  approvalRequired: z.boolean(),
  creditScheme: z.enum(CREDIT_SCHEMES).nullable(),
  credits: z.number().nullable(),
  accreditationRef: z.string().nullable(),
  findings: z.array(ZCourseFindingSchema),
  serviceName: z.string(),
  /** Whether the viewer manages it (a trainer of the owning service). */
  managed: z.boolean(),
});
export type TCourse = z.infer<typeof ZCourseSchema>;

export const ZEditionInputSchema = z
  .strictObject({
    capacity: z.number().int().min(1).max(GATHERING_LIMITS.capacity),
    registrationOpensAt: z.iso.datetime({ offset: true }),
    registrationClosesAt: z.iso.datetime({ offset: true }),
    /** How long a person promoted from the waiting list has to confirm. */
    confirmWithinHours: z.number().int().min(1).max(240).default(48),
    sessions: z.array(ZSessionInputSchema).min(1).max(GATHERING_LIMITS.sessions),
  })
  .refine((e) => Date.parse(e.registrationClosesAt) > Date.parse(e.registrationOpensAt), {
    message: 'registration must close after it opens',
    path: ['registrationClosesAt'],
  });
export type TEditionInput = z.infer<typeof ZEditionInputSchema>;

export const EDITION_PHASES = ['planned', 'open', 'in_progress', 'finished'] as const;

export const ZEditionSchema = z.object({
  id: ZIdSchema,
  courseId: ZIdSchema,
  courseTitle: z.string(),
  strand: z.enum(STRANDS),
  phase: z.enum(EDITION_PHASES),
  capacity: z.number().int(),
  seatsTaken: z.number().int(),
  waitlisted: z.number().int(),
  registrationOpensAt: z.string(),
  registrationClosesAt: z.string(),
  confirmWithinHours: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  hours: z.number(),
  sessions: z.array(ZGatheringSessionSchema),
  /** The viewer's own place, if any. */
  myPlace: z
    .object({ id: ZIdSchema, status: z.enum(PLACE_STATUSES), offerExpiresAt: z.string().nullable() })
    .nullable(),
  managed: z.boolean(),
});
export type TEdition = z.infer<typeof ZEditionSchema>;

export const ZOwnRequestSchema = z.strictObject({ profession: z.enum(PROFESSIONS) });
export const ZStaffEnrolmentSchema = z.strictObject({ userId: ZIdSchema, profession: z.enum(PROFESSIONS) });
export const ZExternalEnrolmentSchema = ZExternalParticipantSchema;
export const ZPlaceDecisionSchema = z.strictObject({ approve: z.boolean() });

/** A place as its manager sees it (trainer: the edition's; coordinator: their organisation's staff). */
export const ZEditionPlacesSchema = z.object({ places: z.array(ZPlaceSchema) });

/** What an enrolment or external link answers: the place, and an external participant's link once. */
export const ZEnrolmentResultSchema = z.object({
  place: ZPlaceSchema,
  /** An external participant's personal link: shown once, also mailed. */
  personalLink: z.string().nullable(),
});

export const ZMyTrainingSchema = z.object({
  places: z.array(
    z.object({
      placeId: ZIdSchema,
      editionId: ZIdSchema,
      courseTitle: z.string(),
      status: z.enum(PLACE_STATUSES),
      offerExpiresAt: z.string().nullable(),
      startsAt: z.string(),
      endsAt: z.string(),
      attendedHours: z.number(),
      hours: z.number(),
      certificateId: ZIdSchema.nullable(),
    }),
  ),
  /** Whether the person has made a calendar link (its address is shown only when made). */
  hasCalendarLink: z.boolean(),
});
export type TMyTraining = z.infer<typeof ZMyTrainingSchema>;

export const ZCertificateSchema = z.object({
  id: ZIdSchema,
  placeId: ZIdSchema,
  holderName: z.string(),
  courseTitle: z.string(),
  hours: z.number(),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
  creditScheme: z.enum(CREDIT_SCHEMES).nullable(),
  credits: z.number().nullable(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
});
export type TCertificate = z.infer<typeof ZCertificateSchema>;

export const ZBulkIssueResultSchema = z.object({
  issued: z.number().int(),
  alreadyIssued: z.number().int(),
  belowThreshold: z.number().int(),
});
export const ZCalendarLinkSchema = z.object({ url: z.string() });
export const ZRevokeSchema = z.strictObject({ reason: text({ max: TRAINING_LIMITS.revocation }) });
export const ZCertificateQuerySchema = z.strictObject({ lang: z.enum(['it', 'en']).default('it') });

/** The public verification page: only name, course, hours, date, validity. */
export const ZVerificationSchema = z.object({
  holderName: z.string(),
  courseTitle: z.string(),
  hours: z.number(),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
  state: z.enum(['valid', 'revoked', 'expired']),
});
export type TVerification = z.infer<typeof ZVerificationSchema>;
export const ZVerificationParamsSchema = z.strictObject({
  code: z.string().regex(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/),
});

export const ZDashboardQuerySchema = z.strictObject({
  from: isoDate().optional(),
  to: isoDate().optional(),
});

const ZCountRowSchema = z.object({
  key: z.string(),
  label: z.object({ it: z.string(), en: z.string() }),
  count: z.number().int(),
});
export const ZTrainingDashboardSchema = z.object({
  targets: z.array(
    z.object({
      strand: z.enum(['ethnoclinical', 'experiential']),
      target: z.number().int(),
      reached: z.number().int(),
    }),
  ),
  byStrand: z.array(ZCountRowSchema),
  byServiceKind: z.array(ZCountRowSchema),
  byProfession: z.array(ZCountRowSchema),
  byDistrict: z.array(ZCountRowSchema),
  hoursDelivered: z.number(),
  participantHours: z.number(),
  editions: z.number().int(),
  completion: z.object({
    confirmed: z.number().int(),
    completed: z.number().int(),
    rate: z.number().nullable(),
  }),
});
export type TTrainingDashboard = z.infer<typeof ZTrainingDashboardSchema>;
export type TEnrolmentResult = z.infer<typeof ZEnrolmentResultSchema>;

/**
 * Experiential training (WP3): a trainee's field log. An entry names a case only when the trainee
 * is on that case's team (the team took them on); otherwise it holds no identifying data, and the
 * form says so.
 */
export const ZFieldLogInputSchema = z.strictObject({
  entryOn: isoDate(),
  hours: z.number().min(0.25).max(12),
  activity: text({ max: 300 }),
  reflections: multilineText({ max: 4000 }),
  caseId: ZIdSchema.nullable().default(null),
});
export type TFieldLogInput = z.infer<typeof ZFieldLogInputSchema>;
export const ZFieldLogFeedbackSchema = z.strictObject({ feedback: multilineText({ max: 4000 }) });
export const ZFieldLogEntrySchema = z.object({
  id: ZIdSchema,
  traineeName: z.string(),
  entryOn: z.string(),
  hours: z.number(),
  activity: z.string(),
  reflections: z.string(),
  /** The case's code, for its author only; others learn only that a case is linked. */
  caseCode: z.string().nullable(),
  linkedToCase: z.boolean(),
  feedback: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  mine: z.boolean(),
});
export type TFieldLogEntry = z.infer<typeof ZFieldLogEntrySchema>;
export const ZFieldLogSchema = z.object({ entries: z.array(ZFieldLogEntrySchema), totalHours: z.number() });

/** A coordinator's list of their organisation's requests awaiting approval, across editions. */
export const ZApprovalsSchema = z.array(
  z.object({
    editionId: ZIdSchema,
    courseTitle: z.string(),
    startsAt: z.string().nullable(),
    place: ZPlaceSchema,
  }),
);
export type TApprovals = z.infer<typeof ZApprovalsSchema>;
