import type { TExport, TExportState } from '../../../contracts/exports.js';
import type { TLocale } from '../../../contracts/index.js';

/** An export still being made: the list is asked again every second while there is one. */
export function isInProgress(state: TExportState): boolean {
  return state === 'queued' || state === 'running';
}

export const POLL_MS = 1_000;

/** TanStack Query's `refetchInterval`: every second while an export is queued or running, else never. */
export function pollInterval(items: readonly Pick<TExport, 'state'>[] | undefined): number | false {
  return items?.some((e) => isInProgress(e.state)) ? POLL_MS : false;
}

export interface Progress {
  done: number;
  total: number;
  /** Whole per cent, 0–100; an export of no rows is complete. */
  percent: number;
}

/** How far an export is, once its rows are counted (null before: it has not started). */
export function progressOf(e: Pick<TExport, 'rowsDone' | 'rowsTotal'>): Progress | null {
  if (e.rowsTotal === null) return null;
  const total = Math.max(0, e.rowsTotal);
  const done = Math.min(Math.max(0, e.rowsDone), total);
  return { done, total, percent: total === 0 ? 100 : Math.floor((done * 100) / total) };
}

/** A progress bar is shown while the file is made and when it is ready; afterwards only the count. */
export function showsBar(state: TExportState): boolean {
  return isInProgress(state) || state === 'ready';
}

/**
 * The server writes a job's failure in both languages, "italiano / English": the half in the
 * user's language is shown. A message in any other shape is shown as it is.
 */
export function errorInLocale(error: string | null, locale: TLocale): string | null {
  if (!error) return null;
  const parts = error.split(' / ');
  if (parts.length !== 2 || !parts[0]?.trim() || !parts[1]?.trim()) return error;
  return (locale === 'it' ? parts[0] : parts[1]).trim();
}
