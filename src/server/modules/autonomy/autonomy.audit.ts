import type { AuditLabels } from '../../platform/audit/audit-events.js';

/** The audit actions of autonomy paths and protected housing, with the words the DPO reads for them. */
export const AUTONOMY_AUDIT_ACTIONS = {
  'autonomy.offer_saved': { it: 'Offerta del catalogo salvata', en: 'Catalogue offer saved' },
  'autonomy.plan_opened': { it: 'Progetto di autonomia aperto', en: 'Autonomy plan opened' },
  'autonomy.plan_read': { it: 'Progetto di autonomia consultato', en: 'Autonomy plan read' },
  'autonomy.plans_listed': { it: 'Elenco dei progetti di autonomia consultato', en: 'Autonomy plans listed' },
  'autonomy.plan_updated': { it: 'Progetto di autonomia modificato', en: 'Autonomy plan updated' },
  'autonomy.plan_closed': { it: 'Progetto di autonomia chiuso', en: 'Autonomy plan closed' },
  'autonomy.candidates_searched': {
    it: 'Ricerca delle persone per un progetto di autonomia',
    en: 'People searched for an autonomy plan',
  },
  'autonomy.goal_saved': { it: 'Obiettivo del progetto salvato', en: 'Plan goal saved' },
  'autonomy.step_saved': { it: 'Passo del progetto salvato', en: 'Plan step saved' },
  'autonomy.step_removed': { it: 'Passo del progetto tolto', en: 'Plan step removed' },
  'autonomy.meeting_recorded': { it: 'Incontro di tutoraggio registrato', en: 'Tutoring meeting recorded' },
  'autonomy.enrolled': { it: 'Iscrizione a un’offerta registrata', en: 'Enrolment in an offer recorded' },
  'autonomy.enrolment_updated': { it: 'Esito di un’iscrizione registrato', en: 'Enrolment outcome recorded' },
  'autonomy.skills_saved': { it: 'Bilancio di competenze salvato', en: 'Skills balance saved' },
  'autonomy.job_placement_saved': { it: 'Inserimento lavorativo salvato', en: 'Job placement saved' },
  'autonomy.follow_up_recorded': {
    it: 'Esito a 6 o 12 mesi registrato',
    en: '6- or 12-month outcome recorded',
  },
  'autonomy.initiative_saved': { it: 'Impresa sociale salvata', en: 'Social enterprise saved' },
  'autonomy.employer_added': {
    it: 'Datore di lavoro aggiunto al registro',
    en: 'Employer added to the registry',
  },
  'autonomy.dashboard_read': {
    it: 'Cruscotto autonomia e abitare consultato',
    en: 'Autonomy dashboard read',
  },
  'housing.unit_saved': { it: 'Appartamento protetto salvato', en: 'Protected apartment saved' },
  'housing.units_listed': { it: 'Elenco degli appartamenti consultato', en: 'Apartments listed' },
  'housing.unit_read': { it: 'Scheda di un appartamento consultata', en: 'Apartment record read' },
  'housing.address_requests_listed': {
    it: 'Richieste di vedere gli indirizzi consultate',
    en: 'Address requests listed',
  },
  'housing.address_changed': {
    it: 'Indirizzo di un appartamento protetto cambiato',
    en: 'Protected apartment address changed',
  },
  'housing.address_revealed': {
    it: 'Indirizzo di un appartamento protetto visto',
    en: 'Protected apartment address seen',
  },
  'housing.address_requested': {
    it: 'Richiesta di vedere l’indirizzo di un appartamento',
    en: 'Request to see an apartment address',
  },
  'housing.address_request_decided': {
    it: 'Richiesta di vedere un indirizzo decisa',
    en: 'Address request decided',
  },
  'housing.occupancy_started': { it: 'Inserimento in appartamento registrato', en: 'Apartment stay started' },
  'housing.occupancy_ended': { it: 'Uscita dall’appartamento registrata', en: 'Apartment stay ended' },
  'housing.message_planned': {
    it: 'Messaggio al nucleo sull’inserimento pianificato',
    en: 'Message to the household about its stay planned',
  },
  'housing.message_sent': {
    it: 'Messaggio al nucleo sull’inserimento inviato',
    en: 'Message to the household about its stay sent',
  },
  'housing.message_withheld': {
    it: 'Messaggio al nucleo sull’inserimento trattenuto',
    en: 'Message to the household about its stay withheld',
  },
  'payments.budget_saved': {
    it: 'Budget per il sostegno all’affitto salvato',
    en: 'Rent support budget saved',
  },
  'payments.requested': { it: 'Sostegno all’affitto richiesto', en: 'Rent support requested' },
  'payments.approved': { it: 'Sostegno all’affitto approvato', en: 'Rent support approved' },
  'payments.refused': { it: 'Sostegno all’affitto rifiutato', en: 'Rent support refused' },
  'payments.cancelled': { it: 'Richiesta di sostegno ritirata', en: 'Rent support request withdrawn' },
  'payments.paid': { it: 'Ordine di pagamento pagato', en: 'Payment order paid' },
  'payments.reversed': { it: 'Pagamento stornato', en: 'Payment reversed' },
  'payments.landlord_revealed': {
    it: 'Dati del locatore visti',
    en: 'Landlord details seen',
  },
  'payments.document_added': { it: 'Documento di una richiesta aggiunto', en: 'Request document added' },
  'payments.requests_listed': { it: 'Richieste di sostegno consultate', en: 'Rent support requests listed' },
  'payments.request_read': {
    it: 'Richiesta di sostegno all’affitto aperta',
    en: 'Rent support request opened',
  },
  'payments.ledger_read': { it: 'Registro dei pagamenti consultato', en: 'Payment ledger read' },
  'payments.ledger_exported': { it: 'Registro dei pagamenti esportato', en: 'Payment ledger exported' },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof AUTONOMY_AUDIT_ACTIONS, true> {}
}

/** The record types autonomy's lookups and audit events name, and their tables. */
export const AUTONOMY_RECORD_TABLES = {
  autonomy_plan: 'autonomy_plans',
  autonomy_offer: 'autonomy_offers',
  autonomy_initiative: 'autonomy_initiatives',
  autonomy_job_placement: 'autonomy_job_placements',
  autonomy_enrolment: 'autonomy_enrolments',
  housing_unit: 'housing_units',
  housing_occupancy: 'housing_occupancies',
  housing_address_request: 'housing_address_requests',
  rent_budget: 'rent_budgets',
  rent_request: 'rent_requests',
} as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof AUTONOMY_RECORD_TABLES, true> {}
}
