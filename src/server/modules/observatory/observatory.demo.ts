import {
  AUTHOR_RELATIONSHIPS,
  CORE_TYPES,
  currentMonth,
  FORM_IMPLIED_BY,
  type TCoreType,
  type TIncidentInput,
  type TViolenceForm,
} from '../../../contracts/observatory.js';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import type { Tx } from '../../platform/db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { incidentValues, loadReference, survivorCoder } from './observatory.records.js';
import { insertIncidents } from './observatory.repository.js';

/** A small seeded generator: the demo shows the same numbers on every fresh start. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weighted so the common types pass k = 5 and the rare ones are suppressed: the demo shows both. */
const TYPE_WEIGHTS: [TCoreType, number][] = [
  ['psychological_abuse', 34],
  ['physical_assault', 30],
  ['denial_of_resources', 14],
  ['sexual_assault', 9],
  ['rape', 5],
  ['forced_marriage', 3],
];
const COMMUNITIES: [string, string][] = [
  ['MA', 'ar'],
  ['MA', 'ar'],
  ['AL', 'sq'],
  ['RO', 'ro'],
  ['IN', 'pa'],
  ['PK', 'ur'],
  ['SN', 'wo'],
  ['NG', 'en'],
  ['UA', 'uk'],
  ['IT', 'it'],
  ['IT', 'it'],
  ['EG', 'ar'],
];
const TREVIGLIO_COMUNI = ['016219', '016219', '016053', '016040', '016047', '016096', '016049'];
const ROMANO_COMUNI = ['016183', '016183', '016133', '016079', '016113'];

function pick<T>(next: () => number, list: readonly T[]) {
  return list[Math.floor(next() * list.length)]!;
}

function weighted(next: () => number) {
  let roll = next() * TYPE_WEIGHTS.reduce((a, [, w]) => a + w, 0);
  for (const [type, weight] of TYPE_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return type;
  }
  return CORE_TYPES[0];
}

function demoInput(next: () => number, index: number, year: number, romano: boolean): TIncidentInput {
  const coreType = weighted(next);
  const forms = new Set<TViolenceForm>(['psychological']);
  const implied = FORM_IMPLIED_BY[coreType];
  if (implied) forms.add(implied);
  if (next() < 0.3) forms.add('economic');
  const [citizenship, language] = pick(next, COMMUNITIES);
  const needed = language !== 'it' && next() < 0.7;
  const minor = coreType === 'forced_marriage' || next() < 0.1;
  const children = next() < 0.5;
  return {
    status: 'recorded',
    survivorReference: `${year}/${index + 1}`,
    incidentMonth: `${year}-${String(1 + Math.floor(next() * 10)).padStart(2, '0')}`,
    ageBand: minor ? '12-17' : pick(next, ['18-25', '26-40', '26-40', '41-60'] as const),
    gender: next() < 0.93 ? 'female' : 'male',
    citizenship,
    yearsInItaly:
      citizenship === 'IT' ? 'born_in_italy' : pick(next, ['under_1', '1_5', '6_10', 'over_10'] as const),
    language,
    interpreterNeeded: needed,
    interpreterUsed: needed ? next() < 0.6 : false,
    municipality: pick(next, romano ? ROMANO_COMUNI : TREVIGLIO_COMUNI),
    coreType,
    forms: [...forms],
    stalking: next() < 0.2,
    childrenPresent: children,
    childrenWitnessed: children && next() < 0.7,
    authorRelationship: minor ? 'parent' : pick(next, AUTHOR_RELATIONSHIPS.slice(0, 5)),
    riskIndicators: next() < 0.5 ? ['previous_violence', 'escalation'] : ['jealousy_control'],
    harmfulPractice: coreType === 'forced_marriage',
    firstContact: pick(next, [
      'anti_violence_centre',
      'help_desk',
      'social_services',
      'police',
      'health_emergency',
    ] as const),
    referredTo: next() < 0.6 ? ['anti_violence_centre'] : [],
    servicesProvided: ['listening', ...(next() < 0.5 ? (['psychological_support'] as const) : [])],
    consentReporting: next() < 0.9,
  };
}

/**
 * Demo incidents for the observatory: last year and this year, across four recording services,
 * plus two drafts for the Tutela Minori practitioner. Written by the owner in the seed's
 * transaction with the same value rules as the API.
 */
export async function seedDemoIncidents({
  tx,
  keyring,
  recorders,
  now = new Date(),
}: {
  tx: Tx;
  keyring: Keyring;
  recorders: { serviceId: string; userId: string; count: number; drafts: number; romano: boolean }[];
  now?: Date;
}) {
  const ref = await loadReference(tx);
  const next = random(20261123);
  const thisYear = now.getFullYear();
  for (const recorder of recorders) {
    const code = await survivorCoder({ tx, keyring, serviceId: recorder.serviceId, asOwner: true });
    const values = [];
    for (let i = 0; i < recorder.count; i++) {
      const year = i % 3 === 0 ? thisYear - 1 : thisYear;
      const input = demoInput(next, i, year, recorder.romano);
      // Months past today would be refused by the API; the demo keeps to the same rule.
      if (input.incidentMonth! > currentMonth(now)) input.incidentMonth = `${year}-01`;
      if (i >= recorder.count - recorder.drafts) {
        input.status = 'draft';
        input.consentReporting = false;
      }
      const result = incidentValues({
        input,
        ref,
        serviceId: recorder.serviceId,
        createdBy: recorder.userId,
        survivorCode: code(input.survivorReference!),
      });
      if ('errors' in result) throw new Error(`demo incident ${i}: ${JSON.stringify(result.errors)}`);
      values.push(result.values);
    }
    await insertIncidents({ tx, values });
  }
}

/** The observatory's demo register: the anti-violence network and both Tutela Minori services. */
export function seedObservatoryDemo({ tx, keyring, serviceIds, userIds }: DemoSeedContext) {
  return seedDemoIncidents({
    tx,
    keyring,
    recorders: [
      {
        serviceId: serviceIds.get('rete-av')!,
        userId: userIds.get('operatrice.cav')!,
        count: 70,
        drafts: 0,
        romano: false,
      },
      {
        serviceId: serviceIds.get('tm-treviglio')!,
        userId: userIds.get('operatrice')!,
        count: 16,
        drafts: 2,
        romano: false,
      },
      {
        serviceId: serviceIds.get('tm-romano')!,
        userId: userIds.get('operatore.romano')!,
        count: 14,
        drafts: 0,
        romano: true,
      },
    ],
  });
}
