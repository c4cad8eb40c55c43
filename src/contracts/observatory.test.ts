import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGE_BANDS,
  ageBandFits,
  ageBandOf,
  ageForStatistics,
  answersFor,
  CLASSIFICATION_QUESTIONS,
  CORE_TYPES,
  classifyIncident,
  FORM_IMPLIED_BY,
  FORM_SUGGESTED_BY,
  incidentIssues,
  istatAgeClassOf,
  resolveAgeBand,
  resolveCoreType,
  type TClassification,
  type TIncidentFields,
  wasMinor,
  ZIncidentInputSchema,
} from './observatory.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const complete: TIncidentFields = {
  status: 'recorded',
  survivorReference: 'CAV-2026/1',
  incidentMonth: '2026-10',
  age: 30,
  gender: 'female',
  interpreterNeeded: false,
  authorRelationship: 'former_partner',
  classification: { penetration: false, sexualContact: true },
  forms: ['sexual'],
  referredBy: ['self'],
  consentReporting: true,
};
const fieldsOf = (input: TIncidentFields) => incidentIssues(input, NOW).map((i) => i.path.join('.'));
const SIX_NO: TClassification = Object.fromEntries(CLASSIFICATION_QUESTIONS.map((q) => [q.key, false]));

describe('GBVIMS classification by elimination', () => {
  it('gives the type of the first "yes", whatever the later answers', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (answers) => {
        const input = Object.fromEntries(CLASSIFICATION_QUESTIONS.map((q, i) => [q.key, answers[i]]));
        const result = classifyIncident(input);
        const first = answers.indexOf(true);
        if (first === -1) expect(result).toEqual({ kind: 'not-gbv' });
        else expect(result).toEqual({ kind: 'type', coreType: CORE_TYPES[first] });
      }),
    );
  });

  it('stops at the first unanswered question before any "yes"', () => {
    expect(classifyIncident({ penetration: false, physicalAssault: true })).toEqual({
      kind: 'unanswered',
      question: 'sexualContact',
    });
  });

  it('round-trips every type through the answers that lead to it', () => {
    for (const type of CORE_TYPES)
      expect(classifyIncident(answersFor(type))).toEqual({ kind: 'type', coreType: type });
  });
});

describe('incident rules', () => {
  it('accepts a complete record and a bare draft', () => {
    expect(incidentIssues(complete, NOW)).toEqual([]);
    expect(incidentIssues({ status: 'draft', consentReporting: false }, NOW)).toEqual([]);
  });

  it('names each missing field of a record', () => {
    const fields = incidentIssues({ status: 'recorded', consentReporting: true }, NOW).map((i) =>
      i.path.join('.'),
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        'incidentMonth',
        'age',
        'ageBand',
        'gender',
        'interpreterNeeded',
        'authorRelationship',
        'coreType',
        'referredBy',
      ]),
    );
  });

  it('refuses contradictions even in a draft', () => {
    const draft = { ...complete, status: 'draft' as const };
    const field = (input: TIncidentFields) => incidentIssues(input, NOW).map((i) => i.path.join('.'));
    expect(field({ ...draft, incidentMonth: '2026-12' })).toContain('incidentMonth');
    expect(field({ ...draft, coreType: 'rape' })).toContain('coreType');
    expect(field({ ...draft, forms: ['physical'] })).toContain('forms');
    expect(field({ ...draft, birthYear: 1950 })).toContain('age');
    expect(field({ ...draft, age: null, ageBand: '26-40', birthYear: 1950 })).toContain('ageBand');
    expect(field({ ...draft, ageBand: '61+' })).toContain('ageBand');
  });

  it('keeps the two children facts apart (law 53/2022): witnessed without present is valid', () => {
    expect(fieldsOf({ ...complete, childrenPresent: false, childrenWitnessed: true })).toEqual([]);
    expect(fieldsOf({ ...complete, childrenPresent: true, childrenWitnessed: false })).toEqual([]);
  });

  it('fits an age band to a birth year with the birthday still to come', () => {
    expect(ageBandFits({ band: '12-17', birthYear: 2008, year: 2026 })).toBe(true); // 17 or 18
    expect(ageBandFits({ band: '18-25', birthYear: 2008, year: 2026 })).toBe(true);
    expect(ageBandFits({ band: '0-11', birthYear: 2008, year: 2026 })).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 1930, max: 2025 }), (birthYear) => {
        const fitting = AGE_BANDS.filter((band) => ageBandFits({ band, birthYear, year: 2026 }));
        expect(fitting.length).toBeGreaterThanOrEqual(1);
        expect(fitting.length).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('has no field that can hold a name, phone or codice fiscale', () => {
    for (const key of ['name', 'surname', 'phone', 'address', 'codiceFiscale', 'notes']) {
      const parsed = ZIncidentInputSchema.safeParse({ ...complete, [key]: 'x' });
      expect(parsed.success).toBe(false);
    }
    expect(ZIncidentInputSchema.safeParse({ ...complete, survivorReference: 'Amina Rossi' }).success).toBe(
      false,
    );
  });
});

