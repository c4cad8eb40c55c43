/** The audit actions of this module, added to the platform's vocabulary (platform/audit/audit-events.ts). */
export const CASES_AUDIT_ACTIONS = [
  'household.created',
  'household.read',
  'household.listed',
  'person.created',
  'person.updated',
  'person.safety_read',
  'person.safety_updated',
  'person.at_risk_updated',
  'person.excluded',
  'person.message_planned',
  'person.message_sent',
  'person.message_withheld',
  'consent.created',
  'consent.revoked',
  'referral.created',
  'referral.updated',
  'referral.deleted',
  'referral.sent',
  'referral.consent_override',
  'referral.read',
  'referral.listed',
  'referral.accepted',
  'referral.declined',
  'referral.revoked',
  'referral.closed',
  'case.read',
  'case.listed',
  'case.file_updated',
  'case.plan_submitted',
  'case.plan_approved',
  'case.team_updated',
  'case.closure_requested',
  'case.closed',
  'case.timeline_viewed',
  'session.created',
  'session.read',
  'session.listed',
] as const;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<(typeof CASES_AUDIT_ACTIONS)[number], true> {}
}

/** The records this module's lookups and grants name, and their tables (platform/access/not-found.ts). */
export const CASES_RECORD_TABLES = {
  household: 'households',
  person: 'people',
  consent: 'consents',
  referral: 'referrals',
  case: 'cases',
  session: 'case_sessions',
} as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof CASES_RECORD_TABLES, true> {}
}
