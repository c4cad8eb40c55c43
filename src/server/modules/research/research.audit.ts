/** The audit actions of this module, added to the platform's vocabulary (platform/audit/audit-events.ts). */
export const RESEARCH_AUDIT_ACTIONS = ['research.exported', 'research.exports_listed'] as const;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<(typeof RESEARCH_AUDIT_ACTIONS)[number], true> {}
}
