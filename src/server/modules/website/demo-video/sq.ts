import type { DemoChapterText } from './demo-chapter-text.js';

export const SQ: DemoChapterText = {
  title: 'Biseda e parë me ndërmjetësen gjuhësore dhe kulturore',
  summary:
    'Si përgatitet dhe si zhvillohet biseda e parë me një grua që flet një gjuhë tjetër, së bashku me ndërmjetësen.',
  body: `<p>Në bisedën e parë, gruaja vendos çfarë të tregojë. Punonjësja dhe ndërmjetësja përgatiten më parë, së bashku, dhe pas bisedës i rilexojnë shënimet.</p>
<p>Ky kapitull tregon tri momentet e bisedës: përgatitjen, bisedën dhe punën që vjen pas saj.</p>`,
  subtitles: `WEBVTT

00:00.000 --> 00:04.000
Para bisedës, punonjësja dhe ndërmjetësja takohen vetëm të dyja.

00:04.000 --> 00:08.000
Vendosin së bashku si të prezantohen dhe cilat fjalë të përdorin.

00:08.000 --> 00:12.000
Ndërmjetësja përkthen gjithçka, edhe atë që duket pak e rëndësishme.

00:12.000 --> 00:16.000
Gruaja zgjedh nëse do të flasë dhe sa: asnjë pyetje nuk është e detyrueshme.

00:16.000 --> 00:20.000
Në fund i shpjegohet çfarë ndodh më pas, dhe i lihet numri 1522.

00:20.000 --> 00:24.000
Pas bisedës, punonjësja dhe ndërmjetësja i rilexojnë shënimet së bashku.
`,
  descriptions: `WEBVTT

00:00.000 --> 00:04.000
Një dhomë me shumë dritë, me një tavolinë të rrumbullakët dhe tri karrige.

00:08.000 --> 00:12.000
Mbi tavolinë, një fletë me numrin 1522 të shkruar me shifra të mëdha.

00:20.000 --> 00:24.000
Dy duar shfletojnë një fletore me shënime.
`,
  chapters: `WEBVTT

00:00.000 --> 00:08.000
Përgatitja

00:08.000 --> 00:20.000
Biseda

00:20.000 --> 00:24.000
Pas bisedës
`,
};
