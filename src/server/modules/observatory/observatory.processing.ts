import type { ProcessingActivity } from '../../platform/privacy/processing.js';

const L = (it: string, en: string) => ({ it, en });

/** The violence observatory's processing activity (record of processing, GDPR art. 30). */
export const OBSERVATORY_PROCESSING: ProcessingActivity = {
  key: 'observatory',
  name: L('Osservatorio sulla violenza di genere', 'Gender-based violence observatory'),
  purposes: L(
    'Rilevazione pseudonima degli episodi di violenza e statistiche con controllo della divulgazione per la programmazione dei servizi e l’ISTAT.',
    'Pseudonymous recording of violence incidents and disclosure-controlled statistics for service planning and ISTAT.',
  ),
  legalBases: [
    L(
      'Art. 6(1)(e) GDPR: compito di interesse pubblico (L. 119/2013, D.P.C.M. 2014 e intese sui centri antiviolenza)',
      'Art. 6(1)(e) GDPR: task in the public interest (Law 119/2013 and the agreements on anti-violence centres)',
    ),
    L(
      'Art. 9(2)(j) e art. 89 GDPR: fini statistici, con pseudonimizzazione',
      'Art. 9(2)(j) and art. 89 GDPR: statistical purposes, with pseudonymisation',
    ),
  ],
  subjects: [
    L(
      'Persone che hanno subito violenza (codici pseudonimi)',
      'People who suffered violence (pseudonymous codes)',
    ),
  ],
  recipients: [
    L(
      'Coordinamento di Ambito e Regione: solo aggregati protetti',
      'District coordination and the Region: protected aggregates only',
    ),
    L('ISTAT: tracciato statistico senza identificativi', 'ISTAT: statistical layout without identifiers'),
  ],
  readBy: ['incidents.record', 'observatory.read'],
};
