import type { SiteWords } from '../site-words.js';

export const RO: SiteWords = {
  languageName: 'Română',
  siteName: 'Rețeaua Trama',
  tagline: 'Servicii pentru femei, familii și persoane străine în zonele Treviglio și Romano di Lombardia',
  skipToContent: 'Mergi la conținut',
  languageNav: 'Limba',
  mainNav: 'Meniul principal',
  quickExit: 'Ieși repede',
  quickExitHelp: 'Butonul „Ieși repede” deschide o pagină cu vremea. Poți să apeși și de două ori tasta Esc.',

  menuHome: 'Acasă',
  menuHelp: 'Unde găsești ajutor',
  menuNews: 'Știri',
  menuEvents: 'Întâlniri',
  menuSafety: 'Navighează în siguranță',

  emergencyTitle: 'Ești în pericol?',
  emergency112: 'Urgență: sună la 112',
  helpline1522:
    'Violență sau urmărire (stalking): sună la 1522. Este gratuit. Răspunde zi și noapte, și în alte limbi.',

  notTranslated: (languageName) =>
    `Această pagină nu este încă tradusă în limba ta (${languageName}). O găsești aici în italiană.`,

  newsTitle: 'Știri',
  newsIntro: 'Noutățile rețelei de servicii.',
  newsEmpty: 'Nu există încă știri.',
  readMore: 'Citește mai mult',
  publishedOn: (day) => `Publicat: ${day}`,

  servicesTitle: 'Serviciile rețelei',
  servicesIntro: 'Poți suna la aceste servicii. Sunt gratuite. Cere să vorbești în limba ta.',
  servicesEmpty: 'Lista serviciilor nu este încă publicată. Sună la 1522.',
  phoneLabel: 'Telefon',
  hoursLabel: 'Program',
  languagesLabel: 'Limbi vorbite',
  municipalityLabel: 'Comuna',
  mapTitle: 'Unde sunt serviciile',

  eventsTitle: 'Întâlniri și ateliere',
  eventsLink: 'Vezi calendarul întâlnirilor',

  notFoundTitle: 'Pagina nu a fost găsită',
  notFoundText: 'Această pagină nu există sau nu mai este publicată.',
  backHome: 'Înapoi la pagina principală',

  previewBanner: 'Previzualizare: această pagină nu este publicată.',

  footerAccessibility: 'Declarația de accesibilitate',
  footerFeedback: 'Semnalează o problemă de accesibilitate',
  footerPrivacy: 'Confidențialitate',
  footerSafety: 'Cum navighezi în siguranță',
  footerFeed: 'Știri în format RSS',

  safetyTitle: 'Cum navighezi în siguranță',
  safety: [
    {
      heading: 'Ieși repede',
      text: 'Butonul „Ieși repede”, sus pe fiecare pagină, deschide o pagină cu vremea. De la tastatură: apasă de două ori Esc. Dacă mergi înapoi, această pagină nu mai apare.',
    },
    {
      heading: 'Istoricul',
      text: 'Telefonul sau calculatorul ține minte paginile pe care le deschizi. Folosește o fereastră privată (incognito) sau șterge istoricul după vizită.',
    },
    {
      heading: 'Un telefon sigur',
      text: 'Dacă crezi că cineva îți verifică telefonul, folosește telefonul unei persoane de încredere sau al unui serviciu, ori sună la 1522.',
    },
    {
      heading: 'Acest site',
      text: 'Nu folosește cookie-uri și nu trimite date către alte site-uri. Nu îți cere numele.',
    },
  ],

  menuVideos: 'Manual video',
  videosTitle: 'Manualul video al bunelor practici',
  videosIntro:
    'Videoclipuri scurte despre cum lucrează serviciile rețelei: fiecare capitol arată o practică, cu subtitrare și cu textul scris.',
  videosEmpty: 'Manualul video nu este încă publicat.',
  chapterLabel: (number) => `Capitolul ${number}`,
  workPackages: {
    wp1: 'Rețeaua împotriva violenței „Non sei sola”',
    wp2: 'Protecția copiilor',
    wp3: 'Comunitate și cetățenie activă',
    wp4: 'Echipa etnoclinică și cercetare',
    wp5: 'Autonomie, muncă și locuință',
    wp6: 'Guvernanță și sustenabilitate',
    wp7: 'Comunicare și difuzare',
  },
  workPackageLabel: 'Domeniul de lucru',
  practiceLabel: 'Practica arătată',
  noVideoSupport: 'Browserul tău nu poate reda acest videoclip. Citește textul scris mai jos.',
  partsTitle: 'Părțile videoclipului',
  transcriptTitle: 'Textul scris',
  transcriptHelp: 'Alege un rând ca să pornești videoclipul de acolo.',
  descriptionLabel: 'Imagine',
  audioDescription: 'Citește cu voce tare descrierea imaginilor',
  transcriptInItalian: (languageName) =>
    `Textul scris nu este încă disponibil în limba ta (${languageName}). Îl găsești aici în italiană.`,
  searchLabel: 'Caută în videoclipuri',
  searchButton: 'Caută',
  searchResultsTitle: (query) => `Rezultate pentru „${query}”`,
  searchEmpty: 'Niciun videoclip nu spune aceste cuvinte.',
  atTime: (time) => `la minutul ${time}`,

  menuConferences: 'Conferințe',
  conferencesTitle: 'Conferințe',
  conferencesIntro:
    'Conferințele rețelei: programul, cine vorbește și cum te înscrii. După conferință: documentele și înregistrările.',
  conferencesEmpty: 'Nu există încă conferințe publicate.',
  whenLabel: 'Când',
  whereLabel: 'Unde',
  programmeTitle: 'Programul',
  speakersTitle: 'Cine vorbește',
  materialsTitle: 'Documente',
  recordingsTitle: 'Înregistrări',
  documentSize: (size) => `PDF, ${size}`,
  register: 'Înscrie-te',
  registrationClosed: 'Înscrierile s-au închis.',
  conferenceCancelled: 'Conferința a fost anulată.',
  giveFeedback: 'Spune-ne părerea ta despre conferință',
  feedbackHelp: 'Ai nevoie de codul biletului și de un minut. Părerea ta este anonimă.',

  shareTitle: 'Distribuie',
  shareEmail: 'E-mail',
  privacyTitle: 'Confidențialitate',
  privacy: [
    {
      heading: 'Ce colectăm',
      text: 'Nimic care să arate cine ești: fără cookie-uri, fără contor de vizite, fără servicii ale altor site-uri. Serverul păstrează câteva zile adresa de rețea (adresa IP) a vizitatorilor, ca să se apere de atacuri.',
    },
    {
      heading: 'Cine răspunde de date',
      text: 'Instituțiile din rețeaua de servicii din zonele Treviglio și Romano di Lombardia. Responsabilul cu protecția datelor îți răspunde la întrebări.',
    },
    {
      heading: 'Drepturile tale',
      text: 'Poți întreba ce date avem despre tine, poți cere să fie corectate sau șterse și poți face plângere la autoritatea italiană pentru protecția datelor (Garante).',
    },
  ],
};
