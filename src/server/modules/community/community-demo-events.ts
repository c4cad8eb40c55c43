import type { TEventKind, TNeedTopic, TPublicLanguage, TResourceKind } from '../../../contracts/community.js';

/**
 * The demo calendar (issue 19): a dozen events past and future across the comuni, the residents
 * who registered (invented names; phones in an unassigned range), and the complementary
 * resources holders offered. Days are counted from today (negative: past).
 */

export interface DemoEvent {
  kind: TEventKind;
  title: string;
  description: string;
  municipality: string;
  languages: TPublicLanguage[];
  topics: TNeedTopic[];
  capacity: number;
  /** Days from today of each session; `now` is a session running at the time of seeding. */
  sessions: (number | 'now')[];
  hour: number;
  place: string;
  coOrganisers: string[];
  /** The residents registered: a slice [from, to) of DEMO_RESIDENTS. */
  residents: [number, number];
  /** One professional attending (a teacher, an educator), registered by the organiser. */
  professional?: string;
  /** Walk-ins counted at the door (single-session events only). */
  headCount?: boolean;
  published?: boolean;
}

export const DEMO_EVENTS: DemoEvent[] = [
  {
    kind: 'citizenship_lab',
    title: 'Laboratorio di cittadinanza attiva — Treviglio',
    description:
      'Quattro serate per conoscere i servizi del territorio, i diritti e i doveri, e come partecipare alla vita del comune.',
    municipality: '016219',
    languages: ['it', 'ar', 'ur'],
    topics: ['rights', 'documents'],
    capacity: 25,
    sessions: [-70, -63, -56, -49],
    hour: 18,
    place: "Centro culturale islamico Gera d'Adda, Via dei Mulini 4",
    coOrganisers: ['tr-mosque', 'tr-alamal'],
    residents: [0, 14],
    professional: 'Educatrice del servizio inclusione',
  },
  {
    kind: 'citizenship_lab',
    title: 'Laboratorio di cittadinanza attiva — Romano di Lombardia',
    description:
      'Quattro incontri sul lavoro, la scuola e la partecipazione, con la mediazione in francese e urdu.',
    municipality: '016183',
    languages: ['it', 'fr', 'ur', 'ro'],
    topics: ['rights', 'work'],
    capacity: 25,
    sessions: [-14, -7, 'now', 7],
    hour: 18,
    place: 'Centro interculturale La Tenda, Piazza Roma 4',
    coOrganisers: ['ro-tenda', 'ro-teranga'],
    residents: [14, 26],
    professional: 'Insegnante dell’istituto comprensivo Rubini',
  },
  {
    kind: 'citizenship_lab',
    title: 'Laboratorio di cittadinanza — Caravaggio',
    description: 'Quattro domeniche pomeriggio: la lingua dei documenti, i servizi, i diritti sul lavoro.',
    municipality: '016053',
    languages: ['it', 'pa', 'ur'],
    topics: ['rights', 'language'],
    capacity: 20,
    sessions: [10, 17, 24, 31],
    hour: 15,
    place: "Gurdwara Sri Guru Nanak Dev Ji, Via dell'Artigianato 18",
    coOrganisers: ['cv-gurdwara', 'cv-punjabi'],
    residents: [26, 31],
  },
  {
    kind: 'awareness_meeting',
    title: 'Violenza domestica: dove chiedere aiuto',
    description:
      'Il centro antiviolenza, il consultorio e i carabinieri spiegano a chi rivolgersi, anche senza documenti.',
    municipality: '016219',
    languages: ['it', 'ar', 'fr', 'en'],
    topics: ['violence_safety'],
    capacity: 60,
    sessions: [-40],
    hour: 18,
    place: "Salone dell'oratorio, Piazza Manara 2",
    coOrganisers: ['tr-parish', 'tr-caritas'],
    residents: [30, 39],
    professional: 'Assistente sociale del comune',
    headCount: true,
  },
  {
    kind: 'awareness_meeting',
    title: 'La salute delle donne: il consultorio spiegato',
    description: 'Visite in gravidanza, contraccezione, screening: tutto gratuito e con la mediatrice.',
    municipality: '016183',
    languages: ['it', 'ur', 'pa', 'ar'],
    topics: ['health'],
    capacity: 40,
    sessions: [-25],
    hour: 15,
    place: 'Sala civica, Via Balilla 6',
    coOrganisers: ['ro-pakistan'],
    residents: [36, 46],
  },
  {
    kind: 'awareness_meeting',
    title: 'Scuola e famiglie: iscrizioni, mensa e registro elettronico',
    description:
      'Come si iscrivono i figli, come si chiede la mensa e come si legge il registro elettronico.',
    municipality: '016079',
    languages: ['it', 'ar', 'pa', 'ro'],
    topics: ['school', 'digital'],
    capacity: 40,
    sessions: [-18],
    hour: 17,
    place: 'Istituto comprensivo, Via Rocca 10',
    coOrganisers: ['co-ic'],
    residents: [44, 52],
    professional: 'Insegnante referente per l’inclusione',
  },
  {
    kind: 'awareness_meeting',
    title: 'Permesso di soggiorno, cittadinanza e documenti',
    description: 'Rinnovi, ricongiungimenti e cittadinanza: le domande più frequenti, con il patronato.',
    municipality: '016133',
    languages: ['it', 'sq', 'en', 'ar'],
    topics: ['documents', 'rights'],
    capacity: 50,
    sessions: [-32],
    hour: 18,
    place: "Oratorio di Sant'Agata, Piazza Maggiore 3",
    coOrganisers: ['ma-albania', 'ma-nigeria', 'ma-parish'],
    residents: [2, 10],
  },
  {
    kind: 'workshop',
    title: 'Workshop: contratti, busta paga e diritti sul lavoro',
    description: 'Si impara a leggere un contratto e una busta paga, con lo sportello sindacale.',
    municipality: '016053',
    languages: ['it', 'pa', 'ur'],
    topics: ['work', 'rights'],
    capacity: 30,
    sessions: [-45],
    hour: 16,
    place: 'Biblioteca civica di Caravaggio',
    coOrganisers: ['cv-gurdwara', 'sp-sportello'],
    residents: [20, 29],
  },
  {
    kind: 'workshop',
    title: 'Workshop digitale: SPID, fascicolo sanitario e iscrizioni online',
    description: 'Portate il telefono: insieme si attiva lo SPID e si prova a fare un’iscrizione online.',
    municipality: '016096',
    languages: ['it', 'ro', 'ar'],
    topics: ['digital'],
    capacity: 20,
    sessions: [-10],
    hour: 17,
    place: 'Aula informatica, Via Locatelli 1',
    coOrganisers: ['fg-ic', 'fg-nilo'],
    residents: [46, 54],
  },
  {
    kind: 'awareness_meeting',
    title: 'Essere genitori in un nuovo paese',
    description: 'Un incontro tra famiglie sulla scuola, le regole e il tempo libero dei figli.',
    municipality: '016013',
    languages: ['it', 'ar', 'en'],
    topics: ['parenting'],
    capacity: 40,
    sessions: [5],
    hour: 18,
    place: "Oratorio di Arzago d'Adda",
    coOrganisers: ['az-parish'],
    residents: [10, 13],
  },
  {
    kind: 'workshop',
    title: 'Workshop: la casa, il contratto d’affitto e i bandi',
    description: 'Come si cerca casa, cosa deve esserci nel contratto, come si partecipa ai bandi.',
    municipality: '016206',
    languages: ['it', 'ar', 'ur', 'ro'],
    topics: ['housing'],
    capacity: 30,
    sessions: [12],
    hour: 18,
    place: 'Sala consiliare di Spirano',
    coOrganisers: ['sp-sportello', 'sp-ic'],
    residents: [14, 18],
  },
  {
    kind: 'awareness_meeting',
    title: 'I diritti delle donne e il numero 1522',
    description: 'Un incontro tra donne, con l’operatrice del centro antiviolenza e la mediatrice in arabo.',
    municipality: '016044',
    languages: ['it', 'ar'],
    topics: ['violence_safety', 'rights'],
    capacity: 30,
    sessions: [20],
    hour: 15,
    place: 'Associazione culturale islamica, Via Papa Giovanni 27',
    coOrganisers: ['ca-islam'],
    residents: [0, 2],
  },
  {
    kind: 'workshop',
    title: 'Sport e inclusione: iscrivere i figli alle società sportive',
    description: 'Certificato medico, quote, dote sport: le società sportive incontrano le famiglie.',
    municipality: '016113',
    languages: ['it', 'fr', 'sq'],
    topics: ['parenting'],
    capacity: 40,
    sessions: [26],
    hour: 18,
    place: 'Palestra comunale di Ghisalba',
    coOrganisers: ['gh-sport'],
    residents: [0, 0],
    published: false,
  },
];

