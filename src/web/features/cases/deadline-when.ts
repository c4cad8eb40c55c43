import type { TLocale } from '../../../contracts/index.js';
import type { TDeadline } from '../../../contracts/tutela.js';
import { formatDateTime, formatRomeDay } from '../../ui/format.js';

/** The art. 403 steps run in hours; every other court deadline is a day (due by its end, in Rome). */
const IN_HOURS = new Set<TDeadline['kind']>(['pm_notice', 'validation_request', 'validation_decision']);

export function deadlineWhen(kind: TDeadline['kind'], iso: string | null | undefined, locale: TLocale) {
  return IN_HOURS.has(kind) ? formatDateTime(iso, locale) : formatRomeDay(iso, locale);
}
