import type { FEEDBACK_ANSWERS, FEEDBACK_QUESTIONS } from '../../../contracts/mediation.js';

/**
 * The page a person mediated answers on (issue 18, item 6), in their own language. These are words
 * for the person, not the interface, so they live here rather than in the it/en catalogues; short
 * sentences, the informal "you" where the language allows it, both genders where the language marks
 * them. They should be read by a mediator of each language before the page is used with people.
 */
export type TFeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];
export type TFeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

export interface FeedbackWords {
  /** The language's own name, as its speakers write it (the language switcher). */
  name: string;
  dir: 'ltr' | 'rtl';
  title: string;
  intro: string;
  questions: Record<TFeedbackQuestion, string>;
  answers: Record<TFeedbackAnswer, string>;
  send: string;
  missing: string;
  failed: string;
  thanks: string;
  closed: string;
  /** The switcher's label (the app's header has its own language switch, for the screen's words). */
  language: string;
}

export const FEEDBACK_WORDS = {
  it: {
    name: 'Italiano',
    dir: 'ltr',
    title: 'Il tuo parere sulla mediazione',
    intro:
      'Tre domande brevi sull’incontro di oggi con la mediatrice o il mediatore. Non chiediamo il tuo nome.',
    questions: {
      understood: 'Hai capito bene quello che è stato detto?',
      respected: 'Ti hanno parlato con rispetto?',
      again: 'Vorresti di nuovo la stessa mediatrice o lo stesso mediatore?',
    },
    answers: { yes: 'Sì', partly: 'In parte', no: 'No' },
    send: 'Invia',
    missing: 'Rispondi a tutte e tre le domande.',
    failed: 'Non è stato possibile inviare. Riprova.',
    thanks: 'Grazie. La tua risposta è stata inviata.',
    closed: 'Questo collegamento non è più aperto. Grazie comunque.',
    language: 'Lingua delle domande',
  },
  en: {
    name: 'English',
    dir: 'ltr',
    title: 'Your opinion of the mediation',
    intro: 'Three short questions about today’s meeting with the mediator. We do not ask your name.',
    questions: {
      understood: 'Did you understand well what was said?',
      respected: 'Were you spoken to with respect?',
      again: 'Would you want the same mediator again?',
    },
    answers: { yes: 'Yes', partly: 'Partly', no: 'No' },
    send: 'Send',
    missing: 'Please answer all three questions.',
    failed: 'It could not be sent. Please try again.',
    thanks: 'Thank you. Your answer has been sent.',
    closed: 'This link is no longer open. Thank you all the same.',
    language: 'Language of the questions',
  },
  fr: {
    name: 'Français',
    dir: 'ltr',
    title: 'Votre avis sur la médiation',
    intro:
      'Trois questions courtes sur la rencontre d’aujourd’hui avec la médiatrice ou le médiateur. Nous ne demandons pas votre nom.',
    questions: {
      understood: 'Avez-vous bien compris ce qui a été dit\u00a0?',
      respected: 'Vous a-t-on parlé avec respect\u00a0?',
      again: 'Voudriez-vous de nouveau la même médiatrice ou le même médiateur\u00a0?',
    },
    answers: { yes: 'Oui', partly: 'En partie', no: 'Non' },
    send: 'Envoyer',
    missing: 'Veuillez répondre aux trois questions.',
    failed: 'L’envoi n’a pas fonctionné. Veuillez réessayer.',
    thanks: 'Merci. Votre réponse a été envoyée.',
    closed: 'Ce lien n’est plus ouvert. Merci quand même.',
    language: 'Langue des questions',
  },
  es: {
    name: 'Español',
    dir: 'ltr',
    title: 'Tu opinión sobre la mediación',
    intro:
      'Tres preguntas breves sobre el encuentro de hoy con la mediadora o el mediador. No te pedimos tu nombre.',
    questions: {
      understood: '¿Entendiste bien lo que se dijo?',
      respected: '¿Te hablaron con respeto?',
      again: '¿Querrías otra vez a la misma mediadora o al mismo mediador?',
    },
    answers: { yes: 'Sí', partly: 'En parte', no: 'No' },
    send: 'Enviar',
    missing: 'Responde a las tres preguntas.',
    failed: 'No se pudo enviar. Inténtalo de nuevo.',
    thanks: 'Gracias. Tu respuesta se ha enviado.',
    closed: 'Este enlace ya no está abierto. Gracias de todos modos.',
    language: 'Idioma de las preguntas',
  },
  ro: {
    name: 'Română',
    dir: 'ltr',
    title: 'Părerea ta despre mediere',
    intro:
      'Trei întrebări scurte despre întâlnirea de azi cu mediatoarea sau mediatorul. Nu îți cerem numele.',
    questions: {
      understood: 'Ai înțeles bine ce s-a spus?',
      respected: 'Ți s-a vorbit cu respect?',
      again: 'Ai vrea din nou aceeași mediatoare sau același mediator?',
    },
    answers: { yes: 'Da', partly: 'În parte', no: 'Nu' },
    send: 'Trimite',
    missing: 'Te rugăm să răspunzi la toate cele trei întrebări.',
    failed: 'Trimiterea nu a reușit. Încearcă din nou.',
    thanks: 'Mulțumim. Răspunsul tău a fost trimis.',
    closed: 'Acest link nu mai este deschis. Mulțumim oricum.',
    language: 'Limba întrebărilor',
  },
  uk: {
    name: 'Українська',
    dir: 'ltr',
    title: 'Ваша думка про медіацію',
    intro:
      'Три короткі запитання про сьогоднішню зустріч з медіаторкою або медіатором. Ми не питаємо вашого імені.',
    questions: {
      understood: 'Чи добре ви зрозуміли те, що було сказано?',
      respected: 'Чи говорили з вами з повагою?',
      again: 'Чи хотіли б ви знову ту саму медіаторку або того самого медіатора?',
    },
    answers: { yes: 'Так', partly: 'Частково', no: 'Ні' },
    send: 'Надіслати',
    missing: 'Будь ласка, дайте відповідь на всі три запитання.',
    failed: 'Не вдалося надіслати. Спробуйте ще раз.',
    thanks: 'Дякуємо. Вашу відповідь надіслано.',
    closed: 'Це посилання більше не відкрите. Все одно дякуємо.',
    language: 'Мова запитань',
  },
  sq: {
    name: 'Shqip',
    dir: 'ltr',
    title: 'Mendimi yt për ndërmjetësimin',
    intro:
      'Tri pyetje të shkurtra për takimin e sotëm me ndërmjetësen ose ndërmjetësin. Nuk të kërkojmë emrin.',
    questions: {
      understood: 'A e kuptove mirë atë që u tha?',
      respected: 'A të folën me respekt?',
      again: 'A do të doje përsëri të njëjtën ndërmjetëse ose të njëjtin ndërmjetës?',
    },
    answers: { yes: 'Po', partly: 'Pjesërisht', no: 'Jo' },
    send: 'Dërgo',
    missing: 'Të lutem, përgjigju të tri pyetjeve.',
    failed: 'Dërgimi nuk u krye. Provo përsëri.',
    thanks: 'Faleminderit. Përgjigja jote u dërgua.',
    closed: 'Kjo lidhje nuk është më e hapur. Faleminderit gjithsesi.',
    language: 'Gjuha e pyetjeve',
  },
  ar: {
    name: 'العربية',
    dir: 'rtl',
    title: 'رأيك في الوساطة',
    intro: 'ثلاثة أسئلة قصيرة عن لقاء اليوم مع الوسيطة أو الوسيط. لا نطلب اسمك.',
    questions: {
      understood: 'هل فهمت جيدًا ما قيل؟',
      respected: 'هل تحدّثوا معك باحترام؟',
      again: 'هل تريد نفس الوسيطة أو نفس الوسيط مرة أخرى؟',
    },
    answers: { yes: 'نعم', partly: 'إلى حدٍّ ما', no: 'لا' },
    send: 'إرسال',
    missing: 'يرجى الإجابة على الأسئلة الثلاثة.',
    failed: 'تعذّر الإرسال. حاول مرة أخرى.',
    thanks: 'شكرًا لك. تم إرسال إجابتك.',
    closed: 'هذا الرابط لم يعد مفتوحًا. شكرًا على كل حال.',
    language: 'لغة الأسئلة',
  },
  ur: {
    name: 'اردو',
    dir: 'rtl',
    title: 'ترجمانی کے بارے میں آپ کی رائے',
    intro: 'آج کی ملاقات میں ترجمانی کے بارے میں تین مختصر سوالات۔ ہم آپ کا نام نہیں پوچھتے۔',
    questions: {
      understood: 'کیا آپ نے جو کچھ کہا گیا اچھی طرح سمجھا؟',
      respected: 'کیا آپ سے عزت سے بات کی گئی؟',
      again: 'کیا آپ دوبارہ یہی ترجمان چاہیں گے؟',
    },
    answers: { yes: 'ہاں', partly: 'کچھ حد تک', no: 'نہیں' },
    send: 'بھیجیں',
    missing: 'براہ کرم تینوں سوالوں کے جواب دیں۔',
    failed: 'بھیجا نہیں جا سکا۔ دوبارہ کوشش کریں۔',
    thanks: 'شکریہ۔ آپ کا جواب بھیج دیا گیا ہے۔',
    closed: 'یہ لنک اب کھلا نہیں ہے۔ پھر بھی شکریہ۔',
    language: 'سوالات کی زبان',
  },
  pa: {
    name: 'ਪੰਜਾਬੀ',
    dir: 'ltr',
    title: 'ਦੁਭਾਸ਼ੀਏ ਬਾਰੇ ਤੁਹਾਡੀ ਰਾਏ',
    intro: 'ਅੱਜ ਦੀ ਮੁਲਾਕਾਤ ਵਿੱਚ ਦੁਭਾਸ਼ੀਏ ਬਾਰੇ ਤਿੰਨ ਛੋਟੇ ਸਵਾਲ। ਅਸੀਂ ਤੁਹਾਡਾ ਨਾਮ ਨਹੀਂ ਪੁੱਛਦੇ।',
    questions: {
      understood: 'ਕੀ ਤੁਸੀਂ ਜੋ ਕਿਹਾ ਗਿਆ ਉਹ ਚੰਗੀ ਤਰ੍ਹਾਂ ਸਮਝਿਆ?',
      respected: 'ਕੀ ਤੁਹਾਡੇ ਨਾਲ ਇੱਜ਼ਤ ਨਾਲ ਗੱਲ ਕੀਤੀ ਗਈ?',
      again: 'ਕੀ ਤੁਸੀਂ ਦੁਬਾਰਾ ਇਹੀ ਦੁਭਾਸ਼ੀਆ ਚਾਹੋਗੇ?',
    },
    answers: { yes: 'ਹਾਂ', partly: 'ਕੁਝ ਹੱਦ ਤੱਕ', no: 'ਨਹੀਂ' },
    send: 'ਭੇਜੋ',
    missing: 'ਕਿਰਪਾ ਕਰਕੇ ਤਿੰਨਾਂ ਸਵਾਲਾਂ ਦੇ ਜਵਾਬ ਦਿਓ।',
    failed: 'ਭੇਜਿਆ ਨਹੀਂ ਜਾ ਸਕਿਆ। ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।',
    thanks: 'ਧੰਨਵਾਦ। ਤੁਹਾਡਾ ਜਵਾਬ ਭੇਜ ਦਿੱਤਾ ਗਿਆ ਹੈ।',
    closed: 'ਇਹ ਲਿੰਕ ਹੁਣ ਖੁੱਲ੍ਹਾ ਨਹੀਂ ਹੈ। ਫਿਰ ਵੀ ਧੰਨਵਾਦ।',
    language: 'ਸਵਾਲਾਂ ਦੀ ਭਾਸ਼ਾ',
  },
} as const satisfies Record<string, FeedbackWords>;

