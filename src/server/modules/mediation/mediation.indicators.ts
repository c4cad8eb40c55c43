import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.js';
import type { Indicator } from '../../platform/indicators/indicator.js';
import { loggedMediations } from './mediation-hours.service.js';

/**
 * The numbers mediation gives the impact module (issue 18, item 5), counted as the hours report
 * counts them (mediation-hours.service.ts: a mediation belongs to the Italian day it took place).
 * The records behind a number are request codes (`M-…`), which name no one: never a mediator,
 * a person or a database id.
 */
const codesOf = (codes: Iterable<string>) => [...new Set(codes)].sort();

/** Hours of mediation logged: the mediations' own minutes (no-shows' waiting included), travel apart. */
const mediationHours: Indicator = {
  key: 'mediation.hours',
  label: { it: 'Ore di mediazione linguistico-culturale', en: 'Hours of linguistic-cultural mediation' },
  unit: 'hours',
  async compute({ on, period }) {
    const rows = await loggedMediations({ on, from: period.from, to: period.to });
    const minutes = rows.reduce((sum, r) => sum + r.actual_minutes, 0);
    return {
      value: Math.round((minutes / 60) * 100) / 100,
      recordIds: codesOf(rows.map((r) => r.request_code)),
    };
  },
};

/** Distinct languages of the mediations held (a no-show is not a language covered). */
const languagesCovered: Indicator = {
  key: 'mediation.languages_covered',
  label: { it: 'Lingue coperte dalle mediazioni svolte', en: 'Languages covered by mediations held' },
  unit: 'records',
  async compute({ on, period }) {
    const held = (await loggedMediations({ on, from: period.from, to: period.to })).filter(
      (r) => r.status === 'completed',
    );
    return {
      value: new Set(held.map((r) => r.language)).size,
      recordIds: codesOf(held.map((r) => r.request_code)),
    };
  },
};

/**
 * Requests made in the period that nobody suitable could take when asked: evidence for the
 * training and fundraising plans. The flag stays when a mediator is found later.
 */
const unmatchedRequests: Indicator = {
  key: 'mediation.unmatched_requests',
  label: {
    it: 'Richieste di mediazione senza mediatore adatto',
    en: 'Mediation requests with no suitable mediator',
  },
  unit: 'records',
  async compute({ on, period }) {
    const rows = await queryRows<{ code: string }>(
      on,
      sql`select code from mediation_requests
           where unmatched
             and created_at >= (${period.from}::date::timestamp at time zone 'Europe/Rome')
             and created_at < (${period.to}::date::timestamp at time zone 'Europe/Rome') + interval '1 day'`,
    );
    return { value: rows.length, recordIds: codesOf(rows.map((r) => r.code)) };
  },
};

export const MEDIATION_INDICATORS: readonly Indicator[] = [
  mediationHours,
  languagesCovered,
  unmatchedRequests,
];
