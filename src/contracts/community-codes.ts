import { z } from 'zod';
import { text } from './common.js';

/**
 * The codes and limits of community engagement (issue 19), shared by the registry's and the
 * events' contracts (`community.ts`, `community-events.ts`) and by the database's checks.
 */

export const HOLDER_KINDS = [
  'volunteer_association',
  'sports_club',
  'foreign_citizens_association',
  'parish',
  'faith_community',
  'school',
  'police',
  'health_service',
  'trade_union',
  'cultural_centre',
  // Employers and social enterprises of autonomy paths (issue 20): organisations, never accounts.
  'employer',
  'social_enterprise',
  'other',
] as const;
export type THolderKind = (typeof HOLDER_KINDS)[number];

export const LEGAL_FORMS = [
  'odv',
  'aps',
  'other_ets',
  'cooperative',
  'public_body',
  'religious_body',
  'informal_group',
  'company',
  'other',
] as const;

/** How many people the holder reaches (members, pupils, faithful). */
export const SIZE_BANDS = ['under_10', '10_49', '50_249', '250_plus'] as const;

/** The taxonomy of information needs (and of opinion leaders' topics, and of events' topics). */
export const NEED_TOPICS = [
  'rights',
  'health',
  'school',
  'housing',
  'work',
  'violence_safety',
  'parenting',
  'documents',
  'language',
  'digital',
  'other',
] as const;
export type TNeedTopic = (typeof NEED_TOPICS)[number];

export const NEED_SOURCES = ['meeting', 'survey', 'contact', 'event'] as const;

export const HOLDER_LINK_KINDS = ['member_of', 'partner_of', 'same_network', 'hosts'] as const;

export const CONSENT_PURPOSES = ['events', 'surveys', 'partnership', 'newsletter'] as const;
export const CONSENT_CHANNELS = ['phone', 'email', 'in_person', 'messaging', 'letter'] as const;

export const ENGAGEMENT_KINDS = ['meeting', 'contact', 'event_coorganised', 'resource_offered'] as const;

export const RESOURCE_KINDS = ['room', 'volunteer_hours', 'money', 'goods', 'services'] as const;
export type TResourceKind = (typeof RESOURCE_KINDS)[number];
/** Who gave a resource: a community holder here; governance adds funders (issue 21). */
export const RESOURCE_SOURCE_KINDS = ['community_holder', 'funder', 'other'] as const;
/** How a resource's value was reckoned (kept with every line, so the total can be checked). */
export const VALUATION_RULES = [
  'cash',
  'market_rent',
  'volunteer_hour_rate',
  'market_price',
  'declared',
] as const;
export const RESOURCE_UNITS = ['hours', 'days', 'euro', 'items'] as const;

export const EVENT_KINDS = ['awareness_meeting', 'workshop', 'citizenship_lab'] as const;
export type TEventKind = (typeof EVENT_KINDS)[number];
/** The targets of the seeds: awareness meetings and workshops together count toward 240, labs toward 200. */
export const EVENT_TARGET_GROUPS = {
  workshops: ['awareness_meeting', 'workshop'],
  labs: ['citizenship_lab'],
} as const;
export const COMMUNITY_TARGETS = { workshops: 240, labs: 200 } as const;

export const EVENT_STATUSES = ['planned', 'cancelled'] as const;

export const PARTICIPANT_KINDS = ['resident', 'professional'] as const;
export type TParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const GENDERS = ['female', 'male', 'other', 'not_said'] as const;
export const AGE_BANDS = ['under_18', '18_29', '30_44', '45_64', '65_plus', 'not_said'] as const;
/** Citizenship groups only (never a nationality on a participant): EU residents are not FAMI's third-country nationals. */
export const CITIZENSHIP_GROUPS = ['italian', 'eu', 'non_eu', 'not_said'] as const;
export const REGISTERED_VIA = ['public_form', 'operator', 'holder', 'walk_in'] as const;

/** The languages of the public pages' fixed text; Arabic and Urdu right to left. */
export const PUBLIC_LANGUAGES = ['it', 'en', 'fr', 'ar', 'sq', 'pa', 'ur', 'ro', 'uk', 'es'] as const;
export type TPublicLanguage = (typeof PUBLIC_LANGUAGES)[number];
export const RTL_LANGUAGES: readonly TPublicLanguage[] = ['ar', 'ur'];

/** A ticket code: eight letters and digits without look-alikes, printed and read aloud. */
export const TICKET_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{8}$/;

export const COMMUNITY_LIMITS = {
  name: 200,
  address: 300,
  phone: 40,
  email: 254,
  website: 300,
  note: 4000,
  summary: 2000,
  languages: 20,
  communities: 30,
  topics: NEED_TOPICS.length,
  holders: 20,
  sessions: 40,
  capacity: 1000,
  headCount: 2000,
  valueCents: 100_000_000_00,
} as const;

/** A phone as typed (normalised by the server); an e-mail (reference people only, never residents). */
export const phoneText = text({ max: COMMUNITY_LIMITS.phone });
export const emailText = z.email().max(COMMUNITY_LIMITS.email);
