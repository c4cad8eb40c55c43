/** The audit actions of this module, added to the platform's vocabulary (platform/audit/audit-events.ts). */
export const STRUCTURE_AUDIT_ACTIONS = [
  'district.created',
  'district.updated',
  'municipality.updated',
  'organisation.created',
  'organisation.updated',
  'service.created',
  'service.updated',
] as const;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<(typeof STRUCTURE_AUDIT_ACTIONS)[number], true> {}
}
