import type { AuditLabels } from '../../platform/audit/audit-events.js';

/**
 * The audit actions of this module with the words the DPO reads for them, added to the platform's
 * vocabulary (platform/audit/audit-events.ts).
 */
export const STRUCTURE_AUDIT_ACTIONS = {
  'district.created': { it: 'Ambito creato', en: 'District created' },
  'district.updated': { it: 'Ambito modificato', en: 'District changed' },
  'municipality.updated': { it: 'Comune modificato', en: 'Municipality changed' },
  'organisation.created': { it: 'Ente creato', en: 'Organisation created' },
  'organisation.updated': { it: 'Ente modificato', en: 'Organisation changed' },
  'service.created': { it: 'Servizio creato', en: 'Service created' },
  'service.updated': { it: 'Servizio modificato', en: 'Service changed' },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof STRUCTURE_AUDIT_ACTIONS, true> {}
}
