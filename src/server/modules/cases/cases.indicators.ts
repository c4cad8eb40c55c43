import { sql } from 'drizzle-orm';
import { PERMIT_STATUSES } from '../../../contracts/tutela.js';
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
 * the period, of the days from the referral's sending to that session. Only cases opened from a
 * referral between services: a case the mandated service opened itself had no referral to wait on.
 * No such case, no number.
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
          from cases c join referrals r on r.id = c.referral_id and r.origin = 'service'
          where c.first_session_at is not null and c.referral_sent_at is not null
            and c.first_session_at <= now()
            and (c.first_session_at at time zone 'Europe/Rome')::date between ${period.from}::date and ${period.to}::date
          order by days`,
    );
    return { value: median(rows.map((r) => Number(r.days))), recordIds: rows.map((r) => r.code) };
  },
};

/**
 * Regularly residing third-country nationals in care (the funder's target group): people of a case
 * open in the period, citizens of a country outside the EU, whose recorded residence status rests on
 * a permit, protection or a pending request, with no permit expired before the period began. The
 * status is special data: it leaves here only as this count and the cases' codes, and a report
 * that shows it outside the team passes it through platform/disclosure like every other number.
 */
const REGULAR_RESIDENCE = [...PERMIT_STATUSES, 'asylum_seeker'] as const;
const regularThirdCountryNationalsInCare: Indicator = {
  key: 'cases.regular_third_country_nationals_in_care',
  label: {
    it: 'Cittadini di paesi terzi regolarmente soggiornanti in carico',
    en: 'Regularly residing third-country nationals in care',
  },
  unit: 'people',
  async compute({ on, period }) {
    const rows = await queryRows<{ person_id: string; code: string }>(
      on,
      sql`select distinct rp.person_id, c.code from cases c
            join referral_people rp on rp.referral_id = c.referral_id
            join people p on p.id = rp.person_id
            join countries co on co.code = p.citizenship and not co.eu_member and co.code <> 'IT'
            join person_residence r on r.person_id = p.id
          where ${openDuring(period)}
            and r.status in (${sql.join(
              REGULAR_RESIDENCE.map((s) => sql`${s}`),
              sql`, `,
            )})
            and (r.expires_on is null or r.expires_on >= ${period.from}::date)
          order by c.code`,
    );
    return {
      value: new Set(rows.map((r) => r.person_id)).size,
      recordIds: [...new Set(rows.map((r) => r.code))],
    };
  },
};

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

export const CASES_INDICATORS: readonly Indicator[] = [
  familiesInEthnoclinicalCare,
  daysFromReferralToCare,
  regularThirdCountryNationalsInCare,
];
