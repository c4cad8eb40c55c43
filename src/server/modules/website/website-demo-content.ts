import type { TSiteLanguage } from '../../../contracts/website.js';

/** Demo content of the public site (invented; the services' names are demo names). */
export interface DemoTranslation {
  title: string;
  summary: string;
  body: string;
}

/*
 * The Italian is the original; the other languages translate it. Links to the site's own pages
 * carry the page's language (`?lang=`), so a reader stays in her language when she follows them.
 */

export const DEMO_HOME: Record<TSiteLanguage, DemoTranslation> = {
  it: {
    title: 'Benvenuta, benvenuto',
    summary:
      'Qui trovi i servizi che aiutano donne, famiglie e persone straniere negli Ambiti di Treviglio e Romano di Lombardia.',
    body: `<p>Questo è il sito della rete dei servizi pubblici e del terzo settore (associazioni e cooperative) degli Ambiti di Treviglio e Romano di Lombardia. Aiutiamo le donne che subiscono violenza, le famiglie con bambini e le persone straniere nel loro percorso verso l’autonomia.</p>
<p>I servizi sono <strong>gratuiti</strong> e <strong>riservati</strong>. Puoi parlare nella tua lingua, con l’aiuto di una mediatrice o di un mediatore culturale.</p>
<h2>Cosa trovi qui</h2>
<ul>
<li><a href="/sito/aiuto?lang=it">Dove trovare aiuto</a>: i numeri da chiamare e i servizi della rete.</li>
<li><a href="/sito/notizie?lang=it">Notizie</a>: le novità dei servizi.</li>
<li><a href="/eventi?lang=it">Incontri e laboratori</a> nel territorio.</li>
</ul>`,
  },
  en: {
    title: 'Welcome',
    summary:
      'Here you find the services that help women, families and foreign residents in the districts of Treviglio and Romano di Lombardia.',
    body: `<p>This is the website of the network of public services and third-sector organisations (associations and cooperatives) in the districts of Treviglio and Romano di Lombardia. We help women who suffer violence, families with children, and foreign residents on their way to independence.</p>
<p>The services are <strong>free</strong> and <strong>confidential</strong>. You can speak your own language, with the help of a cultural mediator.</p>
<h2>What you find here</h2>
<ul>
<li><a href="/sito/aiuto?lang=en">Where to get help</a>: the numbers to call and the services of the network.</li>
<li><a href="/sito/notizie?lang=en">News</a>: what is new in the services.</li>
<li><a href="/eventi?lang=en">Meetings and workshops</a> in the area.</li>
</ul>`,
  },
  fr: {
    title: 'Bienvenue',
    summary:
      'Ici, vous trouvez les services qui aident les femmes, les familles et les personnes étrangères dans les territoires de Treviglio et de Romano di Lombardia.',
    body: `<p>Ceci est le site du réseau des services publics et du secteur associatif (associations et coopératives) des territoires de Treviglio et de Romano di Lombardia. Nous aidons les femmes qui subissent des violences, les familles avec enfants et les personnes étrangères sur le chemin de l’autonomie.</p>
<p>Les services sont <strong>gratuits</strong> et <strong>confidentiels</strong>. Vous pouvez parler dans votre langue, avec l’aide d’une médiatrice ou d’un médiateur culturel.</p>
<h2>Ce que vous trouvez ici</h2>
<ul>
<li><a href="/sito/aiuto?lang=fr">Où trouver de l’aide</a> : les numéros à appeler et les services du réseau.</li>
<li><a href="/sito/notizie?lang=fr">Actualités</a> : les nouvelles des services.</li>
<li><a href="/eventi?lang=fr">Rencontres et ateliers</a> près de chez vous.</li>
</ul>`,
  },
  ar: {
    title: 'أهلًا وسهلًا',
    summary:
      'هنا تجد الخدمات التي تساعد النساء والعائلات والأجانب المقيمين في منطقتي Treviglio و Romano di Lombardia.',
    body: `<p>هذا موقع شبكة الخدمات العامة وخدمات القطاع الثالث (الجمعيات والتعاونيات) في منطقتي Treviglio و Romano di Lombardia. نحن نساعد النساء اللواتي يتعرضن للعنف، والعائلات التي لديها أطفال، والأجانب المقيمين في طريقهم نحو الاعتماد على أنفسهم.</p>
<p>الخدمات <strong>مجانية</strong> و<strong>سرية</strong>. يمكنك أن تتكلم بلغتك، بمساعدة وسيطة أو وسيط ثقافي.</p>
<h2>ماذا تجد هنا</h2>
<ul>
<li><a href="/sito/aiuto?lang=ar">أين تجد المساعدة</a>: أرقام للاتصال وخدمات الشبكة.</li>
<li><a href="/sito/notizie?lang=ar">الأخبار</a>: آخر أخبار الخدمات.</li>
<li><a href="/eventi?lang=ar">لقاءات وورش عمل</a> في منطقتك.</li>
</ul>`,
  },
  sq: {
    title: 'Mirë se erdhe',
    summary:
      'Këtu gjen shërbimet që ndihmojnë gratë, familjet dhe të huajt në zonat Treviglio dhe Romano di Lombardia.',
    body: `<p>Ky është sajti i rrjetit të shërbimeve publike dhe të sektorit të tretë (shoqata dhe kooperativa) në zonat Treviglio dhe Romano di Lombardia. Ne ndihmojmë gratë që pësojnë dhunë, familjet me fëmijë dhe të huajt në rrugën e tyre drejt pavarësisë.</p>
<p>Shërbimet janë <strong>falas</strong> dhe <strong>konfidenciale</strong>. Mund të flasësh në gjuhën tënde, me ndihmën e një ndërmjetësi kulturor.</p>
<h2>Çfarë gjen këtu</h2>
<ul>
<li><a href="/sito/aiuto?lang=sq">Ku të gjesh ndihmë</a>: numrat për të telefonuar dhe shërbimet e rrjetit.</li>
<li><a href="/sito/notizie?lang=sq">Lajme</a>: të rejat e shërbimeve.</li>
<li><a href="/eventi?lang=sq">Takime dhe punëtori</a> në zonën tënde.</li>
</ul>`,
  },
  pa: {
    title: 'ਜੀ ਆਇਆਂ ਨੂੰ',
    summary:
      'ਇੱਥੇ ਤੁਹਾਨੂੰ ਉਹ ਸੇਵਾਵਾਂ ਮਿਲਦੀਆਂ ਹਨ ਜੋ Treviglio ਅਤੇ Romano di Lombardia ਦੇ ਇਲਾਕਿਆਂ ਵਿੱਚ ਔਰਤਾਂ, ਪਰਿਵਾਰਾਂ ਅਤੇ ਵਿਦੇਸ਼ੀ ਵਸਨੀਕਾਂ ਦੀ ਮਦਦ ਕਰਦੀਆਂ ਹਨ।',
    body: `<p>ਇਹ Treviglio ਅਤੇ Romano di Lombardia ਦੇ ਇਲਾਕਿਆਂ ਦੀਆਂ ਸਰਕਾਰੀ ਸੇਵਾਵਾਂ ਅਤੇ ਸਮਾਜਿਕ ਸੰਸਥਾਵਾਂ (ਐਸੋਸੀਏਸ਼ਨਾਂ ਅਤੇ ਸਹਿਕਾਰੀ ਸਭਾਵਾਂ) ਦੇ ਨੈੱਟਵਰਕ ਦੀ ਵੈੱਬਸਾਈਟ ਹੈ। ਅਸੀਂ ਹਿੰਸਾ ਸਹਿ ਰਹੀਆਂ ਔਰਤਾਂ, ਬੱਚਿਆਂ ਵਾਲੇ ਪਰਿਵਾਰਾਂ ਅਤੇ ਆਪਣੇ ਪੈਰਾਂ ’ਤੇ ਖੜ੍ਹੇ ਹੋਣ ਦੇ ਰਾਹ ’ਤੇ ਚੱਲ ਰਹੇ ਵਿਦੇਸ਼ੀ ਵਸਨੀਕਾਂ ਦੀ ਮਦਦ ਕਰਦੇ ਹਾਂ।</p>
<p>ਸੇਵਾਵਾਂ <strong>ਮੁਫ਼ਤ</strong> ਅਤੇ <strong>ਗੁਪਤ</strong> ਹਨ। ਤੁਸੀਂ ਸੱਭਿਆਚਾਰਕ ਵਿਚੋਲੇ (ਮੀਡੀਏਟਰ) ਦੀ ਮਦਦ ਨਾਲ ਆਪਣੀ ਭਾਸ਼ਾ ਵਿੱਚ ਗੱਲ ਕਰ ਸਕਦੇ ਹੋ।</p>
<h2>ਇੱਥੇ ਕੀ ਮਿਲੇਗਾ</h2>
<ul>
<li><a href="/sito/aiuto?lang=pa">ਮਦਦ ਕਿੱਥੇ ਮਿਲੇ</a>: ਫ਼ੋਨ ਕਰਨ ਲਈ ਨੰਬਰ ਅਤੇ ਨੈੱਟਵਰਕ ਦੀਆਂ ਸੇਵਾਵਾਂ।</li>
<li><a href="/sito/notizie?lang=pa">ਖ਼ਬਰਾਂ</a>: ਸੇਵਾਵਾਂ ਬਾਰੇ ਨਵੀਂ ਜਾਣਕਾਰੀ।</li>
<li>ਤੁਹਾਡੇ ਇਲਾਕੇ ਵਿੱਚ <a href="/eventi?lang=pa">ਮੀਟਿੰਗਾਂ ਅਤੇ ਵਰਕਸ਼ਾਪਾਂ</a>।</li>
</ul>`,
  },
  ur: {
    title: 'خوش آمدید',
    summary:
      'یہاں آپ کو وہ خدمات ملتی ہیں جو Treviglio اور Romano di Lombardia کے علاقوں میں خواتین، خاندانوں اور غیر ملکی رہائشیوں کی مدد کرتی ہیں۔',
    body: `<p>یہ Treviglio اور Romano di Lombardia کے علاقوں میں سرکاری خدمات اور سماجی اداروں (انجمنوں اور کوآپریٹوز) کے نیٹ ورک کی ویب سائٹ ہے۔ ہم تشدد کا شکار خواتین، بچوں والے خاندانوں اور اپنے پاؤں پر کھڑے ہونے کی راہ پر چلنے والے غیر ملکی رہائشیوں کی مدد کرتے ہیں۔</p>
<p>خدمات <strong>مفت</strong> ہیں اور آپ کی بات <strong>راز</strong> میں رکھی جاتی ہے۔ آپ ثقافتی ثالث (میڈی ایٹر) کی مدد سے اپنی زبان میں بات کر سکتے ہیں۔</p>
<h2>یہاں کیا ملے گا</h2>
<ul>
<li><a href="/sito/aiuto?lang=ur">مدد کہاں ملے گی</a>: فون کرنے کے لیے نمبر اور نیٹ ورک کی خدمات۔</li>
<li><a href="/sito/notizie?lang=ur">خبریں</a>: خدمات کی تازہ معلومات۔</li>
<li>آپ کے علاقے میں <a href="/eventi?lang=ur">ملاقاتیں اور ورکشاپس</a>۔</li>
</ul>`,
  },
  ro: {
    title: 'Bine ai venit',
    summary:
      'Aici găsești serviciile care ajută femeile, familiile și persoanele străine din zonele Treviglio și Romano di Lombardia.',
    body: `<p>Acesta este site-ul rețelei de servicii publice și de organizații nonprofit (asociații și cooperative) din zonele Treviglio și Romano di Lombardia. Ajutăm femeile care suferă violență, familiile cu copii și persoanele străine pe drumul lor spre independență.</p>
<p>Serviciile sunt <strong>gratuite</strong> și <strong>confidențiale</strong>. Poți vorbi în limba ta, cu ajutorul unei mediatoare sau al unui mediator cultural.</p>
<h2>Ce găsești aici</h2>
<ul>
<li><a href="/sito/aiuto?lang=ro">Unde găsești ajutor</a>: numerele la care poți suna și serviciile rețelei.</li>
<li><a href="/sito/notizie?lang=ro">Știri</a>: noutățile serviciilor.</li>
<li><a href="/eventi?lang=ro">Întâlniri și ateliere</a> în zona ta.</li>
</ul>`,
  },
  uk: {
    title: 'Ласкаво просимо',
    summary:
      'Тут ви знайдете служби, які допомагають жінкам, сім’ям та іноземцям у районах Treviglio і Romano di Lombardia.',
    body: `<p>Це сайт мережі державних служб і громадських організацій (асоціацій і кооперативів) у районах Treviglio і Romano di Lombardia. Ми допомагаємо жінкам, які зазнають насильства, сім’ям із дітьми та іноземцям на шляху до самостійного життя.</p>
<p>Послуги <strong>безкоштовні</strong> та <strong>конфіденційні</strong>. Ви можете говорити своєю мовою за допомогою культурної медіаторки або медіатора.</p>
<h2>Що ви тут знайдете</h2>
<ul>
<li><a href="/sito/aiuto?lang=uk">Де знайти допомогу</a>: номери, куди можна зателефонувати, і служби мережі.</li>
<li><a href="/sito/notizie?lang=uk">Новини</a>: що нового в службах.</li>
<li><a href="/eventi?lang=uk">Зустрічі та майстер-класи</a> поруч із вами.</li>
</ul>`,
  },
  es: {
    title: 'Bienvenida, bienvenido',
    summary:
      'Aquí encuentras los servicios que ayudan a mujeres, familias y personas extranjeras en las zonas de Treviglio y Romano di Lombardia.',
    body: `<p>Este es el sitio de la red de servicios públicos y del tercer sector (asociaciones y cooperativas) de las zonas de Treviglio y Romano di Lombardia. Ayudamos a las mujeres que sufren violencia, a las familias con niños y a las personas extranjeras en su camino hacia la autonomía.</p>
<p>Los servicios son <strong>gratuitos</strong> y <strong>confidenciales</strong>. Puedes hablar en tu idioma, con la ayuda de una mediadora o un mediador cultural.</p>
<h2>Qué encuentras aquí</h2>
<ul>
<li><a href="/sito/aiuto?lang=es">Dónde encontrar ayuda</a>: los números a los que llamar y los servicios de la red.</li>
<li><a href="/sito/notizie?lang=es">Noticias</a>: las novedades de los servicios.</li>
<li><a href="/eventi?lang=es">Encuentros y talleres</a> en tu zona.</li>
</ul>`,
  },
};

