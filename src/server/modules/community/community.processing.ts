import type { ProcessingActivity } from '../../platform/privacy/processing.js';

const L = (it: string, en: string) => ({ it, en });

/** The community module's processing activity (record of processing, GDPR art. 30). */
export const COMMUNITY_PROCESSING: ProcessingActivity = {
  key: 'community',
  name: L('Comunità e risorse del territorio', 'Community and local resources'),
  purposes: L(
    'Registro dei soggetti della comunità, eventi con iscrizioni e presenze, risorse complementari raccolte.',
    'Registry of community holders, events with registrations and attendance, complementary resources raised.',
  ),
  legalBases: [
    L(
      'Art. 6(1)(a) GDPR: consenso per i contatti e le iscrizioni',
      'Art. 6(1)(a) GDPR: consent for contacts and registrations',
    ),
    L(
      'Art. 6(1)(e) GDPR: animazione di comunità del servizio pubblico',
      'Art. 6(1)(e) GDPR: the public service’s community work',
    ),
  ],
  subjects: [
    L('Referenti di associazioni, imprese e gruppi', 'Contacts of associations, companies and groups'),
    L('Partecipanti agli eventi', 'Event participants'),
  ],
  recipients: [
    L(
      'Nessuno fuori dal servizio; conteggi al finanziatore',
      'No one outside the service; counts to the funder',
    ),
  ],
  readBy: ['community.read', 'community.manage'],
};
