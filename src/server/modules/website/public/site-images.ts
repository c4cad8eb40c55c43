import { sql } from 'drizzle-orm';
import type { TSiteLanguage } from '../../../../contracts/website.js';
import { queryRows, type Tx } from '../../../platform/db/client.js';
import { escapeHtml } from '../../../platform/public-pages/html.js';
import { libraryImages } from '../website-html.js';

/**
 * A text's images of the media library, as the reader's page shows them: the width that fits
 * their screen (srcset of the resized copies), their size given so the page does not jump, and the
 * alternative text in the reader's language (Italian, marked so, when there is none). An image no
 * longer in the library is left out.
 */
export async function withLibraryImages(tx: Tx, body: string, lang: TSiteLanguage) {
  const ids = libraryImages(body);
  if (ids.length === 0) return body;
  const rows = await queryRows<{
    id: string;
    width: number;
    height: number;
    alt: string | null;
    alt_it: string | null;
    widths: number[];
  }>(
    tx,
    sql`select m.id, m.width, m.height,
          (select a.alt from site_media_alts a where a.media_id = m.id and a.lang = ${lang}) as alt,
          (select a.alt from site_media_alts a where a.media_id = m.id and a.lang = 'it') as alt_it,
          (select array_agg(v.width order by v.width) from site_media_variants v where v.media_id = m.id) as widths
        from site_media m where m.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return body.replace(/<img src="\/sito\/immagini\/([0-9a-f-]{36})" \/>/g, (_tag, id: string) => {
    const image = byId.get(id);
    if (!image || image.widths.length === 0) return '';
    const path = (w: number) => `/sito/immagini/${id}/${w}.webp`;
    const largest = image.widths.at(-1)!;
    const shown = image.widths.find((w) => w >= 640) ?? largest;
    const alt = image.alt ?? image.alt_it ?? '';
    const height = Math.round((image.height * largest) / image.width);
    return `<img src="${path(shown)}" srcset="${image.widths.map((w) => `${path(w)} ${w}w`).join(', ')}" sizes="(max-width: 46rem) 100vw, 44rem" width="${largest}" height="${height}" alt="${escapeHtml(alt)}"${image.alt ? '' : ' lang="it"'} loading="lazy" decoding="async">`;
  });
}
