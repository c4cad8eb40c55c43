import type { TLocale } from '../../../contracts/index.js';

/**
 * "of" and a country's name, as a sentence needs it: "del Marocco", "della Nigeria",
 * "dell'Albania", "degli Stati Uniti d'America", "di Cuba"; "of Morocco", "of the Netherlands".
 * Italian chooses the article by the gender, number and first sound of the name's first word:
 * a name's own rule covers most countries (feminine in -a, masculine otherwise); the tables
 * below, by ISO code, hold the names that usage treats otherwise. The names themselves are the
 * reference data's (`i18n-iso-countries`), so the code is what the exceptions are keyed by.
 */

/** Islands, city states and others named without an article: "di Cuba", "di Israele". */
const WITHOUT_ARTICLE = new Set(
  (
    'AD AG AI AW BB BL CU CV CW CY DJ GD GG GI GU HK HT IL JE KI KN LC MC MF MO MS MT MU NR NU PM PR ' +
    'PW RE SG SH SM ST SV SX TK TL TO TT TV VC VU WF WS YT'
  ).split(' '),
);

/** Names the rule would get wrong: masculine in -a ("del Kenya"), plural ("delle Filippine"). */
const ITALIAN_OF: Record<string, string> = {
  BF: 'del',
  BW: 'del',
  CA: 'del',
  EH: 'del',
  GH: 'del',
  GT: 'del',
  KE: 'del',
  NI: 'del',
  RW: 'del',
  VE: 'del',
  ZA: 'del',
  AS: 'delle',
  BM: 'delle',
  BS: 'delle',
  FJ: 'delle',
  KM: 'delle',
  MV: 'delle',
  PH: 'delle',
  SC: 'delle',
  SJ: 'delle',
};

/** First words that make a name plural: "degli Stati Uniti", "delle Isole Cook". */
const PLURAL_FIRST_WORDS: Record<string, string> = {
  emirati: 'degli',
  isole: 'delle',
  paesi: 'dei',
  stati: 'degli',
  territori: 'dei',
};

function italianArticle(firstWord: string): string {
  // Before a vowel (and the silent h of "Honduras") the article is elided: "dell'Albania".
  if (/^[aeiouàèéìòóùh]/.test(firstWord)) return "dell'";
  if (/[aà]$/.test(firstWord)) return 'della';
  // "lo" before s + consonant, z, gn, ps, x, y: "dello Yemen", "dello Stato di Palestina".
  if (/^(s[^aeiouàèéìòóù]|z|gn|ps|x|y)/.test(firstWord)) return 'dello';
  return 'del';
}

function italianOf(code: string, name: string): string {
  if (WITHOUT_ARTICLE.has(code)) return `di ${name}`;
  const first = (name.split(/[\s-]/)[0] ?? name).toLowerCase();
  const article = ITALIAN_OF[code] ?? PLURAL_FIRST_WORDS[first] ?? italianArticle(first);
  return article.endsWith("'") ? `${article}${name}` : `${article} ${name}`;
}

/** English names that take "the": plurals, republics, kingdoms, federations, islands. */
const ENGLISH_PLURALS = new Set(['BS', 'KM', 'MV', 'NL', 'PH', 'SC']);
const ENGLISH_WITH_THE =
  /^(United|Holy See|State of|Lao|Russian)\b|\b(Republic|Kingdom|Federation|Islands|Emirates)\b/;

function englishOf(code: string, name: string): string {
  // "Moldova, Republic of": the name before the comma is the one a sentence uses.
  const short = name.split(',')[0]!.trim();
  if (/^The\s/.test(short)) return `of the ${short.slice(4)}`;
  return ENGLISH_PLURALS.has(code) || ENGLISH_WITH_THE.test(short) ? `of the ${short}` : `of ${short}`;
}

export function ofCountry({ code, name, locale }: { code: string; name: string; locale: TLocale }): string {
  return locale === 'it' ? italianOf(code, name) : englishOf(code, name);
}
