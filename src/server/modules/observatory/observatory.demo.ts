import {
  AUTHOR_RELATIONSHIPS,
  CORE_TYPES,
  currentMonth,
  FORM_IMPLIED_BY,
  HELP_SOURCES,
  RISK_FACTORS,
  type TCoreType,
  type TIncidentInput,
  type TRiskAssessment,
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

/**
 * A person the service follows: what stays the same from one incident to the next. About one in
 * four comes back with a second incident in the same year, so the survivors a year counts are
 * fewer than its incidents (ISTAT counts the women, GBVIMS the incidents).
 */
interface Survivor {
  reference: string;
  year: number;
  birthYear: number;
  gender: 'female' | 'male';
  citizenship: string;
  language: string;
  yearsInItaly: TIncidentInput['yearsInItaly'];
  disability: 'yes' | 'no' | 'not_known';
}

function survivorOf(next: () => number, reference: string, year: number, minors: number): Survivor {
  const [citizenship, language] = pick(next, COMMUNITIES);
  const age = next() < minors ? 6 + Math.floor(next() * 12) : 18 + Math.floor(next() * 52);
  const disability = next();
  return {
    reference,
    year,
    birthYear: year - age,
    gender: next() < 0.93 ? 'female' : 'male',
    citizenship,
    language,
    yearsInItaly:
      citizenship === 'IT' ? 'born_in_italy' : pick(next, ['under_1', '1_5', '6_10', 'over_10'] as const),
    disability: disability < 0.08 ? 'yes' : disability < 0.9 ? 'no' : 'not_known',
  };
}

/** A structured assessment as a centre fills it: a few factors, present or possibly present, now or before. */
function riskOf(next: () => number): TRiskAssessment {
  const assessment: TRiskAssessment = {};
  const count = Math.floor(next() * 4);
  for (let n = 0; n < count; n++) {
    const factor = pick(next, RISK_FACTORS);
    const level = () => pick(next, ['present', 'present', 'possible', 'absent'] as const);
    assessment[factor] = next() < 0.6 ? { now: level(), past: level() } : { now: level() };
  }
  return assessment;
}

/** Several answers from a list, none twice; "alone" (nobody, none) stands by itself. */
function someOf<T extends string>(
  next: () => number,
  list: readonly T[],
  alone: T | null,
  chance = 0.35,
): T[] {
  const chosen = list.filter((v) => v !== alone && next() < chance);
  if (chosen.length === 0 && alone) return [alone];
  return chosen.length > 0
    ? chosen.slice(0, 3)
    : [
        pick(
          next,
          list.filter((v) => v !== alone),
        ),
      ];
}

function demoInput(next: () => number, survivor: Survivor, romano: boolean): TIncidentInput {
  const year = survivor.year;
  const month = 1 + Math.floor(next() * 10);
  const age = Math.max(0, year - survivor.birthYear - (next() < 0.3 ? 1 : 0));
  const minor = age < 18;
  let coreType = weighted(next);
  // A forced marriage is a girl's or a young woman's in the demo; a child's incident is not a partner's.
  if (coreType === 'forced_marriage' && age > 30) coreType = 'psychological_abuse';
  const forms = new Set<TViolenceForm>(['psychological']);
  const implied = FORM_IMPLIED_BY[coreType];
  if (implied) forms.add(implied);
  // Denial of resources suggests economic violence, never forces it.
  if (next() < (coreType === 'denial_of_resources' ? 0.6 : 0.2)) forms.add('economic');
  if (next() < 0.25) forms.add('threats');
  if (next() < 0.15) {
    forms.add('technology_facilitated');
    if (next() < 0.35) forms.add('non_consensual_images');
  }
  const needed = survivor.language !== 'it' && next() < 0.7;
  const sexual = coreType === 'rape' || coreType === 'sexual_assault';
  const referredBy = someOf(next, ['self', 'relatives_friends', 'service'] as const, null, 0.4);
  const childMarriage = coreType === 'forced_marriage' && minor;
  return {
    status: 'recorded',
    survivorReference: survivor.reference,
    incidentMonth: `${year}-${String(month).padStart(2, '0')}`,
    age,
    birthYear: next() < 0.5 ? survivor.birthYear : null,
    gender: survivor.gender,
    citizenship: survivor.citizenship,
    yearsInItaly: survivor.yearsInItaly,
    language: survivor.language,
    disability: survivor.disability,
    interpreterNeeded: needed,
    interpreterUsed: needed ? next() < 0.6 : false,
    municipality: pick(next, romano ? ROMANO_COMUNI : TREVIGLIO_COMUNI),
    coreType,
    forms: [...forms],
    stalking: next() < 0.2,
    // Two facts, as law 53/2022 words them: children at the scene, and children who witnessed.
    childrenPresent: next() < 0.4,
    childrenWitnessed: next() < 0.45,
    authorRelationship: minor
      ? pick(next, ['parent', 'other_relative', 'acquaintance'] as const)
      : pick(next, AUTHOR_RELATIONSHIPS.slice(0, 5)),
    authorAddictions: someOf(next, ['alcohol', 'drugs', 'gambling', 'other', 'none'] as const, 'none', 0.15),
    authorPreviousComplaints: pick(next, ['yes', 'no', 'no', 'not_known'] as const),
    protectionOrders: someOf(
      next,
      ['police_warning', 'removal_from_home', 'restraining_order', 'other', 'none'] as const,
      'none',
      0.12,
    ),
    riskAssessment: riskOf(next),
    harmfulPractice: childMarriage,
    harmfulPracticeType: childMarriage ? 'child_marriage' : null,
    moneyExchanged: sexual ? pick(next, ['no', 'no', 'not_known'] as const) : null,
    abduction: sexual ? 'none' : null,
    soughtHelpFrom: someOf(next, HELP_SOURCES, 'nobody', 0.2),
    referredBy,
    referredByServices: referredBy.includes('service')
      ? [pick(next, ['police', 'health_emergency', 'social_services', 'consultorio', 'school'] as const)]
      : [],
    referredTo: next() < 0.6 ? ['anti_violence_centre'] : [],
    servicesProvided: ['listening', ...(next() < 0.5 ? (['psychological_support'] as const) : [])],
    consentReporting: next() < 0.9,
  };
}

/** What every showcase incident shares: a recorded incident with consent, the fields the form requires. */
const SHOWCASE_BASE = {
  status: 'recorded',
  gender: 'female',
  citizenship: 'IT',
  yearsInItaly: 'born_in_italy',
  language: 'it',
  disability: 'no',
  interpreterNeeded: false,
  interpreterUsed: false,
  municipality: '016219',
  stalking: false,
  childrenPresent: false,
  childrenWitnessed: false,
  authorAddictions: [],
  authorPreviousComplaints: 'no',
  protectionOrders: [],
  riskAssessment: {},
  harmfulPractice: false,
  soughtHelpFrom: ['nobody'],
  referredBy: ['self'],
  referredTo: [],
  servicesProvided: ['listening'],
  consentReporting: true,
} as const satisfies Partial<TIncidentInput>;

/**
 * One incident of each category the observatory's second part added, in the anti-violence
 * network's register of this year, so the dashboard, the exports and the form show each:
 * outside the six GBVIMS types, female genital mutilation, early and adult forced marriage,
 * denial of resources without economic violence, threats and technology-facilitated violence,
 * disability, a risk assessment now and past, money exchanged and trafficking, the pathway and
 * the author's data, children present but not witnessing and witnessing but not present.
 */
function showcase(year: number, month: string): TIncidentInput[] {
  const at = `${year}-${month}`;
  const incident = (reference: string, fields: Partial<TIncidentInput>): TIncidentInput => ({
    ...SHOWCASE_BASE,
    survivorReference: `CAV/${year}-${reference}`,
    incidentMonth: at,
    ...fields,
  });
  return [
    // A family quarrel without abuse: kept in the register, never counted.
    incident('901', {
      age: 44,
      coreType: 'non_gbv',
      nonGbvReason: 'conflict_without_abuse',
      forms: [],
      authorRelationship: 'other_relative',
    }),
    // FGM is sexual assault in GBVIMS; a girl, so also child sexual abuse.
    incident('902', {
      age: 9,
      birthYear: year - 9,
      citizenship: 'EG',
      yearsInItaly: '1_5',
      language: 'ar',
      interpreterNeeded: true,
      interpreterUsed: true,
      coreType: 'sexual_assault',
      forms: ['sexual', 'physical'],
      authorRelationship: 'other_relative',
      harmfulPractice: true,
      harmfulPracticeType: 'fgm',
      referredBy: ['service'],
      referredByServices: ['health_emergency'],
      soughtHelpFrom: ['emergency_room'],
      referredTo: ['child_protection'],
    }),
    // A forced marriage of a 15-year-old: early marriage, and a harmful practice.
    incident('903', {
      age: 15,
      citizenship: 'PK',
      yearsInItaly: '6_10',
      language: 'ur',
      interpreterNeeded: false,
      coreType: 'forced_marriage',
      forms: ['psychological', 'threats'],
      authorRelationship: 'parent',
      harmfulPractice: true,
      harmfulPracticeType: 'child_marriage',
      referredBy: ['service'],
      referredByServices: ['school'],
      soughtHelpFrom: ['friends'],
    }),
    // A forced marriage of an adult: not early marriage.
    incident('904', {
      age: 24,
      birthYear: year - 24,
      citizenship: 'IN',
      yearsInItaly: 'under_1',
      language: 'pa',
      interpreterNeeded: true,
      interpreterUsed: false,
      coreType: 'forced_marriage',
      forms: ['psychological'],
      authorRelationship: 'parent',
      referredBy: ['relatives_friends'],
    }),
    // A girl kept from school: denial of resources that is not economic violence.
    incident('905', {
      age: 16,
      coreType: 'denial_of_resources',
      forms: ['psychological'],
      authorRelationship: 'parent',
      referredBy: ['service'],
      referredByServices: ['school'],
      childrenWitnessed: true,
    }),
    // Threats and technology-facilitated violence, with sexual images shared without consent;
    // a woman with a disability; children at the scene who did not witness it.
    incident('906', {
      age: 31,
      disability: 'yes',
      coreType: 'psychological_abuse',
      forms: ['psychological', 'threats', 'technology_facilitated', 'non_consensual_images'],
      stalking: true,
      childrenPresent: true,
      authorRelationship: 'former_partner',
      authorPreviousComplaints: 'yes',
      protectionOrders: ['police_warning'],
      soughtHelpFrom: ['police', 'helpline_1522'],
      referredBy: ['self', 'service'],
      referredByServices: ['police'],
      referredTo: ['legal'],
    }),
    // The brief risk assessment, present and possibly present, now and in the past; the author's
    // addictions, earlier complaints and protection orders.
    incident('907', {
      age: 38,
      birthYear: year - 38,
      coreType: 'physical_assault',
      forms: ['physical', 'psychological', 'threats'],
      childrenPresent: true,
      childrenWitnessed: true,
      authorRelationship: 'spouse_partner',
      authorAddictions: ['alcohol', 'gambling'],
      authorPreviousComplaints: 'yes',
      protectionOrders: ['removal_from_home', 'restraining_order'],
      riskAssessment: {
        escalation_six_months: { now: 'present', past: 'possible' },
        weapon_threat: { now: 'possible', past: 'present' },
        belief_could_kill: { now: 'present' },
        violence_in_pregnancy: { past: 'present' },
        violent_jealousy: { now: 'present', past: 'present' },
        strangulation: { now: 'absent', past: 'possible' },
      },
      soughtHelpFrom: ['family', 'emergency_room', 'gp_paediatrician'],
      referredBy: ['service'],
      referredByServices: ['health_emergency', 'social_services'],
      referredTo: ['shelter', 'legal'],
      servicesProvided: ['listening', 'shelter', 'legal_advice'],
    }),
    // Rape with money exchanged: possible sexual exploitation.
    incident('908', {
      age: 22,
      citizenship: 'NG',
      yearsInItaly: '1_5',
      language: 'en',
      coreType: 'rape',
      forms: ['sexual', 'physical'],
      authorRelationship: 'stranger',
      moneyExchanged: 'yes',
      abduction: 'none',
      referredBy: ['service'],
      referredByServices: ['other'],
    }),
    // Sexual assault of a trafficked woman: possible sexual slavery (and exploitation).
    incident('909', {
      age: 19,
      birthYear: year - 19,
      citizenship: 'NG',
      yearsInItaly: 'under_1',
      language: 'en',
      coreType: 'sexual_assault',
      forms: ['sexual', 'psychological', 'economic'],
      authorRelationship: 'acquaintance',
      moneyExchanged: 'yes',
      abduction: 'trafficked',
      soughtHelpFrom: ['religious_community'],
      referredBy: ['relatives_friends'],
      referredTo: ['shelter'],
    }),
  ];
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
  recorders: {
    serviceId: string;
    userId: string;
    count: number;
    drafts: number;
    romano: boolean;
    /** Share of the people who are children (the Tutela Minori services follow more). */
    minors: number;
    /** With one incident of each category the second part added (ADR 0018). */
    showcase?: boolean;
  }[];
  now?: Date;
}) {
  const ref = await loadReference(tx);
  const next = random(20261123);
  const thisYear = now.getFullYear();
  const thisMonth = currentMonth(now);
  for (const recorder of recorders) {
    const code = await survivorCoder({ tx, keyring, serviceId: recorder.serviceId, asOwner: true });
    const inputs: TIncidentInput[] = [];
    const survivors: Survivor[] = [];
    for (let i = 0; i < recorder.count; i++) {
      // About one incident in four is a second one of a person already followed that year.
      const earlier = survivors.filter((s) => s.year === (i % 3 === 0 ? thisYear - 1 : thisYear));
      const again = earlier.length > 2 && next() < 0.25;
      const survivor = again
        ? pick(next, earlier)
        : survivorOf(
            next,
            `${i % 3 === 0 ? thisYear - 1 : thisYear}/${i + 1}`,
            i % 3 === 0 ? thisYear - 1 : thisYear,
            recorder.minors,
          );
      if (!again) survivors.push(survivor);
      inputs.push(demoInput(next, survivor, recorder.romano));
    }
    if (recorder.showcase) inputs.push(...showcase(thisYear, '01'));
    const values = [];
    for (const [i, input] of inputs.entries()) {
      // Months past today would be refused by the API; the demo keeps to the same rule.
      if (input.incidentMonth! > thisMonth) input.incidentMonth = `${input.incidentMonth!.slice(0, 4)}-01`;
      if (i >= recorder.count - recorder.drafts && i < recorder.count) {
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
        minors: 0.08,
        showcase: true,
      },
      {
        serviceId: serviceIds.get('tm-treviglio')!,
        userId: userIds.get('operatrice')!,
        count: 16,
        drafts: 2,
        romano: false,
        minors: 0.6,
      },
      {
        serviceId: serviceIds.get('tm-romano')!,
        userId: userIds.get('operatore.romano')!,
        count: 14,
        drafts: 0,
        romano: true,
        minors: 0.6,
      },
    ],
  });
}
