import type { AuditLabels } from '../../platform/audit/audit-events.js';

/** The audit actions of privacy operations, with the words the DPO reads for them. */
export const PRIVACY_AUDIT_ACTIONS = {
  'privacy.retention_policies_read': {
    it: 'Periodi di conservazione consultati',
    en: 'Retention periods read',
  },
  'privacy.retention_policy_set': { it: 'Periodo di conservazione impostato', en: 'Retention period set' },
  'privacy.legal_holds_listed': { it: 'Blocchi legali consultati', en: 'Legal holds listed' },
  'privacy.legal_hold_placed': { it: 'Blocco legale disposto', en: 'Legal hold placed' },
  'privacy.legal_hold_lifted': { it: 'Blocco legale revocato', en: 'Legal hold lifted' },
  'privacy.retention_run_proposed': {
    it: 'Simulazione della conservazione eseguita',
    en: 'Retention dry run made',
  },
  'privacy.retention_run_read': { it: 'Rapporto di conservazione consultato', en: 'Retention report read' },
  'privacy.retention_run_approved': {
    it: 'Anonimizzazione approvata',
    en: 'Anonymisation approved',
  },
  'privacy.retention_run_discarded': { it: 'Simulazione scartata', en: 'Dry run discarded' },
  'privacy.retention_run_finished': { it: 'Anonimizzazione completata', en: 'Anonymisation finished' },
  'privacy.household_anonymised': {
    it: 'Nucleo anonimizzato e chiave distrutta',
    en: 'Household anonymised and its key destroyed',
  },
  'privacy.household_held': {
    it: 'Anonimizzazione sospesa da un blocco legale',
    en: 'Anonymisation suspended by a legal hold',
  },
  'privacy.breaches_listed': { it: 'Registro delle violazioni consultato', en: 'Breach register listed' },
  'privacy.breach_recorded': { it: 'Violazione dei dati registrata', en: 'Data breach recorded' },
  'privacy.breach_read': { it: 'Violazione dei dati consultata', en: 'Data breach read' },
  'privacy.breach_decided': { it: 'Decisione sulla violazione registrata', en: 'Breach decision recorded' },
  'privacy.breach_notified': {
    it: 'Notifica della violazione registrata',
    en: 'Breach notification recorded',
  },
  'privacy.register_read': { it: 'Registro dei trattamenti consultato', en: 'Record of processing read' },
  'privacy.register_completed': {
    it: 'Registro dei trattamenti completato dal DPO',
    en: 'Record of processing completed by the DPO',
  },
  'privacy.register_exported': {
    it: 'Registro dei trattamenti esportato',
    en: 'Record of processing exported',
  },
  'privacy.requests_listed': {
    it: 'Richieste degli interessati consultate',
    en: 'Data subjects’ requests listed',
  },
  'privacy.request_recorded': {
    it: 'Richiesta dell’interessato registrata',
    en: 'Data subject’s request recorded',
  },
  'privacy.request_extended': {
    it: 'Termine della richiesta prorogato',
    en: 'Deadline of a request extended',
  },
  'privacy.request_answered': {
    it: 'Risposta alla richiesta registrata',
    en: 'Answer to a request recorded',
  },
  'privacy.restriction_lifted': {
    it: 'Limitazione del trattamento revocata',
    en: 'Restriction of processing lifted',
  },
  'privacy.request_reminded': {
    it: 'Promemoria della scadenza inviato al DPO',
    en: 'Deadline reminder sent to the DPO',
  },
  'privacy.access_copy_made': {
    it: 'Copia dei dati preparata per l’interessato',
    en: 'Copy of the data made for the data subject',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof PRIVACY_AUDIT_ACTIONS, true> {}
}

/** The record types privacy's lookups and audit events name, and their tables. */
export const PRIVACY_RECORD_TABLES = {
  privacy_retention_run: 'privacy_retention_runs',
  privacy_legal_hold: 'privacy_legal_holds',
  privacy_retention_policy: 'privacy_retention_policies',
  privacy_breach: 'privacy_breaches',
  privacy_processing: 'privacy_processing_entries',
  privacy_request: 'privacy_requests',
} as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof PRIVACY_RECORD_TABLES, true> {}
}
