import type { AuditLabels } from '../../platform/audit/audit-events.js';

/** Documents, duplicates, hand-over and printing (issue 22, items 6-7): the audit actions with the words the DPO reads for them. */
export const CASE_DOCUMENTS_AUDIT_ACTIONS = {
  'case_document.added': { it: 'Documento allegato', en: 'Document attached' },
  'case_document.listed': { it: 'Elenco dei documenti consultato', en: 'Documents listed' },
  'case_document.deleted': { it: 'Documento rimosso', en: 'Document removed' },
  'person.merged': {
    it: 'Schede doppie della stessa persona unite',
    en: 'Duplicate records of one person merged',
  },
  'person.duplicates_listed': { it: 'Possibili doppioni consultati', en: 'Possible duplicates listed' },
  'person.merges_read': { it: 'Unioni di schede consultate', en: 'Merges of records viewed' },
  'person.merge_reverted': { it: 'Unione di schede annullata', en: 'Merge of records undone' },
  'case_handover.proposed': { it: 'Passaggio del caso proposto', en: 'Case hand-over proposed' },
  'case_handover.accepted': { it: 'Passaggio del caso accettato', en: 'Case hand-over accepted' },
  'case_handover.declined': { it: 'Passaggio del caso rifiutato', en: 'Case hand-over declined' },
  'case_handover.withdrawn': { it: 'Passaggio del caso ritirato', en: 'Case hand-over withdrawn' },
  'case_handover.listed': { it: 'Passaggi del caso consultati', en: 'Case hand-overs listed' },
  'case.referral_reason_read': {
    it: 'Motivo dell’invio letto dall’équipe',
    en: 'Referral reason read by the team',
  },
  'case.summary_printed': { it: 'Sintesi del caso stampata (PDF)', en: 'Case summary printed (PDF)' },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof CASE_DOCUMENTS_AUDIT_ACTIONS, true> {}
}
