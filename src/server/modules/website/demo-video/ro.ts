import type { DemoChapterText } from './demo-chapter-text.js';

export const RO: DemoChapterText = {
  title: 'Prima discuție cu mediatoarea lingvistică și culturală',
  summary:
    'Cum se pregătește și cum se poartă o primă discuție cu o femeie care vorbește altă limbă, împreună cu mediatoarea.',
  body: `<p>În prima discuție, femeia hotărăște ce să povestească. Lucrătoarea socială și mediatoarea se pregătesc înainte, împreună, iar după discuție recitesc notițele.</p>
<p>Acest capitol arată cele trei momente ale discuției: pregătirea, discuția și munca de după.</p>`,
  subtitles: `WEBVTT

00:00.000 --> 00:04.000
Înainte de discuție, lucrătoarea socială și mediatoarea se întâlnesc singure.

00:04.000 --> 00:08.000
Hotărăsc împreună cum să se prezinte și ce cuvinte să folosească.

00:08.000 --> 00:12.000
Mediatoarea traduce tot, chiar și ce pare puțin important.

00:12.000 --> 00:16.000
Femeia alege dacă vorbește și cât: nicio întrebare nu este obligatorie.

00:16.000 --> 00:20.000
La sfârșit i se explică ce se întâmplă după aceea și i se lasă numărul 1522.

00:20.000 --> 00:24.000
După discuție, lucrătoarea socială și mediatoarea recitesc împreună notițele.
`,
  descriptions: `WEBVTT

00:00.000 --> 00:04.000
O cameră luminoasă, cu o masă rotundă și trei scaune.

00:08.000 --> 00:12.000
Pe masă, o foaie cu numărul 1522 scris mare.

00:20.000 --> 00:24.000
Două mâini răsfoiesc un caiet cu notițe.
`,
  chapters: `WEBVTT

00:00.000 --> 00:08.000
Pregătirea

00:08.000 --> 00:20.000
Discuția

00:20.000 --> 00:24.000
După discuție
`,
};
