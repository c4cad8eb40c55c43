import type {
  AGE_BANDS,
  CITIZENSHIP_GROUPS,
  GENDERS,
  TEventKind,
  TParticipantKind,
  TPublicLanguage,
} from '../../../../contracts/community.js';
import { AR } from './words/ar.js';
import { EN } from './words/en.js';
import { ES } from './words/es.js';
import { FR } from './words/fr.js';
import { IT } from './words/it.js';
import { PA } from './words/pa.js';
import { RO } from './words/ro.js';
import { SQ } from './words/sq.js';
import { UK } from './words/uk.js';
import { UR } from './words/ur.js';

/**
 * The fixed text of the public pages in the ten languages of the residents (issue 19): one file
 * per language under `words/`, each complete (the type says so), so a translator reads and
 * corrects one file. Plain words, short sentences: many readers read little.
 */

/** One heading and its text, for the privacy notice and the safety page. */
export interface Paragraph {
  heading: string;
  text: string;
}

export interface PublicWords {
  /** The language's name in itself, for the language switcher. */
  languageName: string;
  siteName: string;
  skipToContent: string;
  languageNav: string;
  quickExit: string;
  quickExitHelp: string;
  allEvents: string;
  safetyLink: string;

  listTitle: string;
  listIntro: string;
  listEmpty: string;
  kinds: Record<TEventKind, string>;
  sessionsCount: (n: number) => string;
  when: string;
  where: string;
  comune: string;
  spokenLanguages: string;
  organisedBy: string;
  detailsLink: string;
  writtenInItalian: string;

  notFoundTitle: string;
  notFoundText: string;
  eventCancelled: string;
  eventOver: string;
  registrationClosed: string;
  seatsAvailable: string;
  seatsFull: string;

  formTitle: string;
  formIntro: string;
  anonymousLabel: string;
  anonymousHint: string;
  nameLabel: string;
  nameHint: string;
  phoneLabel: string;
  phoneHint: string;
  genderLegend: string;
  genders: Record<(typeof GENDERS)[number], string>;
  ageLegend: string;
  ages: Record<(typeof AGE_BANDS)[number], string>;
  citizenshipLegend: string;
  citizenships: Record<(typeof CITIZENSHIP_GROUPS)[number], string>;
  honeypotLabel: string;
  submitRegister: string;

  errorSummary: string;
  nameRequired: string;
  phoneInvalid: string;
  alreadyRegistered: string;
  tooFast: string;
  formExpired: string;

  confirmedTitle: string;
  confirmedText: string;
  waitlistedTitle: string;
  waitlistedText: string;
  ticketLabel: string;
  ticketKeep: string;
  ticketQr: string;
  cancelHow: string;
  feedbackHow: string;

  cancelTitle: string;
  cancelIntro: string;
  ticketCodeLabel: string;
  ticketCodeHint: string;
  ticketCodeFormat: string;
  ticketNotFound: string;
  submitCancel: string;
  cancelledTitle: string;
  cancelledText: string;
  cancelNotNow: string;

  walkInTitle: string;
  walkInIntro: string;
  haveTicketLegend: string;
  haveTicketHint: string;
  noTicketHeading: string;
  noTicketIntro: string;
  participantLegend: string;
  participants: Record<TParticipantKind, string>;
  submitWalkIn: string;
  presentTitle: string;
  presentAlready: string;
  walkInTicket: string;
  scanAgainTitle: string;
  scanAgainText: string;
  checkinNotYet: string;
  checkinEnded: string;

  feedbackTitle: string;
  feedbackIntro: string;
  feedbackNotYet: string;
  usefulQuestion: string;
  understoodQuestion: string;
  /** The answers 1 to 5, from the worst to the best. */
  scale: readonly [string, string, string, string, string];
  answerRequired: string;
  submitFeedback: string;
  feedbackThanks: string;
  feedbackAlready: string;

  safetyTitle: string;
  safety: readonly Paragraph[];

  privacyTitle: string;
  /** The controller named when the page is one event's, else how to find it. */
  privacy: (controller: string | null) => readonly Paragraph[];
}

const WORDS: Record<TPublicLanguage, PublicWords> = {
  it: IT,
  en: EN,
  fr: FR,
  ar: AR,
  sq: SQ,
  pa: PA,
  ur: UR,
  ro: RO,
  uk: UK,
  es: ES,
};

export const wordsFor = (lang: TPublicLanguage): PublicWords => WORDS[lang];

export { dateWords, isRtl, pickLanguage } from '../../../platform/public-pages/languages.js';