/**
 * Residents (invented): name | gender | age band | citizenship group | language. The i-th has the
 * phone +39 320 000 0i (an unassigned range); some register anonymously (DEMO_ANONYMOUS).
 */
const RESIDENTS = `
Fatima El Amrani | female | 30_44 | non_eu | ar
Khadija Benali | female | 45_64 | non_eu | ar
Youssef Ouali | male | 30_44 | non_eu | ar
Nadia Berrada | female | 18_29 | non_eu | fr
Hicham Tazi | male | 45_64 | non_eu | ar
Salma Chraibi | female | 18_29 | non_eu | ar
Karim Lahlou | male | 30_44 | non_eu | fr
Imane Bennani | female | 30_44 | non_eu | ar
Elira Hoxha | female | 30_44 | non_eu | sq
Grace Okonkwo | female | 18_29 | non_eu | en
Mona Hassan | female | 30_44 | non_eu | ar
Amira Farouk | female | 45_64 | non_eu | ar
Rosa Quispe | female | 45_64 | non_eu | es
Maria Teresa Bonetti | female | 65_plus | italian | it
Aminata Diop | female | 30_44 | non_eu | fr
Fatou Sarr | female | 18_29 | non_eu | fr
Ousmane Ba | male | 30_44 | non_eu | fr
Awa Ndiaye | female | 45_64 | non_eu | fr
Ayesha Malik | female | 30_44 | non_eu | ur
Sana Iqbal | female | 18_29 | non_eu | ur
Bilal Hussain | male | 30_44 | non_eu | ur
Ana Popescu | female | 30_44 | eu | ro
Elena Ionescu | female | 45_64 | eu | ro
Andrei Munteanu | male | 18_29 | eu | ro
Lucía Mamani | female | 30_44 | non_eu | es
Angela Ferri | female | 45_64 | italian | it
Gurpreet Kaur | female | 30_44 | non_eu | pa
Simranjit Kaur | female | 18_29 | non_eu | pa
Harpreet Singh | male | 30_44 | non_eu | pa
Jaspreet Kaur | female | 45_64 | non_eu | pa
Nazia Parveen | female | 30_44 | non_eu | ur
Olena Kovalchuk | female | 30_44 | non_eu | uk
Iryna Bondarenko | female | 45_64 | non_eu | uk
Precious Eze | female | 18_29 | non_eu | en
Blerina Kola | female | 30_44 | non_eu | sq
Samia Khelifi | female | 30_44 | non_eu | fr
Rukhsana Begum | female | 45_64 | non_eu | ur
Shabnam Akhtar | female | 30_44 | non_eu | ur
Baljit Kaur | female | 30_44 | non_eu | pa
Zainab Yusuf | female | 18_29 | non_eu | ar
Rosa Pagani | female | 45_64 | italian | it
Natalia Melnyk | female | 65_plus | non_eu | uk
Joy Okoro | female | 30_44 | non_eu | en
Maria Stan | female | 30_44 | eu | ro
Abdou Diallo | male | 30_44 | non_eu | fr
Hassan Amrani | male | 45_64 | non_eu | ar
Luca Mapelli | male | 30_44 | italian | it
Arta Dervishi | female | 18_29 | non_eu | sq
Cristina Radu | female | 30_44 | eu | ro
Tariq Javed | male | 45_64 | non_eu | ur
Emma Bertocchi | female | 18_29 | italian | it
Franco Tironi | male | 65_plus | italian | it
Leila Haddad | female | 30_44 | non_eu | ar
Mariana Ciobanu | female | 45_64 | eu | ro
`;

