import type { TSiteLanguage } from '../../../../contracts/website.js';
import { html } from '../../../platform/public-pages/html.js';
import type { PublicText } from './site-data.js';
import { siteWords } from './site-words.js';

/**
 * The share links under a published item (issue 24, item 6): the item's prepared text for the
 * reader's language (its title when none was written) and its address, as plain links to each
 * channel's own share page. No widget, no script and no request to another site until the reader
 * chooses one.
 */

const enc = encodeURIComponent;

export function shareLinks(lang: TSiteLanguage, text: PublicText, url: string) {
  const w = siteWords(lang);
  const words = text.share.trim() || text.title;
  const channels = [
    { label: 'WhatsApp', href: `https://wa.me/?text=${enc(`${words} ${url}`)}` },
    { label: 'Telegram', href: `https://t.me/share/url?url=${enc(url)}&text=${enc(words)}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}` },
    { label: 'X', href: `https://x.com/intent/post?text=${enc(words)}&url=${enc(url)}` },
    { label: w.shareEmail, href: `mailto:?subject=${enc(text.title)}&body=${enc(`${words}\n${url}`)}` },
  ];
  return html`<aside class="share" aria-labelledby="share-title"><h2 id="share-title" class="h3">${w.shareTitle}</h2>
<ul>${channels.map((c) => html`<li><a href="${c.href}" rel="noopener noreferrer nofollow">${c.label}</a></li>`)}</ul></aside>`;
}
