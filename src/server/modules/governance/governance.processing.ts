import type { ProcessingActivity } from '../../platform/privacy/processing.js';

const L = (it: string, en: string) => ({ it, en });

/** Governance's processing activity (record of processing, GDPR art. 30). */
export const GOVERNANCE_PROCESSING: ProcessingActivity = {
  key: 'governance',
  name: L('Governance del partenariato e raccolta fondi', 'Partnership governance and fundraising'),
  purposes: L(
    'Comitati, verbali e decisioni del partenariato; piano di progetto; finanziatori e donatori.',
    'The partnership’s committees, minutes and decisions; the project plan; funders and donors.',
  ),
  legalBases: [
    L(
      'Art. 6(1)(c) GDPR: rendicontazione dei fondi pubblici',
      'Art. 6(1)(c) GDPR: accounting for public funds',
    ),
    L('Art. 6(1)(b) GDPR: accordo di partenariato', 'Art. 6(1)(b) GDPR: partnership agreement'),
  ],
  subjects: [
    L('Componenti dei comitati', 'Committee members'),
    L('Referenti dei finanziatori e donatori', 'Funders’ contacts and donors'),
  ],
  recipients: [L('Finanziatori, per la rendicontazione', 'Funders, for reporting')],
  readBy: ['governance.read', 'fundraising.read'],
};
