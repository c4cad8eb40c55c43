import { SITE_LANGUAGES, type TSiteLanguage } from '../../../../contracts/website.js';
import { html, type SafeHtml, trustedMarkup } from '../../../platform/public-pages/html.js';
import { icon } from '../../../platform/public-pages/icons.js';
import { isRtl } from '../../../platform/public-pages/languages.js';
import { QUICK_EXIT_URL } from '../../../platform/public-pages/shared-assets.js';
import { siteWords } from './site-words.js';

/**
 * The frame of every page of the public site (issue 24, item 1): language and direction, the
 * quick exit (a plain link that works without JavaScript; site.js makes it replace the page and
 * adds Esc twice), the language switcher that keeps the page, the main menu, 112 and 1522 on
 * every page, and the footer with the safety page, the privacy notice and the accessibility
 * statement. One small script, one stylesheet, fonts served here: nothing from elsewhere.
 */

export interface SitePage {
  lang: TSiteLanguage;
  title: string;
  /** The path of the page; the language links keep it. */
  path: string;
  body: SafeHtml;
  description?: string;
  /** Open Graph type; `article` for news. */
  ogType?: 'website' | 'article';
  /** JSON-LD for search engines (articles, organisations). */
  structuredData?: Record<string, unknown>;
  noindex?: boolean;
  /** A signed preview: marked on the page, never cached or indexed. */
  preview?: boolean;
  /** The page's own scripts, beside the quick exit (the video player); each small, all served here. */
  scripts?: readonly string[];
}

export interface SiteFrame {
  publicUrl: string;
  menu: readonly { slug: string; title: string; lang: TSiteLanguage }[];
  accessibility: { statementUrl: string; feedbackUrl: string };
}

/** Always with the language: without it, the reader's browser language would choose. */
export const hrefIn = (lang: TSiteLanguage, path: string) => `${path}?lang=${lang}`;

/** JSON inside a script element: `<` written as an escape, so no text can close the element. */
const jsonLd = (data: Record<string, unknown>) =>
  trustedMarkup(JSON.stringify(data).replace(/</g, '\\u003c'));

function languageSwitcher(page: SitePage) {
  const w = siteWords(page.lang);
  return html`<nav class="languages" aria-label="${w.languageNav}">
  ${icon('globe')}
  <ul>${SITE_LANGUAGES.map(
    (l) =>
      html`<li><a href="${hrefIn(l, page.path)}" lang="${l}" hreflang="${l}"${
        l === page.lang ? html` aria-current="true"` : ''
      }>${siteWords(l).languageName}</a></li>`,
  )}</ul>
</nav>`;
}

function mainMenu(page: SitePage, frame: SiteFrame) {
  const w = siteWords(page.lang);
  const items: { path: string; label: string; lang?: TSiteLanguage }[] = [
    { path: '/sito', label: w.menuHome },
    { path: '/sito/aiuto', label: w.menuHelp },
    ...frame.menu
      .filter((m) => m.slug !== 'home' && m.slug !== 'aiuto')
      .map((m) => ({ path: `/sito/${m.slug}`, label: m.title, lang: m.lang })),
    { path: '/sito/notizie', label: w.menuNews },
    { path: '/sito/video', label: w.menuVideos },
    { path: '/sito/convegni', label: w.menuConferences },
    { path: '/eventi', label: w.menuEvents },
  ];
  return html`<nav class="menu" aria-label="${w.mainNav}"><ul>${items.map(
    (item) =>
      html`<li><a href="${hrefIn(page.lang, item.path)}"${item.lang && item.lang !== page.lang ? html` lang="${item.lang}"` : ''}${
        item.path === page.path ? html` aria-current="page"` : ''
      }>${item.label}</a></li>`,
  )}</ul></nav>`;
}

function emergencyBox(lang: TSiteLanguage) {
  const w = siteWords(lang);
  return html`<aside class="emergency" aria-labelledby="emergency-title">
  <h2 id="emergency-title">${icon('warning')} ${w.emergencyTitle}</h2>
  <p><a class="call" href="tel:112">${icon('phone')} ${w.emergency112}</a></p>
  <p><a class="call" href="tel:1522">${icon('phone')} <span dir="ltr">1522</span></a> ${w.helpline1522}</p>
</aside>`;
}

export function renderSitePage(page: SitePage, frame: SiteFrame): string {
  const w = siteWords(page.lang);
  const base = frame.publicUrl.replace(/\/+$/, '');
  const url = `${base}${hrefIn(page.lang, page.path)}`;
  const document = html`<!doctype html>
<html lang="${page.lang}" dir="${isRtl(page.lang) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${page.noindex || page.preview ? html`<meta name="robots" content="noindex">` : ''}
<title>${page.title} · ${w.siteName}</title>
${page.description ? html`<meta name="description" content="${page.description}">` : ''}
<meta property="og:title" content="${page.title}">
<meta property="og:type" content="${page.ogType ?? 'website'}">
<meta property="og:url" content="${url}">
<meta property="og:site_name" content="${w.siteName}">
<meta property="og:locale" content="${page.lang}">
${page.description ? html`<meta property="og:description" content="${page.description}">` : ''}
<link rel="stylesheet" href="/sito/assets/base.css">
<link rel="stylesheet" href="/sito/assets/site.css">
<script src="/sito/assets/quick-exit.js" defer></script>
${(page.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
${page.preview ? '' : SITE_LANGUAGES.map((l) => html`<link rel="alternate" hreflang="${l}" href="${base}${hrefIn(l, page.path)}">`)}
${page.preview ? '' : html`<link rel="alternate" hreflang="x-default" href="${base}${page.path}">`}
<link rel="alternate" type="application/rss+xml" title="${w.newsTitle}" href="${hrefIn(page.lang, '/sito/feed.xml')}">
${page.structuredData ? html`<script type="application/ld+json">${jsonLd(page.structuredData)}</script>` : ''}
</head>
<body>
<a class="skip" href="#content">${w.skipToContent}</a>
${page.preview ? html`<p class="preview-banner" role="status">${w.previewBanner}</p>` : ''}
<header class="top">
  <div class="bar">
    <a class="brand" href="${hrefIn(page.lang, '/sito')}"><span class="name">${w.siteName}</span><span class="tagline">${w.tagline}</span></a>
    <a class="quick-exit" href="${QUICK_EXIT_URL}" rel="noreferrer" data-quick-exit>${icon('exit')} ${w.quickExit}</a>
  </div>
  ${languageSwitcher(page)}
  ${mainMenu(page, frame)}
</header>
<div class="layout">
<main id="content" tabindex="-1">
${page.body}
</main>
${emergencyBox(page.lang)}
</div>
<footer class="bottom">
  <ul class="footer-links">
    <li><a href="${hrefIn(page.lang, '/sito/sicurezza')}">${w.footerSafety}</a></li>
    <li><a href="${frame.accessibility.statementUrl}" rel="noreferrer">${w.footerAccessibility}</a></li>
    <li><a href="${frame.accessibility.feedbackUrl}" rel="noreferrer">${w.footerFeedback}</a></li>
    <li><a href="${hrefIn(page.lang, '/sito/feed.xml')}">${w.footerFeed}</a></li>
  </ul>
  <details class="privacy">
    <summary>${icon('shield')} ${w.privacyTitle}</summary>
    <dl>${w.privacy.map((p) => html`<dt>${p.heading}</dt><dd>${p.text}</dd>`)}</dl>
  </details>
  <p class="help">${w.quickExitHelp}</p>
</footer>
</body>
</html>
`;
  return document.value;
}
