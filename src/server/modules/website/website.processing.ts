import type { ProcessingActivity } from '../../platform/privacy/processing.js';

const L = (it: string, en: string) => ({ it, en });

/** The public website's processing (record of processing, GDPR art. 30): the editors' own work. */
export const WEBSITE_PROCESSING: ProcessingActivity = {
  key: 'website',
  name: L('Sito pubblico e redazione', 'Public website and editorial work'),
  purposes: L(
    'Informare il pubblico sui servizi della rete; tracciare chi scrive, approva e pubblica i contenuti.',
    'Informing the public about the network’s services; tracing who writes, approves and publishes content.',
  ),
  legalBases: [
    L(
      'Art. 6(1)(e) GDPR: compito di interesse pubblico (informazione sui servizi sociali)',
      'Art. 6(1)(e) GDPR: a task in the public interest (information on social services)',
    ),
  ],
  subjects: [L('Redattrici e redattori del sito', 'The site’s editors')],
  recipients: [
    L('Nessuno: il sito non raccoglie dati dei lettori', 'None: the site collects no data of its readers'),
  ],
  readBy: ['website.edit'],
};
