import type { ProcessingActivity } from '../../platform/privacy/processing.js';

const L = (it: string, en: string) => ({ it, en });

/** The DPO's own processing (record of processing, GDPR art. 30): breaches, holds, retention. */
export const PRIVACY_PROCESSING: ProcessingActivity = {
  key: 'privacy',
  name: L('Adempimenti privacy del titolare', 'The controller’s data protection duties'),
  purposes: L(
    'Registro delle violazioni, blocchi legali, conservazione e anonimizzazione, richieste degli interessati.',
    'Breach register, legal holds, retention and anonymisation, data subjects’ requests.',
  ),
  legalBases: [
    L(
      'Art. 6(1)(c) GDPR: obblighi degli artt. 5(2), 12–22, 30, 33–34 GDPR',
      'Art. 6(1)(c) GDPR: the duties of arts. 5(2), 12–22, 30, 33–34 GDPR',
    ),
  ],
  subjects: [
    L(
      'Interessati che esercitano i diritti; persone coinvolte in una violazione',
      'Data subjects exercising their rights; people involved in a breach',
    ),
  ],
  recipients: [
    L(
      'Garante per la protezione dei dati personali, quando dovuto',
      'The Italian Data Protection Authority, when due',
    ),
  ],
  readBy: ['privacy.manage'],
};
