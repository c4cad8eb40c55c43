import type { DemoChapterText } from './demo-chapter-text.js';

export const FR: DemoChapterText = {
  title: 'Le premier entretien avec la médiatrice linguistique et culturelle',
  summary:
    'Comment préparer et mener un premier entretien avec une femme qui parle une autre langue, avec la médiatrice.',
  body: `<p>Dans le premier entretien, c’est la femme qui décide ce qu’elle raconte. L’intervenante et la médiatrice se préparent avant, ensemble, et après elles relisent les notes.</p>
<p>Ce chapitre montre les trois moments de l’entretien : la préparation, l’entretien et le travail qui suit.</p>`,
  subtitles: `WEBVTT

00:00.000 --> 00:04.000
Avant l’entretien, l’intervenante et la médiatrice se retrouvent seules.

00:04.000 --> 00:08.000
Elles décident ensemble comment se présenter et quels mots utiliser.

00:08.000 --> 00:12.000
La médiatrice traduit tout, même ce qui semble peu important.

00:12.000 --> 00:16.000
La femme choisit si elle parle, et combien : aucune question n’est obligatoire.

00:16.000 --> 00:20.000
À la fin, on explique ce qui se passe ensuite, et on laisse le numéro 1522.

00:20.000 --> 00:24.000
Après l’entretien, l’intervenante et la médiatrice relisent ensemble les notes.
`,
  descriptions: `WEBVTT

00:00.000 --> 00:04.000
Une pièce claire avec une table ronde et trois chaises.

00:08.000 --> 00:12.000
Sur la table, une feuille avec le numéro 1522 écrit en grand.

00:20.000 --> 00:24.000
Deux mains feuillettent un cahier de notes.
`,
  chapters: `WEBVTT

00:00.000 --> 00:08.000
Se préparer

00:08.000 --> 00:20.000
L’entretien

00:20.000 --> 00:24.000
Après l’entretien
`,
};
