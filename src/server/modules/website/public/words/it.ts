import type { SiteWords } from '../site-words.js';

export const IT: SiteWords = {
  languageName: 'Italiano',
  siteName: 'Rete Trama',
  tagline: 'Servizi per donne, famiglie e persone straniere negli Ambiti di Treviglio e Romano di Lombardia',
  skipToContent: 'Vai al contenuto',
  languageNav: 'Lingua',
  mainNav: 'Menu principale',
  quickExit: 'Esci subito',
  quickExitHelp:
    'Il pulsante «Esci subito» apre una pagina del meteo. Puoi anche premere due volte il tasto Esc.',

  menuHome: 'Inizio',
  menuHelp: 'Dove trovare aiuto',
  menuNews: 'Notizie',
  menuEvents: 'Incontri',
  menuSafety: 'Navigare in sicurezza',

  emergencyTitle: 'Sei in pericolo?',
  emergency112: 'Emergenza: chiama il 112',
  helpline1522:
    'Violenza o stalking: chiama il 1522. È gratuito, risponde giorno e notte, anche in altre lingue.',

  notTranslated: (languageName) =>
    `Questa pagina non è ancora tradotta in ${languageName}. La trovi qui in italiano.`,

  newsTitle: 'Notizie',
  newsIntro: 'Le novità della rete dei servizi.',
  newsEmpty: 'Non ci sono ancora notizie.',
  readMore: 'Leggi tutto',
  publishedOn: (day) => `Pubblicato il ${day}`,

  servicesTitle: 'I servizi della rete',
  servicesIntro: 'Puoi chiamare questi servizi. Sono gratuiti. Chiedi di parlare nella tua lingua.',
  servicesEmpty: 'L’elenco dei servizi non è ancora pubblicato. Chiama il 1522.',
  phoneLabel: 'Telefono',
  hoursLabel: 'Orari',
  languagesLabel: 'Lingue parlate',
  municipalityLabel: 'Comune',
  mapTitle: 'Dove sono i servizi',

  eventsTitle: 'Incontri e laboratori',
  eventsLink: 'Vedi il calendario degli incontri',

  notFoundTitle: 'Pagina non trovata',
  notFoundText: 'Questa pagina non esiste o non è più pubblicata.',
  backHome: 'Torna all’inizio',

  previewBanner: 'Anteprima: questa pagina non è pubblicata.',

  footerAccessibility: 'Dichiarazione di accessibilità',
  footerFeedback: 'Segnala un problema di accessibilità',
  footerPrivacy: 'Privacy',
  footerSafety: 'Come navigare in sicurezza',
  footerFeed: 'Notizie in formato RSS',

  safetyTitle: 'Come navigare in sicurezza',
  safety: [
    {
      heading: 'Esci subito',
      text: 'Il pulsante «Esci subito», in alto su ogni pagina, apre una pagina del meteo. Con la tastiera: premi due volte Esc. Tornando indietro non si rivede questa pagina.',
    },
    {
      heading: 'La cronologia',
      text: 'Il telefono o il computer ricordano le pagine aperte. Usa una finestra anonima (in incognito), oppure cancella la cronologia dopo la visita.',
    },
    {
      heading: 'Un telefono sicuro',
      text: 'Se pensi che qualcuno controlli il tuo telefono, usa il telefono di una persona di fiducia o di un servizio, oppure chiama il 1522.',
    },
    {
      heading: 'Questo sito',
      text: 'Non usa cookie e non manda dati ad altri siti. Non chiede il tuo nome.',
    },
  ],

  menuVideos: 'Manuale video',
  videosTitle: 'Manuale video delle buone pratiche',
  videosIntro:
    'Brevi video su come lavorano i servizi della rete: ogni capitolo mostra una pratica, con sottotitoli e trascrizione.',
  videosEmpty: 'Il manuale video non è ancora pubblicato.',
  chapterLabel: (number) => `Capitolo ${number}`,
  workPackages: {
    wp1: 'Rete antiviolenza «Non sei sola»',
    wp2: 'Tutela minori',
    wp3: 'Comunità e cittadinanza attiva',
    wp4: 'Équipe etnoclinica e ricerca',
    wp5: 'Autonomia, lavoro e abitare',
    wp6: 'Governance e sostenibilità',
    wp7: 'Comunicazione e diffusione',
  },
  workPackageLabel: 'Area di lavoro',
  practiceLabel: 'Pratica mostrata',
  noVideoSupport: 'Il tuo browser non riesce a mostrare questo video. Leggi la trascrizione qui sotto.',
  partsTitle: 'Parti del video',
  transcriptTitle: 'Trascrizione',
  transcriptHelp: 'Scegli una riga per far partire il video da quel punto.',
  descriptionLabel: 'Immagine',
  audioDescription: 'Leggi ad alta voce la descrizione delle immagini',
  transcriptInItalian: (languageName) =>
    `La trascrizione non è ancora disponibile in ${languageName}. Eccola in italiano.`,
  searchLabel: 'Cerca nei video',
  searchButton: 'Cerca',
  searchResultsTitle: (query) => `Risultati per «${query}»`,
  searchEmpty: 'Nessun video dice queste parole.',
  atTime: (time) => `al minuto ${time}`,

  menuConferences: 'Convegni',
  conferencesTitle: 'Convegni',
  conferencesIntro:
    'I convegni della rete: il programma, chi interviene e come iscriversi; dopo il convegno, i materiali e le registrazioni.',
  conferencesEmpty: 'Non ci sono ancora convegni pubblicati.',
  whenLabel: 'Quando',
  whereLabel: 'Dove',
  programmeTitle: 'Programma',
  speakersTitle: 'Chi interviene',
  materialsTitle: 'Materiali',
  recordingsTitle: 'Registrazioni',
  documentSize: (size) => `PDF, ${size}`,
  register: 'Iscriviti',
  registrationClosed: 'Le iscrizioni sono chiuse.',
  conferenceCancelled: 'Il convegno è stato annullato.',
  giveFeedback: 'Dai il tuo parere sul convegno',
  feedbackHelp: 'Servono il codice della tua iscrizione e un minuto. Il parere è anonimo.',

  shareTitle: 'Condividi',
  shareEmail: 'E-mail',
  privacyTitle: 'Privacy',
  privacy: [
    {
      heading: 'Cosa raccogliamo',
      text: 'Niente che dica chi sei: nessun cookie, nessun contatore di visite, nessun servizio di altri siti. Il server tiene per pochi giorni l’indirizzo di rete di chi apre le pagine, per difendersi dagli attacchi.',
    },
    {
      heading: 'Chi è il titolare',
      text: 'Gli enti della rete dei servizi degli Ambiti di Treviglio e Romano di Lombardia. Il responsabile della protezione dei dati risponde alle tue domande.',
    },
    {
      heading: 'I tuoi diritti',
      text: 'Puoi chiedere quali dati abbiamo, correggerli o cancellarli, e reclamare al Garante per la protezione dei dati personali.',
    },
  ],
};
