import { addDays, addHours, addMonths, format } from 'date-fns';
import {
  MAX_REPORT_INTERVAL_MONTHS,
  REMOVAL_403_STEPS_HOURS,
  RESPONSIBLE_WORKER_DAYS,
  type TCourtOrderCreate,
} from '../../../contracts/tutela.js';
import { endOfRomeDay } from './rome-time.js';

/**
 * The deadlines a court order sets (ADR 0017), computed in one place from the order's own fields:
 * - art. 5-bis law 184/1983: the responsible worker named within 15 days of the decree, a report at
 *   least every six months, the placement's end (at most 24 months);
 * - art. 403 c.c.: the measure to the public prosecutor within 24 hours of the removal, his request
 *   to validate within the next 72, the court's decision within the next 48;
 * - any order: its periodic reports and its end, when it sets them.
 * Court days are Italian calendar days: a date deadline falls due at the end of that day in Rome.
 */
export type OrderTerms = Pick<TCourtOrderCreate, 'kind' | 'decidedOn'> & {
  removalAt?: string | null | undefined;
  durationMonths?: number | null | undefined;
  reportEveryMonths?: number | null | undefined;
};
export interface DerivedDeadline {
  kind:
    | 'responsible_worker'
    | 'report'
    | 'expiry'
    | 'pm_notice'
    | 'validation_request'
    | 'validation_decision';
  dueAt: Date;
}

/** A calendar date moved by whole months or days, in local time so that no time zone shifts the day. */
function shiftDate(isoDate: string, by: { months?: number; days?: number }) {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  let date = new Date(y, m - 1, d, 12);
  if (by.months) date = addMonths(date, by.months);
  if (by.days) date = addDays(date, by.days);
  return format(date, 'yyyy-MM-dd');
}

/** When the order ends: the decree's date plus its duration, or null when it sets none. */
export function orderEndsOn(terms: OrderTerms) {
  return terms.durationMonths ? shiftDate(terms.decidedOn, { months: terms.durationMonths }) : null;
}

/** How often the service reports: what the order says, and at least every six months for a 5-bis placement. */
export function reportInterval(terms: OrderTerms) {
  if (terms.reportEveryMonths) return Math.min(terms.reportEveryMonths, MAX_REPORT_INTERVAL_MONTHS);
  return terms.kind === 'placement_5bis' ? MAX_REPORT_INTERVAL_MONTHS : null;
}

/**
 * The next report after `lastSentOn` (or after the decree): its interval later, or none once that
 * falls after the order's end (the end is a deadline of its own).
 */
export function nextReportDue(terms: OrderTerms, lastSentOn: string | null) {
  const every = reportInterval(terms);
  if (!every) return null;
  const due = shiftDate(lastSentOn ?? terms.decidedOn, { months: every });
  const ends = orderEndsOn(terms);
  return ends && due > ends ? null : endOfRomeDay(due);
}

export function deriveDeadlines(
  terms: OrderTerms,
  lastReportSentOn: string | null = null,
): DerivedDeadline[] {
  const out: DerivedDeadline[] = [];
  if (terms.kind === 'removal_403' && terms.removalAt) {
    const removal = new Date(terms.removalAt);
    const notice = addHours(removal, REMOVAL_403_STEPS_HOURS.pm_notice);
    const request = addHours(notice, REMOVAL_403_STEPS_HOURS.validation_request);
    out.push(
      { kind: 'pm_notice', dueAt: notice },
      { kind: 'validation_request', dueAt: request },
      { kind: 'validation_decision', dueAt: addHours(request, REMOVAL_403_STEPS_HOURS.validation_decision) },
    );
  }
  if (terms.kind === 'placement_5bis')
    out.push({
      kind: 'responsible_worker',
      dueAt: endOfRomeDay(shiftDate(terms.decidedOn, { days: RESPONSIBLE_WORKER_DAYS })),
    });
  const report = nextReportDue(terms, lastReportSentOn);
  if (report) out.push({ kind: 'report', dueAt: report });
  const ends = orderEndsOn(terms);
  if (ends) out.push({ kind: 'expiry', dueAt: endOfRomeDay(ends) });
  return out;
}
