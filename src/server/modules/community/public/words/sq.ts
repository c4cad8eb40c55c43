import type { PublicWords } from '../public-words.js';

export const SQ: PublicWords = {
  languageName: 'Shqip',
  siteName: 'Takime në zonën tënde',
  skipToContent: 'Shko te përmbajtja',
  languageNav: 'Gjuha',
  quickExit: 'Dil shpejt',
  quickExitHelp: 'Butoni «Dil shpejt» hap një faqe me motin. Mund të shtypësh edhe dy herë tastin Esc.',
  allEvents: 'Të gjitha takimet',
  safetyLink: 'Si të lundrosh në mënyrë të sigurt',

  listTitle: 'Takime, punëtori dhe laboratorë',
  listIntro:
    'Takime falas për ata që jetojnë në zonë. Zgjidh një takim për të parë hollësitë dhe për t’u regjistruar.',
  listEmpty: 'Për momentin nuk ka takime të planifikuara. Kthehu më vonë.',
  kinds: {
    awareness_meeting: 'Takim informues',
    workshop: 'Punëtori',
    citizenship_lab: 'Laborator qytetarie',
  },
  sessionsCount: (n) => (n === 1 ? '1 takim' : `${n} takime`),
  when: 'Kur',
  where: 'Ku',
  comune: 'Komuna',
  spokenLanguages: 'Gjuhët që fliten',
  organisedBy: 'Organizon',
  detailsLink: 'Hollësi dhe regjistrim',
  writtenInItalian: 'Përshkrimi (në italisht)',

  notFoundTitle: 'Takimi nuk u gjet',
  notFoundText: 'Ky takim nuk ekziston ose nuk është më i publikuar.',
  eventCancelled: 'Ky takim është anuluar.',
  eventOver: 'Ky takim ka mbaruar.',
  registrationClosed: 'Regjistrimet për këtë takim janë mbyllur.',
  seatsAvailable: 'Ka vende të lira.',
  seatsFull: 'Vendet kanë mbaruar: mund të regjistrohesh në listën e pritjes.',

  formTitle: 'Regjistrohu',
  formIntro: 'Kërkojmë pak të dhëna. Gjithçka është me dëshirë: mund të regjistrohesh edhe pa emrin tënd.',
  anonymousLabel: 'Pa emrin tim',
  anonymousHint: 'Nuk ruajmë as emrin, as telefonin. Të mjafton kodi i biletës.',
  nameLabel: 'Emri dhe mbiemri',
  nameHint: 'Ose zgjidh «Pa emrin tim».',
  phoneLabel: 'Telefoni (me dëshirë)',
  phoneHint:
    'Vetëm numri i telefonit, kurrë e-mail. Organizatorët mund të të telefonojnë nëse takimi ndryshon.',
  genderLegend: 'Je… (me dëshirë)',
  genders: { female: 'Grua', male: 'Burrë', other: 'Tjetër', not_said: 'Preferoj të mos e them' },
  ageLegend: 'Mosha (me dëshirë)',
  ages: {
    under_18: 'Nën 18 vjeç',
    '18_29': '18–29 vjeç',
    '30_44': '30–44 vjeç',
    '45_64': '45–64 vjeç',
    '65_plus': '65 vjeç e lart',
    not_said: 'Preferoj të mos e them',
  },
  citizenshipLegend: 'Shtetësia (me dëshirë)',
  citizenships: {
    italian: 'Italiane',
    eu: 'E një vendi tjetër të Bashkimit Evropian',
    non_eu: 'E një vendi jashtë Bashkimit Evropian',
    not_said: 'Preferoj të mos e them',
  },
  honeypotLabel: 'Lëre bosh këtë fushë',
  submitRegister: 'Më regjistro',

  errorSummary: 'Kontrollo formularin',
  nameRequired: 'Shkruaj emrin tënd ose zgjidh «Pa emrin tim».',
  phoneInvalid:
    'Numri i telefonit nuk është i vlefshëm. Shkruaje me prefiksin, për shembull +39 333 1234567.',
  alreadyRegistered: 'Ky numër telefoni është regjistruar tashmë për këtë takim.',
  tooFast: 'Formulari u dërgua shumë shpejt. Prit disa sekonda dhe shtyp përsëri «Më regjistro».',
  formExpired: 'Formulari qëndroi i hapur shumë gjatë. Kontrollo të dhënat dhe shtyp përsëri «Më regjistro».',

  confirmedTitle: 'Regjistrimi u krye',
  confirmedText: 'Ke një vend. Të presim!',
  waitlistedTitle: 'Je në listën e pritjes',
  waitlistedText:
    'Vendet kanë mbaruar. Nëse lirohet një vend, është yti: organizatorët të telefonojnë nëse ke lënë telefonin.',
  ticketLabel: 'Kodi i biletës sate',
  ticketKeep:
    'Ruaje këtë kod: është bileta jote për të gjitha takimet. Shkruaje në një letër ose bëji një foto.',
  ticketQr: 'Kodi QR i biletës sate',
  cancelHow: 'Nuk mund të vish? Anulo regjistrimin me kodin tënd',
  feedbackHow: 'Pas takimit, na thuaj mendimin tënd',

  cancelTitle: 'Anulo regjistrimin',
  cancelIntro: 'Shkruaj kodin e biletës sate. Vendi yt do t’i shkojë një personi tjetër.',
  ticketCodeLabel: 'Kodi i biletës',
  ticketCodeHint: '8 shkronja dhe shifra, për shembull ABCD 2345.',
  ticketCodeFormat: 'Kodi ka 8 shkronja dhe shifra. Kontrolloje dhe shkruaje përsëri.',
  ticketNotFound: 'Ky kod nuk u gjet për këtë takim.',
  submitCancel: 'Anulo regjistrimin tim',
  cancelledTitle: 'Regjistrimi u anulua',
  cancelledText: 'Vendi yt tani është i lirë për një person tjetër. Faleminderit që na njoftove.',
  cancelNotNow: 'Ky regjistrim nuk mund të anulohet më.',

  walkInTitle: 'Jam këtu',
  walkInIntro: 'Mirë se erdhe! Regjistro praninë tënde. Nuk të kërkojmë emrin.',
  haveTicketLegend: 'A ke tashmë një kod bilete?',
  haveTicketHint: 'Nëse po, shkruaje këtu. Nëse jo, lëre bosh dhe përgjigju pyetjeve më poshtë.',
  noTicketHeading: 'Nuk ke kod?',
  noTicketIntro: 'Përgjigju nëse do: gjithçka është me dëshirë. Të japim një kod për herën tjetër.',
  participantLegend: 'Merr pjesë si…',
  participants: {
    resident: 'Person që jeton në zonë',
    professional: 'Profesionist (punonjës social, mësues, vullnetar…)',
  },
  submitWalkIn: 'Regjistro praninë time',
  presentTitle: 'Prania u regjistrua',
  presentAlready: 'Prania jote ishte regjistruar tashmë. Faleminderit!',
  walkInTicket:
    'Ky është kodi i biletës sate. Herën tjetër shkruaje në këtë formular: kështu numërohesh vetëm një herë.',
  scanAgainTitle: 'Skano përsëri kodin QR',
  scanAgainText: 'Kodi QR ndryshon çdo 20 sekonda. Skano përsëri kodin QR që tregojnë organizatorët.',
  checkinNotYet: 'Regjistrimi i pranisë hapet 15 minuta para fillimit.',
  checkinEnded: 'Ky takim ka mbaruar.',

  feedbackTitle: 'Mendimi yt',
  feedbackIntro: 'Dy pyetje. Përgjigjja është anonime: askush nuk e di kush e dha.',
  feedbackNotYet: 'Mund të japësh mendimin tënd pasi të fillojë takimi.',
  usefulQuestion: 'A të ishte i dobishëm takimi?',
  understoodQuestion: 'A e kuptove atë që u tha?',
  scale: ['Aspak', 'Pak', 'Mjaftueshëm', 'Shumë', 'Shumë e shumë'],
  answerRequired: 'Zgjidh një përgjigje.',
  submitFeedback: 'Dërgo mendimin',
  feedbackThanks: 'Faleminderit! Mendimi yt u regjistrua.',
  feedbackAlready: 'Me këtë kod është dhënë tashmë një mendim. Faleminderit!',

  safetyTitle: 'Si të lundrosh në mënyrë të sigurt',
  safety: [
    {
      heading: 'Dil shpejt',
      text: 'Butoni «Dil shpejt», lart në çdo faqe, hap një faqe me motin. Me tastierë: shtyp dy herë Esc.',
    },
    {
      heading: 'Dritare private',
      text: 'Nëse edhe persona të tjerë përdorin të njëjtin telefon ose kompjuter, hapi këto faqe në një dritare private (incognito): kur e mbyll, nuk mbetet historiku.',
    },
    {
      heading: 'Historiku',
      text: 'Përndryshe, pas vizitës fshi historikun e shfletuesit, ose vetëm faqet e këtij sajti.',
    },
    {
      heading: 'Telefon i përbashkët',
      text: 'Kodi i biletës është personal. Nëse dikush të shikon telefonin, shkruaje në një letër në vend që të bësh foto.',
    },
    {
      heading: 'Çfarë nuk ruajmë',
      text: 'Këto faqe nuk përdorin cookies dhe nuk lidhen me faqe të tjera. Mund të regjistrohesh pa emër dhe pa telefon.',
    },
  ],

  privacyTitle: 'Njoftim për privatësinë',
  privacy: (controller) => [
    {
      heading: 'Kush i përpunon të dhënat',
      text: controller
        ? `${controller}, që organizon këtë takim.`
        : 'Institucioni që organizon çdo takim: emri i tij është në faqen e takimit.',
    },
    {
      heading: 'Pse',
      text: 'Për të të regjistruar, për të shënuar praninë tënde dhe për të numëruar sa persona morën pjesë. Numërimet nuk përmbajnë emra.',
    },
    {
      heading: 'Baza ligjore',
      text: 'Një detyrë me interes publik e shërbimeve sociale të zonës (neni 6, paragrafi 1, shkronja e, i Rregullores së BE-së 2016/679, GDPR).',
    },
    {
      heading: 'Cilat të dhëna',
      text: 'Emri dhe telefoni vetëm nëse i shkruan: ruhen të enkriptuara. Pa emër nuk ruajmë asnjërin prej tyre. Gjinia, mosha dhe shtetësia vetëm si grupe, nëse përgjigjesh. Mendimi yt është anonim.',
    },
    {
      heading: 'Kush i sheh',
      text: 'Vetëm organizatorët e takimit. Asnjë e dhënë nuk shkon te faqe të tjera ose jashtë Bashkimit Evropian.',
    },
    {
      heading: 'Për sa kohë',
      text: 'Deri në fund të projektit dhe të raporteve të tij. Pastaj emri dhe telefoni fshihen: mbeten vetëm numrat totalë.',
    },
    {
      heading: 'Të drejtat e tua',
      text: 'Mund të kërkosh t’i shohësh, t’i korrigjosh ose t’i fshish të dhënat e tua dhe të kundërshtosh përdorimin e tyre, duke i shkruar institucionit që organizon. Mund të bësh ankesë te autoriteti italian për mbrojtjen e të dhënave, Garante (www.garanteprivacy.it).',
    },
    {
      heading: 'Anulimi',
      text: 'Mund ta anulosh regjistrimin në çdo kohë me kodin e biletës, në faqen e takimit.',
    },
  ],
};
