import type { TLocalizedText } from '../../../contracts/common.js';
import type { TRole } from '../../../contracts/roles.js';
import type { FieldClass } from '../../platform/access/field-classes.js';
import type { RetentionClass } from '../../platform/retention/retention-classes.js';

/** The words of the record of processing: classes of data, retention classes, roles, measures. */
const L = (it: string, en: string): TLocalizedText => ({ it, en });

export const FIELD_CLASS_WORDS: Record<FieldClass, TLocalizedText> = {
  public: L('Dati pubblici', 'Public data'),
  internal: L('Dati di servizio (codici, date, stati)', 'Service data (codes, dates, states)'),
  identifying: L('Dati identificativi', 'Identifying data'),
  special: L(
    'Categorie particolari e giudiziari (art. 9–10 GDPR)',
    'Special categories and criminal data (GDPR arts. 9–10)',
  ),
  safety: L(
    'Dati di sicurezza, cifrati (indirizzi protetti, contatti sicuri)',
    'Safety data, encrypted (protected addresses, safe contacts)',
  ),
  secret: L('Segreti tecnici, cifrati', 'Technical secrets, encrypted'),
};

export const RETENTION_WORDS: Record<RetentionClass, TLocalizedText> = {
  reference: L('Dati di riferimento: finché validi', 'Reference data: while valid'),
  account: L(
    'Account: per la durata dell’account, poi anonimizzati',
    'Accounts: for the account’s life, then anonymised',
  ),
  technical: L(
    'Dati tecnici (sessioni, notifiche): giorni o settimane',
    'Technical data (sessions, notifications): days or weeks',
  ),
  audit: L(
    'Registro degli accessi: almeno 24 mesi, non modificabile',
    'Access log: at least 24 months, append-only',
  ),
  access_grant: L(
    'Accessi di emergenza: quanto il registro degli accessi',
    'Emergency access: as the access log',
  ),
  case_record: L(
    'Fascicoli: anni dalla chiusura, poi anonimizzati',
    'Case records: years after closure, then anonymised',
  ),
  statistical: L(
    'Schede statistiche: anonimizzate, aggregati conservati',
    'Statistical records: anonymised, aggregates kept',
  ),
  research: L(
    'Ricerca: la durata approvata dello studio, poi chiavi distrutte',
    'Research: the study’s approved duration, then keys destroyed',
  ),
  training_record: L(
    'Formazione: validità degli attestati, poi anonimizzati',
    'Training: certificates’ validity, then anonymised',
  ),
  service_record: L(
    'Servizi resi e pagati: periodo contabile, poi anonimizzati',
    'Services delivered and paid: accounting period, then anonymised',
  ),
  community_record: L(
    'Comunità: durata del rapporto o della rendicontazione',
    'Community: the relationship or reporting period',
  ),
  partnership_record: L(
    'Partenariato: rendicontazione e controlli (fondi pubblici: 10 anni)',
    'Partnership: reporting and audits (public funds: 10 years)',
  ),
};

export const ROLE_WORDS: Record<TRole, TLocalizedText> = {
  admin: L('Amministratore', 'Administrator'),
  coordinator: L('Coordinatore', 'Coordinator'),
  practitioner: L('Operatore', 'Practitioner'),
  clinician: L('Clinico', 'Clinician'),
  mediator: L('Mediatore linguistico-culturale', 'Linguistic-cultural mediator'),
  trainer: L('Formatore', 'Trainer'),
  editor: L('Redattore', 'Editor'),
  researcher: L('Ricercatore', 'Researcher'),
  dpo: L('Responsabile della protezione dei dati (DPO)', 'Data protection officer (DPO)'),
  finance: L('Amministrazione', 'Finance officer'),
  fundraiser: L('Raccolta fondi', 'Fundraiser'),
};

/** The technical and organisational measures (art. 32) every activity shares. */
export const COMMON_MEASURES: TLocalizedText[] = [
  L(
    'Controllo degli accessi per ruolo e servizio, ripetuto nel database (row-level security)',
    'Access control by role and service, repeated in the database (row-level security)',
  ),
  L(
    'Autenticazione a due fattori per chi raggiunge dati di casi o il registro degli accessi',
    'Two-factor authentication for whoever reaches case data or the access log',
  ),
  L(
    'Registro degli accessi a catena di hash con punti di controllo firmati (Ed25519)',
    'Hash-chained access log with signed checkpoints (Ed25519)',
  ),
  L(
    'Cifratura AES-256-GCM dei dati di sicurezza e delle note; chiavi per nucleo distrutte alla cancellazione',
    'AES-256-GCM encryption of safety data and notes; per-household keys destroyed on erasure',
  ),
  L(
    'Controllo della divulgazione dei numeri piccoli in ogni statistica',
    'Disclosure control of small numbers in every statistic',
  ),
  L(
    'Conservazione limitata con anonimizzazione approvata dal DPO e blocchi legali',
    'Limited retention with anonymisation approved by the DPO and legal holds',
  ),
];
