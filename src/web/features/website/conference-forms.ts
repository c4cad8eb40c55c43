import type { TLocale } from '../../../contracts/index.js';
import { SITE_LANGUAGES, type TSiteLanguage } from '../../../contracts/website.js';
import type {
  TConferenceDetail,
  TConferenceEvent,
  TConferenceItemInput,
  TConferenceSpeakerInput,
} from '../../../contracts/website-conferences.js';
import { formatDay } from '../../ui/format.js';

/** The conference's forms as they hold their values (strings, as inputs do), and small helpers. */

type Item = TConferenceDetail['items'][number];
type Speaker = TConferenceDetail['speakers'][number];

const LOCALE_TAG: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };

export interface SettingsValues {
  eventId: string;
}

export const settingsToValues = (event: TConferenceEvent | null): SettingsValues => ({
  eventId: event?.id ?? '',
});

/** "No event" is the empty choice: the conference is then linked to none. */
export const settingsToInput = (v: SettingsValues) => ({ eventId: v.eventId === '' ? null : v.eventId });

export interface ItemValues {
  day: string;
  starts: string;
  ends: string;
  titles: Record<TSiteLanguage, string>;
  speakerIds: string[];
}

const noTitles = () =>
  Object.fromEntries(SITE_LANGUAGES.map((lang) => [lang, ''])) as Record<TSiteLanguage, string>;

export const emptyItem = (): ItemValues => ({
  day: '',
  starts: '',
  ends: '',
  titles: noTitles(),
  speakerIds: [],
});

/** A time as the inputs hold it ("09:30"), whether the server sends seconds or not. */
export const hhmm = (time: string) => time.slice(0, 5);

export function itemToValues(item: Item): ItemValues {
  const titles = noTitles();
  for (const lang of SITE_LANGUAGES) titles[lang] = item.titles[lang] ?? '';
  return {
    day: item.day.slice(0, 10),
    starts: hhmm(item.starts),
    ends: item.ends ? hhmm(item.ends) : '',
    titles,
    speakerIds: [...item.speakerIds],
  };
}

/**
 * The request body: no end time is null, a language without a title is left out (the site shows
 * the Italian one), the Italian title is always sent so an empty one is refused on its field.
 */
export function itemToInput(v: ItemValues): TConferenceItemInput {
  const titles: Partial<Record<TSiteLanguage, string>> = {};
  for (const lang of SITE_LANGUAGES) {
    const text = (v.titles[lang] ?? '').trim();
    if (lang === 'it' || text !== '') titles[lang] = text;
  }
  return {
    day: v.day,
    starts: v.starts === '' ? '' : hhmm(v.starts),
    ends: v.ends.trim() === '' ? null : hhmm(v.ends),
    titles,
    speakerIds: v.speakerIds,
  };
}

export interface SpeakerValues {
  name: string;
  role: string;
  consent: boolean;
  consentNote: string;
}

export const emptySpeaker = (): SpeakerValues => ({ name: '', role: '', consent: false, consentNote: '' });

/** An empty role is none; the consent box is sent as it is, so an unticked one is refused. */
export const speakerToInput = (v: SpeakerValues): TConferenceSpeakerInput =>
  ({
    name: v.name.trim(),
    role: v.role.trim() === '' ? null : v.role.trim(),
    consent: v.consent,
    consentNote: v.consentNote.trim(),
  }) as TConferenceSpeakerInput;

export interface MaterialValues {
  titleIt: string;
}

export const emptyMaterial = (): MaterialValues => ({ titleIt: '' });
export const materialToInput = (v: MaterialValues): MaterialValues => ({ titleIt: v.titleIt.trim() });

/** What the server takes for a document. */
export const MATERIAL_ACCEPT = 'application/pdf';

/** What is wrong with the chosen document before it is sent; a file the browser cannot type goes on. */
export function materialFileProblem(file: { type: string } | null): 'missing' | 'type' | null {
  if (!file) return 'missing';
  if (file.type !== '' && file.type !== MATERIAL_ACCEPT) return 'type';
  return null;
}

/** The multipart body of a document: its Italian title first, then the PDF (the server reads them in that order). */
export function materialFormData(values: MaterialValues, file: File): FormData {
  const form = new FormData();
  form.append('titleIt', materialToInput(values).titleIt);
  form.append('file', file, file.name);
  return form;
}

export interface RecordingValues {
  videoPageId: string;
}

export const emptyRecording = (): RecordingValues => ({ videoPageId: '' });

/** The programme by day, each day's items by their start, days in order. */
export function groupByDay(items: readonly Item[]): { day: string; items: Item[] }[] {
  const sorted = [...items].sort(
    (a, b) => a.day.localeCompare(b.day) || hhmm(a.starts).localeCompare(hhmm(b.starts)),
  );
  const days: { day: string; items: Item[] }[] = [];
  for (const item of sorted) {
    const last = days.at(-1);
    if (last && last.day === item.day) last.items.push(item);
    else days.push({ day: item.day, items: [item] });
  }
  return days;
}

/** "09:30–10:15", or "09:30" when the item has no end. */
export const timeRange = (starts: string, ends: string | null) =>
  ends ? `${hhmm(starts)}–${hhmm(ends)}` : hhmm(starts);

/** "Lunedì 4 maggio 2026" — a calendar day (YYYY-MM-DD) in words, read as a local date. */
export function dayInWords(day: string, locale: TLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const text = new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  return text.charAt(0).toLocaleUpperCase(LOCALE_TAG[locale]) + text.slice(1);
}

/** An event's days in words: one day, a span, or null when the calendar has none yet. */
export function eventDays(event: Pick<TConferenceEvent, 'firstDay' | 'lastDay'>, locale: TLocale) {
  const first = event.firstDay ?? event.lastDay;
  if (!first) return null;
  const last = event.lastDay ?? first;
  return last.slice(0, 10) === first.slice(0, 10)
    ? formatDay(first, locale)
    : `${formatDay(first, locale)} – ${formatDay(last, locale)}`;
}

/** The names of an item's speakers, in the item's order; a speaker no longer listed is left out. */
export function speakerNames(item: Pick<Item, 'speakerIds'>, speakers: readonly Speaker[]): string[] {
  return item.speakerIds.flatMap((id) => speakers.find((s) => s.id === id)?.name ?? []);
}

/** An average on the 1–5 scale with one decimal ("4,2"); null when hidden (too few answers). */
export function averageText(value: number | null, locale: TLocale): string | null {
  if (value === null) return null;
  return new Intl.NumberFormat(LOCALE_TAG[locale], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}
