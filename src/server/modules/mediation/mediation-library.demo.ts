import { sql } from 'drizzle-orm';
import type { TGlossaryTerm, TMaterial } from '../../../contracts/mediation-library.js';
import { queryRows } from '../../platform/db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';

/**
 * The library's demo data (issue 18, item 7): three materials of the mediation service with their
 * Italian versions in use — a rights leaflet for victims of violence (also in Arabic, French,
 * English and Urdu, and a Spanish version waiting for review), an informed consent form and a
 * letter from a school — and fifteen glossary terms, translated only where the translation is sure
 * (a missing one is better than a wrong one). Written by Amina (mediatrice), approved by Giulia
 * (referente.mediazione).
 */

type Texts = { title: string; body: string };

const RIGHTS: Record<'it' | 'ar' | 'fr' | 'en' | 'ur', Texts> = {
  it: {
    title: 'I tuoi diritti se subisci violenza',
    body: `Se qualcuno ti fa del male, ti minaccia o ti controlla, non sei sola e non è colpa tua.
Hai diritto a essere protetta, anche se non hai il permesso di soggiorno.
Puoi chiamare il 1522, il numero gratuito contro la violenza, giorno e notte: rispondono operatrici che parlano diverse lingue.
In caso di pericolo chiama il 112.
Il centro antiviolenza ti ascolta gratuitamente e in modo riservato. Non devi sporgere denuncia per ricevere aiuto.
Puoi chiedere una mediatrice culturale che parli la tua lingua.
Puoi chiedere al giudice un ordine di protezione e, se serve, un posto in una casa rifugio per te e per i tuoi figli.`,
  },
  ar: {
    title: 'حقوقك إذا تعرضت للعنف',
    body: `إذا كان أحد يؤذيك أو يهددك أو يتحكم بك، فأنت لست وحدك وليس الذنب ذنبك.
من حقك أن تحصلي على الحماية، حتى لو لم تكن لديك إقامة.
يمكنك الاتصال بالرقم 1522، وهو رقم مجاني لمكافحة العنف، في الليل والنهار، وتجيب عليه موظفات يتحدثن عدة لغات.
في حالة الخطر اتصلي بالرقم 112.
يستمع إليك مركز مكافحة العنف مجانا وبسرية تامة. لا يجب عليك تقديم شكوى لتحصلي على المساعدة.
يمكنك طلب وسيطة ثقافية تتحدث لغتك.
يمكنك أن تطلبي من القاضي أمر حماية، وإذا لزم الأمر، مكانا في دار إيواء لك ولأطفالك.`,
  },
  fr: {
    title: 'Vos droits si vous subissez des violences',
    body: `Si quelqu’un vous fait du mal, vous menace ou vous contrôle, vous n’êtes pas seule et ce n’est pas de votre faute.
Vous avez le droit d’être protégée, même sans titre de séjour.
Vous pouvez appeler le 1522, numéro gratuit contre les violences, jour et nuit : des opératrices parlent plusieurs langues.
En cas de danger, appelez le 112.
Le centre antiviolence vous écoute gratuitement et en toute confidentialité. Vous n’êtes pas obligée de porter plainte pour être aidée.
Vous pouvez demander une médiatrice culturelle qui parle votre langue.
Vous pouvez demander au juge une ordonnance de protection et, si nécessaire, une place dans un foyer d’accueil pour vous et vos enfants.`,
  },
  en: {
    title: 'Your rights if you experience violence',
    body: `If someone hurts you, threatens you or controls you, you are not alone and it is not your fault.
You have the right to protection, even if you do not have a residence permit.
You can call 1522, the free helpline against violence, day and night: the operators speak several languages.
If you are in danger, call 112.
The anti-violence centre listens to you free of charge and in confidence. You do not have to report to the police to get help.
You can ask for a cultural mediator who speaks your language.
You can ask the judge for a protection order and, if needed, a place in a shelter for you and your children.`,
  },
  ur: {
    title: 'اگر آپ تشدد کا شکار ہیں تو آپ کے حقوق',
    body: `اگر کوئی آپ کو نقصان پہنچاتا ہے، دھمکی دیتا ہے یا آپ پر قابو رکھتا ہے، تو آپ اکیلی نہیں ہیں اور یہ آپ کا قصور نہیں ہے۔
آپ کو تحفظ کا حق حاصل ہے، چاہے آپ کے پاس رہائشی اجازت نامہ نہ ہو۔
آپ دن رات 1522 پر مفت کال کر سکتی ہیں۔ یہ تشدد کے خلاف مدد کی لائن ہے اور وہاں کئی زبانیں بولنے والی کارکنان موجود ہیں۔
خطرے کی صورت میں 112 پر کال کریں۔
تشدد کے خلاف مرکز آپ کی بات مفت اور مکمل رازداری کے ساتھ سنتا ہے۔ مدد حاصل کرنے کے لیے پولیس میں شکایت درج کرانا ضروری نہیں۔
آپ ایسی خاتون ثالث کی درخواست کر سکتی ہیں جو آپ کی زبان بولتی ہو۔
آپ جج سے حفاظتی حکم کی درخواست کر سکتی ہیں، اور ضرورت ہو تو اپنے اور اپنے بچوں کے لیے پناہ گاہ میں جگہ مانگ سکتی ہیں۔`,
  },
};

