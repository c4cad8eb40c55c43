import QRCode from 'qrcode';
import type { TPublicLanguage } from '../../../../contracts/community.js';
import { html, type SafeHtml, spacedCode, trustedMarkup } from '../../../platform/public-pages/html.js';
import { icon } from '../../../platform/public-pages/icons.js';
import type { PublicEvent, PublicSession } from './public-data.js';
import { hrefIn } from './public-layout.js';
import { dateWords, wordsFor } from './public-words.js';

/**
 * The pieces the public pages share: an event's facts, its sessions, a ticket. What operators
 * typed (title, description, place) is Italian: marked so, for screen readers, and with its own
 * direction inside a right-to-left page.
 */

export function sessionList(lang: TPublicLanguage, sessions: readonly PublicSession[]) {
  const d = dateWords(lang);
  return html`<ol class="sessions">${sessions.map(
    (s) => html`<li>
    <span class="date">${icon('calendar')} ${d.day(s.startsAt)}</span>
    <span class="time">${icon('clock')} <span dir="ltr">${d.hours(s.startsAt, s.endsAt)}</span></span>
    ${s.place ? html`<span class="place" lang="it" dir="auto">${icon('pin')} ${s.place}</span>` : ''}
  </li>`,
  )}</ol>`;
}

/** Kind, dates, place, comune, languages and organiser: what a poster says. */
export function eventFacts(lang: TPublicLanguage, event: PublicEvent, sessions = event.sessions) {
  const w = wordsFor(lang);
  const d = dateWords(lang);
  return html`<dl class="facts">
  <div><dt>${icon('calendar')} ${w.when}</dt><dd>${w.sessionsCount(event.sessions.length)}${sessionList(
    lang,
    sessions,
  )}</dd></div>
  <div><dt>${icon('pin')} ${w.comune}</dt><dd lang="it">${event.municipalityName}</dd></div>
  <div><dt>${icon('speech')} ${w.spokenLanguages}</dt><dd>${d.list(event.languages.map((l) => d.language(l)))}</dd></div>
  <div><dt>${icon('group')} ${w.organisedBy}</dt><dd lang="it" dir="auto">${event.serviceName} — ${event.organisation}</dd></div>
</dl>`;
}

export function eventHeading(lang: TPublicLanguage, event: PublicEvent, level: 'h1' | 'h2' = 'h1') {
  const w = wordsFor(lang);
  const kind = html`<p class="kind">${w.kinds[event.kind]}</p>`;
  return level === 'h1'
    ? html`${kind}<h1 lang="it" dir="auto">${event.title}</h1>`
    : html`${kind}<h2 lang="it" dir="auto"><a href="${hrefIn(lang, `/eventi/${event.slug}`)}">${event.title}</a></h2>`;
}

export function description(lang: TPublicLanguage, event: PublicEvent) {
  if (!event.description) return '';
  const w = wordsFor(lang);
  return html`<section class="description" aria-labelledby="description-title">
  <h2 id="description-title">${w.writtenInItalian}</h2>
  <p lang="it" dir="auto">${event.description}</p>
</section>`;
}

/** The ticket as the person keeps it: the code big and spaced, its QR for the organiser's phone. */
export async function ticketBox({
  lang,
  code,
  publicUrl,
}: {
  lang: TPublicLanguage;
  code: string;
  publicUrl: string;
}): Promise<SafeHtml> {
  const w = wordsFor(lang);
  const content = `${publicUrl.replace(/\/+$/, '')}/community/ticket?code=${encodeURIComponent(code)}`;
  const svg = await QRCode.toString(content, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const labelled = svg.replace(
    '<svg ',
    `<svg role="img" aria-label="${w.ticketQr.replace(/"/g, '&quot;')}" `,
  );
  return html`<section class="ticket" aria-labelledby="ticket-title">
  <h2 id="ticket-title">${icon('ticket')} ${w.ticketLabel}</h2>
  <p class="code" dir="ltr"><span aria-hidden="true">${spacedCode(code)}</span><span class="visually-hidden">${code
    .split('')
    .join(' ')}</span></p>
  <div class="qr">${trustedMarkup(labelled)}</div>
  <p>${w.ticketKeep}</p>
</section>`;
}
