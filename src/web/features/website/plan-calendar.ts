import type { TLocale } from '../../../contracts/index.js';

/**
 * The communication plan's month, kept apart from the page so it can be tested: a month (YYYY-MM,
 * in the reader's time zone) as weeks of days, Monday first, and the actions planned on each day.
 * Days are calendar days (YYYY-MM-DD) throughout, never instants, so no time zone shifts them.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const partsOf = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return { year: y ?? 1970, index: (m ?? 1) - 1 };
};

/** YYYY-MM of today, in the reader's time zone. */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
}

/** The month `delta` months after (or before) the given one. */
export function shiftMonth(month: string, delta: number): string {
  const { year, index } = partsOf(month);
  const date = new Date(year, index + delta, 1);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** The first and last day of the month: the plan's and the summary's `from` and `to`. */
export function monthRange(month: string): { from: string; to: string } {
  const { year, index } = partsOf(month);
  return { from: `${month}-01`, to: dayOf(new Date(year, index + 1, 0)) };
}

export interface PlanDay {
  /** YYYY-MM-DD */
  day: string;
  /** False for the neighbouring months' days that fill the first and last week. */
  inMonth: boolean;
}

/** The weeks that hold the month, Monday to Sunday, with the neighbouring months' days to fill them. */
export function monthWeeks(month: string): PlanDay[][] {
  const { year, index } = partsOf(month);
  const daysInMonth = new Date(year, index + 1, 0).getDate();
  // getDay(): Sunday 0 … Saturday 6; the grid starts on Monday.
  const lead = (new Date(year, index, 1).getDay() + 6) % 7;
  const weeks = Math.ceil((lead + daysInMonth) / 7);
  return Array.from({ length: weeks }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => {
      // Built from the date's parts, so a change to or from summer time never skips or repeats a day.
      const date = new Date(year, index, 1 - lead + w * 7 + d);
      return { day: dayOf(date), inMonth: date.getMonth() === index };
    }),
  );
}

/** Each day's actions, in the order they came (the server sends them by planned day), by title within a day. */
export function actionsByDay<T extends { plannedOn: string; title: string }>(
  actions: readonly T[],
): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  for (const action of actions) {
    const day = action.plannedOn.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), action]);
  }
  for (const list of byDay.values()) list.sort((a, b) => a.title.localeCompare(b.title));
  return byDay;
}

/** The month's days that have actions, in order, each with its actions (the phone's list). */
export function busyDays<T>(month: string, byDay: ReadonlyMap<string, T[]>): { day: string; actions: T[] }[] {
  return [...byDay.entries()]
    .filter(([day, actions]) => day.startsWith(`${month}-`) && actions.length > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, actions]) => ({ day, actions }));
}

const LOCALE_TAG: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };
const format = (locale: TLocale, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(LOCALE_TAG[locale], options);
const dateOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
};

/** "dicembre 2026" */
export function monthInWords(month: string, locale: TLocale): string {
  return format(locale, { month: 'long', year: 'numeric' }).format(dateOf(`${month}-01`));
}

/** "lunedì 7 dicembre 2026" */
export function dayInWords(day: string, locale: TLocale): string {
  return format(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    dateOf(day),
  );
}

/** The seven weekday names, Monday first, capitalised (they head the calendar's columns). */
export function weekdayNames(locale: TLocale): string[] {
  // 5 January 2026 is a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const name = format(locale, { weekday: 'long' }).format(new Date(2026, 0, 5 + i));
    return name.charAt(0).toLocaleUpperCase(LOCALE_TAG[locale]) + name.slice(1);
  });
}
