import type { FieldClass } from '../../platform/access/field-classes.js';
import type { RetentionClass } from '../../platform/retention/retention-classes.js';

/** Every column of the module's tables, classed (platform/access/field-classes.ts says what each class means). */
export const OBSERVATORY_FIELD_CLASSES: Record<string, Record<string, FieldClass>> = {
  // Anonymous incidents (modules/observatory): pseudonymous, still GDPR art. 9 data about violence.
  incidents: {
    id: 'internal',
    service_id: 'internal',
    created_by: 'internal',
    status: 'internal',
    import_key: 'internal',
    // Keyed hash of a register number: a pseudonym is still personal data (GDPR recital 26).
    survivor_code: 'identifying',
    birth_year: 'identifying',
    municipality: 'identifying',
    district_id: 'internal',
    age: 'identifying',
    incident_month: 'special',
    age_band: 'special',
    gender: 'special',
    citizenship: 'special',
    citizenship_group: 'special',
    years_in_italy: 'special',
    language: 'special',
    disability: 'special',
    interpreter_needed: 'special',
    interpreter_used: 'special',
    core_type: 'special',
    non_gbv_reason: 'special',
    forms: 'special',
    stalking: 'special',
    children_present: 'special',
    children_witnessed: 'special',
    author_relationship: 'special',
    author_addictions: 'special',
    author_previous_complaints: 'special',
    protection_orders: 'special',
    risk_indicators: 'special',
    risk_assessment: 'special',
    harmful_practice: 'special',
    harmful_practice_type: 'special',
    money_exchanged: 'special',
    abduction: 'special',
    contexts: 'special',
    first_contact: 'special',
    sought_help_from: 'special',
    referred_by: 'special',
    referred_by_services: 'special',
    referred_to: 'special',
    services_provided: 'special',
    consent_reporting: 'special',
    created_at: 'internal',
    updated_at: 'internal',
  },
  // Survivor codes by year, for counting people: never read by the application role.
  observatory_survivor_years: {
    service_id: 'internal',
    survivor_code: 'identifying',
    year: 'internal',
    istat_age_class: 'special',
    gender: 'special',
  },
  // Raw counts: they leave the server only through platform/disclosure.
  incident_counts: {
    year: 'internal',
    table_key: 'internal',
    row_category: 'internal',
    column_category: 'internal',
    count: 'special',
  },
};

/** How long each table is kept (platform/retention/retention-classes.ts). */
export const OBSERVATORY_RETENTION: Readonly<Record<string, RetentionClass>> = {
  incidents: 'statistical',
  incident_counts: 'statistical',
  observatory_survivor_years: 'statistical',
};
