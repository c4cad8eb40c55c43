import type { TSiteLanguage } from '../../../../contracts/website.js';
import { html } from '../../../platform/public-pages/html.js';
import { icon } from '../../../platform/public-pages/icons.js';
import { dateWords, isRtl } from '../../../platform/public-pages/languages.js';
import { hasStarted, isOver, type PublicEvent } from '../../community/public/public-data.js';
import type { ConferenceContent } from '../website-conference-publication.js';
import type { PublicConference } from './site-conference-data.js';
import type { PublicText } from './site-data.js';
import { hrefIn, type SitePage } from './site-layout.js';
import { textPage } from './site-views.js';
import { siteWords } from './site-words.js';

/**
 * The conferences' public pages: the list, and a conference with its event (when, where, the
 * registration and, once begun, the survey — both on the community calendar's pages), programme,
 * speakers, and the materials and recordings added after the event.
 */

type Body = Omit<SitePage, 'path'>;

const conferencePath = (slug: string) => `/sito/convegni/${slug}`;
export const documentPath = (slug: string, fileId: string) => `/sito/convegni/${slug}/materiali/${fileId}`;

/** A calendar day of the programme (YYYY-MM-DD, Rome) in words; noon keeps it on its day everywhere. */
const dayWords = (lang: TSiteLanguage, day: string) => dateWords(lang).day(new Date(`${day}T12:00:00Z`));

const otherLang = (lang: TSiteLanguage, page: TSiteLanguage) =>
  lang === page ? '' : html` lang="${lang}" dir="${isRtl(lang) ? 'rtl' : 'ltr'}"`;

function eventWhen(lang: TSiteLanguage, event: PublicEvent) {
  const d = dateWords(lang);
  return html`<ul class="sessions">${event.sessions.map(
    (s) =>
      html`<li><span class="day">${d.day(s.startsAt)}</span>, <span dir="ltr">${d.hours(s.startsAt, s.endsAt)}</span>${
        s.place ? html` · <span lang="it">${s.place}</span>` : ''
      }</li>`,
  )}</ul>`;
}

function eventBox(lang: TSiteLanguage, event: PublicEvent) {
  const w = siteWords(lang);
  const now = new Date();
  const registration =
    event.status === 'cancelled'
      ? html`<p class="notice">${icon('warning')} ${w.conferenceCancelled}</p>`
      : !isOver(event, now) && event.registrationOpen && event.seatsFree
        ? html`<p><a class="button" href="${hrefIn(lang, `/eventi/${event.slug}`)}">${icon('ticket')} ${w.register}</a></p>`
        : html`<p>${w.registrationClosed}</p>`;
  const survey =
    event.status !== 'cancelled' && hasStarted(event, now)
      ? html`<p><a class="button secondary" href="${hrefIn(lang, `/eventi/${event.slug}/parere`)}">${w.giveFeedback}</a></p>
<p class="hint">${w.feedbackHelp}</p>`
      : '';
  return html`<section class="conference-event" aria-labelledby="conference-when">
<h2 id="conference-when">${icon('calendar')} ${w.whenLabel}</h2>
${eventWhen(lang, event)}
<p><strong>${w.whereLabel}:</strong> <span lang="it">${event.municipalityName}</span></p>
${registration}${survey}
</section>`;
}

function programme(lang: TSiteLanguage, content: ConferenceContent) {
  if (content.programme.length === 0) return '';
  const w = siteWords(lang);
  const names = new Map(content.speakers.map((s) => [s.id, s.name]));
  const days = [...new Set(content.programme.map((i) => i.day))];
  return html`<section aria-labelledby="conference-programme">
<h2 id="conference-programme">${w.programmeTitle}</h2>
${days.map(
  (day) => html`<h3>${dayWords(lang, day)}</h3>
<ul class="programme">${content.programme
    .filter((i) => i.day === day)
    .map((i) => {
      const titleLang: TSiteLanguage = i.titles[lang] ? lang : 'it';
      const speakers = i.speakerIds.flatMap((id) => names.get(id) ?? []);
      return html`<li><span class="time" dir="ltr">${i.starts}${i.ends ? ` – ${i.ends}` : ''}</span>
<span${otherLang(titleLang, lang)}>${i.titles[titleLang] ?? ''}</span>${
        speakers.length > 0 ? html`<span class="speakers">${speakers.join(', ')}</span>` : ''
      }</li>`;
    })}</ul>`,
)}
</section>`;
}

