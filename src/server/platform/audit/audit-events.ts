/**
 * The typed audit vocabulary. An event names an action from this list; adding one is a reviewed
 * change, so the DPO's filters and the retention rules always know every kind of event.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.lockout_started',
  'auth.logout',
  'auth.mfa_verified',
  'auth.mfa_failed',
  'auth.mfa_enrolled',
  'auth.recovery_code_used',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.password_changed',
  'auth.step_up',
  'auth.step_up_failed',
  'auth.membership_switched',
  'session.expired',
  'session.revoked',
  'access.denied',
  'break_glass.granted',
  'user.created',
  'user.updated',
  'user.read',
  'user.sessions_listed',
  'membership.created',
  'membership.deleted',
  'membership.requested',
  'membership.approved',
  'membership.rejected',
  'membership.cancelled',
  'membership.grants_listed',
  'district.created',
  'district.updated',
  'municipality.updated',
  'organisation.created',
  'organisation.updated',
  'service.created',
  'service.updated',
  'audit.searched',
  'audit.record_access_viewed',
  'incident.created',
  'incident.updated',
  'incident.deleted',
  'incident.read',
  'incident.listed',
  'incident.imported',
  'observatory.statistics_viewed',
  'observatory.statistics_exported',
  'observatory.training_report_viewed',
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
  'research.exported',
  'research.exports_listed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** Who did it: taken from the request's access context, or named for system and pre-login events. */
export interface AuditActor {
  userId: string | null;
  username: string | null;
  role: string | null;
  serviceId: string | null;
  clientIp: string | null;
}

export interface AuditEvent {
  action: AuditAction;
  outcome?: AuditOutcome;
  recordType?: string;
  recordId?: string;
  purpose?: string;
  /** Never a sensitive value: ids, field names, counts (ASVS 16.2.5). */
  details?: Record<string, unknown>;
}
