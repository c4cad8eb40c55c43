import { sql } from 'drizzle-orm';
import type { TCommActionInput } from '../../../contracts/website-plan.js';
import type { Tx } from '../../platform/db/client.js';

/**
 * The demo's communication plan (issue 24, item 6): the editorial team's actions around the day
 * the demo is seeded — some done with the people they reached, some still to do.
 */
const ACTIONS: (Omit<TCommActionInput, 'plannedOn' | 'doneOn' | 'pageId' | 'note'> & {
  day: number;
  done: boolean;
  note?: string;
})[] = [
  {
    title: 'Post sul nuovo sportello di mediazione a Romano',
    channel: 'facebook',
    audience: 'residents',
    languages: ['it', 'ar', 'ur'],
    day: -20,
    done: true,
    reach: 1840,
    note: 'Persone raggiunte secondo le statistiche della pagina.',
  },
  {
    title: 'Volantini «Dove trovare aiuto» nei consultori',
    channel: 'leaflet',
    audience: 'women',
    languages: ['it', 'ar', 'ur', 'pa', 'sq'],
    day: -12,
    done: true,
    reach: 600,
    note: 'Copie distribuite.',
  },
  {
    title: 'Messaggio nei gruppi WhatsApp delle comunità',
    channel: 'whatsapp',
    audience: 'community_holders',
    languages: ['ar', 'ur', 'pa'],
    day: -5,
    done: true,
    reach: null,
  },
  {
    title: 'Intervista a Radio Treviglio sul manuale video',
    channel: 'radio',
    audience: 'general_public',
    languages: ['it'],
    day: 3,
    done: false,
    reach: null,
  },
  {
    title: 'Newsletter ai servizi: il capitolo sul primo colloquio',
    channel: 'newsletter',
    audience: 'professionals',
    languages: ['it'],
    day: 9,
    done: false,
    reach: null,
  },
  {
    title: 'Comunicato stampa sull’osservatorio',
    channel: 'press',
    audience: 'media',
    languages: ['it'],
    day: 16,
    done: false,
    reach: null,
  },
];

export async function seedDemoPlan(tx: Tx, author: string) {
  for (const a of ACTIONS) {
    const day = sql`(current_date + ${a.day}::int)`;
    await tx.execute(
      sql`insert into site_comm_actions (title, planned_on, channel, audience, languages, note, done_on, reach, created_by, updated_by)
          values (${a.title}, ${day}, ${a.channel}, ${a.audience}, ${`{${a.languages.join(',')}}`}::text[], ${a.note ?? ''},
                  ${a.done ? day : null}, ${a.reach}, ${author}, ${author})`,
    );
  }
}
