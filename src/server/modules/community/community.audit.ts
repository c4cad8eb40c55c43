import type { AuditLabels } from '../../platform/audit/audit-events.js';

/** The audit actions of community engagement, with the words the DPO reads for them. */
export const COMMUNITY_AUDIT_ACTIONS = {
  'community.holder_saved': { it: 'Realtà del territorio salvata', en: 'Community holder saved' },
  'community.holder_read': {
    it: 'Scheda della realtà del territorio consultata',
    en: 'Community holder read',
  },
  'community.holders_listed': {
    it: 'Registro delle realtà del territorio consultato',
    en: 'Community holders listed',
  },
  'community.person_saved': { it: 'Persona di riferimento salvata', en: 'Reference person saved' },
  'community.person_removed': { it: 'Persona di riferimento tolta', en: 'Reference person removed' },
  'community.consent_recorded': { it: 'Consenso al contatto registrato', en: 'Consent to contact recorded' },
  'community.consent_withdrawn': { it: 'Consenso al contatto revocato', en: 'Consent to contact withdrawn' },
  'community.link_saved': {
    it: 'Relazione tra realtà registrata',
    en: 'Relationship between holders recorded',
  },
  'community.link_removed': {
    it: 'Relazione tra realtà tolta',
    en: 'Relationship between holders removed',
  },
  'community.need_recorded': { it: 'Bisogno informativo registrato', en: 'Information need recorded' },
  'community.need_answered': {
    it: 'Risposta al bisogno informativo registrata',
    en: 'Information need answered',
  },
  'community.engagement_recorded': {
    it: 'Contatto o incontro registrato',
    en: 'Contact or meeting recorded',
  },
  'community.resource_recorded': {
    it: 'Risorsa complementare registrata',
    en: 'Complementary resource recorded',
  },
  'community.resources_read': {
    it: 'Registro delle risorse complementari consultato',
    en: 'Resources ledger read',
  },
  'community.event_saved': { it: 'Evento salvato', en: 'Event saved' },
  'community.event_cancelled': { it: 'Evento annullato', en: 'Event cancelled' },
  'community.registered': { it: 'Iscrizione a un evento', en: 'Event registration' },
  'community.registration_cancelled': {
    it: 'Iscrizione a un evento annullata',
    en: 'Event registration cancelled',
  },
  'community.participants_listed': { it: 'Elenco dei partecipanti consultato', en: 'Participant list read' },
  'community.checked_in': { it: 'Presenza a un evento registrata', en: 'Event attendance recorded' },
  'community.head_count_recorded': { it: 'Conteggio dei presenti registrato', en: 'Head count recorded' },
  'community.head_count_removed': { it: 'Conteggio dei presenti tolto', en: 'Head count removed' },
  'community.attendance_ticked': {
    it: 'Elenco delle presenze a un incontro spuntato',
    en: 'Session attendance list ticked',
  },
  'community.ticket_looked_up': { it: 'Biglietto di un evento verificato', en: 'Event ticket looked up' },
  'community.feedback_received': {
    it: 'Parere anonimo su un evento ricevuto',
    en: 'Anonymous event feedback received',
  },
  'community.dashboard_read': {
    it: 'Cruscotto della partecipazione consultato',
    en: 'Community dashboard read',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof COMMUNITY_AUDIT_ACTIONS, true> {}
}

/** The record types community's lookups and audit events name, and their tables. */
export const COMMUNITY_RECORD_TABLES = {
  community_holder: 'community_holders',
  community_holder_person: 'community_holder_people',
  community_event: 'community_events',
  // A registration is named by its place's id (community_registrations.place_id): looked up there.
  community_registration: 'gathering_places',
  community_session: 'gathering_sessions',
} as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof COMMUNITY_RECORD_TABLES, true> {}
}
