import type { TEvent } from '../../../contracts/community.js';
import { localDay } from './event-words.js';

/**
 * The month view's arithmetic, kept apart from the page so it can be tested: a month (YYYY-MM) as
 * weeks of days, Monday first, and the sessions of the events that fall on each day.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** YYYY-MM of today, in the reader's time zone. */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
}

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The month `delta` months after (or before) the given one. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1 + delta, 1);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** The first and last day of the month (the list query's `from` and `to`). */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(y ?? 1970, m ?? 1, 0);
  return { from: `${month}-01`, to: dayOf(last) };
}

export interface CalendarDay {
  /** YYYY-MM-DD */
  day: string;
  inMonth: boolean;
}

/** The weeks that hold the month, Monday to Sunday, with the neighbouring months' days to fill them. */
export function monthWeeks(month: string): CalendarDay[][] {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(y ?? 1970, (m ?? 1) - 1, 1);
  const daysInMonth = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  // getDay(): Sunday 0 … Saturday 6; the grid starts on Monday.
  const lead = (first.getDay() + 6) % 7;
  const weeks = Math.ceil((lead + daysInMonth) / 7);
  return Array.from({ length: weeks }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => {
      // Built from the date's parts, so a change to or from summer time never skips or repeats a day.
      const date = new Date(first.getFullYear(), first.getMonth(), 1 - lead + w * 7 + d);
      return { day: dayOf(date), inMonth: date.getMonth() === first.getMonth() };
    }),
  );
}

export interface CalendarEntry {
  event: TEvent;
  sessionId: string;
  startsAt: string;
  endsAt: string;
  /** 1-based position of the session in its event (a lab's "incontro 2 di 4"). */
  index: number;
  of: number;
}

/** Each day's sessions, in time order: an event of four sessions appears on four days. */
export function entriesByDay(events: readonly TEvent[]): Map<string, CalendarEntry[]> {
  const byDay = new Map<string, CalendarEntry[]>();
  for (const event of events) {
    event.sessions.forEach((session, i) => {
      const day = localDay(session.startsAt);
      const list = byDay.get(day) ?? [];
      list.push({
        event,
        sessionId: session.id,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        index: i + 1,
        of: event.sessions.length,
      });
      byDay.set(day, list);
    });
  }
  for (const list of byDay.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return byDay;
}
