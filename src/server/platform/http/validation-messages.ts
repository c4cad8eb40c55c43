import { z } from 'zod';
import type { TLocalizedText } from '../../../contracts/common.js';
import { type FieldError, problems } from './problem.js';

const it = z.locales.it();
const en = z.locales.en();

/** Italian for the custom messages written in the contracts (they are English there). */
const CUSTOM_IT: Record<string, string> = {
  'the end must come after the start': 'la fine deve venire dopo l’inizio',
  'a session lasts at most 12 hours': 'una sessione dura al massimo 12 ore',
  'credits and the body that accredits them go together':
    'i crediti e l’ente che li riconosce vanno indicati insieme',
  'registration must close after it opens': 'le iscrizioni devono chiudersi dopo l’apertura',
  'a knowledge item needs at least two choices and the right one':
    'una domanda di conoscenza richiede almeno due risposte e quella giusta',
  'an agreement item has no choices': 'una domanda di accordo non ha risposte da scegliere',
  'a competence questionnaire belongs to a course; the services survey to none':
    'un questionario di competenza appartiene a un corso; l’indagine sui servizi a nessuno',
  'letters, digits, spaces and hyphens only': 'solo lettere, cifre, spazi e trattini',
  'six digits': 'sei cifre',
  'control characters are not allowed': 'caratteri di controllo non ammessi',
  'control characters other than line breaks are not allowed':
    'caratteri di controllo non ammessi (a capo sì)',
  'letters, digits, dot, dash and underscore only': 'solo lettere, cifre, punto, trattino e trattino basso',
  'upper-case letters, digits and dashes': 'solo lettere maiuscole, cifre e trattini',
  'six-digit ISTAT code': 'codice ISTAT di sei cifre',
  'ISTAT code': 'codice ISTAT',
  'a time HH:MM': 'un orario OO:MM',
  'the end must not come before the start': 'la fine non può venire prima dell’inizio',
  'required in person': 'obbligatorio in presenza',
  'a mediation held takes some minutes': 'una mediazione svolta dura qualche minuto',
  'only for a victim of violence': 'solo per una vittima di violenza',
  'at most two years ahead': 'al massimo fra due anni',
  'required to avoid the community': 'obbligatoria per escludere la comunità',
  'required with a session or a person': 'obbligatorio con un incontro o una persona',
  'required for this kind': 'obbligatorio per questo tipo',
  'a household code N-…': 'un codice di nucleo N-…',
  'digits, spaces and an optional leading +': 'cifre, spazi e un + iniziale facoltativo',
  'eight letters and digits': 'otto lettere e cifre',
  'a month as YYYY-MM': 'un mese nel formato AAAA-MM',
  'a month YYYY-MM': 'un mese nel formato AAAA-MM',
  'a register number: up to 4 letters, then digits and / . _ -':
    'un numero di registro: al massimo 4 lettere, poi cifre e / . _ -',
  'ISO 3166 two-letter code': 'codice ISO 3166 di due lettere',
  'ISO 639 language code': 'codice lingua ISO 639',
  // Governance, fundraising and complementary resources (issue 21, items 5 and 6).
  'the amount asked cannot be negative': 'l’importo richiesto non può essere negativo',
  'the amount pledged cannot be negative': 'l’importo promesso non può essere negativo',
  'the amount received cannot be negative': 'l’importo ricevuto non può essere negativo',
  'the goal cannot be negative': 'l’obiettivo non può essere negativo',
  'the value cannot be negative': 'il valore non può essere negativo',
  'required from the pledged stage on': 'obbligatorio dalla fase «promesso» in poi',
  'required when received': 'obbligatorio quando il finanziamento è ricevuto',
  // Governance: project plan and partner directory (issue 21, items 3 and 7).
  'a phone number': 'un numero di telefono',
  // Autonomy: offers, enrolments, skills balance, job placements (issue 20).
  'name one provider: a partner organisation or a community holder':
    'indica un solo ente che la offre: un’organizzazione partner o una realtà del territorio',
  'the end comes on or after the start': 'la fine viene il giorno dell’inizio o dopo',
  'a completed or dropped enrolment needs its date': 'un’iscrizione conclusa o interrotta richiede la data',
  'a certificate comes with a completed offer': 'l’attestato si ottiene solo completando l’offerta',
  'name the case the plan comes from': 'indica il caso da cui nasce il progetto',
  'name the referral the plan comes from': 'indica l’invio da cui nasce il progetto',
  'each value once': 'ogni valore una sola volta',
  'is in the future': 'è nel futuro',
  'is before 2000': 'è precedente al 2000',
  'contradicts the birth year': "non è coerente con l'anno di nascita",
  'an interpreter was used but not needed': 'interprete usato ma indicato come non necessario',
  'contradicts the age': "non è coerente con l'età",
  'this answer excludes the others': 'questa risposta esclude le altre',
  'female genital mutilation is sexual assault in GBVIMS':
    "in GBVIMS la mutilazione genitale femminile è un'aggressione sessuale",
  'a kind of practice, but no harmful practice': 'tipo di pratica indicato ma nessuna pratica dannosa',
  'only for an incident outside the six GBVIMS types': 'solo per un episodio fuori dai sei tipi GBVIMS',
  'only on a record made before the kind was asked':
    'solo su un episodio registrato prima che se ne chiedesse il tipo',
  'only when a service sent her': 'solo se l’ha inviata un servizio',
  'the age or the year of birth is required to record the incident':
    "per registrare l'episodio serve l'età o l'anno di nascita",
  'does not fall in the six GBVIMS types: check the answers, then give the reason':
    'non rientra nei sei tipi GBVIMS: controlla le risposte, poi indica il motivo',
  'answer this question first': 'rispondi prima a questa domanda',
  'contradicts the classification': 'non è coerente con la classificazione',
  'must include the form the core type implies': 'deve includere la forma implicata dal tipo di violenza',
  'required to record the incident': "obbligatorio per registrare l'episodio",
  'an https address (http only on this computer)': 'un indirizzo https (http solo su questo computer)',
  'an e-mail domain such as example.org': 'un dominio di posta come esempio.it',
  'a value without spaces': 'un valore senza spazi',
  'a second factor of RFC 8176 (mfa, mca, hwk, swk, otp, sms, tel, sc, fpt, face, iris, retina, vbm), not a password or a PIN':
    'un secondo fattore della RFC 8176 (mfa, mca, hwk, swk, otp, sms, tel, sc, fpt, face, iris, retina, vbm), non una password o un PIN',
  'not a position in this list: start again from the first page':
    'non è una posizione di questo elenco: riparti dalla prima pagina',
  'another person': 'un’altra persona',
  'required for a report': 'obbligatorio per una segnalazione',
  'only for a report': 'solo per una segnalazione',
  'required for an art. 403 removal': 'obbligatorio per un allontanamento ex art. 403 c.c.',
  'required for a 5-bis placement': 'obbligatorio per un collocamento ex art. 5-bis',
  'at most 24 months': 'al massimo 24 mesi',
  'the consent the transfer rests on': 'il consenso su cui si basa il trasferimento',
  'the order the transfer rests on': 'il provvedimento su cui si basa il trasferimento',
  'a person of the network or a name, one of the two': 'una persona della rete oppure un nome, uno dei due',
  'a date between 1900 and 2100': 'una data tra il 1900 e il 2100',
  'at least one field is required': 'modifica almeno un campo',
  'a codice fiscale or VAT number': 'un codice fiscale o una partita IVA',
  'an IBAN': 'un IBAN',
  'the end of the period comes on or after its start':
    'la fine del periodo viene il giorno dell’inizio o dopo',
  'name the partner to pay': 'indica l’ente partner da pagare',
  'give the landlord’s details': 'indica i dati del locatore',
  'a household code, N- and letters or digits': 'un codice di nucleo, N- e lettere o cifre',
  'the end comes after the start': 'la fine viene dopo l’inizio',
};

interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  origin?: string;
  expected?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
}

const REQUIRED: TLocalizedText = { it: 'Campo obbligatorio.', en: 'Required.' };

/**
 * Plain words for zod's generic issues, which read like code ("Troppo piccolo: string deve avere
 * >=1 caratteri"): what the person should write instead. Undefined for the rare others.
 */
function plainWords(issue: IssueLike): TLocalizedText | undefined {
  const numeric = issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint';
  switch (issue.code) {
    case 'invalid_type':
      if (/received (undefined|null)$/.test(issue.message)) return REQUIRED;
      if (issue.expected === 'number' || issue.expected === 'int')
        return { it: 'Scrivi un numero.', en: 'Write a number.' };
      if (issue.expected === 'string') return { it: 'Scrivi un testo.', en: 'Write some text.' };
      if (issue.expected === 'boolean') return { it: 'Scegli sì o no.', en: 'Choose yes or no.' };
      return undefined;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? REQUIRED
          : { it: `Almeno ${issue.minimum} caratteri.`, en: `At least ${issue.minimum} characters.` };
      if (numeric)
        return issue.inclusive === false
          ? { it: `Più di ${issue.minimum}.`, en: `More than ${issue.minimum}.` }
          : { it: `Almeno ${issue.minimum}.`, en: `At least ${issue.minimum}.` };
      if (issue.origin === 'array')
        return Number(issue.minimum) <= 1
          ? { it: 'Scegline almeno uno.', en: 'Choose at least one.' }
          : { it: `Almeno ${issue.minimum} voci.`, en: `At least ${issue.minimum} items.` };
      return undefined;
    case 'too_big':
      if (issue.origin === 'string')
        return { it: `Al massimo ${issue.maximum} caratteri.`, en: `At most ${issue.maximum} characters.` };
      if (numeric)
        return issue.inclusive === false
          ? { it: `Meno di ${issue.maximum}.`, en: `Less than ${issue.maximum}.` }
          : { it: `Al massimo ${issue.maximum}.`, en: `At most ${issue.maximum}.` };
      if (issue.origin === 'array')
        return { it: `Al massimo ${issue.maximum} voci.`, en: `At most ${issue.maximum} items.` };
      return undefined;
    case 'invalid_format':
      if (issue.format === 'email')
        return {
          it: 'Un indirizzo e-mail, come nome@esempio.it.',
          en: 'An e-mail address, such as name@example.org.',
        };
      if (issue.format === 'date')
        return { it: 'Una data, come 31/12/2026.', en: 'A date, such as 31/12/2026.' };
      if (issue.format === 'uuid')
        return { it: 'Scegli una voce dall’elenco.', en: 'Choose an entry from the list.' };
      return undefined;
    case 'invalid_value':
      return { it: 'Scegli uno dei valori proposti.', en: 'Choose one of the values offered.' };
    default:
      return undefined;
  }
}

