import type { TSiteLanguage } from '../../../../contracts/website.js';
import type { TVideoTrackKind } from '../../../../contracts/website-videos.js';
import { escapeHtml, html, type SafeHtml, trustedMarkup } from '../../../platform/public-pages/html.js';
import { isRtl } from '../../../platform/public-pages/languages.js';
import { clockOf } from '../website-video-tracks.js';
import type { PublicText } from './site-data.js';
import { hrefIn, type SitePage } from './site-layout.js';
import { shareLinks } from './site-share.js';
import { HIT_END, HIT_START, type PublicChapter, type TranscriptLine } from './site-video-data.js';
import { siteWords } from './site-words.js';

/**
 * The video manual's public pages: the list of chapters with the search across transcripts, and a
 * chapter with its player, its parts, its text and its transcript. Everything works without
 * JavaScript (the transcript's lines open the video at their moment); the small player script
 * seeks in place, follows the line being said and reads the picture descriptions aloud on request.
 */

type Body = Omit<SitePage, 'path'>;

export const mediaPath = (fileId: string) => `/sito/media/${fileId}`;
const trackPath = (slug: string, lang: TSiteLanguage, kind: TVideoTrackKind) =>
  `/sito/video/${slug}/tracks/${lang}/${kind}.vtt`;

/** Text in another language than the page's is marked so, for screen readers and layout. */
const langAttrs = (lang: TSiteLanguage, page: TSiteLanguage) =>
  lang === page ? '' : html` lang="${lang}" dir="${isRtl(lang) ? 'rtl' : 'ltr'}"`;

function chapterMeta(lang: TSiteLanguage, chapter: PublicChapter) {
  const w = siteWords(lang);
  return html`<p class="meta">${w.chapterLabel(chapter.chapterNumber)} · ${w.workPackageLabel}: ${w.workPackages[chapter.workPackage]}
 · ${w.practiceLabel}: <span${langAttrs('it', lang)}>${chapter.practice}</span></p>`;
}

function searchForm(lang: TSiteLanguage, query: string) {
  const w = siteWords(lang);
  return html`<form class="search" role="search" method="get" action="/sito/video">
<input type="hidden" name="lang" value="${lang}">
<label for="video-search">${w.searchLabel}</label>
<span class="search-row"><input id="video-search" type="search" name="q" maxlength="100" value="${query}">
<button type="submit">${w.searchButton}</button></span>
</form>`;
}

export interface SearchHit {
  slug: string;
  title: string;
  titleLang: TSiteLanguage;
  lang: TSiteLanguage;
  startMs: number;
  excerpt: string;
}

/** The found words of a line, marked after the line was escaped. */
const markedExcerpt = (excerpt: string) =>
  trustedMarkup(escapeHtml(excerpt).replaceAll(HIT_START, '<mark>').replaceAll(HIT_END, '</mark>'));

export function videosPage(
  lang: TSiteLanguage,
  chapters: readonly PublicChapter[],
  search: { query: string; hits: readonly SearchHit[] } | null,
): Body {
  const w = siteWords(lang);
  const results = search
    ? html`<section aria-labelledby="results-title"><h2 id="results-title">${w.searchResultsTitle(search.query)}</h2>${
        search.hits.length === 0
          ? html`<p>${w.searchEmpty}</p>`
          : html`<ul class="cards">${search.hits.map(
              (
                h,
              ) => html`<li class="card"><h3${langAttrs(h.titleLang, lang)}><a href="${hrefIn(lang, `/sito/video/${h.slug}`)}&amp;t=${Math.floor(h.startMs / 1000)}">${h.title}</a></h3>
<p${langAttrs(h.lang, lang)}>${markedExcerpt(h.excerpt)}</p><p class="meta">${w.atTime(clockOf(h.startMs))}</p></li>`,
            )}</ul>`
      }</section>`
    : '';
  return {
    lang,
    title: search ? w.searchResultsTitle(search.query) : w.videosTitle,
    description: w.videosIntro,
    noindex: search !== null,
    body: html`<h1>${w.videosTitle}</h1>
<p class="lead">${w.videosIntro}</p>
${searchForm(lang, search?.query ?? '')}
${results}
${
  chapters.length === 0
    ? html`<p>${w.videosEmpty}</p>`
    : html`<ol class="cards chapters">${chapters.map(
        (
          c,
        ) => html`<li class="card"><h2 class="h3"${langAttrs(c.text.lang, lang)}><a href="${hrefIn(lang, `/sito/video/${c.text.slug}`)}">${c.text.title}</a></h2>
${c.text.summary ? html`<p${langAttrs(c.text.lang, lang)}>${c.text.summary}</p>` : ''}${chapterMeta(lang, c)}</li>`,
      )}</ol>`
}`,
  };
}

