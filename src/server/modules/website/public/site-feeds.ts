import { SITE_LANGUAGES, type TSiteLanguage } from '../../../../contracts/website.js';
import type { Tx } from '../../../platform/db/client.js';
import { escapeHtml } from '../../../platform/public-pages/html.js';
import { publicPathOf } from '../website-pages.repository.js';
import { type PublicText, publishedIndex } from './site-data.js';
import { siteWords } from './site-words.js';

/** RSS 2.0 of the news in one language, and the sitemap with each page's languages (hreflang). */

const xml = escapeHtml;

export function newsFeed({
  lang,
  news,
  publicUrl,
}: {
  lang: TSiteLanguage;
  news: readonly PublicText[];
  publicUrl: string;
}) {
  const base = publicUrl.replace(/\/+$/, '');
  const w = siteWords(lang);
  const items = news
    .map((n) => {
      const link = `${base}/sito/notizie/${n.slug}?lang=${lang}`;
      return `<item><title>${xml(n.title)}</title><link>${xml(link)}</link><guid isPermaLink="true">${xml(link)}</guid><pubDate>${n.publishedAt.toUTCString()}</pubDate>${
        n.summary ? `<description>${xml(n.summary)}</description>` : ''
      }</item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${xml(`${w.newsTitle} · ${w.siteName}`)}</title><link>${xml(`${base}/sito/notizie?lang=${lang}`)}</link><description>${xml(w.newsIntro)}</description><language>${lang}</language>${items}</channel></rss>
`;
}

export async function sitemap(tx: Tx, publicUrl: string) {
  const base = publicUrl.replace(/\/+$/, '');
  const fixed = ['/sito/aiuto', '/sito/notizie', '/sito/video', '/sito/convegni', '/sito/sicurezza'].map(
    (path) => ({
      path,
      langs: [...SITE_LANGUAGES],
    }),
  );
  const pages = (await publishedIndex(tx)).map((p) => ({
    path: publicPathOf(p.kind, p.slug),
    langs: p.langs,
  }));
  const seen = new Set<string>();
  const urls = [...pages, ...fixed]
    .filter((u) => !seen.has(u.path) && seen.add(u.path))
    .flatMap((u) =>
      u.langs.map(
        (lang) =>
          `<url><loc>${xml(`${base}${u.path}?lang=${lang}`)}</loc>${u.langs
            .map(
              (other) =>
                `<xhtml:link rel="alternate" hreflang="${other}" href="${xml(`${base}${u.path}?lang=${other}`)}"/>`,
            )
            .join('')}</url>`,
      ),
    );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls.join('')}</urlset>
`;
}
