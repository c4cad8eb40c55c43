import type { AuditLabels } from '../../platform/audit/audit-events.js';

/** The audit actions of mediation, with the words the DPO reads for them. */
export const MEDIATION_AUDIT_ACTIONS = {
  'mediation.mediator_saved': { it: 'Scheda del mediatore salvata', en: 'Mediator record saved' },
  'mediation.mediator_read': { it: 'Scheda del mediatore consultata', en: 'Mediator record read' },
  'mediation.registry_listed': { it: 'Registro dei mediatori consultato', en: 'Mediator registry listed' },
  'mediation.absence_recorded': { it: 'Assenza del mediatore registrata', en: 'Mediator absence recorded' },
  'mediation.absence_removed': { it: 'Assenza del mediatore tolta', en: 'Mediator absence removed' },
  'mediation.conflicts_read': { it: 'Conflitti dichiarati consultati', en: 'Declared conflicts read' },
  'mediation.conflict_declared': { it: 'Conflitto dichiarato', en: 'Conflict declared' },
  'mediation.conflict_removed': { it: 'Conflitto tolto', en: 'Conflict removed' },
  'mediation.rate_set': { it: 'Tariffa della cooperativa registrata', en: 'Cooperative rate recorded' },
  'mediation.request_created': { it: 'Richiesta di mediazione inviata', en: 'Mediation request sent' },
  'mediation.request_read': { it: 'Richiesta di mediazione consultata', en: 'Mediation request read' },
  'mediation.requests_listed': { it: 'Richieste di mediazione consultate', en: 'Mediation requests listed' },
  'mediation.request_cancelled': {
    it: 'Richiesta di mediazione annullata',
    en: 'Mediation request cancelled',
  },
  'mediation.matches_read': { it: 'Mediatori adatti consultati', en: 'Suitable mediators read' },
  'mediation.assigned': { it: 'Mediatore assegnato', en: 'Mediator assigned' },
  'mediation.offered': { it: 'Richiesta offerta ai mediatori', en: 'Request offered to mediators' },
  'mediation.offer_accepted': { it: 'Offerta accettata dal mediatore', en: 'Offer accepted by the mediator' },
  'mediation.offer_declined': { it: 'Offerta rifiutata dal mediatore', en: 'Offer declined by the mediator' },
  'mediation.assignment_confirmed': { it: 'Incarico confermato dal mediatore', en: 'Assignment confirmed' },
  'mediation.assignment_declined': { it: 'Incarico rifiutato dal mediatore', en: 'Assignment declined' },
  'mediation.assignment_removed': {
    it: 'Mediatore tolto dalla richiesta',
    en: 'Mediator removed from the request',
  },
  'mediation.hours_logged': { it: 'Ore di mediazione registrate', en: 'Mediation hours logged' },
  'mediation.jobs_listed': { it: 'Incarichi del mediatore consultati', en: 'Mediator jobs listed' },
  'mediation.calendar_link_made': {
    it: 'Calendario del mediatore collegato',
    en: 'Mediator calendar linked',
  },
  'mediation.hours_read': {
    it: 'Ore e costi di mediazione consultati',
    en: 'Mediation hours and costs read',
  },
  'mediation.statement_read': { it: 'Rendiconto mensile consultato', en: 'Monthly statement read' },
  'mediation.rated': { it: 'Mediazione valutata', en: 'Mediation rated' },
  'mediation.feedback_link_made': { it: 'Collegamento per il parere creato', en: 'Feedback link made' },
  'mediation.feedback_read': { it: 'Pareri sulla mediazione consultati', en: 'Mediation feedback read' },
  'mediation.person_answered': {
    it: 'Parere anonimo della persona mediata ricevuto',
    en: 'Anonymous answer of the person mediated received',
  },
  'mediation.material_saved': { it: 'Materiale salvato', en: 'Material saved' },
  'mediation.material_version_saved': { it: 'Versione del materiale salvata', en: 'Material version saved' },
  'mediation.material_version_reviewed': {
    it: 'Versione del materiale revisionata',
    en: 'Material version reviewed',
  },
  'mediation.glossary_term_saved': { it: 'Voce del glossario salvata', en: 'Glossary term saved' },
  'mediation.material_downloaded': { it: 'Materiale scaricato in PDF', en: 'Material downloaded as PDF' },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof MEDIATION_AUDIT_ACTIONS, true> {}
}

/** The record types mediation's lookups and audit events name, and their tables. */
export const MEDIATION_RECORD_TABLES = {
  mediator: 'mediators',
  mediation_request: 'mediation_requests',
  mediation_assignment: 'mediation_assignments',
  mediation_material: 'mediation_materials',
  mediation_material_version: 'mediation_material_versions',
  glossary_term: 'glossary_terms',
} as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof MEDIATION_RECORD_TABLES, true> {}
}
