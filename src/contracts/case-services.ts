import { z } from 'zod';
import { isoDate, multilineText, text, ZIdSchema } from './common.js';

/**
 * Services delivered to a case, follow-ups, and sessions as they happened (issue 22, items 3-4).
 *
 * The service types are a subset of the national list of social services (CISIS/ISTAT
 * "nomenclatore degli interventi e servizi sociali"): the code is the nomenclatore's, the words
 * are what people read.
 */
export const SERVICE_TYPES = [
  { code: 'a1', it: 'Segretariato sociale', en: 'Social information and guidance' },
  { code: 'a2', it: 'Servizio sociale professionale', en: 'Professional social work' },
  { code: 'a3', it: 'Interventi per l’integrazione sociale', en: 'Social inclusion support' },
  { code: 'b1', it: 'Mediazione culturale', en: 'Cultural mediation' },
  { code: 'b2', it: 'Mediazione familiare', en: 'Family mediation' },
  { code: 'b3', it: 'Sostegno socio-educativo scolastico', en: 'Educational support at school' },
  { code: 'b4', it: 'Sostegno socio-educativo territoriale', en: 'Community educational support' },
  { code: 'b5', it: 'Assistenza domiciliare socio-assistenziale', en: 'Home care' },
  { code: 'b6', it: 'Sostegno alla genitorialità', en: 'Parenting support' },
  { code: 'b7', it: 'Affido familiare', en: 'Foster care' },
  { code: 'b8', it: 'Supporto all’inserimento lavorativo', en: 'Job placement support' },
  { code: 'b9', it: 'Servizio di consulenza psicologica', en: 'Psychological counselling' },
  { code: 'c1', it: 'Centro antiviolenza', en: 'Anti-violence centre' },
  { code: 'c2', it: 'Pronto intervento sociale', en: 'Social emergency service' },
  { code: 'c3', it: 'Centro diurno per minori', en: 'Day centre for children' },
  { code: 'c4', it: 'Ludoteca e spazio gioco', en: 'Play centre' },
  { code: 'd1', it: 'Contributi economici', en: 'Cash benefits' },
  { code: 'd2', it: 'Contributi per l’alloggio', en: 'Housing benefits' },
  { code: 'e1', it: 'Comunità educativa per minori', en: 'Residential community for children' },
  { code: 'e2', it: 'Casa rifugio', en: 'Shelter' },
  { code: 'e3', it: 'Comunità mamma-bambino', en: 'Mother and child community' },
] as const;
export const SERVICE_TYPE_CODES = SERVICE_TYPES.map((t) => t.code) as [
  (typeof SERVICE_TYPES)[number]['code'],
  ...(typeof SERVICE_TYPES)[number]['code'][],
];
export const SERVICE_STATUSES = ['planned', 'active', 'suspended', 'ended'] as const;
export const SERVICE_NOTE_MAX = 2000;
export const PROVIDER_NAME_MAX = 200;
export const FOLLOWUP_WHAT_MAX = 500;
export const FOLLOWUP_OUTCOME_MAX = 2000;
/** A follow-up shows on the assignee's Home from this many days before it is due. */
export const FOLLOWUP_DUE_SOON_DAYS = 7;

export const ZCaseServiceCreateSchema = z
  .strictObject({
    type: z.enum(SERVICE_TYPE_CODES),
    personId: ZIdSchema.nullable().optional(),
    /** A member of the team, or the name of an outside organisation (one of the two). */
    providerUserId: ZIdSchema.nullable().optional(),
    providerOrganisation: text({ max: PROVIDER_NAME_MAX }).nullable().optional(),
    startedOn: isoDate(),
    endedOn: isoDate().nullable().optional(),
    hours: z.number().int().min(0).max(10_000).nullable().optional(),
    status: z.enum(SERVICE_STATUSES).default('active'),
    note: multilineText({ max: SERVICE_NOTE_MAX }).nullable().optional(),
  })
  .refine((v) => !v.endedOn || v.endedOn >= v.startedOn, {
    path: ['endedOn'],
    message: 'the end comes after the start',
  });
export type TCaseServiceCreate = z.input<typeof ZCaseServiceCreateSchema>;

export const ZCaseServiceUpdateSchema = z.strictObject({
  status: z.enum(SERVICE_STATUSES),
  endedOn: isoDate().nullable().optional(),
  hours: z.number().int().min(0).max(10_000).nullable().optional(),
});

export const ZCaseServiceSchema = z.object({
  id: ZIdSchema,
  type: z.enum(SERVICE_TYPE_CODES),
  person: z.object({ id: ZIdSchema, givenName: z.string() }).nullable(),
  provider: z.object({ userId: ZIdSchema.nullable(), name: z.string() }),
  startedOn: z.iso.date(),
  endedOn: z.iso.date().nullable(),
  hours: z.number().int().nullable(),
  status: z.enum(SERVICE_STATUSES),
  note: z.string().nullable(),
});
export type TCaseService = z.infer<typeof ZCaseServiceSchema>;