export const DEMO_HELP: Record<TSiteLanguage, DemoTranslation> = {
  it: {
    title: 'Dove trovare aiuto',
    summary: 'Numeri da chiamare e servizi gratuiti che ti ascoltano, anche nella tua lingua.',
    body: `<p>Se sei in pericolo adesso, chiama il <strong>112</strong>. Il <strong>1522</strong> è il numero nazionale gratuito contro la violenza e lo stalking. Risponde 24 ore su 24. Le operatrici parlano diverse lingue. Puoi anche scrivere in chat con l’app 1522.</p>
<p>Qui sotto trovi i servizi della rete. Puoi chiamarli: sono gratuiti. Per ascoltarti non chiedono documenti né permesso di soggiorno. Quello che racconti resta riservato: non lo dicono a nessuno senza il tuo consenso. C’è una sola eccezione: quando serve per proteggere un minore (una persona con meno di 18 anni).</p>
<p>Gli indirizzi delle case rifugio (le case dove stare al sicuro) non sono mai pubblicati, per la sicurezza delle persone ospitate. Te li danno i servizi, di persona.</p>`,
  },
  en: {
    title: 'Where to get help',
    summary: 'Numbers to call and free services that listen to you, also in your language.',
    body: `<p>If you are in danger now, call <strong>112</strong>. <strong>1522</strong> is the free national number against violence and stalking. It answers 24 hours a day. The operators speak several languages. You can also chat with them in the 1522 app.</p>
<p>Below you find the services of the network. You can call them: they are free. To listen to you, they do not ask for documents or a residence permit. What you tell them stays confidential: they tell no one without your consent. There is only one exception: when it is needed to protect a minor (a person under 18).</p>
<p>The addresses of shelters (the houses where you can be safe) are never published, for the safety of the people who live there. The services give them to you in person.</p>`,
  },
  fr: {
    title: 'Où trouver de l’aide',
    summary: 'Des numéros à appeler et des services gratuits qui vous écoutent, aussi dans votre langue.',
    body: `<p>Si vous êtes en danger maintenant, appelez le <strong>112</strong>. Le <strong>1522</strong> est le numéro national gratuit contre les violences et le harcèlement (stalking). Il répond 24 heures sur 24. Les écoutantes parlent plusieurs langues. Vous pouvez aussi écrire par chat avec l’application 1522.</p>
<p>Plus bas, vous trouvez les services du réseau. Vous pouvez les appeler : ils sont gratuits. Pour vous écouter, ils ne demandent ni papiers ni titre de séjour. Ce que vous racontez reste confidentiel : ils ne le disent à personne sans votre accord. Il y a une seule exception : quand il faut protéger un mineur (une personne de moins de 18 ans).</p>
<p>Les adresses des foyers d’accueil (les maisons où l’on est en sécurité) ne sont jamais publiées, pour la sécurité des personnes accueillies. Les services vous les donnent en personne.</p>`,
  },
  ar: {
    title: 'أين تجد المساعدة',
    summary: 'أرقام للاتصال وخدمات مجانية تستمع إليك، بلغتك أيضًا.',
    body: `<p>إذا كنت في خطر الآن، اتصل بالرقم <strong>112</strong>. الرقم <strong>1522</strong> هو الرقم الوطني المجاني ضد العنف والملاحقة المستمرة (ستوكينغ). يجيب 24 ساعة في اليوم. والعاملات على الخط يتكلمن عدة لغات. يمكنك أيضًا الكتابة في الدردشة عبر تطبيق 1522.</p>
<p>في الأسفل تجد خدمات الشبكة. يمكنك الاتصال بها، وهي مجانية. لكي تستمع إليك، لا تطلب منك وثائق ولا تصريح إقامة. ما تقوله يبقى سريًا: لا تخبر به أحدًا دون موافقتك. هناك استثناء واحد فقط: عندما يلزم ذلك لحماية قاصر (شخص عمره أقل من 18 سنة).</p>
<p>عناوين دور الإيواء (البيوت التي يمكن البقاء فيها بأمان) لا تُنشر أبدًا، حفاظًا على سلامة الأشخاص المقيمين فيها. الخدمات تعطيك هذه العناوين شخصيًا.</p>`,
  },
  sq: {
    title: 'Ku të gjesh ndihmë',
    summary: 'Numra për të telefonuar dhe shërbime falas që të dëgjojnë, edhe në gjuhën tënde.',
    body: `<p>Nëse je në rrezik tani, telefono <strong>112</strong>. Numri <strong>1522</strong> është linja kombëtare falas kundër dhunës dhe përndjekjes (stalking). Përgjigjet 24 orë në ditë. Operatoret flasin disa gjuhë. Mund të shkruash edhe në chat me aplikacionin 1522.</p>
<p>Më poshtë gjen shërbimet e rrjetit. Mund t’i telefonosh: janë falas. Për të të dëgjuar, nuk të kërkojnë dokumente as leje qëndrimi. Ajo që tregon mbetet konfidenciale: nuk ia thonë askujt pa pëlqimin tënd. Ka vetëm një përjashtim: kur duhet mbrojtur një i mitur (një person nën 18 vjeç).</p>
<p>Adresat e strehimoreve (shtëpi të mbrojtura ku mund të qëndrosh në siguri) nuk publikohen kurrë, për sigurinë e personave që banojnë atje. Adresat t’i japin shërbimet, personalisht.</p>`,
  },
  pa: {
    title: 'ਮਦਦ ਕਿੱਥੇ ਮਿਲੇ',
    summary: 'ਫ਼ੋਨ ਕਰਨ ਲਈ ਨੰਬਰ ਅਤੇ ਮੁਫ਼ਤ ਸੇਵਾਵਾਂ ਜੋ ਤੁਹਾਡੀ ਗੱਲ ਸੁਣਦੀਆਂ ਹਨ, ਤੁਹਾਡੀ ਭਾਸ਼ਾ ਵਿੱਚ ਵੀ।',
    body: `<p>ਜੇ ਤੁਸੀਂ ਇਸ ਵੇਲੇ ਖ਼ਤਰੇ ਵਿੱਚ ਹੋ, ਤਾਂ <strong>112</strong> ’ਤੇ ਫ਼ੋਨ ਕਰੋ। <strong>1522</strong> ਹਿੰਸਾ ਅਤੇ ਪਿੱਛਾ ਕਰਨ (ਸਟਾਕਿੰਗ) ਦੇ ਵਿਰੁੱਧ ਰਾਸ਼ਟਰੀ ਮੁਫ਼ਤ ਨੰਬਰ ਹੈ। ਇਹ 24 ਘੰਟੇ ਖੁੱਲ੍ਹਾ ਹੈ। ਫ਼ੋਨ ਚੁੱਕਣ ਵਾਲੀਆਂ ਔਰਤਾਂ ਕਈ ਭਾਸ਼ਾਵਾਂ ਬੋਲਦੀਆਂ ਹਨ। ਤੁਸੀਂ 1522 ਐਪ ਰਾਹੀਂ ਚੈਟ ਵਿੱਚ ਲਿਖ ਵੀ ਸਕਦੇ ਹੋ।</p>
<p>ਹੇਠਾਂ ਨੈੱਟਵਰਕ ਦੀਆਂ ਸੇਵਾਵਾਂ ਹਨ। ਤੁਸੀਂ ਉਨ੍ਹਾਂ ਨੂੰ ਫ਼ੋਨ ਕਰ ਸਕਦੇ ਹੋ: ਉਹ ਮੁਫ਼ਤ ਹਨ। ਤੁਹਾਡੀ ਗੱਲ ਸੁਣਨ ਲਈ ਉਹ ਕਾਗ਼ਜ਼ਾਤ ਜਾਂ ਰਿਹਾਇਸ਼ੀ ਪਰਮਿਟ (ਪਰਮੇਸੋ ਦੀ ਸੋਜੋਰਨੋ) ਨਹੀਂ ਮੰਗਦੀਆਂ। ਜੋ ਤੁਸੀਂ ਦੱਸਦੇ ਹੋ ਉਹ ਗੁਪਤ ਰਹਿੰਦਾ ਹੈ: ਉਹ ਤੁਹਾਡੀ ਮਰਜ਼ੀ ਤੋਂ ਬਿਨਾਂ ਕਿਸੇ ਨੂੰ ਨਹੀਂ ਦੱਸਦੀਆਂ। ਸਿਰਫ਼ ਇੱਕ ਹਾਲਤ ਵੱਖਰੀ ਹੈ: ਜਦੋਂ ਕਿਸੇ ਨਾਬਾਲਗ (18 ਸਾਲ ਤੋਂ ਘੱਟ ਉਮਰ ਦੇ ਵਿਅਕਤੀ) ਦੀ ਰੱਖਿਆ ਕਰਨੀ ਹੋਵੇ।</p>
<p>ਸ਼ੈਲਟਰਾਂ (ਸੁਰੱਖਿਅਤ ਘਰਾਂ) ਦੇ ਪਤੇ ਕਦੇ ਪ੍ਰਕਾਸ਼ਿਤ ਨਹੀਂ ਕੀਤੇ ਜਾਂਦੇ, ਤਾਂ ਜੋ ਉੱਥੇ ਰਹਿਣ ਵਾਲੇ ਲੋਕ ਸੁਰੱਖਿਅਤ ਰਹਿਣ। ਇਹ ਪਤੇ ਸੇਵਾਵਾਂ ਸਿੱਧੇ ਤੁਹਾਨੂੰ ਦੱਸਦੀਆਂ ਹਨ।</p>`,
  },
  ur: {
    title: 'مدد کہاں ملے گی',
    summary: 'فون کرنے کے لیے نمبر اور مفت خدمات جو آپ کی بات سنتی ہیں، آپ کی زبان میں بھی۔',
    body: `<p>اگر آپ اس وقت خطرے میں ہیں تو <strong>112</strong> پر فون کریں۔ نمبر <strong>1522</strong> تشدد اور پیچھا کرنے (اسٹاکنگ) کے خلاف قومی مفت نمبر ہے۔ یہ 24 گھنٹے کھلا ہے۔ فون اٹھانے والی خواتین کئی زبانیں بولتی ہیں۔ آپ 1522 ایپ کے ذریعے چیٹ میں لکھ بھی سکتے ہیں۔</p>
<p>نیچے نیٹ ورک کی خدمات دی گئی ہیں۔ آپ انہیں فون کر سکتے ہیں: یہ مفت ہیں۔ آپ کی بات سننے کے لیے یہ کاغذات یا رہائشی اجازت نامہ (پرمیسو دی سوجورنو) نہیں مانگتیں۔ جو آپ بتاتے ہیں وہ راز رہتا ہے: یہ آپ کی اجازت کے بغیر کسی کو نہیں بتاتیں۔ صرف ایک صورت مختلف ہے: جب کسی نابالغ (18 سال سے کم عمر کے فرد) کی حفاظت کرنی ہو۔</p>
<p>پناہ گاہوں (محفوظ گھروں) کے پتے کبھی شائع نہیں کیے جاتے، تاکہ وہاں رہنے والے لوگ محفوظ رہیں۔ یہ پتے خدمات آپ کو خود، براہِ راست بتاتی ہیں۔</p>`,
  },
  ro: {
    title: 'Unde găsești ajutor',
    summary: 'Numere la care poți suna și servicii gratuite care te ascultă, și în limba ta.',
    body: `<p>Dacă ești în pericol acum, sună la <strong>112</strong>. Numărul <strong>1522</strong> este linia națională gratuită împotriva violenței și a urmăririi (stalking). Răspunde 24 de ore din 24. Operatoarele vorbesc mai multe limbi. Poți și să scrii pe chat, din aplicația 1522.</p>
<p>Mai jos găsești serviciile rețelei. Le poți suna: sunt gratuite. Ca să te asculte, nu îți cer acte și nici permis de ședere. Ce povestești rămâne confidențial: nu spun nimănui fără acordul tău. Există o singură excepție: când trebuie protejat un minor (o persoană sub 18 ani).</p>
<p>Adresele adăposturilor (casele unde poți sta în siguranță) nu sunt publicate niciodată, pentru siguranța persoanelor găzduite. Ți le dau serviciile, personal.</p>`,
  },
  uk: {
    title: 'Де знайти допомогу',
    summary:
      'Номери, куди можна зателефонувати, і безкоштовні служби, які вас вислухають, також вашою мовою.',
    body: `<p>Якщо вам зараз загрожує небезпека, телефонуйте <strong>112</strong>. Номер <strong>1522</strong> — це безкоштовна національна лінія проти насильства та переслідування (сталкінгу). Вона працює цілодобово. Консультантки розмовляють кількома мовами. Також можна написати в чат через застосунок 1522.</p>
<p>Нижче наведено служби мережі. Ви можете їм зателефонувати: вони безкоштовні. Щоб вислухати вас, вони не вимагають документів чи дозволу на проживання. Те, що ви розповідаєте, залишається конфіденційним: без вашої згоди вони нікому цього не передають. Є лише один виняток: коли потрібно захистити неповнолітню особу (людину, молодшу за 18 років).</p>
<p>Адреси притулків (будинків, де можна бути в безпеці) ніколи не публікують — для безпеки людей, які там живуть. Ці адреси служби повідомляють вам особисто.</p>`,
  },
  es: {
    title: 'Dónde encontrar ayuda',
    summary: 'Números a los que llamar y servicios gratuitos que te escuchan, también en tu idioma.',
    body: `<p>Si estás en peligro ahora, llama al <strong>112</strong>. El <strong>1522</strong> es el número nacional gratuito contra la violencia y el acoso (stalking). Atiende las 24 horas del día. Las operadoras hablan varios idiomas. También puedes escribir por chat con la app 1522.</p>
<p>Más abajo encuentras los servicios de la red. Puedes llamarlos: son gratuitos. Para escucharte no piden documentos ni permiso de residencia. Lo que cuentas es confidencial: no se lo dicen a nadie sin tu consentimiento. Hay una sola excepción: cuando hace falta proteger a un menor (una persona de menos de 18 años).</p>
<p>Las direcciones de las casas de acogida (las casas donde estar a salvo) nunca se publican, por la seguridad de las personas que viven en ellas. Los servicios te las dan en persona.</p>`,
  },
};

