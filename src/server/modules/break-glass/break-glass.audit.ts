import type { AuditLabels } from '../../platform/audit/audit-events.js';

/**
 * The audit actions of this module with the words the DPO reads for them, added to the platform's
 * vocabulary (platform/audit/audit-events.ts).
 */
export const BREAK_GLASS_AUDIT_ACTIONS = {
  'break_glass.granted': { it: 'Accesso di emergenza aperto', en: 'Emergency access opened' },
  'break_glass.reviewed': { it: 'Accesso di emergenza esaminato', en: 'Emergency access reviewed' },
  'break_glass.listed': {
    it: 'Elenco degli accessi di emergenza consultato',
    en: 'Emergency accesses listed',
  },
  'break_glass.revoked': {
    it: 'Accesso di emergenza chiuso in anticipo',
    en: 'Emergency access closed early',
  },
  'break_glass.ended': { it: 'Accesso di emergenza terminato', en: 'Emergency access ended' },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof BREAK_GLASS_AUDIT_ACTIONS, true> {}
}
