import type { AuditLabels } from '../../platform/audit/audit-events.js';

/**
 * The audit actions of this module with the words the DPO reads for them, added to the platform's
 * vocabulary (platform/audit/audit-events.ts).
 */
export const USERS_AUDIT_ACTIONS = {
  'user.created': { it: 'Utente creato', en: 'User created' },
  'user.updated': { it: 'Utente modificato', en: 'User changed' },
  'user.read': { it: 'Scheda utente consultata', en: 'User record viewed' },
  'user.sessions_listed': { it: "Sessioni dell'utente consultate", en: "User's sessions viewed" },
  'membership.created': { it: 'Ruolo assegnato', en: 'Role assigned' },
  'membership.deleted': { it: 'Ruolo tolto', en: 'Role removed' },
  'membership.requested': { it: 'Assegnazione di un ruolo richiesta', en: 'Role assignment requested' },
  'membership.approved': { it: 'Assegnazione di un ruolo approvata', en: 'Role assignment approved' },
  'membership.rejected': { it: 'Assegnazione di un ruolo respinta', en: 'Role assignment turned down' },
  'membership.cancelled': { it: 'Richiesta di ruolo annullata', en: 'Role request cancelled' },
  'membership.grants_listed': { it: 'Richieste di ruolo consultate', en: 'Role requests viewed' },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof USERS_AUDIT_ACTIONS, true> {}
}

/** The records this module's lookups name, and their tables (platform/access/not-found.ts). */
export const USERS_RECORD_TABLES = { role_grant: 'role_grants' } as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof USERS_RECORD_TABLES, true> {}
}
