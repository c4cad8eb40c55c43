import type { AuditLabels } from '../../platform/audit/audit-events.js';

/**
 * The audit actions of this module with the words the DPO reads for them, added to the platform's
 * vocabulary (platform/audit/audit-events.ts).
 */
export const OBSERVATORY_AUDIT_ACTIONS = {
  'incident.created': { it: 'Episodio registrato', en: 'Incident recorded' },
  'incident.updated': { it: 'Episodio modificato', en: 'Incident changed' },
  'incident.deleted': { it: 'Bozza di episodio eliminata', en: 'Draft incident deleted' },
  'incident.read': { it: 'Episodio consultato', en: 'Incident viewed' },
  'incident.listed': { it: 'Elenco degli episodi consultato', en: 'Incident list viewed' },
  'incident.imported': { it: 'Registro degli episodi importato', en: 'Incident register imported' },
  'observatory.statistics_viewed': {
    it: "Statistiche dell'osservatorio consultate",
    en: 'Observatory statistics viewed',
  },
  'observatory.statistics_exported': {
    it: "Statistiche dell'osservatorio esportate",
    en: 'Observatory statistics exported',
  },
  'observatory.training_report_viewed': {
    it: 'Rapporto sui fabbisogni formativi consultato',
    en: 'Training-needs report viewed',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof OBSERVATORY_AUDIT_ACTIONS, true> {}
}

/** The records this module's lookups and grants name, and their tables (platform/access/not-found.ts). */
export const OBSERVATORY_RECORD_TABLES = { incident: 'incidents' } as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof OBSERVATORY_RECORD_TABLES, true> {}
}