describe('age bands', () => {
  it('place an age in its GBVIMS band, the last band open-ended', () => {
    expect([0, 11, 12, 17, 18, 25, 26, 40, 41, 60, 61, 99].map(ageBandOf)).toEqual([
      '0-11',
      '0-11',
      '12-17',
      '12-17',
      '18-25',
      '18-25',
      '26-40',
      '26-40',
      '41-60',
      '41-60',
      '61+',
      '61+',
    ]);
  });
});

describe('female genital mutilation (GBVIMS: sexual assault, never physical assault)', () => {
  const fgm = { harmfulPractice: true, harmfulPracticeType: 'fgm' } as const;

  it('is recorded as sexual assault when question 2 is answered "yes", or as rape', () => {
    expect(fieldsOf({ ...complete, ...fgm })).toEqual([]);
    const rape = { ...complete, ...fgm, classification: { penetration: true } };
    expect(fieldsOf(rape)).toEqual([]);
    expect(resolveCoreType({ ...complete, ...fgm })).toEqual({ coreType: 'sexual_assault' });
  });

  it('is refused as physical assault, at question 2 when the helper was used', () => {
    const physical = {
      ...complete,
      ...fgm,
      classification: answersFor('physical_assault'),
      forms: ['physical' as const],
    };
    const issues = incidentIssues(physical, NOW);
    expect(issues).toEqual([
      {
        path: ['classification', 'sexualContact'],
        message: 'female genital mutilation is sexual assault in GBVIMS',
      },
    ]);
    // The same rule in a draft: a contradiction is never saved.
    expect(fieldsOf({ ...physical, status: 'draft' })).toEqual(['classification.sexualContact']);
  });

  it('is refused with a stated type other than rape or sexual assault, and outside the six types', () => {
    const { classification: _, ...stated } = complete;
    expect(fieldsOf({ ...stated, ...fgm, coreType: 'physical_assault', forms: ['physical'] })).toEqual([
      'coreType',
    ]);
    expect(
      fieldsOf({ ...complete, ...fgm, classification: SIX_NO, nonGbvReason: 'other', forms: [] }),
    ).toEqual(['classification.sexualContact']);
  });

  it('needs a harmful practice for its kind, and a kind for a harmful practice once recorded', () => {
    expect(fieldsOf({ ...complete, harmfulPractice: false, harmfulPracticeType: 'fgm' })).toEqual([
      'harmfulPracticeType',
    ]);
    expect(fieldsOf({ ...complete, harmfulPractice: true })).toEqual(['harmfulPracticeType']);
    expect(fieldsOf({ ...complete, status: 'draft', harmfulPractice: true })).toEqual([]);
  });
});

describe('forced marriage includes early (child) marriage', () => {
  it('routes a child marriage answered at question 4 to forced marriage', () => {
    const childMarriage = {
      ...complete,
      age: 15,
      classification: answersFor('forced_marriage'),
      harmfulPractice: true,
      harmfulPracticeType: 'child_marriage' as const,
      forms: ['psychological' as const],
    };
    expect(childMarriage.classification).toEqual({
      penetration: false,
      sexualContact: false,
      physicalAssault: false,
      forcedMarriage: true,
    });
    expect(resolveCoreType(childMarriage)).toEqual({ coreType: 'forced_marriage' });
    expect(fieldsOf(childMarriage)).toEqual([]);
    expect(FORM_IMPLIED_BY.forced_marriage).toBeNull();
  });

  it('tells a minor at the time from the age, else from the band', () => {
    expect(wasMinor({ age: 17 })).toBe(true);
    expect(wasMinor({ age: 18 })).toBe(false);
    expect(wasMinor({ age: null, ageBand: '12-17' })).toBe(true);
    expect(wasMinor({ age: null, ageBand: '18-25' })).toBe(false);
    expect(wasMinor({})).toBe(false);
  });
});

describe('six "no": outside the six GBVIMS types, recordable with a reason', () => {
  const nonGbv = { ...complete, classification: SIX_NO, forms: [] };

  it('needs the reason to be recorded, and then needs no form', () => {
    expect(resolveCoreType(nonGbv)).toEqual({ coreType: 'non_gbv' });
    const issues = incidentIssues(nonGbv, NOW);
    expect(issues).toEqual([
      {
        path: ['nonGbvReason'],
        message: 'does not fall in the six GBVIMS types: check the answers, then give the reason',
      },
    ]);
    expect(fieldsOf({ ...nonGbv, nonGbvReason: 'request_for_information' })).toEqual([]);
    expect(fieldsOf({ ...nonGbv, status: 'draft' })).toEqual([]);
  });

  it('refuses a reason for an incident of one of the six types', () => {
    expect(fieldsOf({ ...complete, nonGbvReason: 'other' })).toEqual(['nonGbvReason']);
  });
});