/** A news item in Italian and English only: the other languages show the Italian with the notice. */
export const DEMO_NEWS: Record<'it' | 'en', DemoTranslation> = {
  it: {
    title: 'Nuovo sportello di mediazione culturale a Romano di Lombardia',
    summary: 'Uno sportello gratuito per parlare con i servizi in arabo, urdu e punjabi.',
    body: `<p>A Romano di Lombardia apre un nuovo sportello di mediazione culturale. È aperto il <strong>martedì e il giovedì mattina</strong>, dalle 9 alle 13. Le mediatrici e i mediatori parlano <strong>arabo, urdu e punjabi</strong>.</p>
<p>Lo sportello è <strong>gratuito</strong>. Ti aiuta a parlare con i servizi sociali, la scuola e i servizi sanitari. Per un appuntamento, chiedi ai servizi sociali del tuo comune.</p>`,
  },
  en: {
    title: 'New cultural mediation desk in Romano di Lombardia',
    summary: 'A free desk to talk with the services in Arabic, Urdu and Punjabi.',
    body: `<p>A new cultural mediation desk opens in Romano di Lombardia. It is open on <strong>Tuesday and Thursday mornings</strong>, from 9 am to 1 pm. The mediators speak <strong>Arabic, Urdu and Punjabi</strong>.</p>
<p>The desk is <strong>free</strong>. It helps you talk with social services, schools and health services. For an appointment, ask at the social services of your town (comune).</p>`,
  },
};
