import type { AuditLabels } from '../../platform/audit/audit-events.js';

/**
 * The audit actions of training and of the gatherings it owns, with the words the DPO reads for
 * them (platform/audit/audit-events.ts).
 */
export const TRAINING_AUDIT_ACTIONS = {
  'training.course_created': { it: 'Corso creato', en: 'Course created' },
  'training.course_updated': { it: 'Corso modificato', en: 'Course updated' },
  'training.edition_created': { it: 'Edizione creata', en: 'Edition created' },
  'training.places_listed': {
    it: "Iscrizioni di un'edizione consultate",
    en: 'Edition registrations listed',
  },
  'training.place_requested': { it: 'Posto richiesto', en: 'Place requested' },
  'training.place_enrolled': { it: 'Partecipante iscritto', en: 'Participant enrolled' },
  'training.place_external_enrolled': {
    it: 'Partecipante esterno iscritto',
    en: 'External participant enrolled',
  },
  'training.place_decided': { it: 'Iscrizione approvata o respinta', en: 'Registration approved or refused' },
  'training.place_cancelled': { it: 'Iscrizione annullata', en: 'Registration cancelled' },
  'training.place_confirmed': { it: 'Posto offerto confermato', en: 'Offered place confirmed' },
  'training.place_promoted': {
    it: "Posto offerto dalla lista d'attesa",
    en: 'Place offered from the waiting list',
  },
  'training.offer_lapsed': { it: 'Posto offerto non confermato in tempo', en: 'Offered place lapsed' },
  'training.personal_page_read': {
    it: 'Pagina personale di un partecipante esterno aperta',
    en: 'External participant page opened',
  },
  'training.attendance_read': { it: 'Presenze di una sessione consultate', en: 'Session attendance read' },
  'training.attendance_recorded': { it: 'Presenze registrate', en: 'Attendance recorded' },
  'training.checked_in': { it: 'Presenza registrata con il codice QR', en: 'Checked in with the QR code' },
  'training.checkin_refused': { it: 'Registrazione con codice QR rifiutata', en: 'QR check-in refused' },
  'training.signature_sheet_printed': { it: 'Foglio firme stampato', en: 'Signature sheet printed' },
  'training.calendar_link_made': {
    it: 'Collegamento al calendario personale creato',
    en: 'Personal calendar link made',
  },
  'training.certificates_issued': { it: 'Attestati emessi', en: 'Certificates issued' },
  'training.certificates_listed': {
    it: "Attestati di un'edizione consultati",
    en: 'Edition certificates listed',
  },
  'training.certificate_downloaded': { it: 'Attestato scaricato', en: 'Certificate downloaded' },
  'training.certificates_zipped': {
    it: "Attestati di un'edizione scaricati in un archivio",
    en: 'Edition certificates downloaded as an archive',
  },
  'training.certificate_revoked': { it: 'Attestato revocato', en: 'Certificate revoked' },
  'training.dashboard_read': { it: 'Cruscotto della formazione consultato', en: 'Training dashboard read' },
  'training.questionnaire_created': { it: 'Questionario creato', en: 'Questionnaire created' },
  'training.questionnaire_answered': { it: 'Questionario compilato', en: 'Questionnaire answered' },
  'training.competence_read': {
    it: 'Risultati dei questionari di un’edizione consultati',
    en: 'Edition questionnaire results read',
  },
  'training.survey_closed': { it: 'Indagine sui servizi chiusa', en: 'Services survey closed' },
  'training.survey_read': {
    it: 'Risultati dell’indagine sui servizi consultati',
    en: 'Services survey results read',
  },
  'training.field_log_written': {
    it: 'Diario del lavoro sul campo aggiornato',
    en: 'Field log entry written',
  },
  'training.field_log_read': { it: 'Diario del lavoro sul campo consultato', en: 'Field log read' },
  'training.field_log_feedback': {
    it: 'Commento del supervisore al diario',
    en: 'Supervisor feedback on the field log',
  },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof TRAINING_AUDIT_ACTIONS, true> {}
}

/** The records this module's lookups name, and their tables (platform/access/not-found.ts). */
export const TRAINING_RECORD_TABLES = {
  training_course: 'training_courses',
  training_edition: 'training_editions',
  training_place: 'gathering_places',
  training_session: 'gathering_sessions',
  training_certificate: 'training_certificates',
  training_questionnaire: 'training_questionnaires',
} as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof TRAINING_RECORD_TABLES, true> {}
}
