import { sql } from 'drizzle-orm';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import { systemPseudonymiser } from '../../platform/crypto/pseudonyms.js';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Indicator, IndicatorPeriod } from '../../platform/indicators/indicator.js';
import { planCounts } from './website-plan.service.js';

/**
 * What the communication plan gives the impact module (issue 24, item 6): the actions done in a
 * period and the people they reached, counted as the plan's summary counts them. The records behind
 * a number are keyed pseudonyms `P-…` of the actions (scope `website-indicators`), never their ids.
 */
const SCOPE = 'website-indicators';

async function doneActionCodes(on: Queryable, period: IndicatorPeriod, keyring: Keyring, withReach: boolean) {
  const rows = await queryRows<{ id: string }>(
    on,
    sql`select id from site_comm_actions where done_on between ${period.from}::date and ${period.to}::date
          ${withReach ? sql`and reach is not null` : sql``} order by id`,
  );
  const code = await systemPseudonymiser({ tx: on as Tx, keyring, scope: SCOPE, prefix: 'P' });
  return rows.map((r) => code(r.id)).sort();
}

const actionsDone: Indicator = {
  key: 'website.communication_actions_done',
  label: { it: 'Azioni di comunicazione svolte', en: 'Communication actions done' },
  unit: 'records',
  async compute({ on, period, keyring }) {
    const [all] = await planCounts(on, period, null);
    return { value: all?.done ?? 0, recordIds: await doneActionCodes(on, period, keyring, false) };
  },
};

const peopleReached: Indicator = {
  key: 'website.communication_reach',
  label: {
    it: 'Persone raggiunte dalle azioni di comunicazione (dove contate)',
    en: 'People reached by communication actions (where counted)',
  },
  unit: 'people',
  async compute({ on, period, keyring }) {
    const [all] = await planCounts(on, period, null);
    return { value: all?.reach ?? 0, recordIds: await doneActionCodes(on, period, keyring, true) };
  },
};

export const WEBSITE_INDICATORS: readonly Indicator[] = [actionsDone, peopleReached];
