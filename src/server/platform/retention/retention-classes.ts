/**
 * How long each table's rows are kept, as a class rather than a number per table: the DPO sets the
 * periods per class, and a new module's table is caught by test/guardrails/row-security.int.test.ts
 * the day it has none. The classes are declared here and by each module's descriptor; the schedules
 * that act on them (anonymise, erase, crypto-shred) belong to privacy operations.
 */
export const RETENTION_CLASSES = {
  /** Public reference data (places, languages, services): kept while it is true. */
  reference: 'kept while valid',
  /** Accounts, memberships and role grants: while the account is active, then anonymised. */
  account: 'account life, then anonymised',
  /** Sign-in sessions, throttles, reset tokens, notifications: technical, short-lived. */
  technical: 'days to weeks',
  /** The audit trail and its signed checkpoints: at least 24 months (Garante), append-only. */
  audit: 'at least 24 months',
  /** Access granted for an emergency: kept as long as the audit that explains it. */
  access_grant: 'as the audit trail',
  /** A household's record, referrals, cases and sessions: from the case's closure, then anonymised. */
  case_record: 'years after closure, then anonymised',
  /** Pseudonymous observatory records and their aggregates: statistical, kept as aggregates. */
  statistical: 'records anonymised, aggregates kept',
  /** Studies, research exports and the keys of their pseudonyms: the study's approved duration. */
  research: 'study duration, keys destroyed at its end',
  /** Courses, registrations, attendance and certificates: while a certificate can be verified, then anonymised. */
  training_record: 'certificate validity, then anonymised',
  /** Services delivered and paid for (mediation requests, hours, rates): the accounting period, then anonymised. */
  service_record: 'accounting period, then anonymised',
  /** Community holders' contacts, event registrations and attendance: while the relationship or the project's reporting lasts, then anonymised (counts kept). */
  community_record: 'relationship or reporting period, then anonymised',
  /** The partnership's committees, plan and fundraising: the project's reporting and the funders' audits (public funds: 10 years), then anonymised. */
  partnership_record: 'reporting and funders’ audit period, then anonymised',
} as const;

export type RetentionClass = keyof typeof RETENTION_CLASSES;

/** The platform's own tables. */
export const PLATFORM_RETENTION: Readonly<Record<string, RetentionClass>> = {
  countries: 'reference',
  languages: 'reference',
  districts: 'reference',
  municipalities: 'reference',
  organisations: 'reference',
  services: 'reference',
  users: 'account',
  memberships: 'account',
  recovery_codes: 'account',
  sessions: 'technical',
  auth_throttle: 'technical',
  identity_providers: 'account',
  oidc_logins: 'technical',
  password_reset_tokens: 'technical',
  notifications: 'technical',
  audit_events: 'audit',
  audit_chain_head: 'audit',
  break_glass_grants: 'access_grant',
  pseudonym_keys: 'research',
  idempotency_keys: 'technical',
  mail_deliveries: 'technical',
  export_runs: 'technical',
  audit_retention_cuts: 'audit',
  // Each file carries its own class (stored_files.retention_class), set by its module.
  stored_files: 'case_record',
  file_links: 'technical',
  // Destroyed with the record they encrypt; the row stays to say so.
  record_keys: 'case_record',
};