function localize(issue: IssueLike): TLocalizedText {
  const generic = en.localeError(issue as never);
  const genericEn = typeof generic === 'string' ? generic : generic?.message;
  if (genericEn && genericEn !== issue.message && !issue.message.startsWith('Invalid input: expected')) {
    // A message written in the schema: keep it and translate it.
    return { it: CUSTOM_IT[issue.message] ?? issue.message, en: issue.message };
  }
  const plain = plainWords(issue);
  if (plain) return plain;
  const italian = it.localeError(issue as never);
  const italianText = (typeof italian === 'string' ? italian : italian?.message) ?? issue.message;
  return { it: italianText.replace(/, ricevuto undefined$/, ''), en: issue.message };
}

/** Zod issues as field errors; an unknown key names the key itself as the field. */
export function fieldErrorsOf(issues: readonly IssueLike[], prefix: string): FieldError[] {
  return issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({
        field: [base, key].filter(Boolean).join('.'),
        code: issue.code,
        message: { it: `Campo non previsto: «${key}»`, en: `Unknown field: "${key}"` },
      }));
    }
    return [{ field: base || prefix, code: issue.code, message: localize(issue) }];
  });
}

/**
 * `value` read by `schema` where Fastify's own validation does not run (a multipart form's text
 * fields, a body that may come as JSON or as a form): refused as a JSON body would be, each field
 * named and worded in Italian and English (400).
 */
export function parsedOrRefused<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw problems.fields(fieldErrorsOf(parsed.error.issues, ''));
}