const RIGHTS_IN_REVIEW: Texts = {
  title: 'Tus derechos si sufres violencia',
  body: `Si alguien te hace daño, te amenaza o te controla, no estás sola y no es culpa tuya.
Tienes derecho a ser protegida, aunque no tengas permiso de residencia.
Puedes llamar al 1522, el número gratuito contra la violencia, de día y de noche: las operadoras hablan varios idiomas.
En caso de peligro, llama al 112.`,
};

const CONSENT: Texts = {
  title: 'Consenso informato al trattamento dei dati personali',
  body: `Dichiaro di aver ricevuto, nella mia lingua e con l’aiuto della mediatrice o del mediatore culturale, le informazioni sul trattamento dei miei dati personali da parte del servizio.
I miei dati sono usati solo per aiutare me e la mia famiglia e non sono comunicati ad altri senza il mio consenso, salvo i casi previsti dalla legge.
Posso chiedere in ogni momento di vedere i miei dati, di correggerli o di ritirare il consenso.
La mediatrice o il mediatore culturale è tenuto al segreto su tutto ciò che ascolta.

Data ____________    Firma ____________`,
};

const SCHOOL_LETTER: Texts = {
  title: 'Invito a un colloquio con gli insegnanti',
  body: `Gentili genitori,
la scuola vi invita a un colloquio con gli insegnanti per parlare del percorso di vostro figlio o di vostra figlia.
Al colloquio sarà presente una mediatrice culturale che parla la vostra lingua: potete fare tutte le domande che volete.
Se non potete venire nel giorno indicato, avvisate la segreteria della scuola: troveremo insieme un’altra data.

Cordiali saluti,
la dirigente scolastica`,
};

type Translations = Partial<Record<'ar' | 'fr' | 'en' | 'ur' | 'sq' | 'pa' | 'ro' | 'uk' | 'es', string>>;
interface DemoTerm {
  term: string;
  domain: TGlossaryTerm['domain'];
  definition: string;
  translations: Translations;
  notes?: Translations;
}

