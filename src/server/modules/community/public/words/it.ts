import type { PublicWords } from '../public-words.js';

export const IT: PublicWords = {
  languageName: 'Italiano',
  siteName: 'Incontri nel territorio',
  skipToContent: 'Vai al contenuto',
  languageNav: 'Lingua',
  quickExit: 'Esci subito',
  quickExitHelp:
    'Il pulsante «Esci subito» apre una pagina del meteo. Puoi anche premere due volte il tasto Esc.',
  allEvents: 'Tutti gli incontri',
  safetyLink: 'Come navigare in sicurezza',

  listTitle: 'Incontri, workshop e laboratori',
  listIntro:
    'Incontri gratuiti per chi vive nel territorio. Scegli un incontro per vedere i dettagli e iscriverti.',
  listEmpty: 'Al momento non ci sono incontri in programma. Torna a vedere più avanti.',
  kinds: {
    awareness_meeting: 'Incontro informativo',
    workshop: 'Workshop',
    citizenship_lab: 'Laboratorio di cittadinanza',
  },
  sessionsCount: (n) => (n === 1 ? '1 incontro' : `${n} incontri`),
  when: 'Quando',
  where: 'Dove',
  comune: 'Comune',
  spokenLanguages: 'Lingue parlate',
  organisedBy: 'Organizza',
  detailsLink: 'Dettagli e iscrizione',
  writtenInItalian: 'Descrizione',

  notFoundTitle: 'Incontro non trovato',
  notFoundText: 'Questo incontro non esiste o non è più pubblicato.',
  eventCancelled: 'Questo incontro è stato annullato.',
  eventOver: 'Questo incontro è finito.',
  registrationClosed: 'Le iscrizioni a questo incontro sono chiuse.',
  seatsAvailable: 'Ci sono posti liberi.',
  seatsFull: 'I posti sono finiti: puoi iscriverti alla lista d’attesa.',

  formTitle: 'Iscriviti',
  formIntro: 'Bastano pochi dati. Tutto è facoltativo: puoi iscriverti anche senza nome.',
  anonymousLabel: 'Senza nome',
  anonymousHint: 'Non teniamo né il nome né il telefono. Ti basta il codice del biglietto.',
  nameLabel: 'Nome e cognome',
  nameHint: 'Oppure scegli «Senza nome».',
  phoneLabel: 'Telefono (facoltativo)',
  phoneHint: 'Solo il telefono, mai l’e-mail. Gli organizzatori possono chiamarti se l’incontro cambia.',
  genderLegend: 'Sei… (facoltativo)',
  genders: { female: 'Donna', male: 'Uomo', other: 'Altro', not_said: 'Preferisco non dirlo' },
  ageLegend: 'Età (facoltativo)',
  ages: {
    under_18: 'Meno di 18 anni',
    '18_29': '18–29 anni',
    '30_44': '30–44 anni',
    '45_64': '45–64 anni',
    '65_plus': '65 anni o più',
    not_said: 'Preferisco non dirlo',
  },
  citizenshipLegend: 'Cittadinanza (facoltativo)',
  citizenships: {
    italian: 'Italiana',
    eu: 'Di un altro Paese dell’Unione europea',
    non_eu: 'Di un Paese fuori dall’Unione europea',
    not_said: 'Preferisco non dirlo',
  },
  honeypotLabel: 'Lascia vuoto questo campo',
  submitRegister: 'Iscrivimi',

  errorSummary: 'Controlla il modulo',
  nameRequired: 'Scrivi il tuo nome oppure scegli «Senza nome».',
  phoneInvalid: 'Il numero di telefono non è valido. Scrivilo con il prefisso, per esempio +39 333 1234567.',
  alreadyRegistered: 'Questo numero di telefono è già iscritto a questo incontro.',
  tooFast:
    'Il modulo è stato inviato troppo in fretta. Aspetta qualche secondo e premi di nuovo «Iscrivimi».',
  formExpired: 'Il modulo era aperto da troppo tempo. Controlla i dati e premi di nuovo «Iscrivimi».',

  confirmedTitle: 'Iscrizione fatta',
  confirmedText: 'Hai un posto. Ti aspettiamo!',
  waitlistedTitle: 'Sei in lista d’attesa',
  waitlistedText:
    'I posti sono finiti. Se un posto si libera, è tuo: gli organizzatori ti chiamano se hai lasciato il telefono.',
  ticketLabel: 'Il tuo codice biglietto',
  ticketKeep:
    'Conserva questo codice: è il tuo biglietto per tutti gli incontri. Scrivilo su un foglio o fai una foto.',
  ticketQr: 'Codice QR del tuo biglietto',
  cancelHow: 'Non puoi venire? Annulla l’iscrizione con il tuo codice',
  feedbackHow: 'Dopo l’incontro, dacci il tuo parere',

  cancelTitle: 'Annulla l’iscrizione',
  cancelIntro: 'Scrivi il codice del tuo biglietto. Il tuo posto andrà a un’altra persona.',
  ticketCodeLabel: 'Codice del biglietto',
  ticketCodeHint: '8 lettere e numeri, per esempio ABCD 2345.',
  ticketCodeFormat: 'Il codice ha 8 lettere e numeri. Controlla e scrivilo di nuovo.',
  ticketNotFound: 'Questo codice non è stato trovato per questo incontro.',
  submitCancel: 'Annulla l’iscrizione',
  cancelledTitle: 'Iscrizione annullata',
  cancelledText: 'Il tuo posto ora è libero per un’altra persona. Grazie di averci avvisato.',
  cancelNotNow: 'Questa iscrizione non si può più annullare.',

  walkInTitle: 'Sono qui',
  walkInIntro: 'Benvenuta, benvenuto! Registra la tua presenza. Non chiediamo il nome.',
  haveTicketLegend: 'Hai già un codice biglietto?',
  haveTicketHint: 'Se sì, scrivilo qui. Se no, lascia vuoto e rispondi alle domande sotto.',
  noTicketHeading: 'Non hai un codice?',
  noTicketIntro: 'Rispondi se vuoi: tutto è facoltativo. Ti diamo un codice per le prossime volte.',
  participantLegend: 'Partecipi come…',
  participants: {
    resident: 'Persona che vive nel territorio',
    professional: 'Professionista (operatore, insegnante, volontario…)',
  },
  submitWalkIn: 'Registra la mia presenza',
  presentTitle: 'Presenza registrata',
  presentAlready: 'La tua presenza era già registrata. Grazie!',
  walkInTicket:
    'Questo è il tuo codice biglietto. La prossima volta scrivilo in questo modulo: così conti una volta sola.',
  scanAgainTitle: 'Inquadra di nuovo il codice QR',
  scanAgainText:
    'Il codice QR cambia ogni 20 secondi. Inquadra di nuovo il codice QR mostrato dagli organizzatori.',
  checkinNotYet: 'La registrazione delle presenze si apre 15 minuti prima dell’inizio.',
  checkinEnded: 'Questo incontro è finito.',

  feedbackTitle: 'Il tuo parere',
  feedbackIntro: 'Due domande. La risposta è anonima: nessuno sa chi l’ha data.',
  feedbackNotYet: 'Potrai dare il tuo parere dopo l’inizio dell’incontro.',
  usefulQuestion: 'L’incontro è stato utile per te?',
  understoodQuestion: 'Hai capito quello che è stato detto?',
  scale: ['Per niente', 'Poco', 'Abbastanza', 'Molto', 'Moltissimo'],
  answerRequired: 'Scegli una risposta.',
  submitFeedback: 'Invia il parere',
  feedbackThanks: 'Grazie! Il tuo parere è stato registrato.',
  feedbackAlready: 'Con questo codice il parere è già stato dato. Grazie!',

  safetyTitle: 'Come navigare in sicurezza',
  safety: [
    {
      heading: 'Esci subito',
      text: 'Il pulsante «Esci subito», in alto su ogni pagina, apre una pagina del meteo. Con la tastiera: premi due volte Esc.',
    },
    {
      heading: 'Finestra privata',
      text: 'Se il telefono o il computer è usato anche da altre persone, apri queste pagine in una finestra privata (anonima): alla chiusura non resta la cronologia.',
    },
    {
      heading: 'Cronologia',
      text: 'Altrimenti, dopo la visita cancella la cronologia del browser, oppure solo le pagine di questo sito.',
    },
    {
      heading: 'Telefono condiviso',
      text: 'Il codice del biglietto è personale. Se qualcuno guarda il tuo telefono, scrivilo su un foglio invece di fare una foto.',
    },
    {
      heading: 'Cosa non teniamo',
      text: 'Queste pagine non usano cookie e non chiamano altri siti. Puoi iscriverti senza nome e senza telefono.',
    },
  ],

  privacyTitle: 'Informativa sulla privacy',
  privacy: (controller) => [
    {
      heading: 'Chi tratta i dati',
      text: controller
        ? `${controller}, che organizza questo incontro.`
        : 'L’ente che organizza ogni incontro: il suo nome è nella pagina dell’incontro.',
    },
    {
      heading: 'Perché',
      text: 'Per iscriverti, per registrare la tua presenza e per contare quante persone hanno partecipato. I conteggi non contengono nomi.',
    },
    {
      heading: 'Base giuridica',
      text: 'Un compito di interesse pubblico dei servizi sociali del territorio (art. 6, par. 1, lett. e, del Regolamento UE 2016/679).',
    },
    {
      heading: 'Quali dati',
      text: 'Nome e telefono solo se li scrivi: sono conservati cifrati. Senza nome non teniamo nessuno dei due. Genere, età e cittadinanza solo come gruppi, se rispondi. Il parere è anonimo.',
    },
    {
      heading: 'Chi li vede',
      text: 'Solo gli organizzatori dell’incontro. Nessun dato va a altri siti o fuori dall’Unione europea.',
    },
    {
      heading: 'Per quanto tempo',
      text: 'Fino alla fine del progetto e dei suoi rendiconti. Poi nome e telefono sono cancellati: restano solo i numeri totali.',
    },
    {
      heading: 'I tuoi diritti',
      text: 'Puoi chiedere di vedere, correggere o cancellare i tuoi dati e opporti al trattamento, scrivendo all’ente che organizza. Puoi fare reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it).',
    },
    {
      heading: 'Annullare',
      text: 'Puoi annullare l’iscrizione in ogni momento con il codice del biglietto, nella pagina dell’incontro.',
    },
  ],
};
