import { sql } from 'drizzle-orm';
import { SITE_LANGUAGES, type TSiteLanguage } from '../../../contracts/website.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import type { FieldError } from '../../platform/http/problem.js';
import { libraryImages } from './website-html.js';

/**
 * The media library's images in a page's texts: checked before publishing (each image still in the
 * library, with its alternative text in every language the page shows it in), and recorded at
 * publication as the page's uses — an image is public only while a published page shows it.
 */

const LANGUAGE_NAMES: Record<TSiteLanguage, { it: string; en: string }> = {
  it: { it: 'italiano', en: 'Italian' },
  en: { it: 'inglese', en: 'English' },
  fr: { it: 'francese', en: 'French' },
  ar: { it: 'arabo', en: 'Arabic' },
  sq: { it: 'albanese', en: 'Albanian' },
  pa: { it: 'punjabi', en: 'Punjabi' },
  ur: { it: 'urdu', en: 'Urdu' },
  ro: { it: 'rumeno', en: 'Romanian' },
  uk: { it: 'ucraino', en: 'Ukrainian' },
  es: { it: 'spagnolo', en: 'Spanish' },
};

export async function imageProblems(tx: Tx, texts: readonly { lang: TSiteLanguage; body: string }[]) {
  const errors: FieldError[] = [];
  for (const lang of SITE_LANGUAGES) {
    const body = texts.find((t) => t.lang === lang)?.body;
    const ids = body ? libraryImages(body) : [];
    if (ids.length === 0) continue;
    const found = await queryRows<{ id: string; name: string; has_alt: boolean }>(
      tx,
      sql`select m.id, m.name, exists (select 1 from site_media_alts a where a.media_id = m.id and a.lang = ${lang}) as has_alt
            from site_media m where m.id in (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
    );
    for (const id of ids) {
      const media = found.find((m) => m.id === id);
      if (!media)
        errors.push({
          field: `body.${lang}`,
          code: 'image_missing',
          message: {
            it: 'Un’immagine del testo non è più nella libreria.',
            en: 'An image of the text is no longer in the library.',
          },
        });
      else if (!media.has_alt)
        errors.push({
          field: `body.${lang}`,
          code: 'image_alt_missing',
          message: {
            it: `L’immagine «${media.name}» non ha il testo alternativo in ${LANGUAGE_NAMES[lang].it}.`,
            en: `The image “${media.name}” has no alternative text in ${LANGUAGE_NAMES[lang].en}.`,
          },
        });
    }
  }
  return errors;
}

/** At publication: the images the page's published texts show become its uses. */
export async function recordMediaUses(tx: Tx, pageId: string) {
  const bodies = await queryRows<{ body: string }>(
    tx,
    sql`select v.body from site_publications pub join site_page_versions v on v.id = pub.version_id where pub.page_id = ${pageId}`,
  );
  const ids = [...new Set(bodies.flatMap((b) => libraryImages(b.body)))];
  await tx.execute(sql`delete from site_media_uses where page_id = ${pageId}`);
  if (ids.length > 0)
    await tx.execute(
      sql`insert into site_media_uses (page_id, media_id)
          select ${pageId}, m.id from site_media m where m.id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
    );
}
