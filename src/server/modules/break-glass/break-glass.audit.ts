/** The audit actions of this module, added to the platform's vocabulary (platform/audit/audit-events.ts). */
export const BREAK_GLASS_AUDIT_ACTIONS = [
  'break_glass.granted',
  'break_glass.reviewed',
  'break_glass.listed',
  'break_glass.revoked',
  'break_glass.ended',
] as const;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<(typeof BREAK_GLASS_AUDIT_ACTIONS)[number], true> {}
}
