import type { AuditLabels } from '../../platform/audit/audit-events.js';

/** Ethnoclinical consultations for first-line services (issue 22, item 5): the audit actions with the words the DPO reads for them. */
export const CONSULTATIONS_AUDIT_ACTIONS = {
  'consultation.opened': {
    it: 'Consulenza etnoclinica aperta da un invio',
    en: 'Ethnoclinical consultation opened from a referral',
  },
  'consultation.listed': { it: 'Elenco delle consulenze consultato', en: 'Consultation list viewed' },
  'consultation.read': { it: 'Consulenza etnoclinica consultata', en: 'Ethnoclinical consultation viewed' },
  'consultation.updated': {
    it: 'Consulenza aggiornata (tipo, richiesta del tribunale, referente, scadenza)',
    en: 'Consultation updated (kind, court request, lead, due date)',
  },
  'consultation.presented': {
    it: 'Presentazione e assi della consulenza registrati',
    en: 'Consultation presentation and axes recorded',
  },
  'consultation.session_recorded': {
    it: 'Seduta di consulenza registrata con le presenze',
    en: 'Consultation session recorded with attendance',
  },
  'consultation.opinion_drafted': {
    it: 'Bozza del parere della consulenza scritta',
    en: 'Consultation opinion draft written',
  },
  'consultation.opinion_approved': {
    it: 'Parere della consulenza approvato dal terapeuta referente',
    en: 'Consultation opinion approved by the lead therapist',
  },
  'consultation.opinion_downloaded': {
    it: 'Parere della consulenza scaricato in PDF',
    en: 'Consultation opinion downloaded as PDF',
  },
  'consultation.closed': { it: 'Consulenza chiusa', en: 'Consultation closed' },
  'consultation.converted': {
    it: 'Consulenza trasformata in presa in carico',
    en: 'Consultation turned into a case',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof CONSULTATIONS_AUDIT_ACTIONS, true> {}
}

/** The record type a consultation's events and 404s name. */
export const CONSULTATIONS_RECORD_TABLES = { consultation: 'consultations' } as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof CONSULTATIONS_RECORD_TABLES, true> {}
}
