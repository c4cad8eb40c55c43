import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { districts, municipalities, services, users } from '../../platform/tenancy/tenancy.sql.js';

/**
 * Anonymous incident records. There is no column that can hold a name, an address, a phone or a
 * codice fiscale; the survivor code is a keyed hash of the service's register number. Code-list
 * values are checked by the API schema (src/contracts/observatory.ts) and kept as text so the
 * SQL, the exports and the docs read the same words.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull(),
    /** For idempotent import: a hash of the imported row, unique within the service. */
    importKey: text('import_key'),
    survivorCode: text('survivor_code'),
    incidentMonth: text('incident_month'),
    /** Age at the incident, when the practitioner knows it; else the birth year. */
    age: smallint('age'),
    ageBand: text('age_band'),
    birthYear: smallint('birth_year'),
    gender: text('gender'),
    citizenship: text('citizenship'),
    citizenshipGroup: text('citizenship_group').notNull().default('unknown'),
    yearsInItaly: text('years_in_italy'),
    language: text('language'),
    disability: text('disability'),
    interpreterNeeded: boolean('interpreter_needed'),
    interpreterUsed: boolean('interpreter_used'),
    municipality: text('municipality').references(() => municipalities.istatCode),
    districtId: uuid('district_id').references(() => districts.id),
    coreType: text('core_type'),
    nonGbvReason: text('non_gbv_reason'),
    forms: text('forms').array().notNull().default(sql`'{}'`),
    stalking: boolean('stalking').notNull().default(false),
    childrenPresent: boolean('children_present').notNull().default(false),
    childrenWitnessed: boolean('children_witnessed').notNull().default(false),
    authorRelationship: text('author_relationship'),
    authorAddictions: text('author_addictions').array().notNull().default(sql`'{}'`),
    authorPreviousComplaints: text('author_previous_complaints'),
    protectionOrders: text('protection_orders').array().notNull().default(sql`'{}'`),
    /** The old single list of risk indicators, kept as recorded; carried into `risk_assessment`. */
    riskIndicators: text('risk_indicators').array().notNull().default(sql`'{}'`),
    /** { factor: { now, past } }, each present / possible / absent (contracts: ZRiskAssessmentSchema). */
    riskAssessment: jsonb('risk_assessment').notNull().default(sql`'{}'::jsonb`),
    harmfulPractice: boolean('harmful_practice').notNull().default(false),
    harmfulPracticeType: text('harmful_practice_type'),
    moneyExchanged: text('money_exchanged'),
    abduction: text('abduction'),
    contexts: text('contexts').array().notNull().default(sql`'{}'`),
    /**
     * The old single "first contact" answer, kept as it was recorded: migration 0025 carried what
     * it could into `sought_help_from`; nothing writes it any more.
     */
    firstContact: text('first_contact'),
    soughtHelpFrom: text('sought_help_from').array().notNull().default(sql`'{}'`),
    referredBy: text('referred_by').array().notNull().default(sql`'{}'`),
    referredByServices: text('referred_by_services').array().notNull().default(sql`'{}'`),
    referredTo: text('referred_to').array().notNull().default(sql`'{}'`),
    servicesProvided: text('services_provided').array().notNull().default(sql`'{}'`),
    consentReporting: boolean('consent_reporting').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('incidents_service_idx').on(t.serviceId, t.updatedAt),
    // A service's incidents in id order: the export reads them in pages by key (platform/exports).
    index('incidents_service_id_idx').on(t.serviceId, t.id),
    // The survivors a write touches are recomputed from their incidents (migration 0024).
    index('incidents_survivor_idx').on(t.serviceId, t.survivorCode),
    unique('incidents_import_key_unique').on(t.serviceId, t.importKey),
    check('incidents_status_check', sql`${t.status} in ('draft', 'recorded')`),
    check(
      'incidents_recorded_complete',
      sql`${t.status} = 'draft' or (${t.incidentMonth} is not null and ${t.coreType} is not null
        and ${t.ageBand} is not null and ${t.survivorCode} is not null)`,
    ),
  ],
);

/**
 * Counts per published table, kept by statement triggers on incidents (migration
 * 0003_observatory_rls): only recorded incidents with consent to be counted enter. The dashboard
 * reads these few thousand rows instead of scanning every incident (docs/adr/0007). Raw counts:
 * they leave the server only through platform/disclosure.
 */
export const incidentCounts = pgTable(
  'incident_counts',
  {
    year: smallint('year').notNull(),
    tableKey: text('table_key').notNull(),
    rowCategory: text('row_category').notNull(),
    columnCategory: text('column_category').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.tableKey, t.rowCategory, t.columnCategory] })],
);

/**
 * One row per survivor, service and year with at least one counted incident (recorded, with
 * consent, one of the six types): ISTAT's unit is the woman, not the incident. Kept by a statement
 * trigger on incidents (migration 0024), which recomputes the touched survivors; a trigger on this
 * table keeps the `survivors` counts. Survivor codes are per service, so a person followed by two
 * services is counted by each. Out of the application role's reach: only counts leave.
 */
export const observatorySurvivorYears = pgTable(
  'observatory_survivor_years',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    survivorCode: text('survivor_code').notNull(),
    year: smallint('year').notNull(),
    /** From her first counted incident of the year. */
    istatAgeClass: text('istat_age_class').notNull(),
    gender: text('gender').notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.survivorCode, t.year] })],
);