const TERMS: DemoTerm[] = [
  {
    term: 'affido',
    domain: 'social',
    definition: 'Accoglienza temporanea di un minore presso un’altra famiglia o una persona singola.',
    translations: {
      en: 'foster care',
      fr: 'placement en famille d’accueil',
      es: 'acogimiento familiar',
      ar: 'الرعاية لدى أسرة بديلة',
      ro: 'plasament familial',
      uk: 'влаштування в прийомну сім’ю',
    },
    notes: { ar: 'Temporaneo: non è un’adozione, va detto chiaramente.' },
  },
  {
    term: 'tutela minori',
    domain: 'legal',
    definition: 'Il servizio che protegge i minorenni in pericolo, su mandato del tribunale.',
    translations: {
      en: 'child protection',
      fr: 'protection de l’enfance',
      es: 'protección de menores',
      ar: 'حماية القاصرين',
      ur: 'بچوں کا تحفظ',
      sq: 'mbrojtja e fëmijëve',
      pa: 'ਬੱਚਿਆਂ ਦੀ ਸੁਰੱਖਿਆ',
      ro: 'protecția copilului',
      uk: 'захист дітей',
    },
  },
  {
    term: 'decreto del tribunale per i minorenni',
    domain: 'legal',
    definition: 'Provvedimento con cui il tribunale per i minorenni decide su un bambino o una bambina.',
    translations: {
      en: 'juvenile court decree',
      fr: 'décision du tribunal pour enfants',
      es: 'resolución del tribunal de menores',
      ar: 'قرار محكمة الأحداث',
      ro: 'hotărârea tribunalului pentru minori',
      uk: 'рішення суду у справах неповнолітніх',
    },
  },
  {
    term: 'permesso di soggiorno',
    domain: 'documents',
    definition: 'Il documento che autorizza una persona straniera a restare in Italia.',
    translations: {
      en: 'residence permit',
      fr: 'titre de séjour',
      es: 'permiso de residencia',
      ar: 'تصريح الإقامة',
      ur: 'رہائشی اجازت نامہ',
      sq: 'leje qëndrimi',
      ro: 'permis de ședere',
      uk: 'посвідка на проживання',
    },
    notes: { ar: 'Spesso detto semplicemente «الإقامة».' },
  },
  {
    term: 'ordine di protezione',
    domain: 'legal',
    definition: 'Ordine del giudice che allontana chi è violento da casa e gli vieta di avvicinarsi.',
    translations: {
      en: 'protection order',
      fr: 'ordonnance de protection',
      es: 'orden de protección',
      ar: 'أمر الحماية',
      sq: 'urdhër mbrojtjeje',
      ro: 'ordin de protecție',
    },
  },
  {
    term: 'casa rifugio',
    domain: 'housing',
    definition: 'Alloggio ad indirizzo segreto per donne, con i figli, in fuga dalla violenza.',
    translations: {
      en: 'shelter',
      fr: 'foyer d’accueil',
      es: 'casa de acogida',
      ar: 'دار إيواء',
      ur: 'پناہ گاہ',
      uk: 'притулок',
    },
    notes: { en: 'Its address is never given out.' },
  },
  {
    term: 'presa in carico',
    domain: 'social',
    definition:
      'Il momento in cui un servizio assume la responsabilità di seguire una persona o una famiglia.',
    translations: { en: 'taking on the case', fr: 'prise en charge', ro: 'preluarea cazului' },
  },
  {
    term: 'assistente sociale',
    domain: 'social',
    definition: 'La professionista o il professionista del servizio sociale che segue la famiglia.',
    translations: {
      en: 'social worker',
      fr: 'assistante sociale',
      es: 'trabajadora social',
      ar: 'أخصائية اجتماعية',
      ur: 'سماجی کارکن',
      sq: 'punonjëse sociale',
      ro: 'asistent social',
      uk: 'соціальний працівник',
    },
  },
  {
    term: 'consultorio',
    domain: 'health',
    definition: 'Servizio sanitario gratuito per la salute della donna, della coppia e della famiglia.',
    translations: {
      en: 'family health clinic',
      fr: 'centre de santé familiale',
      es: 'centro de orientación familiar',
      ro: 'centru de consiliere familială',
    },
  },
  {
    term: 'ISEE',
    domain: 'documents',
    definition:
      'Indicatore della situazione economica equivalente: misura il reddito e il patrimonio della famiglia.',
    translations: {
      en: 'ISEE, the household means-test indicator',
      fr: 'ISEE, indicateur de la situation économique du foyer',
      es: 'ISEE, indicador de la situación económica familiar',
      ro: 'ISEE, indicatorul situației economice a familiei',
    },
  },
  {
    term: 'residenza',
    domain: 'documents',
    definition: 'L’iscrizione all’anagrafe del comune dove si vive abitualmente.',
    translations: {
      en: 'registered residence',
      fr: 'résidence déclarée à la mairie',
      es: 'empadronamiento',
      ro: 'domiciliu',
      uk: 'реєстрація місця проживання',
    },
  },
  {
    term: 'ricongiungimento familiare',
    domain: 'documents',
    definition:
      'La procedura che permette ai familiari di raggiungere in Italia chi vi risiede regolarmente.',
    translations: {
      en: 'family reunification',
      fr: 'regroupement familial',
      es: 'reagrupación familiar',
      ar: 'لم شمل الأسرة',
      sq: 'bashkimi familjar',
      ro: 'reîntregirea familiei',
      uk: 'возз’єднання сім’ї',
    },
  },
  {
    term: 'mediatore culturale',
    domain: 'social',
    definition:
      'Chi facilita la comunicazione tra la persona straniera e i servizi, nella lingua e nella cultura.',
    translations: {
      en: 'cultural mediator',
      fr: 'médiateur culturel',
      es: 'mediador cultural',
      ar: 'وسيط ثقافي',
      ro: 'mediator cultural',
      uk: 'культурний медіатор',
    },
  },
  {
    term: 'udienza',
    domain: 'legal',
    definition: 'L’incontro davanti al giudice in cui le parti sono ascoltate.',
    translations: {
      en: 'hearing',
      fr: 'audience',
      es: 'audiencia',
      ar: 'جلسة المحكمة',
      ur: 'سماعت',
      sq: 'seancë gjyqësore',
      ro: 'ședință de judecată',
      uk: 'судове засідання',
    },
  },
  {
    term: 'querela',
    domain: 'legal',
    definition: 'La richiesta della persona offesa di perseguire penalmente chi ha commesso il reato.',
    translations: {
      en: 'criminal complaint by the victim',
      fr: 'plainte',
      es: 'querella',
      ar: 'شكوى جنائية',
      sq: 'kallëzim penal',
      ro: 'plângere prealabilă',
    },
    notes: { en: 'In some cases it must be filed within a time limit.' },
  },
];

