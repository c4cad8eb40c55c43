import type { THelpService, TSiteLanguage } from '../../../../contracts/website.js';
import { html, type SafeHtml, trustedMarkup } from '../../../platform/public-pages/html.js';
import { icon } from '../../../platform/public-pages/icons.js';
import { dateWords } from '../../../platform/public-pages/languages.js';
import type { PublicText } from './site-data.js';
import { hrefIn, type SitePage } from './site-layout.js';
import { shareLinks } from './site-share.js';
import { siteWords } from './site-words.js';

/** The bodies of the public pages: a page's text, the help section, the news, safety, 404. */

type Body = Omit<SitePage, 'path'>;

/** Marks text shown in Italian in another language's page, and says so once above it. */
function fallbackNotice(lang: TSiteLanguage, text: PublicText) {
  if (text.lang === lang) return '';
  const w = siteWords(lang);
  return html`<p class="notice info">${w.notTranslated(siteWords(lang).languageName)}</p>`;
}

/** The stored body was sanitised when saved (allow-list): it is markup the site wrote itself. */
const storedBody = (text: PublicText) => trustedMarkup(text.body);

/** A page's text, what follows it, and the share links when the page has a public address (`shareUrl`). */
export function textPage(
  lang: TSiteLanguage,
  text: PublicText,
  extra: SafeHtml | '' = '',
  shareUrl?: string,
): Body {
  const other = text.lang !== lang;
  return {
    lang,
    title: text.title,
    description: text.summary || undefined,
    body: html`${fallbackNotice(lang, text)}<article${other ? html` lang="${text.lang}" dir="ltr"` : ''}>
<h1>${text.title}</h1>
${text.summary ? html`<p class="lead">${text.summary}</p>` : ''}
<div class="text">${storedBody(text)}</div>
</article>
${extra}${shareUrl ? shareLinks(lang, text, shareUrl) : ''}`,
  };
}

export function newsItemPage(lang: TSiteLanguage, text: PublicText, publicUrl: string): Body {
  const url = `${publicUrl.replace(/\/+$/, '')}/sito/notizie/${text.slug}?lang=${lang}`;
  const page = textPage(lang, text, '', url);
  const day = dateWords(lang).day(text.publishedAt);
  return {
    ...page,
    ogType: 'article',
    body: html`${page.body}<p class="meta">${siteWords(lang).publishedOn(day)}</p>`,
    structuredData: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: text.title,
      description: text.summary,
      datePublished: text.publishedAt.toISOString(),
      inLanguage: text.lang,
      url,
    },
  };
}

export function newsListPage(lang: TSiteLanguage, news: readonly PublicText[]): Body {
  const w = siteWords(lang);
  const d = dateWords(lang);
  return {
    lang,
    title: w.newsTitle,
    description: w.newsIntro,
    body: html`<h1>${w.newsTitle}</h1>
<p class="lead">${w.newsIntro}</p>
${
  news.length === 0
    ? html`<p class="notice info">${w.newsEmpty}</p>`
    : html`<ul class="cards">${news.map(
        (n) => html`<li class="card"${n.lang !== lang ? html` lang="${n.lang}" dir="ltr"` : ''}>
  <h2><a href="${hrefIn(lang, `/sito/notizie/${n.slug}`)}">${n.title}</a></h2>
  <p class="meta" lang="${lang}" dir="auto">${w.publishedOn(d.day(n.publishedAt))}</p>
  ${n.summary ? html`<p>${n.summary}</p>` : ''}
</li>`,
      )}</ul>`
}`,
  };
}

export type MappedService = THelpService & { latitude: number | null; longitude: number | null };

/**
 * Where the services are, as dots on the district's comuni drawn from their centres: a picture
 * made here (no map tiles fetched from elsewhere), of towns only, never of a street.
 */
