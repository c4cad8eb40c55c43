import type { ProcessingActivity } from '../../platform/privacy/processing.js';

const L = (it: string, en: string) => ({ it, en });

/** Impact monitoring's processing (record of processing, GDPR art. 30): totals of the other modules' records. */
export const IMPACT_PROCESSING: ProcessingActivity = {
  key: 'impact',
  name: L('Monitoraggio dell’impatto del progetto', 'Project impact monitoring'),
  purposes: L(
    'Rendere conto al finanziatore e alla cabina di regia dei risultati promessi, con numeri calcolati dai registri.',
    'Accounting to the funder and the steering committee for the promised results, with numbers computed from the records.',
  ),
  legalBases: [
    L(
      'Art. 6(1)(e) GDPR: compito di interesse pubblico (rendicontazione del progetto finanziato)',
      'Art. 6(1)(e) GDPR: a task in the public interest (accounting for the funded project)',
    ),
  ],
  subjects: [
    L(
      'Le persone contate dagli altri moduli, solo come totali e codici pseudonimi',
      'The people the other modules count, only as totals and pseudonymous codes',
    ),
  ],
  recipients: [L('Cabina di regia del progetto', 'The project’s steering committee')],
  readBy: ['impact.read'],
};