const DAY = 86_400_000;

/** Seeds the library and the glossary; called once by mediation's demo seed, after the demo accounts. */
export async function seedDemoLibrary({ tx, serviceIds, userIds }: DemoSeedContext): Promise<void> {
  const service = serviceIds.get('mediazione')!;
  const author = userIds.get('mediatrice')!;
  const reviewer = userIds.get('referente.mediazione')!;

  async function material(title: string, kind: TMaterial['kind'], summary: string) {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into mediation_materials (owner_service_id, title, kind, summary, created_by)
          values (${service}, ${title}, ${kind}, ${summary}, ${reviewer}) returning id`,
    );
    return row!.id;
  }
  async function version(materialId: string, language: string, texts: Texts, approvedDaysAgo: number | null) {
    const approvedAt = approvedDaysAgo === null ? null : new Date(Date.now() - approvedDaysAgo * DAY);
    await queryRows(
      tx,
      sql`insert into mediation_material_versions
            (material_id, language, version, title, body, status, author_id, reviewer_id, approved_at, created_at)
          values (${materialId}, ${language}, 1, ${texts.title}, ${texts.body},
                  ${approvedAt ? 'approved' : 'in_review'}, ${author}, ${approvedAt ? reviewer : null},
                  ${approvedAt}, ${new Date(Date.now() - (approvedDaysAgo ?? 0) * DAY - 3 * DAY)})`,
    );
  }

  const rights = await material(
    'I tuoi diritti se subisci violenza',
    'rights_information',
    'Volantino per le donne vittime di violenza: numeri utili, centro antiviolenza, ordine di protezione.',
  );
  for (const [language, texts] of Object.entries(RIGHTS)) await version(rights, language, texts, 20);
  await version(rights, 'es', RIGHTS_IN_REVIEW, null);
  const consent = await material(
    'Consenso informato al trattamento dei dati',
    'consent_form',
    'Da leggere insieme alla persona, nella sua lingua, prima del primo colloquio.',
  );
  await version(consent, 'it', CONSENT, 35);
  const letter = await material(
    'Lettera della scuola per un colloquio',
    'letter',
    'Invito ai genitori a un colloquio con gli insegnanti, alla presenza di una mediatrice.',
  );
  await version(letter, 'it', SCHOOL_LETTER, 10);

  for (const t of TERMS) {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into glossary_terms (term, domain, definition, updated_by)
          values (${t.term}, ${t.domain}, ${t.definition}, ${author}) returning id`,
    );
    for (const [language, translation] of Object.entries(t.translations))
      await queryRows(
        tx,
        sql`insert into glossary_translations (term_id, language, translation, note)
            values (${row!.id}, ${language}, ${translation}, ${t.notes?.[language as keyof Translations] ?? null})`,
      );
  }
}
