import type { AuditLabels } from '../../platform/audit/audit-events.js';

/**
 * Services, follow-ups and sessions as they happened (issue 22, items 3-4): the audit actions with
 * the words the DPO reads for them. Services and follow-ups name their case as the record; session
 * events name the session.
 */
export const CASE_SERVICES_AUDIT_ACTIONS = {
  'case_service.listed': {
    it: 'Servizi e verifiche del caso consultati',
    en: "Case's services and follow-ups viewed",
  },
  'case_service.created': { it: 'Servizio erogato registrato', en: 'Service delivered recorded' },
  'case_service.updated': { it: 'Stato di un servizio modificato', en: "A service's status changed" },
  'followup.created': { it: 'Verifica programmata', en: 'Follow-up planned' },
  'followup.done': { it: 'Verifica segnata come fatta', en: 'Follow-up marked done' },
  'session.status_changed': {
    it: 'Seduta segnata come tenuta, annullata o mancata',
    en: 'Session marked held, cancelled or missed',
  },
  'session.note_edited': { it: 'Nota di seduta modificata', en: 'Session note edited' },
  'session.practice_read': {
    it: 'Partecipanti esterni e storia delle note consultati',
    en: 'Outside participants and note history viewed',
  },
  'session.research_listed': {
    it: 'Sedute seguite per la ricerca consultate',
    en: 'Sessions attended for research listed',
  },
  'session.research_note_added': {
    it: 'Nota di ricerca (pseudonimizzata) scritta',
    en: 'Research note (pseudonymised) written',
  },
  'session.outside_participant_added': {
    it: 'Partecipante esterno aggiunto alla seduta',
    en: 'Outside participant added to a session',
  },
  'session.outside_participant_removed': {
    it: 'Partecipante esterno tolto dalla seduta',
    en: 'Outside participant removed from a session',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof CASE_SERVICES_AUDIT_ACTIONS, true> {}
}