export type TFeedbackLanguage = keyof typeof FEEDBACK_WORDS;

/** The languages the page speaks, in the order the switcher lists them (Italian first). */
export const FEEDBACK_LANGUAGES = Object.keys(FEEDBACK_WORDS) as TFeedbackLanguage[];

/**
 * The page's language for a language it does not speak. West African languages go to French, the
 * language of school there (Wolof, Bambara, Fula: written translations of the page would need a
 * mediator's review first); any other to English. The Italian stays beside the fallback, so the
 * person, or whoever helps them, reads it in the language of the service too.
 */
const FALLBACK: Readonly<Record<string, TFeedbackLanguage>> = { wo: 'fr', bm: 'fr', ff: 'fr' };

export const isFeedbackLanguage = (code: string): code is TFeedbackLanguage =>
  Object.hasOwn(FEEDBACK_WORDS, code);

export interface FeedbackLanguageChoice {
  /** The language the page shows. */
  language: TFeedbackLanguage;
  /** True when the person's own language is not one the page speaks: Italian is shown beside it. */
  fallback: boolean;
}

/** The language the page opens in, from the request's language (an ISO 639 code, any case). */
export function feedbackLanguageFor(code: string | null | undefined): FeedbackLanguageChoice {
  const wanted = (code ?? '').trim().toLowerCase();
  if (isFeedbackLanguage(wanted)) return { language: wanted, fallback: false };
  return { language: (Object.hasOwn(FALLBACK, wanted) && FALLBACK[wanted]) || 'en', fallback: true };
}

/** The words of a language, with the Italian to show beside them when the page fell back. */
export function wordsOf(choice: FeedbackLanguageChoice): {
  words: FeedbackWords;
  beside: FeedbackWords | null;
} {
  const words: FeedbackWords = FEEDBACK_WORDS[choice.language];
  return { words, beside: choice.fallback && choice.language !== 'it' ? FEEDBACK_WORDS.it : null };
}
