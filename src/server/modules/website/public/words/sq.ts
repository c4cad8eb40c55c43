import type { SiteWords } from '../site-words.js';

export const SQ: SiteWords = {
  languageName: 'Shqip',
  siteName: 'Rrjeti Trama',
  tagline: 'Shërbime për gratë, familjet dhe të huajt në zonat Treviglio dhe Romano di Lombardia',
  skipToContent: 'Shko te përmbajtja',
  languageNav: 'Gjuha',
  mainNav: 'Menyja kryesore',
  quickExit: 'Dil shpejt',
  quickExitHelp: 'Butoni «Dil shpejt» hap një faqe me motin. Mund të shtypësh edhe dy herë tastin Esc.',

  menuHome: 'Faqja kryesore',
  menuHelp: 'Ku të gjesh ndihmë',
  menuNews: 'Lajme',
  menuEvents: 'Takime',
  menuSafety: 'Lundro në mënyrë të sigurt',

  emergencyTitle: 'A je në rrezik?',
  emergency112: 'Urgjencë: telefono 112',
  helpline1522:
    'Dhunë ose përndjekje (stalking): telefono 1522. Është falas, përgjigjet ditë e natë, edhe në gjuhë të tjera.',

  notTranslated: (languageName) =>
    `Kjo faqe nuk është përkthyer ende në gjuhën tënde (${languageName}). Këtu e gjen në italisht.`,

  newsTitle: 'Lajme',
  newsIntro: 'Të rejat e rrjetit të shërbimeve.',
  newsEmpty: 'Nuk ka ende lajme.',
  readMore: 'Lexo më shumë',
  publishedOn: (day) => `Publikuar: ${day}`,

  servicesTitle: 'Shërbimet e rrjetit',
  servicesIntro: 'Mund t’i telefonosh këto shërbime. Janë falas. Kërko të flasësh në gjuhën tënde.',
  servicesEmpty: 'Lista e shërbimeve nuk është publikuar ende. Telefono 1522.',
  phoneLabel: 'Telefoni',
  hoursLabel: 'Orari',
  languagesLabel: 'Gjuhët që fliten',
  municipalityLabel: 'Komuna',
  mapTitle: 'Ku ndodhen shërbimet',

  eventsTitle: 'Takime dhe punëtori',
  eventsLink: 'Shiko kalendarin e takimeve',

  notFoundTitle: 'Faqja nuk u gjet',
  notFoundText: 'Kjo faqe nuk ekziston ose nuk është më e publikuar.',
  backHome: 'Kthehu në faqen kryesore',

  previewBanner: 'Parapamje: kjo faqe nuk është e publikuar.',

  footerAccessibility: 'Deklarata e aksesueshmërisë',
  footerFeedback: 'Njofto një problem aksesueshmërie',
  footerPrivacy: 'Privatësia',
  footerSafety: 'Si të lundrosh në mënyrë të sigurt',
  footerFeed: 'Lajmet në formatin RSS',

  safetyTitle: 'Si të lundrosh në mënyrë të sigurt',
  safety: [
    {
      heading: 'Dil shpejt',
      text: 'Butoni «Dil shpejt», lart në çdo faqe, hap një faqe me motin. Me tastierë: shtyp dy herë Esc. Nëse kthehesh pas, kjo faqe nuk shfaqet më.',
    },
    {
      heading: 'Historiku',
      text: 'Telefoni ose kompjuteri i mban mend faqet që hap. Përdor një dritare private (incognito), ose fshi historikun pas vizitës.',
    },
    {
      heading: 'Një telefon i sigurt',
      text: 'Nëse mendon se dikush të kontrollon telefonin, përdor telefonin e një personi që i beson ose të një shërbimi, ose telefono 1522.',
    },
    {
      heading: 'Ky sajt',
      text: 'Nuk përdor cookies dhe nuk u dërgon të dhëna faqeve të tjera. Nuk të kërkon emrin.',
    },
  ],

  menuVideos: 'Manuali me video',
  videosTitle: 'Manuali me video i praktikave të mira',
  videosIntro:
    'Video të shkurtra për mënyrën si punojnë shërbimet e rrjetit: çdo kapitull tregon një praktikë, me titra dhe me tekstin e shkruar.',
  videosEmpty: 'Manuali me video nuk është publikuar ende.',
  chapterLabel: (number) => `Kapitulli ${number}`,
  workPackages: {
    wp1: 'Rrjeti kundër dhunës «Non sei sola»',
    wp2: 'Mbrojtja e fëmijëve',
    wp3: 'Komuniteti dhe qytetaria aktive',
    wp4: 'Ekipi etnoklinik dhe kërkimi',
    wp5: 'Pavarësia, puna dhe banimi',
    wp6: 'Qeverisja dhe qëndrueshmëria',
    wp7: 'Komunikimi dhe përhapja',
  },
  workPackageLabel: 'Fusha e punës',
  practiceLabel: 'Praktika që tregohet',
  noVideoSupport: 'Shfletuesi yt nuk mund ta luajë këtë video. Lexo tekstin e shkruar më poshtë.',
  partsTitle: 'Pjesët e videos',
  transcriptTitle: 'Teksti i shkruar',
  transcriptHelp: 'Zgjidh një rresht që videoja të nisë nga ai vend.',
  descriptionLabel: 'Pamja',
  audioDescription: 'Lexo me zë përshkrimin e pamjeve',
  transcriptInItalian: (languageName) =>
    `Teksti i shkruar nuk është ende gati në gjuhën tënde (${languageName}). Këtu e gjen në italisht.`,
  searchLabel: 'Kërko në video',
  searchButton: 'Kërko',
  searchResultsTitle: (query) => `Rezultatet për «${query}»`,
  searchEmpty: 'Asnjë video nuk i thotë këto fjalë.',
  atTime: (time) => `në minutën ${time}`,

  menuConferences: 'Konferenca',
  conferencesTitle: 'Konferenca',
  conferencesIntro:
    'Konferencat e rrjetit: programi, kush flet dhe si të regjistrohesh. Pas konferencës: dokumentet dhe incizimet.',
  conferencesEmpty: 'Nuk ka ende konferenca të publikuara.',
  whenLabel: 'Kur',
  whereLabel: 'Ku',
  programmeTitle: 'Programi',
  speakersTitle: 'Kush flet',
  materialsTitle: 'Dokumentet',
  recordingsTitle: 'Incizimet',
  documentSize: (size) => `PDF, ${size}`,
  register: 'Regjistrohu',
  registrationClosed: 'Regjistrimet janë mbyllur.',
  conferenceCancelled: 'Konferenca është anuluar.',
  giveFeedback: 'Na thuaj mendimin tënd për konferencën',
  feedbackHelp: 'Të duhen kodi i biletës sate dhe një minutë. Mendimi yt është anonim.',

  shareTitle: 'Shpërndaje',
  shareEmail: 'Email',
  privacyTitle: 'Privatësia',
  privacy: [
    {
      heading: 'Çfarë mbledhim',
      text: 'Asgjë që tregon kush je: asnjë cookie, asnjë numërues vizitash, asnjë shërbim nga faqe të tjera. Serveri e mban për pak ditë adresën e rrjetit (adresën IP) të vizitorëve, për t’u mbrojtur nga sulmet.',
    },
    {
      heading: 'Kush është përgjegjës',
      text: 'Institucionet e rrjetit të shërbimeve në zonat Treviglio dhe Romano di Lombardia. Nëpunësi për mbrojtjen e të dhënave u përgjigjet pyetjeve të tua.',
    },
    {
      heading: 'Të drejtat e tua',
      text: 'Mund të pyesësh cilat të dhëna kemi për ty, të kërkosh t’i korrigjojmë ose t’i fshijmë, dhe të bësh ankesë te autoriteti italian për mbrojtjen e të dhënave (Garante).',
    },
  ],
};
