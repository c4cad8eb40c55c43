import type { PublicWords } from '../public-words.js';

export const RO: PublicWords = {
  languageName: 'Română',
  siteName: 'Întâlniri în zona ta',
  skipToContent: 'Mergi la conținut',
  languageNav: 'Limba',
  quickExit: 'Ieși repede',
  quickExitHelp: 'Butonul „Ieși repede” deschide o pagină cu vremea. Poți să apeși și de două ori tasta Esc.',
  allEvents: 'Toate întâlnirile',
  safetyLink: 'Cum navighezi în siguranță',

  listTitle: 'Întâlniri, ateliere și laboratoare',
  listIntro:
    'Întâlniri gratuite pentru cei care locuiesc în zonă. Alege o întâlnire ca să vezi detaliile și să te înscrii.',
  listEmpty: 'Deocamdată nu sunt întâlniri programate. Revino mai târziu.',
  kinds: {
    awareness_meeting: 'Întâlnire de informare',
    workshop: 'Atelier',
    citizenship_lab: 'Laborator de cetățenie',
  },
  sessionsCount: (n) => (n === 1 ? '1 întâlnire' : `${n} întâlniri`),
  when: 'Când',
  where: 'Unde',
  comune: 'Comuna',
  spokenLanguages: 'Limbi vorbite',
  organisedBy: 'Organizator',
  detailsLink: 'Detalii și înscriere',
  writtenInItalian: 'Descriere (în italiană)',

  notFoundTitle: 'Întâlnirea nu a fost găsită',
  notFoundText: 'Această întâlnire nu există sau nu mai este publicată.',
  eventCancelled: 'Această întâlnire a fost anulată.',
  eventOver: 'Această întâlnire s-a terminat.',
  registrationClosed: 'Înscrierile la această întâlnire s-au închis.',
  seatsAvailable: 'Mai sunt locuri libere.',
  seatsFull: 'Nu mai sunt locuri: te poți înscrie pe lista de așteptare.',

  formTitle: 'Înscrie-te',
  formIntro: 'Cerem puține date. Totul este opțional: te poți înscrie și fără numele tău.',
  anonymousLabel: 'Fără numele meu',
  anonymousHint: 'Nu păstrăm nici numele, nici telefonul. Îți ajunge codul biletului.',
  nameLabel: 'Prenume și nume',
  nameHint: 'Sau alege „Fără numele meu”.',
  phoneLabel: 'Telefon (opțional)',
  phoneHint:
    'Doar un număr de telefon, niciodată e-mail. Organizatorii te pot suna dacă întâlnirea se schimbă.',
  genderLegend: 'Ești… (opțional)',
  genders: { female: 'Femeie', male: 'Bărbat', other: 'Altceva', not_said: 'Prefer să nu spun' },
  ageLegend: 'Vârsta (opțional)',
  ages: {
    under_18: 'Sub 18 ani',
    '18_29': '18–29 de ani',
    '30_44': '30–44 de ani',
    '45_64': '45–64 de ani',
    '65_plus': '65 de ani sau mai mult',
    not_said: 'Prefer să nu spun',
  },
  citizenshipLegend: 'Cetățenia (opțional)',
  citizenships: {
    italian: 'Italiană',
    eu: 'Din altă țară a Uniunii Europene',
    non_eu: 'Dintr-o țară din afara Uniunii Europene',
    not_said: 'Prefer să nu spun',
  },
  honeypotLabel: 'Lasă acest câmp gol',
  submitRegister: 'Înscrie-mă',

  errorSummary: 'Verifică formularul',
  nameRequired: 'Scrie-ți numele sau alege „Fără numele meu”.',
  phoneInvalid: 'Numărul de telefon nu este valid. Scrie-l cu prefixul, de exemplu +39 333 1234567.',
  alreadyRegistered: 'Acest număr de telefon este deja înscris la această întâlnire.',
  tooFast: 'Formularul a fost trimis prea repede. Așteaptă câteva secunde și apasă din nou „Înscrie-mă”.',
  formExpired: 'Formularul a stat deschis prea mult timp. Verifică datele și apasă din nou „Înscrie-mă”.',

  confirmedTitle: 'Înscriere făcută',
  confirmedText: 'Ai un loc. Te așteptăm!',
  waitlistedTitle: 'Ești pe lista de așteptare',
  waitlistedText:
    'Nu mai sunt locuri. Dacă se eliberează un loc, este al tău: organizatorii te sună dacă ți-ai lăsat telefonul.',
  ticketLabel: 'Codul biletului tău',
  ticketKeep:
    'Păstrează acest cod: este biletul tău pentru toate întâlnirile. Scrie-l pe o foaie sau fă o poză.',
  ticketQr: 'Codul QR al biletului tău',
  cancelHow: 'Nu poți veni? Anulează înscrierea cu codul tău',
  feedbackHow: 'După întâlnire, spune-ne părerea ta',

  cancelTitle: 'Anulează înscrierea',
  cancelIntro: 'Scrie codul biletului tău. Locul tău va merge la altă persoană.',
  ticketCodeLabel: 'Codul biletului',
  ticketCodeHint: '8 litere și cifre, de exemplu ABCD 2345.',
  ticketCodeFormat: 'Codul are 8 litere și cifre. Verifică-l și scrie-l din nou.',
  ticketNotFound: 'Acest cod nu a fost găsit pentru această întâlnire.',
  submitCancel: 'Anulează înscrierea mea',
  cancelledTitle: 'Înscriere anulată',
  cancelledText: 'Locul tău este acum liber pentru altă persoană. Mulțumim că ne-ai anunțat.',
  cancelNotNow: 'Această înscriere nu mai poate fi anulată.',

  walkInTitle: 'Sunt aici',
  walkInIntro: 'Bine ai venit! Înregistrează-ți prezența. Nu îți cerem numele.',
  haveTicketLegend: 'Ai deja un cod de bilet?',
  haveTicketHint: 'Dacă da, scrie-l aici. Dacă nu, lasă gol și răspunde la întrebările de mai jos.',
  noTicketHeading: 'Nu ai cod?',
  noTicketIntro: 'Răspunde dacă vrei: totul este opțional. Îți dăm un cod pentru data viitoare.',
  participantLegend: 'Participi ca…',
  participants: {
    resident: 'Persoană care locuiește în zonă',
    professional: 'Profesionist (asistent social, profesor, voluntar…)',
  },
  submitWalkIn: 'Înregistrează-mi prezența',
  presentTitle: 'Prezență înregistrată',
  presentAlready: 'Prezența ta era deja înregistrată. Mulțumim!',
  walkInTicket:
    'Acesta este codul biletului tău. Data viitoare scrie-l în acest formular: așa ești numărat o singură dată.',
  scanAgainTitle: 'Scanează din nou codul QR',
  scanAgainText:
    'Codul QR se schimbă la fiecare 20 de secunde. Scanează din nou codul QR arătat de organizatori.',
  checkinNotYet: 'Înregistrarea prezenței se deschide cu 15 minute înainte de început.',
  checkinEnded: 'Această întâlnire s-a terminat.',

  feedbackTitle: 'Părerea ta',
  feedbackIntro: 'Două întrebări. Răspunsul este anonim: nimeni nu știe cine l-a dat.',
  feedbackNotYet: 'Îți poți da părerea după ce începe întâlnirea.',
  usefulQuestion: 'Ți-a fost utilă întâlnirea?',
  understoodQuestion: 'Ai înțeles ce s-a spus?',
  scale: ['Deloc', 'Puțin', 'Destul', 'Mult', 'Foarte mult'],
  answerRequired: 'Alege un răspuns.',
  submitFeedback: 'Trimite părerea',
  feedbackThanks: 'Mulțumim! Părerea ta a fost înregistrată.',
  feedbackAlready: 'Cu acest cod s-a dat deja o părere. Mulțumim!',

  safetyTitle: 'Cum navighezi în siguranță',
  safety: [
    {
      heading: 'Ieși repede',
      text: 'Butonul „Ieși repede”, sus pe fiecare pagină, deschide o pagină cu vremea. De la tastatură: apasă de două ori Esc.',
    },
    {
      heading: 'Fereastră privată',
      text: 'Dacă și alte persoane folosesc același telefon sau calculator, deschide aceste pagini într-o fereastră privată (incognito): când o închizi, nu rămâne istoricul.',
    },
    {
      heading: 'Istoric',
      text: 'Altfel, după vizită șterge istoricul browserului sau doar paginile acestui site.',
    },
    {
      heading: 'Telefon folosit de mai multe persoane',
      text: 'Codul biletului este personal. Dacă cineva se uită în telefonul tău, scrie-l pe o foaie în loc să faci o poză.',
    },
    {
      heading: 'Ce nu păstrăm',
      text: 'Aceste pagini nu folosesc cookie-uri și nu apelează alte site-uri. Te poți înscrie fără nume și fără telefon.',
    },
  ],

  privacyTitle: 'Informare privind datele personale',
  privacy: (controller) => [
    {
      heading: 'Cine prelucrează datele',
      text: controller
        ? `${controller}, care organizează această întâlnire.`
        : 'Instituția care organizează fiecare întâlnire: numele ei este pe pagina întâlnirii.',
    },
    {
      heading: 'De ce',
      text: 'Ca să te înscriem, să îți înregistrăm prezența și să numărăm câte persoane au participat. Numărătorile nu conțin nume.',
    },
    {
      heading: 'Temeiul legal',
      text: 'O sarcină de interes public a serviciilor sociale din zonă (articolul 6 alineatul (1) litera (e) din Regulamentul UE 2016/679, GDPR).',
    },
    {
      heading: 'Ce date',
      text: 'Numele și telefonul doar dacă le scrii: sunt păstrate criptat. Fără nume nu păstrăm niciunul dintre ele. Genul, vârsta și cetățenia doar pe grupe, dacă răspunzi. Părerea ta este anonimă.',
    },
    {
      heading: 'Cine le vede',
      text: 'Doar organizatorii întâlnirii. Nicio dată nu merge către alte site-uri sau în afara Uniunii Europene.',
    },
    {
      heading: 'Cât timp',
      text: 'Până la sfârșitul proiectului și al rapoartelor lui. Apoi numele și telefonul sunt șterse: rămân doar totalurile.',
    },
    {
      heading: 'Drepturile tale',
      text: 'Poți cere să îți vezi, corectezi sau ștergi datele și te poți opune folosirii lor, scriind instituției care organizează. Poți face plângere la autoritatea italiană pentru protecția datelor, Garante (www.garanteprivacy.it).',
    },
    {
      heading: 'Anulare',
      text: 'Îți poți anula înscrierea oricând cu codul biletului, pe pagina întâlnirii.',
    },
  ],
};
