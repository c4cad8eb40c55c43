import type { Keyring } from '../crypto/field-crypto.js';
import type { Queryable } from '../db/client.js';

/** A reporting period, both ends included, as ISO dates (YYYY-MM-DD). */
export interface IndicatorPeriod {
  from: string;
  to: string;
}

/**
 * One number a module gives the impact module, with the records behind it. `recordIds` are the
 * module's pseudonymous codes (never names, never database ids), so an authorised drill-down can
 * show which records a number counts without the number's reader seeing who they are.
 */
export interface IndicatorValue {
  value: number | null;
  recordIds: string[];
}

export interface Indicator {
  /** module.key, stable: frozen reports cite it. */
  key: string;
  label: { it: string; en: string };
  /**
   * `euro`: a value in euros (cents / 100), e.g. complementary resources raised; `score`: an
   * average on a survey's 1–5 scale (null without answers).
   */
  unit: 'people' | 'households' | 'records' | 'days' | 'hours' | 'euro' | 'score';
  /**
   * The formula's version, 1 when absent: raise it whenever what `compute` counts changes, so a
   * frozen report keeps saying which formula made its numbers (issue 25, item 1).
   */
  version?: number;
  /**
   * Computed over what `on` may read: the impact module calls it on the system connection for
   * totals, never on a request's transaction for someone else's numbers. `keyring` gives a module
   * the keys of its pseudonymous codes.
   */
  compute(args: { on: Queryable; period: IndicatorPeriod; keyring: Keyring }): Promise<IndicatorValue>;
}
