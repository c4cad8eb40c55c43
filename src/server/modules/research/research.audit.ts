import type { AuditLabels } from '../../platform/audit/audit-events.js';

/**
 * The audit actions of this module with the words the DPO reads for them, added to the platform's
 * vocabulary (platform/audit/audit-events.ts).
 */
export const RESEARCH_AUDIT_ACTIONS = {
  'research.exported': { it: 'Dati per la ricerca esportati', en: 'Research data exported' },
  'research.exports_listed': {
    it: 'Elenco delle esportazioni per la ricerca consultato',
    en: 'Research exports listed',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof RESEARCH_AUDIT_ACTIONS, true> {}
}

/** The records this module's lookups and grants name, and their tables (platform/access/not-found.ts). */
export const RESEARCH_RECORD_TABLES = { study: 'studies' } as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof RESEARCH_RECORD_TABLES, true> {}
}
