import type { AuditLabels } from '../../platform/audit/audit-events.js';

/** The audit actions of this module with the words the DPO reads for them. */
export const IDENTITY_PROVIDERS_AUDIT_ACTIONS = {
  'identity_provider.created': {
    it: "Servizio di accesso dell'ente registrato",
    en: "Organisation's identity provider registered",
  },
  'identity_provider.updated': {
    it: "Servizio di accesso dell'ente modificato",
    en: "Organisation's identity provider changed",
  },
  'identity_provider.approved': {
    it: "Servizio di accesso dell'ente approvato da una seconda persona",
    en: "Organisation's identity provider approved by a second person",
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof IDENTITY_PROVIDERS_AUDIT_ACTIONS, true> {}
}

/** The records this module's lookups name, and their tables (platform/access/not-found.ts). */
export const IDENTITY_PROVIDERS_RECORD_TABLES = { identity_provider: 'identity_providers' } as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof IDENTITY_PROVIDERS_RECORD_TABLES, true> {}
}
