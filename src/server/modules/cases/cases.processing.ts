import type { ProcessingActivity } from '../../platform/privacy/processing.js';

const L = (it: string, en: string) => ({ it, en });

/** Case management's processing activity (record of processing, GDPR art. 30). */
export const CASES_PROCESSING: ProcessingActivity = {
  key: 'cases',
  name: L('Presa in carico sociale ed etnoclinica dei nuclei', 'Social and ethnoclinical care of households'),
  purposes: L(
    'Accoglienza, invio tra servizi, presa in carico, progetto individualizzato, sedute e tutela dei minori; ricerca solo con il consenso delle persone.',
    'Intake, referral between services, taking into care, the individual plan, sessions and child protection; research only with the people’s consent.',
  ),
  legalBases: [
    L(
      'Art. 6(1)(e) GDPR: compito di interesse pubblico (L. 328/2000; L. 184/1983 per i minori; L. 119/2013 per la violenza)',
      'Art. 6(1)(e) GDPR: task in the public interest (Law 328/2000; Law 184/1983 for minors; Law 119/2013 on violence)',
    ),
    L(
      'Art. 9(2)(g) e (h) GDPR; art. 2-sexies Codice privacy',
      'Art. 9(2)(g) and (h) GDPR; art. 2-sexies of the Italian Privacy Code',
    ),
    L(
      'Art. 10 GDPR e art. 2-octies Codice privacy (provvedimenti giudiziari)',
      'Art. 10 GDPR and art. 2-octies of the Privacy Code (court orders)',
    ),
    L(
      'Art. 6(1)(a) e 9(2)(a) GDPR per gli invii e la ricerca (consenso)',
      'Art. 6(1)(a) and 9(2)(a) GDPR for referrals and research (consent)',
    ),
  ],
  subjects: [
    L(
      'Persone straniere in difficoltà e i loro familiari, compresi minori',
      'Foreign residents in difficulty and their relatives, minors included',
    ),
    L(
      'Autori di violenza (solo quanto serve alla protezione)',
      'Perpetrators of violence (only what protection needs)',
    ),
  ],
  recipients: [
    L(
      'Servizi della rete destinatari di un invio, nei limiti del consenso',
      'Services of the network a referral is sent to, within the consent',
    ),
    L(
      'Autorità giudiziaria (relazioni al Tribunale per i minorenni)',
      'Judicial authority (reports to the juvenile court)',
    ),
    L('Ricercatori, con dati pseudonimizzati e consenso', 'Researchers, with pseudonymised data and consent'),
  ],
  readBy: ['households.read', 'cases.read', 'research.sessions'],
};
