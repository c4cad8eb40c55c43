/** The audit actions of this module, added to the platform's vocabulary (platform/audit/audit-events.ts). */
export const RESEARCH_AUDIT_ACTIONS = ['research.exported', 'research.exports_listed'] as const;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<(typeof RESEARCH_AUDIT_ACTIONS)[number], true> {}
}

/** The records this module's lookups and grants name, and their tables (platform/access/not-found.ts). */
export const RESEARCH_RECORD_TABLES = { study: 'studies' } as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof RESEARCH_RECORD_TABLES, true> {}
}
