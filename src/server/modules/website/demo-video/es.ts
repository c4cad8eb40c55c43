import type { DemoChapterText } from './demo-chapter-text.js';

export const ES: DemoChapterText = {
  title: 'La primera entrevista con la mediadora lingüística y cultural',
  summary:
    'Cómo se prepara y se lleva una primera entrevista con una mujer que habla otro idioma, junto con la mediadora.',
  body: `<p>En la primera entrevista, la mujer decide qué contar. La profesional y la mediadora se preparan antes, juntas, y después vuelven a leer las notas.</p>
<p>Este capítulo muestra los tres momentos de la entrevista: la preparación, la entrevista y el trabajo que viene después.</p>`,
  subtitles: `WEBVTT

00:00.000 --> 00:04.000
Antes de la entrevista, la profesional y la mediadora se reúnen a solas.

00:04.000 --> 00:08.000
Deciden juntas cómo presentarse y qué palabras usar.

00:08.000 --> 00:12.000
La mediadora lo traduce todo, también lo que parece poco importante.

00:12.000 --> 00:16.000
La mujer elige si habla y cuánto: ninguna pregunta es obligatoria.

00:16.000 --> 00:20.000
Al final se explica qué pasa después, y se deja el número 1522.

00:20.000 --> 00:24.000
Después de la entrevista, la profesional y la mediadora vuelven a leer juntas las notas.
`,
  descriptions: `WEBVTT

00:00.000 --> 00:04.000
Una habitación luminosa con una mesa redonda y tres sillas.

00:08.000 --> 00:12.000
Sobre la mesa, una hoja con el número 1522 escrito en grande.

00:20.000 --> 00:24.000
Dos manos hojean un cuaderno de notas.
`,
  chapters: `WEBVTT

00:00.000 --> 00:08.000
Prepararse

00:08.000 --> 00:20.000
La entrevista

00:20.000 --> 00:24.000
Después de la entrevista
`,
};
