import type { FastifyReply } from 'fastify';
import { QUICK_EXIT_URL } from '../../../platform/public-pages/shared-assets.js';

export { QUICK_EXIT_URL };

import { PUBLIC_LANGUAGES, type TPublicLanguage } from '../../../../contracts/community.js';
import { html, type SafeHtml } from '../../../platform/public-pages/html.js';
import { icon } from '../../../platform/public-pages/icons.js';
import { isRtl, wordsFor } from './public-words.js';

/**
 * The shell of every public page: language and direction, the language switcher, the quick-exit
 * link (a plain link, so it works without JavaScript; quick-exit.js only makes it faster), the
 * privacy notice (GDPR art. 13) in the page's language, and the way to the safety page.
 */

export interface PageSpec {
  lang: TPublicLanguage;
  title: string;
  /** The page's path; the language links keep it, with `keep` beside the language. */
  path: string;
  keep?: Record<string, string>;
  body: SafeHtml;
  /** The organisation that organises the event shown (the privacy notice's controller). */
  controller?: string | null;
  /** Pages reached by a code or a ticket stay out of search engines. */
  noindex?: boolean;
  publicUrl: string;
}

/** A link to `path` in `lang`, keeping the page's other parameters. */
export function hrefIn(lang: TPublicLanguage, path: string, keep: Record<string, string> = {}) {
  return `${path}?${new URLSearchParams({ ...keep, lang }).toString()}`;
}

function languageSwitcher(spec: PageSpec) {
  const w = wordsFor(spec.lang);
  return html`<nav class="languages" aria-label="${w.languageNav}">
  ${icon('globe')}
  <ul>${PUBLIC_LANGUAGES.map(
    (l) =>
      html`<li><a href="${hrefIn(l, spec.path, spec.keep)}" lang="${l}" hreflang="${l}"${
        l === spec.lang ? html` aria-current="page"` : ''
      }>${wordsFor(l).languageName}</a></li>`,
  )}</ul>
</nav>`;
}

function privacyNotice(spec: PageSpec) {
  const w = wordsFor(spec.lang);
  return html`<details class="privacy">
  <summary>${icon('shield')} ${w.privacyTitle}</summary>
  <dl>${w.privacy(spec.controller ?? null).map((p) => html`<dt>${p.heading}</dt><dd>${p.text}</dd>`)}</dl>
</details>`;
}

export function renderPage(spec: PageSpec): string {
  const w = wordsFor(spec.lang);
  const base = spec.publicUrl.replace(/\/+$/, '');
  const alternates = PUBLIC_LANGUAGES.map(
    (l) => html`<link rel="alternate" hreflang="${l}" href="${base}${hrefIn(l, spec.path, spec.keep)}">`,
  );
  const document = html`<!doctype html>
<html lang="${spec.lang}" dir="${isRtl(spec.lang) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${spec.noindex ? html`<meta name="robots" content="noindex">` : ''}
<title>${spec.title} · ${w.siteName}</title>
<link rel="stylesheet" href="/eventi/assets/base.css">
<link rel="stylesheet" href="/eventi/assets/public.css">
<link rel="stylesheet" href="/eventi/assets/forms.css">
<script src="/eventi/assets/quick-exit.js" defer></script>
${alternates}
<link rel="alternate" hreflang="x-default" href="${base}${hrefIn('it', spec.path, spec.keep)}">
</head>
<body>
<a class="skip" href="#content">${w.skipToContent}</a>
<header class="top">
  <div class="bar">
    <a class="brand" href="${hrefIn(spec.lang, '/eventi')}">${icon('calendar')} ${w.siteName}</a>
    <a class="quick-exit" href="${QUICK_EXIT_URL}" rel="noreferrer" data-quick-exit>${icon('exit')} ${w.quickExit}</a>
  </div>
  ${languageSwitcher(spec)}
</header>
<main id="content" tabindex="-1">
${spec.body}
</main>
<footer class="bottom">
  ${privacyNotice(spec)}
  <ul class="footer-links">
    <li><a href="${hrefIn(spec.lang, '/eventi/sicurezza')}">${w.safetyLink}</a></li>
    <li><a href="${hrefIn(spec.lang, '/eventi')}">${w.allEvents}</a></li>
  </ul>
  <p class="help">${w.quickExitHelp}</p>
</footer>
</body>
</html>
`;
  return document.value;
}

/**
 * Sends a page: HTML in UTF-8, never stored (a ticket code, a shared phone's back button), in the
 * page's language, and no cookie of any kind.
 */
export function sendPage(reply: FastifyReply, status: number, spec: PageSpec) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-language', spec.lang)
    .send(renderPage(spec));
}
