import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGE_BANDS,
  ageBandFits,
  ageBandOf,
  answersFor,
  CLASSIFICATION_QUESTIONS,
  CORE_TYPES,
  classifyIncident,
  incidentIssues,
  type TIncidentFields,
  ZIncidentInputSchema,
} from './observatory.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const complete: TIncidentFields = {
  status: 'recorded',
  incidentMonth: '2026-10',
  ageBand: '26-40',
  gender: 'female',
  interpreterNeeded: false,
  authorRelationship: 'former_partner',
  firstContact: 'anti_violence_centre',
  classification: { penetration: false, sexualContact: true },
  forms: ['sexual'],
  consentReporting: true,
};

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
        'ageBand',
        'gender',
        'interpreterNeeded',
        'coreType',
        'forms',
      ]),
    );
  });

  it('refuses contradictions even in a draft', () => {
    const draft = { ...complete, status: 'draft' as const };
    const field = (input: TIncidentFields) => incidentIssues(input, NOW).map((i) => i.path.join('.'));
    expect(field({ ...draft, incidentMonth: '2026-12' })).toContain('incidentMonth');
    expect(field({ ...draft, coreType: 'rape' })).toContain('coreType');
    expect(field({ ...draft, forms: ['physical'] })).toContain('forms');
    expect(field({ ...draft, childrenPresent: false, childrenWitnessed: true })).toContain(
      'childrenWitnessed',
    );
    expect(field({ ...draft, birthYear: 1950 })).toContain('ageBand');
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
