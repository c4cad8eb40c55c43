/** The audit actions of this module, added to the platform's vocabulary (platform/audit/audit-events.ts). */
export const AUDIT_TRAIL_AUDIT_ACTIONS = ['audit.searched', 'audit.record_access_viewed'] as const;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<(typeof AUDIT_TRAIL_AUDIT_ACTIONS)[number], true> {}
}
