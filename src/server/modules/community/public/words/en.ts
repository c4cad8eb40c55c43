import type { PublicWords } from '../public-words.js';

export const EN: PublicWords = {
  languageName: 'English',
  siteName: 'Local meetings',
  skipToContent: 'Go to the content',
  languageNav: 'Language',
  quickExit: 'Leave now',
  quickExitHelp: 'The “Leave now” button opens a weather page. You can also press the Esc key twice.',
  allEvents: 'All meetings',
  safetyLink: 'How to browse safely',

  listTitle: 'Meetings, workshops and labs',
  listIntro:
    'Free meetings for people who live in the area. Choose a meeting to see the details and register.',
  listEmpty: 'There are no meetings planned at the moment. Please come back later.',
  kinds: {
    awareness_meeting: 'Information meeting',
    workshop: 'Workshop',
    citizenship_lab: 'Citizenship lab',
  },
  sessionsCount: (n) => (n === 1 ? '1 meeting' : `${n} meetings`),
  when: 'When',
  where: 'Where',
  comune: 'Town',
  spokenLanguages: 'Languages spoken',
  organisedBy: 'Organised by',
  detailsLink: 'Details and registration',
  writtenInItalian: 'Description (in Italian)',

  notFoundTitle: 'Meeting not found',
  notFoundText: 'This meeting does not exist or is no longer published.',
  eventCancelled: 'This meeting has been cancelled.',
  eventOver: 'This meeting is over.',
  registrationClosed: 'Registration for this meeting is closed.',
  seatsAvailable: 'There are free places.',
  seatsFull: 'All places are taken: you can join the waiting list.',

  formTitle: 'Register',
  formIntro: 'We only ask a few things. Everything is optional: you can register without your name too.',
  anonymousLabel: 'Without my name',
  anonymousHint: 'We keep neither your name nor your phone. Your ticket code is enough.',
  nameLabel: 'First name and surname',
  nameHint: 'Or choose “Without my name”.',
  phoneLabel: 'Phone (optional)',
  phoneHint: 'Only a phone number, never an e-mail. The organisers may call you if the meeting changes.',
  genderLegend: 'You are… (optional)',
  genders: { female: 'A woman', male: 'A man', other: 'Other', not_said: 'I prefer not to say' },
  ageLegend: 'Age (optional)',
  ages: {
    under_18: 'Under 18',
    '18_29': '18–29 years',
    '30_44': '30–44 years',
    '45_64': '45–64 years',
    '65_plus': '65 or older',
    not_said: 'I prefer not to say',
  },
  citizenshipLegend: 'Citizenship (optional)',
  citizenships: {
    italian: 'Italian',
    eu: 'Another country of the European Union',
    non_eu: 'A country outside the European Union',
    not_said: 'I prefer not to say',
  },
  honeypotLabel: 'Leave this field empty',
  submitRegister: 'Register me',

  errorSummary: 'Please check the form',
  nameRequired: 'Write your name or choose “Without my name”.',
  phoneInvalid: 'The phone number is not valid. Write it with the country code, for example +39 333 1234567.',
  alreadyRegistered: 'This phone number is already registered for this meeting.',
  tooFast: 'The form was sent too quickly. Wait a few seconds and press “Register me” again.',
  formExpired: 'The form was open for too long. Check your answers and press “Register me” again.',

  confirmedTitle: 'You are registered',
  confirmedText: 'You have a place. See you there!',
  waitlistedTitle: 'You are on the waiting list',
  waitlistedText:
    'All places are taken. If a place becomes free, it is yours: the organisers will call you if you left your phone.',
  ticketLabel: 'Your ticket code',
  ticketKeep: 'Keep this code: it is your ticket for every meeting. Write it on paper or take a photo.',
  ticketQr: 'QR code of your ticket',
  cancelHow: 'Cannot come? Cancel your registration with your code',
  feedbackHow: 'After the meeting, tell us what you think',

  cancelTitle: 'Cancel your registration',
  cancelIntro: 'Write your ticket code. Your place will go to someone else.',
  ticketCodeLabel: 'Ticket code',
  ticketCodeHint: '8 letters and numbers, for example ABCD 2345.',
  ticketCodeFormat: 'The code has 8 letters and numbers. Check it and write it again.',
  ticketNotFound: 'This code was not found for this meeting.',
  submitCancel: 'Cancel my registration',
  cancelledTitle: 'Registration cancelled',
  cancelledText: 'Your place is now free for someone else. Thank you for letting us know.',
  cancelNotNow: 'This registration can no longer be cancelled.',

  walkInTitle: 'I am here',
  walkInIntro: 'Welcome! Record that you are here. We do not ask your name.',
  haveTicketLegend: 'Do you already have a ticket code?',
  haveTicketHint: 'If yes, write it here. If not, leave it empty and answer the questions below.',
  noTicketHeading: 'No code?',
  noTicketIntro: 'Answer if you like: everything is optional. We will give you a code for next time.',
  participantLegend: 'You are here as…',
  participants: {
    resident: 'Someone who lives in the area',
    professional: 'A professional (social worker, teacher, volunteer…)',
  },
  submitWalkIn: 'Record that I am here',
  presentTitle: 'You are recorded as present',
  presentAlready: 'You were already recorded as present. Thank you!',
  walkInTicket:
    'This is your ticket code. Next time, write it in this form: that way you are counted only once.',
  scanAgainTitle: 'Scan the QR code again',
  scanAgainText: 'The QR code changes every 20 seconds. Scan again the QR code the organisers are showing.',
  checkinNotYet: 'Recording who is here opens 15 minutes before the start.',
  checkinEnded: 'This meeting is over.',

  feedbackTitle: 'Your opinion',
  feedbackIntro: 'Two questions. Your answer is anonymous: nobody knows who gave it.',
  feedbackNotYet: 'You can give your opinion once the meeting has started.',
  usefulQuestion: 'Was the meeting useful for you?',
  understoodQuestion: 'Did you understand what was said?',
  scale: ['Not at all', 'A little', 'Fairly', 'A lot', 'Very much'],
  answerRequired: 'Choose an answer.',
  submitFeedback: 'Send my opinion',
  feedbackThanks: 'Thank you! Your opinion has been recorded.',
  feedbackAlready: 'An opinion was already given with this code. Thank you!',

  safetyTitle: 'How to browse safely',
  safety: [
    {
      heading: 'Leave now',
      text: 'The “Leave now” button, at the top of every page, opens a weather page. With a keyboard: press Esc twice.',
    },
    {
      heading: 'Private window',
      text: 'If other people use the same phone or computer, open these pages in a private (incognito) window: when you close it, no history is left.',
    },
    {
      heading: 'History',
      text: 'Otherwise, after your visit, delete the browser history, or only the pages of this site.',
    },
    {
      heading: 'Shared phone',
      text: 'Your ticket code is personal. If someone looks at your phone, write it on paper instead of taking a photo.',
    },
    {
      heading: 'What we do not keep',
      text: 'These pages use no cookies and contact no other sites. You can register without a name and without a phone.',
    },
  ],

  privacyTitle: 'Privacy notice',
  privacy: (controller) => [
    {
      heading: 'Who handles the data',
      text: controller
        ? `${controller}, which organises this meeting.`
        : 'The organisation that organises each meeting: its name is on the meeting’s page.',
    },
    {
      heading: 'Why',
      text: 'To register you, to record that you came and to count how many people took part. The counts contain no names.',
    },
    {
      heading: 'Legal basis',
      text: 'A task in the public interest of the local social services (Article 6(1)(e) of EU Regulation 2016/679, GDPR).',
    },
    {
      heading: 'Which data',
      text: 'Name and phone only if you write them: they are stored encrypted. Without a name we keep neither. Gender, age and citizenship only as groups, if you answer. Your opinion is anonymous.',
    },
    {
      heading: 'Who sees them',
      text: 'Only the organisers of the meeting. No data goes to other sites or outside the European Union.',
    },
    {
      heading: 'How long',
      text: 'Until the end of the project and its reports. Then name and phone are deleted: only the totals remain.',
    },
    {
      heading: 'Your rights',
      text: 'You can ask to see, correct or delete your data and object to its use, by writing to the organising organisation. You can complain to the Italian data protection authority, the Garante (www.garanteprivacy.it).',
    },
    {
      heading: 'Cancelling',
      text: 'You can cancel your registration at any time with your ticket code, on the meeting’s page.',
    },
  ],
};