export interface ChapterView {
  chapter: PublicChapter;
  /** The chapter's public address, for its share links. */
  shareUrl: string;
  tracks: readonly { lang: TSiteLanguage; kind: TVideoTrackKind }[];
  transcript: {
    lang: TSiteLanguage;
    lines: readonly TranscriptLine[];
    markers: { lang: TSiteLanguage; cues: readonly { startMs: number; text: string }[] } | null;
  };
}

/** A line or a part that plays the video from its moment; without JavaScript it opens the video there. */
function seekLink(chapter: PublicChapter, startMs: number, content: SafeHtml) {
  const seconds = Math.floor(startMs / 1000);
  return html`<a href="${mediaPath(chapter.videoFileId)}#t=${seconds}" data-start="${startMs / 1000}">${content}</a>`;
}

function player(lang: TSiteLanguage, view: ChapterView) {
  const w = siteWords(lang);
  const { chapter, tracks } = view;
  const subtitles = tracks.filter((t) => t.kind === 'subtitles');
  // Captions on in the reader's language, else in Italian.
  const defaultLang = subtitles.some((t) => t.lang === lang) ? lang : 'it';
  const chaptersLang = tracks.some((t) => t.kind === 'chapters' && t.lang === lang) ? lang : 'it';
  return html`<div class="player">
<video id="chapter-video" controls preload="metadata" playsinline${chapter.posterFileId ? html` poster="${mediaPath(chapter.posterFileId)}"` : ''}>
<source src="${mediaPath(chapter.videoFileId)}" type="${chapter.videoType}">
${tracks
  .filter((t) => t.kind !== 'chapters' || t.lang === chaptersLang)
  .map(
    (t) =>
      html`<track kind="${t.kind}" src="${trackPath(chapter.text.slug, t.lang, t.kind)}" srclang="${t.lang}" label="${siteWords(t.lang).languageName}"${
        t.kind === 'subtitles' && t.lang === defaultLang ? ' default' : ''
      }>`,
  )}
<p>${w.noVideoSupport}</p>
</video>
${
  tracks.some((t) => t.kind === 'descriptions')
    ? html`<p class="describe" hidden><button type="button" id="describe" aria-pressed="false" data-lang="${
        tracks.some((t) => t.kind === 'descriptions' && t.lang === lang) ? lang : 'it'
      }">${w.audioDescription}</button></p>`
    : ''
}
</div>`;
}

export function chapterPage(
  lang: TSiteLanguage,
  view: ChapterView,
  storedBody: (text: PublicText) => SafeHtml,
): Body {
  const w = siteWords(lang);
  const { chapter, transcript } = view;
  const text = chapter.text;
  const markers = transcript.markers;
  return {
    lang,
    title: text.title,
    description: text.summary || undefined,
    ogType: 'article',
    scripts: ['/sito/assets/video-player.js'],
    body: html`${text.lang !== lang ? html`<p class="notice info">${w.notTranslated(w.languageName)}</p>` : ''}
<article${langAttrs(text.lang, lang)}><h1>${text.title}</h1>${text.summary ? html`<p class="lead">${text.summary}</p>` : ''}</article>
${chapterMeta(lang, chapter)}
${player(lang, view)}
${
  markers && markers.cues.length > 0
    ? html`<nav class="parts" aria-labelledby="parts-title"><h2 id="parts-title">${w.partsTitle}</h2><ol${langAttrs(markers.lang, lang)}>${markers.cues.map(
        (m) =>
          html`<li>${seekLink(chapter, m.startMs, html`<span class="time" dir="ltr">${clockOf(m.startMs)}</span> ${m.text}`)}</li>`,
      )}</ol></nav>`
    : ''
}
<div class="text"${langAttrs(text.lang, lang)}>${storedBody(text)}</div>
<section class="transcript-box" aria-labelledby="transcript-title"><h2 id="transcript-title">${w.transcriptTitle}</h2>
${transcript.lang !== lang ? html`<p class="notice info">${w.transcriptInItalian(w.languageName)}</p>` : ''}
<p>${w.transcriptHelp}</p>
<ol class="transcript"${langAttrs(transcript.lang, lang)}>${transcript.lines.map(
      (line) =>
        html`<li${line.kind === 'descriptions' ? html` class="description"` : ''}>${seekLink(
          chapter,
          line.startMs,
          html`<span class="time" dir="ltr">${clockOf(line.startMs)}</span> ${
            line.kind === 'descriptions'
              ? html`<strong>${siteWords(transcript.lang).descriptionLabel}:</strong> `
              : ''
          }${line.text}`,
        )}</li>`,
    )}</ol></section>
${shareLinks(lang, text, view.shareUrl)}`,
  };
}
