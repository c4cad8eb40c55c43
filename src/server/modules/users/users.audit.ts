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

/** The records this module's lookups name, and their tables (platform/access/not-found.ts). */
export const USERS_RECORD_TABLES = { role_grant: 'role_grants' } as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof USERS_RECORD_TABLES, true> {}
}