describe('denial of resources', () => {
  it('no longer requires economic violence: it is suggested, never implied', () => {
    expect(FORM_IMPLIED_BY.denial_of_resources).toBeNull();
    expect(FORM_SUGGESTED_BY.denial_of_resources).toBe('economic');
    const denial = {
      ...complete,
      classification: answersFor('denial_of_resources'),
      forms: ['psychological' as const],
    };
    expect(fieldsOf(denial)).toEqual([]);
    expect(fieldsOf({ ...denial, forms: [] })).toEqual(['forms']);
  });
});

describe('the age or the year of birth', () => {
  const { age: _, ...withoutAge } = complete;

  it('one of the two is required to record, and with only the year the band too', () => {
    expect(fieldsOf(withoutAge)).toEqual(['age', 'ageBand']);
    expect(fieldsOf({ ...withoutAge, birthYear: 1996 })).toEqual(['ageBand']);
    expect(fieldsOf({ ...withoutAge, birthYear: 1996, ageBand: '26-40' })).toEqual([]);
    expect(fieldsOf({ ...withoutAge, status: 'draft' })).toEqual([]);
  });

  it('gives the band from the age, and the ISTAT class from the age or the year', () => {
    expect(resolveAgeBand({ age: 30 })).toBe('26-40');
    expect(resolveAgeBand({ age: null, ageBand: '41-60' })).toBe('41-60');
    expect(ageForStatistics({ age: 15, birthYear: 2000, incidentMonth: '2026-01' })).toBe(15);
    expect(ageForStatistics({ birthYear: 1996, incidentMonth: '2026-03' })).toBe(30);
    expect(ageForStatistics({ birthYear: 1996 })).toBeNull();
    expect([15, 16, 29, 30, 39, 45, 59, 69, 70, 90].map(istatAgeClassOf)).toEqual([
      'under_16',
      '16_29',
      '16_29',
      '30_39',
      '30_39',
      '40_49',
      '50_59',
      '60_69',
      '70_plus',
      '70_plus',
    ]);
  });
});

describe('answers that exclude the others', () => {
  it('keep "nobody" and "none" alone in their lists', () => {
    expect(fieldsOf({ ...complete, soughtHelpFrom: ['nobody', 'family'] })).toEqual(['soughtHelpFrom']);
    expect(fieldsOf({ ...complete, authorAddictions: ['none', 'alcohol'] })).toEqual(['authorAddictions']);
    expect(fieldsOf({ ...complete, protectionOrders: ['police_warning', 'none'] })).toEqual([
      'protectionOrders',
    ]);
    const alone = { ...complete, soughtHelpFrom: ['nobody' as const], authorAddictions: ['none' as const] };
    expect(fieldsOf({ ...alone, protectionOrders: ['none'] })).toEqual([]);
    expect(
      fieldsOf({ ...complete, soughtHelpFrom: ['family', 'police'], authorAddictions: ['alcohol', 'drugs'] }),
    ).toEqual([]);
  });
});

describe('who sent her here', () => {
  it('is required to record; a service needs which, and which needs a service', () => {
    expect(fieldsOf({ ...complete, referredBy: [] })).toEqual(['referredBy']);
    expect(fieldsOf({ ...complete, referredBy: ['service'] })).toEqual(['referredByServices']);
    expect(
      fieldsOf({ ...complete, referredBy: ['service', 'self'], referredByServices: ['police'] }),
    ).toEqual([]);
    expect(fieldsOf({ ...complete, referredByServices: ['police'] })).toEqual(['referredByServices']);
  });
});

describe('the risk assessment', () => {
  it('takes each factor present, possibly present or absent, now and in the past, and nothing else', () => {
    const risk = { weapon: { now: 'present', past: 'absent' }, escalation: { past: 'possible' } };
    expect(ZIncidentInputSchema.safeParse({ ...complete, riskAssessment: risk }).success).toBe(true);
    expect(
      ZIncidentInputSchema.safeParse({ ...complete, riskAssessment: { weapon: { now: 'yes' } } }).success,
    ).toBe(false);
    expect(
      ZIncidentInputSchema.safeParse({ ...complete, riskAssessment: { curfew: { now: 'present' } } }).success,
    ).toBe(false);
  });
});
