import { sql } from 'drizzle-orm';
import { HELP_SLUG, HOME_SLUG, type TSiteLanguage } from '../../../contracts/website.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { seedDemoConference } from './website-conference.demo.js';
import { DEMO_HELP, DEMO_HOME, DEMO_NEWS, type DemoTranslation } from './website-demo-content.js';
import { sanitiseBody } from './website-html.js';
import { seedDemoPlan } from './website-plan.demo.js';
import { seedDemoChapter } from './website-video.demo.js';

/**
 * The demo site (issue 24, "Done when"): the home and "where to get help" in all ten languages,
 * written by one editor and approved by the other, published; a news item in Italian and English
 * (the other languages show the Italian with the notice); the help page's services, published;
 * the video manual's first chapter (website-video.demo.ts), published once its video is stored;
 * a conference (website-conference.demo.ts).
 */

export async function publishedPage({
  tx,
  kind,
  slug,
  category,
  menuOrder,
  texts,
  author,
  approver,
}: {
  tx: Tx;
  kind: 'page' | 'news' | 'conference';
  slug: string;
  category: 'general' | 'sensitive';
  menuOrder: number | null;
  texts: Partial<Record<TSiteLanguage, DemoTranslation>>;
  author: string;
  approver: string;
}) {
  const [page] = await queryRows<{ id: string }>(
    tx,
    sql`insert into site_pages (kind, slug, category, menu_order, state, published_at, submitted_by, approved_by, created_by)
          values (${kind}, ${slug}, ${category}, ${menuOrder}, 'published', now(), ${author}, ${approver}, ${author})
          returning id`,
  );
  for (const [lang, text] of Object.entries(texts) as [TSiteLanguage, DemoTranslation][]) {
    const [version] = await queryRows<{ id: string }>(
      tx,
      sql`insert into site_page_versions (page_id, lang, number, title, summary, body, based_on, author_id)
            values (${page!.id}, ${lang}, 1, ${text.title}, ${text.summary}, ${sanitiseBody(text.body)},
                    ${lang === 'it' ? null : 1}, ${author}) returning id`,
    );
    await tx.execute(
      sql`insert into site_publications (page_id, lang, version_id) values (${page!.id}, ${lang}, ${version!.id})`,
    );
  }
  for (const [action, from, to, by] of [
    ['submit', 'draft', 'in_review', author],
    ['approve', 'in_review', 'approved', approver],
    ['publish', 'approved', 'published', approver],
  ] as const)
    await tx.execute(
      sql`insert into site_page_transitions (page_id, action, from_state, to_state, by_id) values (${page!.id}, ${action}, ${from}, ${to}, ${by})`,
    );
  return page!.id;
}

const SERVICES = [
  {
    name: 'Centro antiviolenza «Non sei sola» — sportello di Treviglio',
    description:
      'Ascolto, consulenza legale e psicologica per donne che subiscono violenza. Anche senza appuntamento.',
    phone: '0363 000 111',
    hours: 'Lunedì–venerdì 9–17; reperibilità telefonica 24 ore su 24',
    languages: ['it', 'en', 'fr', 'ar'],
    municipality: '016219',
  },
  {
    name: 'Centro antiviolenza «Non sei sola» — sportello di Romano di Lombardia',
    description: 'Ascolto e accompagnamento ai servizi, con mediatrici culturali su richiesta.',
    phone: '0363 000 222',
    hours: 'Martedì e giovedì 9–13',
    languages: ['it', 'ar', 'ur', 'pa'],
    municipality: '016183',
  },
  {
    name: 'Consultorio familiare di Treviglio',
    description: 'Salute della donna, della coppia e della famiglia; sostegno ai genitori.',
    phone: '0363 000 333',
    hours: 'Lunedì–venerdì 8:30–16',
    languages: ['it', 'en', 'ro', 'uk'],
    municipality: '016219',
  },
  {
    name: 'Servizio di mediazione linguistico-culturale',
    description: 'Mediatrici e mediatori che accompagnano ai servizi sociali, sanitari e scolastici.',
    phone: '0363 000 444',
    hours: 'Su appuntamento, dal lunedì al sabato',
    languages: ['it', 'ar', 'sq', 'pa', 'ur', 'ro', 'uk', 'es', 'fr', 'en'],
    municipality: '016053',
  },
] as const;

export async function seedDemoWebsite({ tx, userIds }: DemoSeedContext) {
  const author = userIds.get('redazione')!;
  const approver = userIds.get('redazione2')!;
  await publishedPage({
    tx,
    kind: 'page',
    slug: HOME_SLUG,
    category: 'general',
    menuOrder: 0,
    texts: DEMO_HOME,
    author,
    approver,
  });
  await publishedPage({
    tx,
    kind: 'page',
    slug: HELP_SLUG,
    category: 'sensitive',
    menuOrder: 1,
    texts: DEMO_HELP,
    author,
    approver,
  });
  await publishedPage({
    tx,
    kind: 'news',
    slug: 'mediazione-romano',
    category: 'general',
    menuOrder: null,
    texts: DEMO_NEWS,
    author,
    approver,
  });
  for (const [i, s] of SERVICES.entries())
    await tx.execute(
      sql`insert into site_help_services (name, description, phone, hours, languages, municipality, menu_order, published, updated_by)
          values (${s.name}, ${s.description}, ${s.phone}, ${s.hours}, ${`{${s.languages.join(',')}}`}::text[], ${s.municipality}, ${i}, true, ${author})`,
    );
  await seedDemoChapter(tx, author);
  await seedDemoPlan(tx, author);
  await seedDemoConference(tx, author, approver);
}
