import { sql } from 'drizzle-orm';
import { EVENT_TARGET_GROUPS } from '../../../contracts/community.js';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import { systemPseudonymiser } from '../../platform/crypto/pseudonyms.js';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Indicator } from '../../platform/indicators/indicator.js';
import { holdersMapped, opinionLeadersEngaged, windowOf } from './community-dashboard.service.js';
import { reachOf, reachRecords } from './community-reach.js';
import { resourcesValue } from './community-resources-value.js';

/**
 * The numbers community engagement gives the impact module (issue 19), counted exactly as the
 * dashboard counts them (community-dashboard.service.ts, community-reach.ts). The records behind a
 * number are keyed pseudonyms of scope `community-indicators` — a registration `R-…`, a head count
 * `H-…`, a holder `O-…`, a reference person `L-…`, a ledger line `V-…` — never names or database
 * ids. Holders are organisations, not people, but are coded the same way for uniformity.
 */
const SCOPE = 'community-indicators';

async function coder(on: Queryable, keyring: Keyring) {
  // The pseudonymiser runs two statements on whatever connection it is given: a transaction or the pool.
  const code = await systemPseudonymiser({ tx: on as Tx, keyring, scope: SCOPE, prefix: 'C' });
  // One key for the scope; the prefix says what kind of record a code stands for.
  return (prefix: string, id: string) => `${prefix}${code(`${prefix}:${id}`).slice(1)}`;
}

/** Distinct residents reached in a target group, head counts added as counted (not de-duplicated). */
const residentsOf = (group: keyof typeof EVENT_TARGET_GROUPS, key: string, label: Indicator['label']) =>
  ({
    key,
    label,
    unit: 'people',
    async compute({ on, period, keyring }) {
      const window = { tx: on, kinds: EVENT_TARGET_GROUPS[group], ...(await windowOf(on, period)) };
      const reach = await reachOf(window);
      const records = await reachRecords(window);
      const code = await coder(on, keyring);
      return {
        value: reach.residents,
        recordIds: [
          ...records.placeIds.map((id) => code('R', id)),
          ...records.headCounts.map((h) => code('H', h.id)),
        ].sort(),
      };
    },
  }) satisfies Indicator;

const residentsWorkshops = residentsOf('workshops', 'community.residents_workshops', {
  it: 'Residenti raggiunti da incontri di sensibilizzazione e workshop (distinti)',
  en: 'Residents reached by awareness meetings and workshops (distinct)',
});

const residentsLabs = residentsOf('labs', 'community.residents_labs', {
  it: 'Residenti nei laboratori di cittadinanza attiva (distinti)',
  en: 'Residents in active-citizenship labs (distinct)',
});

const holdersMappedIndicator: Indicator = {
  key: 'community.holders_mapped',
  label: { it: 'Realtà del territorio mappate', en: 'Community holders mapped' },
  unit: 'records',
  async compute({ on, period, keyring }) {
    const holders = await holdersMapped({ on, period });
    const code = await coder(on, keyring);
    return { value: holders.length, recordIds: holders.map((h) => code('O', h.id)).sort() };
  },
};

const opinionLeaders: Indicator = {
  key: 'community.opinion_leaders_engaged',
  label: { it: 'Opinion leader coinvolti', en: 'Opinion leaders engaged' },
  unit: 'people',
  async compute({ on, period, keyring }) {
    const people = await opinionLeadersEngaged({ on, period });
    const code = await coder(on, keyring);
    return { value: people.length, recordIds: people.map((id) => code('L', id)).sort() };
  },
};

/** The complementary resources raised, in euros, as the ledger valued them (each line keeps its rule). */
const resourcesRaised: Indicator = {
  key: 'community.resources_value',
  label: {
    it: 'Valore delle risorse complementari messe a disposizione dal territorio',
    en: 'Value of the complementary resources offered by the community',
  },
  unit: 'euro',
  async compute({ on, period, keyring }) {
    const value = await resourcesValue({ on, from: period.from, to: period.to });
    const lines = await queryRows<{ id: string }>(
      on,
      sql`select id from community_resources
           where offered_on between ${period.from}::date and ${period.to}::date order by id`,
    );
    const code = await coder(on, keyring);
    return { value: value.totalCents / 100, recordIds: lines.map((l) => code('V', l.id)).sort() };
  },
};

export const COMMUNITY_INDICATORS: readonly Indicator[] = [
  residentsWorkshops,
  residentsLabs,
  holdersMappedIndicator,
  opinionLeaders,
  resourcesRaised,
];
