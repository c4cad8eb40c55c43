import type { TLocale } from '../../../contracts/index.js';
import type { TMediatorJob } from '../../../contracts/mediation.js';

/**
 * Where each of a mediator's jobs belongs on their page, in the order the page shows them: what
 * needs an answer first (offers, then assignments to confirm), then what is coming, then what has
 * happened and still needs its hours, then what is done.
 */
export const JOB_SECTIONS = ['offers', 'toConfirm', 'upcoming', 'toLog', 'done'] as const;
export type TJobSection = (typeof JOB_SECTIONS)[number];

/**
 * The section of one job at `now`, or null for anything the page does not show. A confirmed
 * mediation moves to "to log" once it has started: the server takes hours from that moment on.
 */
export function sectionOf(job: TMediatorJob, now: Date): TJobSection | null {
  if (job.kind === 'offer') return job.status === 'pending' ? 'offers' : null;
  switch (job.status) {
    case 'assigned':
      return 'toConfirm';
    case 'confirmed':
      return Date.parse(job.startsAt) > now.getTime() ? 'upcoming' : 'toLog';
    case 'completed':
    case 'no_show':
      return 'done';
    default:
      return null;
  }
}

const byStart = (a: TMediatorJob, b: TMediatorJob) => Date.parse(a.startsAt) - Date.parse(b.startsAt);

/**
 * The jobs by section. What lies ahead reads soonest first, and so do the hours still to log (the
 * oldest is the most overdue); what is done reads latest first.
 */
export function jobsBySection(jobs: readonly TMediatorJob[], now: Date): Record<TJobSection, TMediatorJob[]> {
  const sections: Record<TJobSection, TMediatorJob[]> = {
    offers: [],
    toConfirm: [],
    upcoming: [],
    toLog: [],
    done: [],
  };
  for (const job of jobs) {
    const section = sectionOf(job, now);
    if (section) sections[section].push(job);
  }
  for (const section of JOB_SECTIONS) sections[section].sort(byStart);
  sections.done.reverse();
  return sections;
}

/** Minutes as whole hours and the minutes left over (90 → 1 h and 30 min), for the words. */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(total));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

const LOCALE_TAG: Record<TLocale, string> = { it: 'it-IT', en: 'en-GB' };

/**
 * When a mediation takes place, as a mediator reads it on a phone: the day in words, then the start
 * and end times ("lunedì 12 maggio 2026, 10:00–11:30"). An end on another day keeps its own date.
 */
export function whenLabel(startsAt: string, durationMinutes: number, locale: TLocale): string {
  const start = new Date(startsAt);
  if (Number.isNaN(start.getTime())) return startsAt;
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  const tag = LOCALE_TAG[locale];
  const day = new Intl.DateTimeFormat(tag, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' });
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)}, ${time.format(start)}–${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

/**
 * The first phone number in a requester's contact (the contact may also hold a name, an extension or
 * an e-mail): as written, to show, and as a `tel:` address of digits and a leading + only; null
 * when there is none.
 */
export function phoneIn(contact: string | null): { number: string; href: string } | null {
  const found = contact?.match(/\+?\d[\d ./()-]{4,}\d/)?.[0];
  if (!found) return null;
  const digits = found.replace(/[^\d+]/g, '');
  return digits.replace(/\D/g, '').length >= 6 ? { number: found, href: `tel:${digits}` } : null;
}
