import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.js';
import type { Indicator, IndicatorPeriod } from '../../platform/indicators/indicator.js';

// A case counts in a period when it was open on any day of it: opened by the period's end, and not
// closed before its start. Both ends are dates in Italian time, the project's reporting calendar.
const openDuring = ({ from, to }: IndicatorPeriod) =>
  sql`(c.opened_at at time zone 'Europe/Rome')::date <= ${to}::date
      and (c.closed_at is null or (c.closed_at at time zone 'Europe/Rome')::date >= ${from}::date)`;

/** Families in ethnoclinical care (target: 20): households with an ethnoclinical case open in the period. */
const familiesInEthnoclinicalCare: Indicator = {
  key: 'cases.families_in_ethnoclinical_care',
  label: { it: 'Famiglie in presa in carico etnoclinica', en: 'Families in ethnoclinical care' },
  unit: 'households',
  async compute({ on, period }) {
    const rows = await queryRows<{ code: string }>(
      on,
      sql`select distinct h.code from cases c
            join services s on s.id = c.service_id and s.kind = 'ethnoclinical_team'
            join households h on h.id = c.household_id
          where ${openDuring(period)}
          order by h.code`,
    );
    return { value: rows.length, recordIds: rows.map((r) => r.code) };
  },
};

/**
 * Days from referral to taking into care: the median, over cases whose first session was held in
 * the period, of the days from the referral's sending to that session. No such case, no number.
 */
const daysFromReferralToCare: Indicator = {
  key: 'cases.days_referral_to_first_session',
  label: {
    it: 'Giorni dall’invio alla presa in carico (mediana)',
    en: 'Days from referral to taking into care (median)',
  },
  unit: 'days',
  async compute({ on, period }) {
    const rows = await queryRows<{ code: string; days: number }>(
      on,
      sql`select c.code, extract(epoch from c.first_session_at - c.referral_sent_at) / 86400 as days
          from cases c
          where c.first_session_at is not null and c.referral_sent_at is not null
            and c.first_session_at <= now()
            and (c.first_session_at at time zone 'Europe/Rome')::date between ${period.from}::date and ${period.to}::date
          order by days`,
    );
    return { value: median(rows.map((r) => Number(r.days))), recordIds: rows.map((r) => r.code) };
  },
};

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

export const CASES_INDICATORS: readonly Indicator[] = [familiesInEthnoclinicalCare, daysFromReferralToCare];
