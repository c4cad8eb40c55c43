/** The audit actions of this module, added to the platform's vocabulary (platform/audit/audit-events.ts). */
export const OBSERVATORY_AUDIT_ACTIONS = [
  'incident.created',
  'incident.updated',
  'incident.deleted',
  'incident.read',
  'incident.listed',
  'incident.imported',
  'observatory.statistics_viewed',
  'observatory.statistics_exported',
  'observatory.training_report_viewed',
] as const;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<(typeof OBSERVATORY_AUDIT_ACTIONS)[number], true> {}
}

/** The records this module's lookups and grants name, and their tables (platform/access/not-found.ts). */
export const OBSERVATORY_RECORD_TABLES = { incident: 'incidents' } as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof OBSERVATORY_RECORD_TABLES, true> {}
}
