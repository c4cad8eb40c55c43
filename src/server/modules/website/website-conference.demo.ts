import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { publishedPage } from './website.demo.js';
import { publishConference } from './website-conference-publication.js';
import { DEMO_CHAPTER_SLUG } from './website-video.demo.js';

/**
 * The demo conference (issue 24, item 5): the public meeting on domestic violence of the community
 * calendar's demo, held weeks ago, as a conference page — text in Italian and English, a programme
 * of three talks, three speakers with their consent recorded, and the video chapter as its
 * recording. The survey's answers are the community demo's: too few to show their averages.
 */

const EVENT_TITLE = 'Violenza domestica: dove chiedere aiuto';

const TEXTS = {
  it: {
    title: 'Convegno «Violenza domestica: dove chiedere aiuto»',
    summary:
      'Il centro antiviolenza, il consultorio e i carabinieri spiegano a chi rivolgersi, anche senza documenti.',
    body: '<p>Un incontro pubblico, con la mediazione in arabo, francese e inglese, per sapere a chi chiedere aiuto e che cosa succede dopo la prima telefonata. L’ingresso è libero; l’iscrizione aiuta a preparare la sala e le mediatrici.</p>',
  },
  en: {
    title: 'Conference “Domestic violence: where to get help”',
    summary:
      'The anti-violence centre, the family clinic and the carabinieri explain whom to turn to, even without documents.',
    body: '<p>A public meeting, with interpreting in Arabic, French and English, to learn whom to ask for help and what happens after the first call. Entry is free; registering helps prepare the room and the mediators.</p>',
  },
};

const SPEAKERS = [
  { name: 'Dott.ssa Laura Esempio', role: 'Psicologa, Centro antiviolenza «Non sei sola»' },
  { name: 'Dott.ssa Amina Esempio', role: 'Mediatrice linguistico-culturale' },
  { name: 'Mar. Paolo Esempio', role: 'Comandante della stazione dei Carabinieri' },
];

const PROGRAMME = [
  {
    starts: '18:00',
    ends: '18:20',
    it: 'Accoglienza e presentazione',
    en: 'Welcome and introduction',
    speakers: [],
  },
  {
    starts: '18:20',
    ends: '18:50',
    it: 'Il centro antiviolenza: chi siamo e come aiutiamo',
    en: 'The anti-violence centre: who we are and how we help',
    speakers: [0, 1],
  },
  {
    starts: '18:50',
    ends: '19:20',
    it: 'La denuncia e la protezione: cosa fanno i carabinieri',
    en: 'Reporting and protection: what the carabinieri do',
    speakers: [2],
  },
  {
    starts: '19:20',
    ends: '20:00',
    it: 'Domande dal pubblico',
    en: 'Questions from the audience',
    speakers: [0, 1, 2],
  },
];

export async function seedDemoConference(tx: Tx, author: string, approver: string) {
  const [event] = await queryRows<{ id: string; day: string }>(
    tx,
    sql`select e.id, to_char((min(s.starts_at) at time zone 'Europe/Rome')::date, 'YYYY-MM-DD') as day
          from community_events e join gatherings g on g.id = e.gathering_id
          join gathering_sessions s on s.gathering_id = g.id
         where g.title = ${EVENT_TITLE} and e.published group by e.id limit 1`,
  );
  if (!event) return; // The community module's demo is not there: no conference to show.
  const pageId = await publishedPage({
    tx,
    kind: 'conference',
    slug: 'violenza-domestica-dove-chiedere-aiuto',
    category: 'general',
    menuOrder: null,
    texts: TEXTS,
    author,
    approver,
  });
  await tx.execute(
    sql`insert into site_conferences (page_id, event_id, updated_by) values (${pageId}, ${event.id}, ${author})`,
  );
  const speakerIds: string[] = [];
  for (const s of SPEAKERS) {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into site_conference_speakers (page_id, name, role, consent_note, consent_recorded_by)
          values (${pageId}, ${s.name}, ${s.role}, 'Modulo di consenso firmato prima del convegno (dati di esempio)', ${author})
          returning id`,
    );
    speakerIds.push(row!.id);
  }
  for (const p of PROGRAMME)
    await tx.execute(
      sql`insert into site_conference_items (page_id, day, starts, ends, titles, speaker_ids, updated_by)
          values (${pageId}, ${event.day}::date, ${p.starts}::time, ${p.ends}::time, ${JSON.stringify({ it: p.it, en: p.en })}::jsonb,
                  ${`{${p.speakers.map((i) => speakerIds[i]).join(',')}}`}::uuid[], ${author})`,
    );
  await tx.execute(
    sql`insert into site_conference_materials (page_id, video_page_id, added_by)
        select ${pageId}, id, ${author} from site_pages where kind = 'video' and slug = ${DEMO_CHAPTER_SLUG}`,
  );
  await publishConference(tx, pageId);
}
