import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../../src/server/app.js';
import { indicatorsOf } from '../../src/server/platform/module.js';
import { casesTestKit } from './support.js';

// The numbers case management gives the impact module, counted from the records themselves, with
// the pseudonymous codes an authorised drill-down shows instead of names.
const { t, ids, system, registerFamily, openCaseFor } = casesTestKit();

const indicator = (key: string) => {
  const found = indicatorsOf(MODULES).find((i) => i.key === key);
  if (!found) throw new Error(`no indicator ${key}`);
  return found;
};
// Periods are dates of the project's calendar, in Italian time (en-CA formats as YYYY-MM-DD).
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
const period = { from: today, to: today };

describe('case indicators', () => {
  it('count a household once while its ethnoclinical case is open, by its code, and not before it opened', async () => {
    const families = indicator('cases.families_in_ethnoclinical_care');
    const before = await families.compute({ on: t.database.db, keyring: t.deps.keyring, period });
    const household = await registerFamily();
    const { caseId } = await openCaseFor([ids.mother!]);

    const after = await families.compute({ on: t.database.db, keyring: t.deps.keyring, period });
    expect(after.value).toBe(before.value! + 1);
    expect(after.recordIds).toContain(household.code);
    expect(after.recordIds.filter((c) => c === household.code)).toHaveLength(1);
    expect(JSON.stringify(after)).not.toContain(caseId);

    const longAgo = await families.compute({
      on: t.database.db,
      keyring: t.deps.keyring,
      period: { from: '2001-01-01', to: '2001-12-31' },
    });
    expect(longAgo).toEqual({ value: 0, recordIds: [] });
    ids.case = caseId;
  });

  it('give the median days from referral to the first session in the period, and none when there was none', async () => {
    const days = indicator('cases.days_referral_to_first_session');
    expect(
      await days.compute({
        on: t.database.db,
        keyring: t.deps.keyring,
        period: { from: '2001-01-01', to: '2001-12-31' },
      }),
    ).toEqual({
      value: null,
      recordIds: [],
    });
    // The first session is set by the sessions themselves (sessions.int tests); here, dated apart.
    await system(
      sql`update cases set referral_sent_at = '2003-05-01T08:00:00Z', first_session_at = '2003-05-10T08:00:00Z'
          where id = ${ids.case}`,
    );
    const [{ code }] = (await system(sql`select code from cases where id = ${ids.case}`)) as [
      { code: string },
    ];
    expect(
      await days.compute({
        on: t.database.db,
        keyring: t.deps.keyring,
        period: { from: '2003-05-01', to: '2003-05-31' },
      }),
    ).toEqual({
      value: 9,
      recordIds: [code],
    });
  });
});
