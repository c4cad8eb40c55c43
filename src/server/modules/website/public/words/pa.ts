import type { SiteWords } from '../site-words.js';

/** Punjabi in Gurmukhi script (the script of Punjabi speakers from India, most of those in the area). */
export const PA: SiteWords = {
  languageName: 'ਪੰਜਾਬੀ',
  siteName: 'Trama ਨੈੱਟਵਰਕ',
  tagline: 'Treviglio ਅਤੇ Romano di Lombardia ਦੇ ਇਲਾਕਿਆਂ ਵਿੱਚ ਔਰਤਾਂ, ਪਰਿਵਾਰਾਂ ਅਤੇ ਵਿਦੇਸ਼ੀ ਵਸਨੀਕਾਂ ਲਈ ਸੇਵਾਵਾਂ',
  skipToContent: 'ਸਮੱਗਰੀ ’ਤੇ ਜਾਓ',
  languageNav: 'ਭਾਸ਼ਾ',
  mainNav: 'ਮੁੱਖ ਮੀਨੂ',
  quickExit: 'ਤੁਰੰਤ ਬਾਹਰ ਜਾਓ',
  quickExitHelp: '«ਤੁਰੰਤ ਬਾਹਰ ਜਾਓ» ਬਟਨ ਮੌਸਮ ਦਾ ਇੱਕ ਪੰਨਾ ਖੋਲ੍ਹਦਾ ਹੈ। ਤੁਸੀਂ Esc ਬਟਨ ਦੋ ਵਾਰ ਵੀ ਦਬਾ ਸਕਦੇ ਹੋ।',

  menuHome: 'ਮੁੱਖ ਪੰਨਾ',
  menuHelp: 'ਮਦਦ ਕਿੱਥੇ ਮਿਲੇ',
  menuNews: 'ਖ਼ਬਰਾਂ',
  menuEvents: 'ਮੀਟਿੰਗਾਂ',
  menuSafety: 'ਸੁਰੱਖਿਅਤ ਢੰਗ ਨਾਲ ਵੈੱਬਸਾਈਟ ਵੇਖੋ',

  emergencyTitle: 'ਕੀ ਤੁਸੀਂ ਖ਼ਤਰੇ ਵਿੱਚ ਹੋ?',
  emergency112: 'ਐਮਰਜੈਂਸੀ: 112 ’ਤੇ ਫ਼ੋਨ ਕਰੋ',
  helpline1522:
    'ਹਿੰਸਾ ਜਾਂ ਪਿੱਛਾ ਕਰਨਾ (ਸਟਾਕਿੰਗ): 1522 ’ਤੇ ਫ਼ੋਨ ਕਰੋ। ਇਹ ਮੁਫ਼ਤ ਹੈ। ਦਿਨ-ਰਾਤ ਜਵਾਬ ਮਿਲਦਾ ਹੈ, ਹੋਰ ਭਾਸ਼ਾਵਾਂ ਵਿੱਚ ਵੀ।',

  notTranslated: (languageName) => `ਇਹ ਪੰਨਾ ਅਜੇ ${languageName} ਵਿੱਚ ਅਨੁਵਾਦ ਨਹੀਂ ਹੋਇਆ। ਇੱਥੇ ਇਹ ਇਤਾਲਵੀ ਵਿੱਚ ਹੈ।`,

  newsTitle: 'ਖ਼ਬਰਾਂ',
  newsIntro: 'ਸੇਵਾਵਾਂ ਦੇ ਨੈੱਟਵਰਕ ਦੀਆਂ ਨਵੀਆਂ ਖ਼ਬਰਾਂ।',
  newsEmpty: 'ਅਜੇ ਕੋਈ ਖ਼ਬਰ ਨਹੀਂ ਹੈ।',
  readMore: 'ਪੂਰਾ ਪੜ੍ਹੋ',
  publishedOn: (day) => `${day} ਨੂੰ ਪ੍ਰਕਾਸ਼ਿਤ ਕੀਤਾ ਗਿਆ`,

  servicesTitle: 'ਨੈੱਟਵਰਕ ਦੀਆਂ ਸੇਵਾਵਾਂ',
  servicesIntro: 'ਤੁਸੀਂ ਇਨ੍ਹਾਂ ਸੇਵਾਵਾਂ ਨੂੰ ਫ਼ੋਨ ਕਰ ਸਕਦੇ ਹੋ। ਇਹ ਮੁਫ਼ਤ ਹਨ। ਆਪਣੀ ਭਾਸ਼ਾ ਵਿੱਚ ਗੱਲ ਕਰਨ ਲਈ ਕਹੋ।',
  servicesEmpty: 'ਸੇਵਾਵਾਂ ਦੀ ਸੂਚੀ ਅਜੇ ਪ੍ਰਕਾਸ਼ਿਤ ਨਹੀਂ ਹੋਈ। 1522 ’ਤੇ ਫ਼ੋਨ ਕਰੋ।',
  phoneLabel: 'ਫ਼ੋਨ',
  hoursLabel: 'ਸਮਾਂ',
  languagesLabel: 'ਬੋਲੀਆਂ ਜਾਣ ਵਾਲੀਆਂ ਭਾਸ਼ਾਵਾਂ',
  municipalityLabel: 'ਨਗਰਪਾਲਿਕਾ',
  mapTitle: 'ਸੇਵਾਵਾਂ ਕਿੱਥੇ ਹਨ',

  eventsTitle: 'ਮੀਟਿੰਗਾਂ ਅਤੇ ਵਰਕਸ਼ਾਪਾਂ',
  eventsLink: 'ਮੀਟਿੰਗਾਂ ਦਾ ਕੈਲੰਡਰ ਵੇਖੋ',

  notFoundTitle: 'ਪੰਨਾ ਨਹੀਂ ਮਿਲਿਆ',
  notFoundText: 'ਇਹ ਪੰਨਾ ਮੌਜੂਦ ਨਹੀਂ ਹੈ ਜਾਂ ਹੁਣ ਪ੍ਰਕਾਸ਼ਿਤ ਨਹੀਂ ਹੈ।',
  backHome: 'ਮੁੱਖ ਪੰਨੇ ’ਤੇ ਵਾਪਸ ਜਾਓ',

  previewBanner: 'ਝਲਕ: ਇਹ ਪੰਨਾ ਪ੍ਰਕਾਸ਼ਿਤ ਨਹੀਂ ਹੈ।',

  footerAccessibility: 'ਪਹੁੰਚਯੋਗਤਾ ਬਾਰੇ ਬਿਆਨ',
  footerFeedback: 'ਪਹੁੰਚਯੋਗਤਾ ਦੀ ਕਿਸੇ ਸਮੱਸਿਆ ਬਾਰੇ ਦੱਸੋ',
  footerPrivacy: 'ਨਿੱਜਤਾ',
  footerSafety: 'ਸੁਰੱਖਿਅਤ ਢੰਗ ਨਾਲ ਵੈੱਬਸਾਈਟ ਕਿਵੇਂ ਵੇਖੀਏ',
  footerFeed: 'ਖ਼ਬਰਾਂ RSS ਰੂਪ ਵਿੱਚ',

  safetyTitle: 'ਸੁਰੱਖਿਅਤ ਢੰਗ ਨਾਲ ਵੈੱਬਸਾਈਟ ਕਿਵੇਂ ਵੇਖੀਏ',
  safety: [
    {
      heading: 'ਤੁਰੰਤ ਬਾਹਰ ਜਾਓ',
      text: 'ਹਰ ਪੰਨੇ ਦੇ ਉੱਪਰ «ਤੁਰੰਤ ਬਾਹਰ ਜਾਓ» ਬਟਨ ਮੌਸਮ ਦਾ ਇੱਕ ਪੰਨਾ ਖੋਲ੍ਹਦਾ ਹੈ। ਕੀਬੋਰਡ ਨਾਲ: Esc ਦੋ ਵਾਰ ਦਬਾਓ। ਪਿੱਛੇ ਜਾਣ ’ਤੇ ਇਹ ਪੰਨਾ ਦੁਬਾਰਾ ਨਹੀਂ ਦਿਸਦਾ।',
    },
    {
      heading: 'ਹਿਸਟਰੀ',
      text: 'ਤੁਹਾਡਾ ਫ਼ੋਨ ਜਾਂ ਕੰਪਿਊਟਰ ਖੋਲ੍ਹੇ ਗਏ ਪੰਨੇ ਯਾਦ ਰੱਖਦਾ ਹੈ। ਨਿੱਜੀ (incognito) ਵਿੰਡੋ ਵਰਤੋ, ਜਾਂ ਵੈੱਬਸਾਈਟ ਵੇਖਣ ਤੋਂ ਬਾਅਦ ਹਿਸਟਰੀ ਮਿਟਾ ਦਿਓ।',
    },
    {
      heading: 'ਸੁਰੱਖਿਅਤ ਫ਼ੋਨ',
      text: 'ਜੇ ਤੁਹਾਨੂੰ ਲੱਗਦਾ ਹੈ ਕਿ ਕੋਈ ਤੁਹਾਡਾ ਫ਼ੋਨ ਚੈੱਕ ਕਰਦਾ ਹੈ, ਤਾਂ ਕਿਸੇ ਭਰੋਸੇਮੰਦ ਵਿਅਕਤੀ ਜਾਂ ਕਿਸੇ ਸੇਵਾ ਦਾ ਫ਼ੋਨ ਵਰਤੋ, ਜਾਂ 1522 ’ਤੇ ਫ਼ੋਨ ਕਰੋ।',
    },
    {
      heading: 'ਇਹ ਵੈੱਬਸਾਈਟ',
      text: 'ਇਹ ਕੂਕੀਜ਼ ਨਹੀਂ ਵਰਤਦੀ ਅਤੇ ਹੋਰ ਵੈੱਬਸਾਈਟਾਂ ਨੂੰ ਕੋਈ ਜਾਣਕਾਰੀ ਨਹੀਂ ਭੇਜਦੀ। ਇਹ ਤੁਹਾਡਾ ਨਾਂ ਨਹੀਂ ਪੁੱਛਦੀ।',
    },
  ],

  menuVideos: 'ਵੀਡੀਓ ਗਾਈਡ',
  videosTitle: 'ਚੰਗੇ ਤਰੀਕਿਆਂ ਬਾਰੇ ਵੀਡੀਓ ਗਾਈਡ',
  videosIntro:
    'ਨੈੱਟਵਰਕ ਦੀਆਂ ਸੇਵਾਵਾਂ ਕਿਵੇਂ ਕੰਮ ਕਰਦੀਆਂ ਹਨ, ਇਸ ਬਾਰੇ ਛੋਟੀਆਂ ਵੀਡੀਓ: ਹਰ ਅਧਿਆਇ ਇੱਕ ਤਰੀਕਾ ਵਿਖਾਉਂਦਾ ਹੈ, ਸਬਟਾਈਟਲਾਂ ਅਤੇ ਲਿਖਤੀ ਪਾਠ ਨਾਲ।',
  videosEmpty: 'ਵੀਡੀਓ ਗਾਈਡ ਅਜੇ ਪ੍ਰਕਾਸ਼ਿਤ ਨਹੀਂ ਹੋਈ।',
  chapterLabel: (number) => `ਅਧਿਆਇ ${number}`,
  workPackages: {
    wp1: 'ਹਿੰਸਾ ਵਿਰੁੱਧ ਨੈੱਟਵਰਕ «Non sei sola»',
    wp2: 'ਬੱਚਿਆਂ ਦੀ ਸੁਰੱਖਿਆ',
    wp3: 'ਭਾਈਚਾਰਾ ਅਤੇ ਸਰਗਰਮ ਨਾਗਰਿਕਤਾ',
    wp4: 'ਬਹੁ-ਸਭਿਆਚਾਰਕ ਇਲਾਜ ਟੀਮ ਅਤੇ ਖੋਜ',
    wp5: 'ਆਤਮ-ਨਿਰਭਰਤਾ, ਕੰਮ ਅਤੇ ਰਿਹਾਇਸ਼',
    wp6: 'ਪ੍ਰਬੰਧ ਅਤੇ ਟਿਕਾਊਪਣ',
    wp7: 'ਸੰਚਾਰ ਅਤੇ ਪ੍ਰਸਾਰ',
  },
  workPackageLabel: 'ਕੰਮ ਦਾ ਖੇਤਰ',
  practiceLabel: 'ਵਿਖਾਇਆ ਗਿਆ ਤਰੀਕਾ',
  noVideoSupport: 'ਤੁਹਾਡਾ ਬ੍ਰਾਊਜ਼ਰ ਇਹ ਵੀਡੀਓ ਨਹੀਂ ਚਲਾ ਸਕਦਾ। ਹੇਠਾਂ ਲਿਖਤੀ ਪਾਠ ਪੜ੍ਹੋ।',
  partsTitle: 'ਵੀਡੀਓ ਦੇ ਹਿੱਸੇ',
  transcriptTitle: 'ਲਿਖਤੀ ਪਾਠ',
  transcriptHelp: 'ਕੋਈ ਲਾਈਨ ਚੁਣੋ। ਵੀਡੀਓ ਉੱਥੋਂ ਚੱਲੇਗੀ।',
  descriptionLabel: 'ਤਸਵੀਰ',
  audioDescription: 'ਤਸਵੀਰਾਂ ਦਾ ਵੇਰਵਾ ਉੱਚੀ ਆਵਾਜ਼ ਵਿੱਚ ਪੜ੍ਹੋ',
  transcriptInItalian: (languageName) => `ਲਿਖਤੀ ਪਾਠ ਅਜੇ ${languageName} ਵਿੱਚ ਨਹੀਂ ਹੈ। ਇੱਥੇ ਇਹ ਇਤਾਲਵੀ ਵਿੱਚ ਹੈ।`,
  searchLabel: 'ਵੀਡੀਓ ਵਿੱਚ ਲੱਭੋ',
  searchButton: 'ਲੱਭੋ',
  searchResultsTitle: (query) => `«${query}» ਲਈ ਨਤੀਜੇ`,
  searchEmpty: 'ਕੋਈ ਵੀ ਵੀਡੀਓ ਇਹ ਸ਼ਬਦ ਨਹੀਂ ਕਹਿੰਦੀ।',
  atTime: (time) => `ਮਿੰਟ ${time} ’ਤੇ`,

  menuConferences: 'ਕਾਨਫ਼ਰੰਸਾਂ',
  conferencesTitle: 'ਕਾਨਫ਼ਰੰਸਾਂ',
  conferencesIntro:
    'ਨੈੱਟਵਰਕ ਦੀਆਂ ਕਾਨਫ਼ਰੰਸਾਂ: ਪ੍ਰੋਗਰਾਮ, ਕੌਣ ਬੋਲੇਗਾ ਅਤੇ ਰਜਿਸਟਰ ਕਿਵੇਂ ਕਰਨਾ ਹੈ। ਕਾਨਫ਼ਰੰਸ ਤੋਂ ਬਾਅਦ: ਦਸਤਾਵੇਜ਼ ਅਤੇ ਰਿਕਾਰਡਿੰਗਾਂ।',
  conferencesEmpty: 'ਅਜੇ ਕੋਈ ਕਾਨਫ਼ਰੰਸ ਪ੍ਰਕਾਸ਼ਿਤ ਨਹੀਂ ਹੋਈ।',
  whenLabel: 'ਕਦੋਂ',
  whereLabel: 'ਕਿੱਥੇ',
  programmeTitle: 'ਪ੍ਰੋਗਰਾਮ',
  speakersTitle: 'ਬੁਲਾਰੇ',
  materialsTitle: 'ਦਸਤਾਵੇਜ਼',
  recordingsTitle: 'ਰਿਕਾਰਡਿੰਗਾਂ',
  documentSize: (size) => `PDF, ${size}`,
  register: 'ਰਜਿਸਟਰ ਕਰੋ',
  registrationClosed: 'ਰਜਿਸਟ੍ਰੇਸ਼ਨ ਬੰਦ ਹੈ।',
  conferenceCancelled: 'ਇਹ ਕਾਨਫ਼ਰੰਸ ਰੱਦ ਕਰ ਦਿੱਤੀ ਗਈ ਹੈ।',
  giveFeedback: 'ਕਾਨਫ਼ਰੰਸ ਬਾਰੇ ਆਪਣੀ ਰਾਇ ਦਿਓ',
  feedbackHelp: 'ਤੁਹਾਨੂੰ ਆਪਣੀ ਟਿਕਟ ਦਾ ਕੋਡ ਅਤੇ ਇੱਕ ਮਿੰਟ ਚਾਹੀਦਾ ਹੈ। ਤੁਹਾਡੀ ਰਾਇ ਗੁਮਨਾਮ ਹੈ।',

  shareTitle: 'ਸਾਂਝਾ ਕਰੋ',
  shareEmail: 'ਈਮੇਲ',
  privacyTitle: 'ਨਿੱਜਤਾ',
  privacy: [
    {
      heading: 'ਅਸੀਂ ਕੀ ਇਕੱਠਾ ਕਰਦੇ ਹਾਂ',
      text: 'ਕੁਝ ਵੀ ਨਹੀਂ ਜਿਸ ਤੋਂ ਪਤਾ ਲੱਗੇ ਕਿ ਤੁਸੀਂ ਕੌਣ ਹੋ: ਕੋਈ ਕੂਕੀਜ਼ ਨਹੀਂ, ਵਿਜ਼ਿਟਾਂ ਦੀ ਕੋਈ ਗਿਣਤੀ ਨਹੀਂ, ਹੋਰ ਵੈੱਬਸਾਈਟਾਂ ਦੀ ਕੋਈ ਸੇਵਾ ਨਹੀਂ। ਹਮਲਿਆਂ ਤੋਂ ਬਚਾਅ ਲਈ ਸਰਵਰ ਪੰਨੇ ਖੋਲ੍ਹਣ ਵਾਲਿਆਂ ਦਾ ਨੈੱਟਵਰਕ ਪਤਾ (IP ਪਤਾ) ਕੁਝ ਦਿਨਾਂ ਲਈ ਰੱਖਦਾ ਹੈ।',
    },
    {
      heading: 'ਜ਼ਿੰਮੇਵਾਰ ਕੌਣ ਹੈ',
      text: 'Treviglio ਅਤੇ Romano di Lombardia ਦੇ ਇਲਾਕਿਆਂ ਵਿੱਚ ਸੇਵਾਵਾਂ ਦੇ ਨੈੱਟਵਰਕ ਦੀਆਂ ਸੰਸਥਾਵਾਂ। ਡਾਟਾ ਸੁਰੱਖਿਆ ਅਧਿਕਾਰੀ ਤੁਹਾਡੇ ਸਵਾਲਾਂ ਦੇ ਜਵਾਬ ਦਿੰਦਾ ਹੈ।',
    },
    {
      heading: 'ਤੁਹਾਡੇ ਅਧਿਕਾਰ',
      text: 'ਤੁਸੀਂ ਪੁੱਛ ਸਕਦੇ ਹੋ ਕਿ ਸਾਡੇ ਕੋਲ ਤੁਹਾਡੀ ਕਿਹੜੀ ਜਾਣਕਾਰੀ ਹੈ, ਉਸ ਨੂੰ ਠੀਕ ਕਰਵਾ ਜਾਂ ਮਿਟਵਾ ਸਕਦੇ ਹੋ, ਅਤੇ ਡਾਟਾ ਸੁਰੱਖਿਆ ਦੀ ਇਤਾਲਵੀ ਅਥਾਰਟੀ (Garante) ਕੋਲ ਸ਼ਿਕਾਇਤ ਕਰ ਸਕਦੇ ਹੋ।',
    },
  ],
};
