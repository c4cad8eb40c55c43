import type { ProcessingActivity } from '../../platform/privacy/processing.js';

const L = (it: string, en: string) => ({ it, en });

/** Mediation's processing activity (record of processing, GDPR art. 30). */
export const MEDIATION_PROCESSING: ProcessingActivity = {
  key: 'mediation',
  name: L('Mediazione linguistico-culturale', 'Linguistic and cultural mediation'),
  purposes: L(
    'Richieste di mediazione, abbinamento con i mediatori, prenotazioni, ore svolte e rendicontazione alle cooperative.',
    'Mediation requests, matching with mediators, bookings, hours worked and statements to the cooperatives.',
  ),
  legalBases: [
    L('Art. 6(1)(e) GDPR: servizio pubblico di mediazione', 'Art. 6(1)(e) GDPR: public mediation service'),
    L(
      'Art. 9(2)(g) GDPR per ciò che la richiesta dice della persona',
      'Art. 9(2)(g) GDPR for what a request says of the person',
    ),
    L(
      'Art. 6(1)(b) GDPR verso i mediatori e le cooperative',
      'Art. 6(1)(b) GDPR towards the mediators and cooperatives',
    ),
  ],
  subjects: [
    L('Persone che ricevono la mediazione', 'People receiving mediation'),
    L('Mediatori', 'Mediators'),
  ],
  recipients: [
    L(
      'Cooperative di mediazione: ore e importi, senza contenuti',
      'Mediation cooperatives: hours and amounts, no content',
    ),
  ],
  readBy: ['mediation.request', 'mediation.coordinate'],
};
