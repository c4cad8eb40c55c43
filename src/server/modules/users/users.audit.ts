/** The audit actions of this module, added to the platform's vocabulary (platform/audit/audit-events.ts). */
export const USERS_AUDIT_ACTIONS = [
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
] as const;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<(typeof USERS_AUDIT_ACTIONS)[number], true> {}
}
