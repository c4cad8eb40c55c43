import type { z } from 'zod';
import type { ZMapSchema } from '../../../contracts/community.js';

/**
 * The DOM of the map's markers and popups. Leaflet takes elements, not React; they are built with
 * `textContent` only (names come from the registry: never parsed as HTML), and their links go
 * through the router (`open`) so following one does not reload the app.
 */
export type TMapMunicipality = z.output<typeof ZMapSchema>['municipalities'][number];

export interface MapPopupTexts {
  holders: string;
  events: string;
  noHolders: string;
  holderLine: (name: string, kind: string) => string;
  eventLine: (title: string, when: string) => string;
  markerLabel: (municipality: TMapMunicipality) => string;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The marker of a comune: a round badge with the number of holders, named in words for a screen reader. */
export function markerElement(municipality: TMapMunicipality, texts: MapPopupTexts): HTMLElement {
  const badge = element('span', 'community-marker-count');
  badge.append(element('span', undefined, String(municipality.holders.length)));
  badge.firstElementChild?.setAttribute('aria-hidden', 'true');
  badge.append(element('span', 'visually-hidden', texts.markerLabel(municipality)));
  return badge;
}

/** A marker's size grows with the square root of the holders, so the area tells the number. */
export function markerSize(holders: number): number {
  return Math.round(Math.min(56, 26 + 5 * Math.sqrt(holders)));
}

export function popupElement({
  municipality,
  texts,
  kindName,
  formatWhen,
  holderHref,
  eventHref,
  open,
}: {
  municipality: TMapMunicipality;
  texts: MapPopupTexts;
  kindName: (kind: TMapMunicipality['holders'][number]['kind']) => string;
  formatWhen: (iso: string) => string;
  holderHref: (id: string) => string;
  /** The event's page, when the events feature has one. */
  eventHref: ((id: string) => string) | null;
  open: (href: string) => void;
}): HTMLElement {
  const root = element('div', 'community-map-popup');
  root.tabIndex = -1;
  root.append(element('h3', 'h6 mb-2', municipality.name));
  const link = (href: string, text: string) => {
    const a = element('a', undefined, text);
    a.href = href;
    a.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      open(href);
    });
    return a;
  };

  root.append(element('p', 'fw-semibold mb-1', texts.holders));
  if (municipality.holders.length === 0) root.append(element('p', 'mb-2', texts.noHolders));
  else {
    const list = element('ul', 'mb-2 ps-3');
    for (const holder of municipality.holders) {
      const item = element('li');
      item.append(link(holderHref(holder.id), texts.holderLine(holder.name, kindName(holder.kind))));
      list.append(item);
    }
    root.append(list);
  }
  if (municipality.events.length > 0) {
    root.append(element('p', 'fw-semibold mb-1', texts.events));
    const list = element('ul', 'mb-0 ps-3');
    for (const event of municipality.events) {
      const line = texts.eventLine(event.title, formatWhen(event.startsAt));
      const item = element('li');
      item.append(eventHref ? link(eventHref(event.id), line) : document.createTextNode(line));
      list.append(item);
    }
    root.append(list);
  }
  return root;
}
