import type { TSiteLanguage } from '../../../../contracts/website.js';
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
 * The fixed words of the public website (issue 24) in the ten languages of the residents: one file
 * per language under `words/`, each complete (the type says so). What editors write is content,
 * stored per language; these are the frame around it. Plain words, short sentences.
 */

export interface SiteParagraph {
  heading: string;
  text: string;
}

export interface SiteWords {
  /** The language's name in itself, for the language switcher. */
  languageName: string;
  siteName: string;
  /** One line under the name: whose site it is. */
  tagline: string;
  skipToContent: string;
  languageNav: string;
  mainNav: string;
  quickExit: string;
  quickExitHelp: string;

  menuHome: string;
  menuHelp: string;
  menuNews: string;
  menuEvents: string;
  menuSafety: string;

  /** The emergency box on every page: 112 and the 1522 helpline. */
  emergencyTitle: string;
  emergency112: string;
  helpline1522: string;

  /** Shown above a page shown in Italian because it is not translated yet. */
  notTranslated: (languageName: string) => string;

  newsTitle: string;
  newsIntro: string;
  newsEmpty: string;
  readMore: string;
  publishedOn: (day: string) => string;

  servicesTitle: string;
  servicesIntro: string;
  servicesEmpty: string;
  phoneLabel: string;
  hoursLabel: string;
  languagesLabel: string;
  municipalityLabel: string;
  /** The list of comuni where services are: a map of places, never of addresses. */
  mapTitle: string;

  eventsTitle: string;
  eventsLink: string;

  notFoundTitle: string;
  notFoundText: string;
  backHome: string;

  previewBanner: string;

  footerAccessibility: string;
  footerFeedback: string;
  footerPrivacy: string;
  footerSafety: string;
  footerFeed: string;

  safetyTitle: string;
  safety: readonly SiteParagraph[];

  /** The good-practice video manual (item 4). */
  menuVideos: string;
  videosTitle: string;
  videosIntro: string;
  videosEmpty: string;
  chapterLabel: (number: number) => string;
  /** The project's seven work packages, as the manual names the area a chapter belongs to. */
  workPackages: Record<'wp1' | 'wp2' | 'wp3' | 'wp4' | 'wp5' | 'wp6' | 'wp7', string>;
  workPackageLabel: string;
  practiceLabel: string;
  /** Shown inside the video element by a browser that cannot play it. */
  noVideoSupport: string;
  partsTitle: string;
  transcriptTitle: string;
  transcriptHelp: string;
  /** Before a line of the transcript that describes what the picture shows. */
  descriptionLabel: string;
  /** The player's button that reads the descriptions aloud (WCAG 1.2.5), and its state. */
  audioDescription: string;
  transcriptInItalian: (languageName: string) => string;
  searchLabel: string;
  searchButton: string;
  searchResultsTitle: (query: string) => string;
  searchEmpty: string;
  /** "at 1:05": where in the video a found line is said. */
  atTime: (time: string) => string;

  /** Conferences (item 5): registration and the survey are the community calendar's. */
  menuConferences: string;
  conferencesTitle: string;
  conferencesIntro: string;
  conferencesEmpty: string;
  whenLabel: string;
  whereLabel: string;
  programmeTitle: string;
  speakersTitle: string;
  /** After the event: its documents and recordings. */
  materialsTitle: string;
  recordingsTitle: string;
  /** A document's link: "PDF, 1.2 MB". */
  documentSize: (size: string) => string;
  register: string;
  registrationClosed: string;
  conferenceCancelled: string;
  giveFeedback: string;
  feedbackHelp: string;

  /** The share links under a published item (item 6): plain links, no widget, no script. */
  shareTitle: string;
  shareEmail: string;

  privacyTitle: string;
  privacy: readonly SiteParagraph[];
}

const WORDS: Record<TSiteLanguage, SiteWords> = {
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

export const siteWords = (lang: TSiteLanguage): SiteWords => WORDS[lang];
