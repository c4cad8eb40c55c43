import type { AuditLabels } from '../../platform/audit/audit-events.js';

/**
 * The audit actions of this module with the words the DPO reads for them, added to the platform's
 * vocabulary (platform/audit/audit-events.ts).
 */
export const AUDIT_TRAIL_AUDIT_ACTIONS = {
  'audit.searched': { it: 'Ricerca nel registro degli accessi', en: 'Audit trail searched' },
  'audit.record_access_viewed': {
    it: 'Consultato chi ha avuto accesso a un dato',
    en: 'Viewed who accessed a record',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof AUDIT_TRAIL_AUDIT_ACTIONS, true> {}
}
