/**
 * Days as Italian readers write them (dd/mm/yyyy), for the files and mails the server writes. A
 * date column is already a day; an instant is the day it was in Rome.
 */
const ROME_DAY = new Intl.DateTimeFormat('it-IT', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Rome',
});

/** `2026-11-02` (or a timestamp's text starting with it) as `02/11/2026`; '—' for none. */
export function italianDay(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—';
}

/** The day an instant was in Rome, as `02/11/2026`. */
export function romeDay(at: Date): string {
  return ROME_DAY.format(at);
}
