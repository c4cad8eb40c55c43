import type { AuditLabels } from '../../platform/audit/audit-events.js';

export const IMPACT_AUDIT_ACTIONS = {
  'impact.dashboard_read': {
    it: 'Cruscotto dell’impatto del progetto consultato',
    en: 'Project impact dashboard read',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof IMPACT_AUDIT_ACTIONS, true> {}
}
