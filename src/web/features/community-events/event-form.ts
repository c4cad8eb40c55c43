import type { FieldError } from 'react-hook-form';
import type { TEvent } from '../../../contracts/community.js';
import { orNull } from '../../ui/forms/values.js';
import { localDay } from './event-words.js';

/**
 * An event as its form holds it; the contract (`ZEventInputSchema`, `ZEventUpdateSchema`) checks
 * the body it makes. A session is a day, a start and an end time on that day, and a place; the
 * form's names follow the contract's (`startsAt`, `endsAt` hold the times), so each error lands on
 * its field.
 */
export interface SessionRowValues {
  day: string;
  startsAt: string;
  endsAt: string;
  place: string;
}

export interface EventValues {
  kind: string;
  title: string;
  description: string;
  municipality: string;
  languages: string[];
  topics: string[];
  capacity: string;
  mediatorLanguage: string;
  coOrganiserIds: string[];
  sessions: SessionRowValues[];
  published: boolean;
}

export const newSessionRow = (): SessionRowValues => ({ day: '', startsAt: '', endsAt: '', place: '' });

export function newEventValues(): EventValues {
  return {
    kind: '',
    title: '',
    description: '',
    municipality: '',
    languages: ['it'],
    topics: [],
    capacity: '30',
    mediatorLanguage: '',
    coOrganiserIds: [],
    sessions: [newSessionRow()],
    published: true,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A local day and time (as the inputs hold them) as an instant with its offset; as typed if incomplete. */
function instant(day: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return '';
  const date = new Date(`${day}T${time}`);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

const toNumber = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value));

export function sessionToInput(s: SessionRowValues) {
  return {
    startsAt: instant(s.day, s.startsAt),
    endsAt: instant(s.day, s.endsAt),
    place: orNull(s.place),
    onlineLink: null,
  };
}

export function eventToInput(v: EventValues) {
  return {
    kind: v.kind,
    title: v.title.trim(),
    description: orNull(v.description),
    municipality: v.municipality,
    languages: v.languages,
    topics: v.topics,
    capacity: toNumber(v.capacity),
    mediatorLanguage: orNull(v.mediatorLanguage),
    coOrganiserIds: v.coOrganiserIds,
    sessions: v.sessions.map(sessionToInput),
    published: v.published,
  };
}

/** What an organiser may change once the event exists (its kind, comune and sessions stay). */
export function eventToUpdate(v: EventValues) {
  return {
    title: v.title.trim(),
    description: orNull(v.description),
    languages: v.languages,
    topics: v.topics,
    capacity: toNumber(v.capacity),
    coOrganiserIds: v.coOrganiserIds,
    published: v.published,
  };
}

const localTime = (iso: string) => {
  const date = new Date(iso);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

export function eventToValues(event: TEvent): EventValues {
  return {
    kind: event.kind,
    title: event.title,
    description: event.description ?? '',
    municipality: event.municipality,
    languages: [...event.languages],
    topics: [...event.topics],
    capacity: String(event.capacity),
    mediatorLanguage: event.mediatorLanguage ?? '',
    coOrganiserIds: event.coOrganisers.map((h) => h.id),
    sessions: event.sessions.map((s) => ({
      day: localDay(s.startsAt),
      startsAt: localTime(s.startsAt),
      endsAt: localTime(s.endsAt),
      place: s.place ?? '',
    })),
    published: event.published,
  };
}

/** The day a week (times `weeks`) after a YYYY-MM-DD day, in the calendar (summer time does not shift it). */
function addWeeks(day: string, weeks: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 7 * weeks);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A lab's series from its first session: the same hours and place, once a week, `count` sessions
 * in all (the first included). The rows after the first are replaced.
 */
export function repeatWeekly(first: SessionRowValues, count: number): SessionRowValues[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(first.day)) return [first];
  return Array.from({ length: Math.max(1, count) }, (_, i) => ({ ...first, day: addWeeks(first.day, i) }));
}

/** The next session after the last one: a week later, same hours and place (or an empty row). */
export function nextSessionRow(rows: readonly SessionRowValues[]): SessionRowValues {
  const last = rows[rows.length - 1];
  if (!last || !/^\d{4}-\d{2}-\d{2}$/.test(last.day)) return newSessionRow();
  return { ...last, day: addWeeks(last.day, 1) };
}

/** The error of a field that holds a list of codes (checkboxes, chosen holders): the list's own. */
export const listError = (error: unknown): FieldError | undefined => error as FieldError | undefined;
