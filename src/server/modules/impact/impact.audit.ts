import type { AuditLabels } from '../../platform/audit/audit-events.js';

export const IMPACT_AUDIT_ACTIONS = {
  'impact.dashboard_read': {
    it: 'Cruscotto dell’impatto del progetto consultato',
    en: 'Project impact dashboard read',
  },
  'impact.periods_read': {
    it: 'Periodi di rendicontazione e rapporti consultati',
    en: 'Reporting periods and reports read',
  },
  'impact.period_submitted': {
    it: 'Periodo di rendicontazione inviato per l’approvazione',
    en: 'Reporting period submitted for approval',
  },
  'impact.period_returned': {
    it: 'Periodo di rendicontazione restituito dalla presidenza della cabina di regia',
    en: 'Reporting period returned by the steering committee’s chair',
  },
  'impact.period_locked': {
    it: 'Periodo di rendicontazione approvato e chiuso (valori congelati)',
    en: 'Reporting period approved and locked (values frozen)',
  },
  'impact.period_unlocked': {
    it: 'Periodo di rendicontazione riaperto',
    en: 'Reporting period unlocked',
  },
  'impact.report_generated': {
    it: 'Rapporto di impatto generato e firmato',
    en: 'Impact report generated and signed',
  },
  'impact.report_downloaded': {
    it: 'Rapporto di impatto scaricato',
    en: 'Impact report downloaded',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof IMPACT_AUDIT_ACTIONS, true> {}
}
