import type { ProcessingActivity } from '../../platform/privacy/processing.js';

const L = (it: string, en: string) => ({ it, en });

/** Autonomy and housing's processing activity (record of processing, GDPR art. 30). */
export const AUTONOMY_PROCESSING: ProcessingActivity = {
  key: 'autonomy',
  name: L('Percorsi di autonomia e abitare', 'Paths to autonomy and housing'),
  purposes: L(
    'Progetti di autonomia, orientamento e inserimento lavorativo, alloggi protetti e contributi all’affitto.',
    'Autonomy plans, job orientation and placement, protected housing and rent support.',
  ),
  legalBases: [
    L(
      'Art. 6(1)(e) GDPR: compito di interesse pubblico (L. 328/2000)',
      'Art. 6(1)(e) GDPR: task in the public interest (Law 328/2000)',
    ),
    L('Art. 9(2)(b) e (g) GDPR', 'Art. 9(2)(b) and (g) GDPR'),
  ],
  subjects: [L('Persone e nuclei in percorso di autonomia', 'People and households on a path to autonomy')],
  recipients: [
    L(
      'Enti di formazione e imprese sociali coinvolti, con consenso',
      'Training bodies and social enterprises involved, with consent',
    ),
    L('Locatori: solo quanto serve al contratto', 'Landlords: only what the contract needs'),
  ],
  readBy: ['autonomy.read', 'housing.read', 'payments.read'],
};
