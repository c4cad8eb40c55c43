import { sql } from 'drizzle-orm';
import { SITE_LANGUAGES, type TSiteLanguage, type TSitePageKind } from '../../../contracts/website.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { FieldError } from '../../platform/http/problem.js';
import { internalLinks } from './website-html.js';
import { imageProblems } from './website-media-uses.js';
import { publicPathOf } from './website-pages.repository.js';

/** The site's own paths that always answer. */
const FIXED_PATHS = new Set([
  '/sito',
  '/sito/notizie',
  '/sito/video',
  '/sito/convegni',
  '/sito/sicurezza',
  '/eventi',
  '/eventi/sicurezza',
]);

/**
 * The links of a page's latest texts to paths of this site that would not answer once it is public
 * (issue 24, "a broken internal link is reported before publishing"): a page or news item that is
 * not published, or a path the public site does not have. A link to the page itself is fine.
 */
export async function brokenLinks(tx: Tx, pageId: string): Promise<FieldError[]> {
  const texts = await queryRows<{ lang: TSiteLanguage; body: string }>(
    tx,
    sql`select distinct on (v.lang) v.lang, v.body from site_page_versions v
         where v.page_id = ${pageId} order by v.lang, v.number desc`,
  );
  const live = await queryRows<{ id: string; kind: TSitePageKind; slug: string }>(
    tx,
    sql`select p.id, p.kind, p.slug from site_pages p
         where p.id = ${pageId} or exists (select 1 from site_publications pub where pub.page_id = p.id)`,
  );
  const answering = new Set([...FIXED_PATHS, ...live.map((p) => publicPathOf(p.kind, p.slug))]);
  const errors: FieldError[] = [];
  for (const lang of SITE_LANGUAGES) {
    const body = texts.find((t) => t.lang === lang)?.body;
    if (!body) continue;
    const broken = internalLinks(body).filter(
      (path) => !answering.has(path) && !/^\/eventi\/[\w-]+$/.test(path),
    );
    for (const path of broken)
      errors.push({
        field: `body.${lang}`,
        code: 'broken_link',
        message: {
          it: `Il collegamento a ${path} non porta a una pagina pubblicata.`,
          en: `The link to ${path} does not lead to a published page.`,
        },
      });
  }
  // The library's images: still there, with their alternative text in each language shown.
  errors.push(...(await imageProblems(tx, texts)));
  return errors;
}