export interface DemoResident {
  name: string;
  gender: string;
  ageBand: string;
  citizenshipGroup: string;
  language: TPublicLanguage;
  phone: string;
}

export const DEMO_RESIDENTS: DemoResident[] = RESIDENTS.trim()
  .split('\n')
  .map((line, i) => {
    const [name, gender, ageBand, citizenshipGroup, language] = line.split('|').map((c) => c.trim()) as [
      string,
      ...string[],
    ];
    return {
      name,
      gender: gender!,
      ageBand: ageBand!,
      citizenshipGroup: citizenshipGroup!,
      language: language as TPublicLanguage,
      phone: `+39320000${String(i).padStart(4, '0')}`,
    };
  });

/** Some residents choose to register without name or phone (their ticket alone counts them). */
export const DEMO_ANONYMOUS = (resident: number) => resident % 5 === 2;

/**
 * The complementary-resources ledger, valued by the rule each line names: holder | kind |
 * description | quantity | unit | value in cents | valuation rule | days ago.
 */
const RESOURCES = `
tr-parish   | room            | Salone dell’oratorio per l’incontro sulla violenza domestica          | 1   | days  | 15000 | market_rent         | 40
tr-mosque   | room            | Sala del centro per le quattro serate del laboratorio (80 € a serata) | 4   | days  | 32000 | market_rent         | 70
tr-alamal   | volunteer_hours | Accoglienza e traduzione in arabo: 24 ore a 22,00 € l’ora             | 24  | hours | 52800 | volunteer_hour_rate | 49
cv-gurdwara | goods           | Cena condivisa per 60 persone dopo il workshop                        | 60  | items | 36000 | market_price        | 45
ro-teranga  | volunteer_hours | Volontari all’accoglienza del laboratorio: 16 ore a 22,00 € l’ora     | 16  | hours | 35200 | volunteer_hour_rate | 7
ro-tenda    | room            | Aula del centro per il laboratorio (60 € a serata)                    | 4   | days  | 24000 | market_rent         | 14
ro-sport    | money           | Contributo raccolto alla festa dello sport                            | 500 | euro  | 50000 | cash                | 60
tr-caritas  | services        | Spazio bimbi durante l’incontro: due volontarie per 3 ore a 22,00 € l’ora | 6 | hours | 13200 | volunteer_hour_rate | 40
bg-satsri   | money           | Contributo della comunità per i materiali in punjabi                  | 300 | euro  | 30000 | cash                | 30
fg-ic       | room            | Aula informatica con 20 postazioni                                    | 1   | days  | 20000 | market_rent         | 10
ma-parish   | volunteer_hours | Allestimento e accoglienza: 10 ore a 22,00 € l’ora                    | 10  | hours | 22000 | volunteer_hour_rate | 32
`;

export interface DemoResource {
  holder: string;
  kind: TResourceKind;
  description: string;
  quantity: number;
  unit: string;
  valueCents: number;
  rule: string;
  daysAgo: number;
}

export const DEMO_RESOURCES: DemoResource[] = RESOURCES.trim()
  .split('\n')
  .map((line) => {
    const [holder, kind, description, quantity, unit, cents, rule, ago] = line
      .split('|')
      .map((c) => c.trim()) as [string, ...string[]];
    return {
      holder,
      kind: kind as TResourceKind,
      description: description!,
      quantity: Number(quantity),
      unit: unit!,
      valueCents: Number(cents),
      rule: rule!,
      daysAgo: Number(ago),
    };
  });