export const ZFollowupCreateSchema = z.strictObject({
  what: text({ max: FOLLOWUP_WHAT_MAX }),
  dueOn: isoDate(),
  assignedTo: ZIdSchema,
  serviceId: ZIdSchema.nullable().optional(),
});
export const ZFollowupDoneSchema = z.strictObject({
  outcome: multilineText({ max: FOLLOWUP_OUTCOME_MAX }).nullable().optional(),
});

export const ZFollowupSchema = z.object({
  id: ZIdSchema,
  what: z.string(),
  dueOn: z.iso.date(),
  serviceId: ZIdSchema.nullable(),
  assignedTo: z.object({ id: ZIdSchema, displayName: z.string() }),
  doneAt: z.iso.datetime().nullable(),
  doneBy: z.string().nullable(),
  outcome: z.string().nullable(),
});
export type TFollowup = z.infer<typeof ZFollowupSchema>;

/** The tab: services, follow-ups, and who of the team may provide or be assigned. */
export const ZCaseServicesViewSchema = z.object({
  services: z.array(ZCaseServiceSchema),
  followups: z.array(ZFollowupSchema),
  team: z.array(z.object({ id: ZIdSchema, displayName: z.string() })),
  canWrite: z.boolean(),
});
export type TCaseServicesView = z.infer<typeof ZCaseServicesViewSchema>;

// Sessions as they happened (item 4).

export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled', 'missed'] as const;
export const SESSION_REASON_MAX = 500;
export const ZSessionStatusChangeSchema = z
  .strictObject({
    status: z.enum(SESSION_STATUSES),
    reason: text({ max: SESSION_REASON_MAX }).nullable().optional(),
  })
  .refine((v) => !(v.status === 'cancelled' || v.status === 'missed') || !!v.reason, {
    path: ['reason'],
    message: 'a reason is needed for a cancelled or missed session',
  });

export const OUTSIDE_ROLES = [
  'referring_professional',
  'teacher',
  'first_line_worker',
  'health_professional',
  'interpreter',
  /** A researcher of a research service, only for families whose research consent is in force. */
  'researcher',
  'other',
] as const;
export const OUTSIDE_NAME_MAX = 200;
export const ZOutsideParticipantCreateSchema = z.strictObject({
  role: z.enum(OUTSIDE_ROLES),
  /**
   * The referring social worker (the referral's sender), or a researcher offered by `researchers`:
   * recorded as users, never given the case.
   */
  userId: ZIdSchema.nullable().optional(),
  name: text({ max: OUTSIDE_NAME_MAX }).nullable().optional(),
  organisation: text({ max: OUTSIDE_NAME_MAX }).nullable().optional(),
});
export const ZOutsideParticipantSchema = z.object({
  id: ZIdSchema,
  role: z.enum(OUTSIDE_ROLES),
  name: z.string(),
  organisation: z.string().nullable(),
});

export const NOTE_EDIT_MAX = 20_000;
/** The sealed note sections (as in cases.ts, which imports this file). */
const ZNoteSectionSchema = z.enum(['psychological', 'social', 'mediation']);
export const ZSessionNoteEditSchema = z.strictObject({
  section: ZNoteSectionSchema,
  body: multilineText({ max: NOTE_EDIT_MAX }),
});

/** What the session page adds: status, outside participants, earlier versions of the notes one may read. */
export const ZSessionPracticeSchema = z.object({
  status: z.enum(SESSION_STATUSES),
  statusReason: z.string().nullable(),
  heldAt: z.iso.datetime().nullable(),
  outsideParticipants: z.array(ZOutsideParticipantSchema),
  /** The referring social worker, offered as an outside participant (never given the case). */
  referrer: z.object({ id: ZIdSchema, displayName: z.string() }).nullable(),
  /** Researchers who may take part: only when every person of the case has a research consent in force. */
  researchers: z.array(z.object({ id: ZIdSchema, displayName: z.string() })),
  noteHistory: z.array(
    z.object({
      section: ZNoteSectionSchema,
      body: z.string(),
      editedBy: z.string(),
      editedAt: z.iso.datetime(),
    }),
  ),
  canWrite: z.boolean(),
});
export type TSessionPractice = z.infer<typeof ZSessionPracticeSchema>;

// ---- Researchers in sessions (issue 22, item 4) ----------------------------------------------

export const RESEARCH_NOTE_MAX = 20_000;
export const ZResearchNoteInputSchema = z.strictObject({ body: multilineText({ max: RESEARCH_NOTE_MAX }) });

/** A session a researcher took part in, as the researcher sees it: no name, the case by its research code. */
export const ZResearchSessionSchema = z.object({
  id: ZIdSchema,
  caseCode: z.string(),
  kind: z.string(),
  startsAt: z.iso.datetime(),
  status: z.enum(SESSION_STATUSES),
  /** The researcher's own notes, already pseudonymised: the family's names are replaced by codes. */
  notes: z.array(z.object({ id: ZIdSchema, body: z.string(), writtenAt: z.iso.datetime() })),
  /** Whether a note may still be written: the family's research consent is still in force. */
  canWrite: z.boolean(),
});
export type TResearchSession = z.infer<typeof ZResearchSessionSchema>;