function speakers(lang: TSiteLanguage, content: ConferenceContent) {
  if (content.speakers.length === 0) return '';
  const w = siteWords(lang);
  return html`<section aria-labelledby="conference-speakers">
<h2 id="conference-speakers">${w.speakersTitle}</h2>
<ul class="speakers-list">${content.speakers.map(
    (s) =>
      html`<li><strong>${s.name}</strong>${s.role ? html` — <span lang="it">${s.role}</span>` : ''}</li>`,
  )}</ul>
</section>`;
}

function megabytes(lang: TSiteLanguage, bytes: number) {
  const mb = new Intl.NumberFormat(`${lang}-u-nu-latn`, { maximumFractionDigits: 1 }).format(
    Math.max(bytes / 1_048_576, 0.1),
  );
  return `${mb} MB`;
}

function materials(lang: TSiteLanguage, conference: PublicConference) {
  const { content, recordings, text } = conference;
  const w = siteWords(lang);
  const documents = content.documents.length
    ? html`<h3>${w.materialsTitle}</h3><ul>${content.documents.map(
        (d) =>
          html`<li><a href="${documentPath(text.slug, d.fileId)}" lang="it" download>${d.title}</a> <span class="meta">(${w.documentSize(megabytes(lang, d.bytes))})</span></li>`,
      )}</ul>`
    : '';
  const videos = recordings.length
    ? html`<h3>${w.recordingsTitle}</h3><ul>${recordings.map(
        (r) =>
          html`<li><a href="${hrefIn(lang, `/sito/video/${r.slug}`)}"${otherLang(r.lang, lang)}>${r.title}</a></li>`,
      )}</ul>`
    : '';
  if (!documents && !videos) return '';
  return html`<section aria-labelledby="conference-materials">
<h2 id="conference-materials">${w.materialsTitle} · ${w.recordingsTitle}</h2>
${documents}${videos}
</section>`;
}

export function conferencePage(lang: TSiteLanguage, conference: PublicConference, publicUrl: string): Body {
  const { text, event, content } = conference;
  const url = `${publicUrl.replace(/\/+$/, '')}${conferencePath(text.slug)}?lang=${lang}`;
  const extra = html`${event ? eventBox(lang, event) : ''}${programme(lang, content)}${speakers(lang, content)}${materials(lang, conference)}`;
  const page = textPage(lang, text, extra, url);
  const starts = event?.sessions[0]?.startsAt;
  const ends = event?.sessions.at(-1)?.endsAt;
  return {
    ...page,
    structuredData: {
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: text.title,
      description: text.summary,
      url,
      inLanguage: text.lang,
      isAccessibleForFree: true,
      ...(starts ? { startDate: starts.toISOString() } : {}),
      ...(ends ? { endDate: ends.toISOString() } : {}),
      ...(event
        ? {
            eventStatus: `https://schema.org/${event.status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
            eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
            location: {
              '@type': 'Place',
              name: event.sessions[0]?.place ?? event.municipalityName,
              address: {
                '@type': 'PostalAddress',
                addressLocality: event.municipalityName,
                addressCountry: 'IT',
              },
            },
            organizer: { '@type': 'Organization', name: event.organisation },
          }
        : {}),
      performer: content.speakers.map((s) => ({ '@type': 'Person', name: s.name })),
    },
  };
}

export function conferencesPage(
  lang: TSiteLanguage,
  conferences: readonly { text: PublicText; event: PublicEvent | null }[],
): Body {
  const w = siteWords(lang);
  const d = dateWords(lang);
  return {
    lang,
    title: w.conferencesTitle,
    description: w.conferencesIntro,
    body: html`<h1>${w.conferencesTitle}</h1>
<p class="lead">${w.conferencesIntro}</p>
${
  conferences.length === 0
    ? html`<p>${w.conferencesEmpty}</p>`
    : html`<ul class="cards">${conferences.map(({ text, event }) => {
        const first = event?.sessions[0]?.startsAt;
        return html`<li class="card"${otherLang(text.lang, lang)}>
<h2><a href="${hrefIn(lang, conferencePath(text.slug))}">${text.title}</a></h2>
${first ? html`<p class="meta" lang="${lang}">${d.day(first)} · <span lang="it">${event?.municipalityName}</span></p>` : ''}
${text.summary ? html`<p>${text.summary}</p>` : ''}
</li>`;
      })}</ul>`
}`,
  };
}
