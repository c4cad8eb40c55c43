import type { ProcessingActivity } from '../../platform/privacy/processing.js';

const L = (it: string, en: string) => ({ it, en });

/** Training's processing activity (record of processing, GDPR art. 30). */
export const TRAINING_PROCESSING: ProcessingActivity = {
  key: 'training',
  name: L('Formazione degli operatori e dei cittadini', 'Training of professionals and residents'),
  purposes: L(
    'Iscrizioni, presenze, questionari di competenza e attestati verificabili dei corsi del progetto.',
    'Enrolments, attendance, competence questionnaires and verifiable certificates of the project’s courses.',
  ),
  legalBases: [
    L(
      'Art. 6(1)(b) GDPR: esecuzione della partecipazione al corso',
      'Art. 6(1)(b) GDPR: performing the course participation',
    ),
    L('Art. 6(1)(c) GDPR: rendicontazione al finanziatore', 'Art. 6(1)(c) GDPR: reporting to the funder'),
  ],
  subjects: [
    L(
      'Operatori dei servizi, volontari, cittadini iscritti',
      'Service staff, volunteers, enrolled residents',
    ),
  ],
  recipients: [L('Finanziatore del progetto: solo conteggi', 'The project’s funder: counts only')],
  readBy: ['training.manage', 'training.dashboard'],
};
