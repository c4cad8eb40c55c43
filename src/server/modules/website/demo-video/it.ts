import type { DemoChapterText } from './demo-chapter-text.js';

export const IT: DemoChapterText = {
  title: 'Il primo colloquio con la mediatrice linguistico-culturale',
  summary:
    'Come si prepara e si conduce un primo colloquio con una donna che parla un’altra lingua, insieme alla mediatrice.',
  body: `<p>Nel primo colloquio la donna decide che cosa raccontare. L’operatrice e la mediatrice si preparano prima, insieme, e dopo rileggono gli appunti.</p>
<p>Questo capitolo mostra i tre momenti del colloquio: la preparazione, il colloquio e il lavoro che segue.</p>`,
  subtitles: `WEBVTT

00:00.000 --> 00:04.000
Prima del colloquio, l’operatrice e la mediatrice si incontrano da sole.

00:04.000 --> 00:08.000
Decidono insieme come presentarsi e quali parole usare.

00:08.000 --> 00:12.000
La mediatrice traduce tutto, anche ciò che sembra poco importante.

00:12.000 --> 00:16.000
La donna sceglie se parlare e quanto: nessuna domanda è obbligatoria.

00:16.000 --> 00:20.000
Alla fine si spiega che cosa succede dopo, e si lascia il numero 1522.

00:20.000 --> 00:24.000
Dopo il colloquio, operatrice e mediatrice rileggono insieme gli appunti.
`,
  descriptions: `WEBVTT

00:00.000 --> 00:04.000
Una stanza luminosa con un tavolo rotondo e tre sedie.

00:08.000 --> 00:12.000
Sul tavolo, un foglio con il numero 1522 scritto in grande.

00:20.000 --> 00:24.000
Due mani sfogliano un quaderno di appunti.
`,
  chapters: `WEBVTT

00:00.000 --> 00:08.000
Prepararsi

00:08.000 --> 00:20.000
Il colloquio

00:20.000 --> 00:24.000
Dopo il colloquio
`,
};
