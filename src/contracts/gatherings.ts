import { z } from 'zod';
import { text, ZIdSchema } from './common.js';

/**
 * Gatherings: what training editions, community events, committee meetings and conferences share
 * (ADR 0019) — a capacity with a waiting list, registrations of people with or without a Trama
 * account, sessions in a calendar, attendance and check-in. Training owns the piece; the modules
 * that hold a gathering add their own record beside it.
 */

/**
 * Where a registration stands. A place is held (counted against the capacity) while it is
 * awaiting approval, offered or confirmed; a waiting registration holds none.
 */
export const PLACE_STATUSES = [
  'awaiting_approval',
  'confirmed',
  'waitlisted',
  'offered',
  'cancelled',
  'refused',
  'lapsed',
] as const;
export type TPlaceStatus = (typeof PLACE_STATUSES)[number];
export const SEAT_HOLDING_STATUSES: readonly TPlaceStatus[] = ['awaiting_approval', 'offered', 'confirmed'];

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export type TAttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
/** The statuses whose session hours count towards a participant's hours. */
export const ATTENDED_STATUSES: readonly TAttendanceStatus[] = ['present', 'late'];

/** How an attendance was taken: by the trainer, by a scan, copied from a signed sheet, or ticked by an event's organiser. */
export const ATTENDANCE_SOURCES = ['trainer', 'qr', 'signature_sheet', 'organiser'] as const;
export type TAttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/** The professions a participant declares (the dashboard counts professionals by them). */
export const PROFESSIONS = [
  'social_worker',
  'educator',
  'psychologist',
  'health_worker',
  'lawyer',
  'teacher',
  'police',
  'judiciary',
  'school_office',
  'mediator',
  'reception_worker',
  'other',
] as const;
export type TProfession = (typeof PROFESSIONS)[number];

/** How long one check-in code shows before the next (the QR on the trainer's screen rotates). */
export const CHECKIN_CODE_SECONDS = 20;
/** A scan is accepted from this many minutes before a session starts until it ends. */
export const CHECKIN_OPENS_MINUTES_BEFORE = 15;
/** A scan later than this many minutes after the start records the participant as late. */
export const LATE_AFTER_MINUTES = 15;

export const LIMITS = {
  place: 200,
  link: 500,
  name: 120,
  organisation: 200,
  email: 254,
  capacity: 1000,
  sessions: 60,
} as const;

export const ZSessionInputSchema = z
  .strictObject({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    place: text({ max: LIMITS.place }).nullable().default(null),
    onlineLink: z
      .url({ protocol: /^https$/ })
      .max(LIMITS.link)
      .nullable()
      .default(null),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    message: 'the end must come after the start',
    path: ['endsAt'],
  })
  .refine((s) => Date.parse(s.endsAt) - Date.parse(s.startsAt) <= 12 * 3600_000, {
    message: 'a session lasts at most 12 hours',
    path: ['endsAt'],
  });
export type TSessionInput = z.infer<typeof ZSessionInputSchema>;

export const ZGatheringSessionSchema = z.object({
  id: ZIdSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  onlineLink: z.string().nullable(),
  hours: z.number(),
});
export type TGatheringSession = z.infer<typeof ZGatheringSessionSchema>;

/** An external participant (a lawyer, an officer, a teacher without a Trama account). */
export const ZExternalParticipantSchema = z.strictObject({
  name: text({ max: LIMITS.name }),
  organisation: text({ max: LIMITS.organisation }),
  profession: z.enum(PROFESSIONS),
  email: z.email().max(LIMITS.email),
});
export type TExternalParticipant = z.infer<typeof ZExternalParticipantSchema>;

export const ZPlaceSchema = z.object({
  id: ZIdSchema,
  participantName: z.string(),
  organisation: z.string().nullable(),
  profession: z.enum(PROFESSIONS),
  external: z.boolean(),
  status: z.enum(PLACE_STATUSES),
  /** Position on the waiting list (1 = next), only while waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  offerExpiresAt: z.string().nullable(),
  requestedAt: z.string(),
  attendedHours: z.number(),
});
export type TPlace = z.infer<typeof ZPlaceSchema>;

export const ZAttendanceMarkSchema = z.strictObject({
  placeId: ZIdSchema,
  status: z.enum(ATTENDANCE_STATUSES),
});
export const ZAttendanceInputSchema = z.strictObject({
  marks: z.array(ZAttendanceMarkSchema).min(1).max(LIMITS.capacity),
  source: z.enum(['trainer', 'signature_sheet']).default('trainer'),
});
export type TAttendanceInput = z.infer<typeof ZAttendanceInputSchema>;

export const ZAttendanceRowSchema = z.object({
  placeId: ZIdSchema,
  participantName: z.string(),
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  source: z.enum(ATTENDANCE_SOURCES).nullable(),
  recordedAt: z.string().nullable(),
});
export type TAttendanceRow = z.infer<typeof ZAttendanceRowSchema>;

/** What the trainer's screen shows: the current code and when the next replaces it. */
export const ZCheckinCodeSchema = z.object({
  sessionId: ZIdSchema,
  code: z.string(),
  /** The address the QR encodes (the web app's check-in page with the code). */
  url: z.string(),
  /** The QR as an SVG image. */
  qrSvg: z.string(),
  validUntil: z.string(),
  checkedIn: z.number().int(),
  confirmed: z.number().int(),
});
export type TCheckinCode = z.infer<typeof ZCheckinCodeSchema>;

/** A signed-in participant's scan of the code on the trainer's screen. */
export const ZCheckinSchema = z.strictObject({
  code: z.string().trim().min(1).max(40),
});
/** An external participant's scan, sent from the page their personal link opens. */
export const ZPersonalCheckinSchema = z.strictObject({
  sessionId: ZIdSchema,
  code: z.string().trim().min(1).max(40),
});
export const ZCheckinResultSchema = z.object({
  status: z.enum(ATTENDANCE_STATUSES),
  title: z.string(),
  startsAt: z.string(),
});

/** An external participant's personal page (reached by their link, no login). */
export const ZPersonalPageSchema = z.object({
  participantName: z.string(),
  title: z.string(),
  status: z.enum(PLACE_STATUSES),
  linkExpiresAt: z.string(),
  sessions: z.array(ZGatheringSessionSchema),
  attendedHours: z.number(),
  calendarUrl: z.string(),
});
export type TPersonalPage = z.infer<typeof ZPersonalPageSchema>;
export const ZPersonalTokenParamsSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
});
