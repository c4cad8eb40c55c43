import type { SiteWords } from '../site-words.js';

export const EN: SiteWords = {
  languageName: 'English',
  siteName: 'Trama network',
  tagline:
    'Services for women, families and foreign residents in the districts of Treviglio and Romano di Lombardia',
  skipToContent: 'Skip to content',
  languageNav: 'Language',
  mainNav: 'Main menu',
  quickExit: 'Leave now',
  quickExitHelp: 'The “Leave now” button opens a weather page. You can also press the Esc key twice.',

  menuHome: 'Home',
  menuHelp: 'Where to get help',
  menuNews: 'News',
  menuEvents: 'Meetings',
  menuSafety: 'Browse safely',

  emergencyTitle: 'Are you in danger?',
  emergency112: 'Emergency: call 112',
  helpline1522:
    'Violence or stalking: call 1522. It is free, answers day and night, also in other languages.',

  notTranslated: (languageName) =>
    `This page is not translated into ${languageName} yet. Here it is in Italian.`,

  newsTitle: 'News',
  newsIntro: 'What is new in the network of services.',
  newsEmpty: 'There is no news yet.',
  readMore: 'Read more',
  publishedOn: (day) => `Published on ${day}`,

  servicesTitle: 'The services of the network',
  servicesIntro: 'You can call these services. They are free. Ask to speak in your language.',
  servicesEmpty: 'The list of services is not published yet. Call 1522.',
  phoneLabel: 'Phone',
  hoursLabel: 'Opening hours',
  languagesLabel: 'Languages spoken',
  municipalityLabel: 'Town',
  mapTitle: 'Where the services are',

  eventsTitle: 'Meetings and workshops',
  eventsLink: 'See the calendar of meetings',

  notFoundTitle: 'Page not found',
  notFoundText: 'This page does not exist or is no longer published.',
  backHome: 'Back to the home page',

  previewBanner: 'Preview: this page is not published.',

  footerAccessibility: 'Accessibility statement',
  footerFeedback: 'Report an accessibility problem',
  footerPrivacy: 'Privacy',
  footerSafety: 'How to browse safely',
  footerFeed: 'News as RSS',

  safetyTitle: 'How to browse safely',
  safety: [
    {
      heading: 'Leave now',
      text: 'The “Leave now” button, at the top of every page, opens a weather page. With a keyboard: press Esc twice. Going back does not show this page again.',
    },
    {
      heading: 'Your history',
      text: 'Your phone or computer remembers the pages you open. Use a private (incognito) window, or delete the history after your visit.',
    },
    {
      heading: 'A safe phone',
      text: 'If you think someone checks your phone, use the phone of a person you trust or of a service, or call 1522.',
    },
    {
      heading: 'This site',
      text: 'It uses no cookies and sends no data to other sites. It does not ask your name.',
    },
  ],

  menuVideos: 'Video manual',
  videosTitle: 'Good-practice video manual',
  videosIntro:
    'Short videos on how the services of the network work: each chapter shows one practice, with subtitles and a transcript.',
  videosEmpty: 'The video manual is not published yet.',
  chapterLabel: (number) => `Chapter ${number}`,
  workPackages: {
    wp1: 'Anti-violence network “Non sei sola”',
    wp2: 'Child protection',
    wp3: 'Community and active citizenship',
    wp4: 'Ethnoclinical team and research',
    wp5: 'Autonomy, work and housing',
    wp6: 'Governance and sustainability',
    wp7: 'Communication and dissemination',
  },
  workPackageLabel: 'Area of work',
  practiceLabel: 'Practice shown',
  noVideoSupport: 'Your browser cannot play this video. Read the transcript below.',
  partsTitle: 'Parts of the video',
  transcriptTitle: 'Transcript',
  transcriptHelp: 'Choose a line to play the video from there.',
  descriptionLabel: 'Picture',
  audioDescription: 'Read aloud the description of the pictures',
  transcriptInItalian: (languageName) =>
    `The transcript is not available in ${languageName} yet. Here it is in Italian.`,
  searchLabel: 'Search the videos',
  searchButton: 'Search',
  searchResultsTitle: (query) => `Results for “${query}”`,
  searchEmpty: 'No video says these words.',
  atTime: (time) => `at ${time}`,

  menuConferences: 'Conferences',
  conferencesTitle: 'Conferences',
  conferencesIntro:
    'The network’s conferences: the programme, who speaks and how to register; after the conference, the materials and recordings.',
  conferencesEmpty: 'No conferences are published yet.',
  whenLabel: 'When',
  whereLabel: 'Where',
  programmeTitle: 'Programme',
  speakersTitle: 'Speakers',
  materialsTitle: 'Materials',
  recordingsTitle: 'Recordings',
  documentSize: (size) => `PDF, ${size}`,
  register: 'Register',
  registrationClosed: 'Registration is closed.',
  conferenceCancelled: 'The conference has been cancelled.',
  giveFeedback: 'Give your opinion on the conference',
  feedbackHelp: 'You need your registration code and a minute. Your opinion is anonymous.',

  shareTitle: 'Share',
  shareEmail: 'Email',
  privacyTitle: 'Privacy',
  privacy: [
    {
      heading: 'What we collect',
      text: 'Nothing that says who you are: no cookies, no visit counters, no services of other sites. The server keeps the network address of visitors for a few days, to defend itself from attacks.',
    },
    {
      heading: 'Who is the controller',
      text: 'The organisations of the network of services of the districts of Treviglio and Romano di Lombardia. The data protection officer answers your questions.',
    },
    {
      heading: 'Your rights',
      text: 'You can ask which data we hold, have them corrected or deleted, and complain to the Italian Data Protection Authority.',
    },
  ],
};
