import type { AuditLabels } from '../../platform/audit/audit-events.js';

/**
 * The audit actions of Tutela Minori's own cases and the court (issue 15), with the words the DPO
 * reads. Every event names the case (or the person, or the household) as its record.
 */
export const TUTELA_AUDIT_ACTIONS = {
  'case.opened_by_service': { it: 'Caso aperto dal servizio', en: 'Case opened by the service' },
  'court_order.created': { it: 'Provvedimento del tribunale registrato', en: 'Court order recorded' },
  'court_order.updated': { it: 'Provvedimento del tribunale modificato', en: 'Court order changed' },
  'court_order.listed': { it: 'Provvedimenti del caso consultati', en: "Case's court orders viewed" },
  'court_deadline.met': { it: 'Scadenza del tribunale rispettata', en: 'Court deadline met' },
  'court_deadline.escalated': {
    it: 'Scadenza del tribunale superata: avvisati responsabile e coordinatori',
    en: 'Court deadline passed: lead and coordinators told',
  },
  'court_deadline.listed': { it: 'Scadenze del tribunale consultate', en: 'Court deadlines viewed' },
  'court_report.drafted': { it: 'Relazione al tribunale scritta', en: 'Court report drafted' },
  'court_report.updated': { it: 'Relazione al tribunale modificata', en: 'Court report changed' },
  'court_report.submitted': {
    it: 'Relazione al tribunale inviata per l’approvazione',
    en: 'Court report submitted for approval',
  },
  'court_report.approved': { it: 'Relazione al tribunale approvata', en: 'Court report approved' },
  'court_report.returned': { it: 'Relazione al tribunale rimandata', en: 'Court report sent back' },
  'court_report.sent': { it: 'Relazione trasmessa al tribunale', en: 'Court report sent to the court' },
  'court_report.file_attached': {
    it: 'Documento allegato alla relazione al tribunale',
    en: 'Document attached to a court report',
  },
  'court_report.listed': { it: 'Relazioni al tribunale consultate', en: 'Court reports viewed' },
  'court_report.printed': { it: 'Relazione al tribunale stampata (PDF)', en: 'Court report printed (PDF)' },
  'family_network.read': { it: 'Rete familiare consultata', en: 'Family network viewed' },
  'family_network.relation_added': { it: 'Relazione familiare aggiunta', en: 'Family relation added' },
  'family_network.relation_removed': { it: 'Relazione familiare tolta', en: 'Family relation removed' },
  'legal_role.created': { it: 'Ruolo legale registrato', en: 'Legal role recorded' },
  'legal_role.ended': { it: 'Ruolo legale concluso', en: 'Legal role ended' },
  'placement.created': { it: 'Collocamento registrato', en: 'Placement recorded' },
  'placement.ended': { it: 'Collocamento concluso', en: 'Placement ended' },
  'placement.listed': { it: 'Collocamenti del caso consultati', en: "Case's placements viewed" },
  'placement.visit_added': { it: 'Visita al collocamento registrata', en: 'Placement visit recorded' },
  'placement.address_read': {
    it: 'Indirizzo protetto del collocamento consultato',
    en: 'Protected placement address viewed',
  },
  'residence.read': { it: 'Condizione di soggiorno consultata', en: 'Residence status viewed' },
  'residence.updated': { it: 'Condizione di soggiorno registrata', en: 'Residence status recorded' },
  'case_transfer.requested': { it: 'Trasferimento del caso richiesto', en: 'Case transfer requested' },
  'case_transfer.accepted': { it: 'Trasferimento del caso accolto', en: 'Case transfer accepted' },
  'case_transfer.refused': { it: 'Trasferimento del caso rifiutato', en: 'Case transfer refused' },
  'case_transfer.withdrawn': { it: 'Trasferimento del caso ritirato', en: 'Case transfer withdrawn' },
  'case_transfer.listed': { it: 'Trasferimenti consultati', en: 'Transfers viewed' },
  'case.closure_refused': { it: 'Chiusura del caso rifiutata', en: 'Case closure refused' },
  'case.closure_returned': { it: 'Chiusura del caso rimandata', en: 'Case closure sent back' },
  'case.reopened': { it: 'Caso riaperto', en: 'Case reopened' },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof TUTELA_AUDIT_ACTIONS, true> {}
}