function servicesMap(lang: TSiteLanguage, services: readonly MappedService[]) {
  const placed = services.filter((s) => s.latitude !== null && s.longitude !== null);
  if (placed.length === 0) return '';
  const w = siteWords(lang);
  const lats = placed.map((s) => s.latitude!);
  const lons = placed.map((s) => s.longitude!);
  const [minLat, maxLat, minLon, maxLon] = [
    Math.min(...lats),
    Math.max(...lats),
    Math.min(...lons),
    Math.max(...lons),
  ];
  const spanLat = Math.max(maxLat - minLat, 0.02);
  const spanLon = Math.max(maxLon - minLon, 0.02);
  const towns = new Map<string, { name: string; x: number; y: number; count: number }>();
  for (const s of placed) {
    const x = 20 + ((s.longitude! - minLon) / spanLon) * 260;
    const y = 20 + ((maxLat - s.latitude!) / spanLat) * 160;
    const town = towns.get(s.municipality) ?? { name: s.municipalityName, x, y, count: 0 };
    town.count += 1;
    towns.set(s.municipality, town);
  }
  return html`<figure class="map">
  <svg viewBox="0 0 300 200" role="img" aria-labelledby="map-title" dir="ltr">
    <title id="map-title">${w.mapTitle}: ${[...towns.values()].map((t) => t.name).join(', ')}</title>
    <rect width="300" height="200" rx="8" class="land"/>
    ${[...towns.values()].map(
      (t) =>
        html`<g class="town"><circle cx="${t.x.toFixed(1)}" cy="${t.y.toFixed(1)}" r="${5 + t.count}"/><text x="${(t.x + 9).toFixed(1)}" y="${(t.y + 4).toFixed(1)}" lang="it">${t.name}</text></g>`,
    )}
  </svg>
  <figcaption>${w.mapTitle}</figcaption>
</figure>`;
}

export function helpServices(lang: TSiteLanguage, services: readonly MappedService[]) {
  const w = siteWords(lang);
  const d = dateWords(lang);
  return html`<section class="services" aria-labelledby="services-title">
<h2 id="services-title">${w.servicesTitle}</h2>
<p>${w.servicesIntro}</p>
${
  services.length === 0
    ? html`<p class="notice info">${w.servicesEmpty}</p>`
    : html`<ul class="cards">${services.map(
        (s) => html`<li class="card">
  <h3 lang="it" dir="auto">${s.name}</h3>
  ${s.description ? html`<p lang="it" dir="auto">${s.description}</p>` : ''}
  <dl class="facts">
    <div><dt>${icon('phone')} ${w.phoneLabel}</dt><dd><a href="tel:${s.phone.replace(/[^\d+]/g, '')}" dir="ltr">${s.phone}</a></dd></div>
    <div><dt>${icon('clock')} ${w.hoursLabel}</dt><dd lang="it" dir="auto">${s.hours}</dd></div>
    <div><dt>${icon('speech')} ${w.languagesLabel}</dt><dd>${d.list(s.languages.map((l) => d.language(l)))}</dd></div>
    <div><dt>${icon('pin')} ${w.municipalityLabel}</dt><dd lang="it">${s.municipalityName}</dd></div>
  </dl>
</li>`,
      )}</ul>${servicesMap(lang, services)}`
}
</section>`;
}

export function eventsTeaser(lang: TSiteLanguage) {
  const w = siteWords(lang);
  return html`<section class="teaser" aria-labelledby="events-title">
<h2 id="events-title">${icon('calendar')} ${w.eventsTitle}</h2>
<p><a class="button" href="${hrefIn(lang, '/eventi')}">${w.eventsLink}</a></p>
</section>`;
}

export function latestNews(lang: TSiteLanguage, news: readonly PublicText[]) {
  if (news.length === 0) return '';
  const w = siteWords(lang);
  return html`<section class="teaser" aria-labelledby="news-title">
<h2 id="news-title">${w.newsTitle}</h2>
<ul>${news.map(
    (n) =>
      html`<li${n.lang !== lang ? html` lang="${n.lang}" dir="ltr"` : ''}><a href="${hrefIn(lang, `/sito/notizie/${n.slug}`)}">${n.title}</a></li>`,
  )}</ul>
</section>`;
}

export function safetyPage(lang: TSiteLanguage): Body {
  const w = siteWords(lang);
  return {
    lang,
    title: w.safetyTitle,
    body: html`<h1>${w.safetyTitle}</h1>
${w.safety.map((p) => html`<h2>${p.heading}</h2><p>${p.text}</p>`)}`,
  };
}

export function notFoundPage(lang: TSiteLanguage): Body {
  const w = siteWords(lang);
  return {
    lang,
    title: w.notFoundTitle,
    noindex: true,
    body: html`<h1>${w.notFoundTitle}</h1>
<p>${w.notFoundText}</p>
<p><a class="button" href="${hrefIn(lang, '/sito')}">${w.backHome}</a></p>`,
  };
}
