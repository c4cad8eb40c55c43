import type { DemoChapterText } from './demo-chapter-text.js';

export const EN: DemoChapterText = {
  title: 'The first interview with the language and cultural mediator',
  summary:
    'How to prepare and hold a first interview with a woman who speaks another language, together with the mediator.',
  body: `<p>In the first interview, the woman decides what to tell. The support worker and the mediator get ready before, together, and afterwards they read the notes again.</p>
<p>This chapter shows the three moments of the interview: getting ready, the interview and the work that follows.</p>`,
  subtitles: `WEBVTT

00:00.000 --> 00:04.000
Before the interview, the support worker and the mediator meet on their own.

00:04.000 --> 00:08.000
Together they decide how to introduce themselves and which words to use.

00:08.000 --> 00:12.000
The mediator translates everything, even what seems unimportant.

00:12.000 --> 00:16.000
The woman chooses whether to speak, and how much: no question has to be answered.

00:16.000 --> 00:20.000
At the end, they explain what happens next and leave the number 1522.

00:20.000 --> 00:24.000
After the interview, the support worker and the mediator read the notes again together.
`,
  descriptions: `WEBVTT

00:00.000 --> 00:04.000
A bright room with a round table and three chairs.

00:08.000 --> 00:12.000
On the table, a sheet of paper with the number 1522 written in large figures.

00:20.000 --> 00:24.000
Two hands leaf through a notebook.
`,
  chapters: `WEBVTT

00:00.000 --> 00:08.000
Getting ready

00:08.000 --> 00:20.000
The interview

00:20.000 --> 00:24.000
After the interview
`,
};
