import { describe, expect, it } from 'vitest';
import { answersFor, resolveCoreType, type TIncidentInput } from '../../../contracts/observatory.js';
import { contextsOf } from './observatory.records.js';

/** The Incident Recorder's contexts as the record gives them (docs/observatory-data.md §4). */
const base: TIncidentInput = {
  status: 'recorded',
  incidentMonth: '2026-03',
  age: 30,
  gender: 'female',
  interpreterNeeded: false,
  authorRelationship: 'acquaintance',
  classification: answersFor('forced_marriage'),
  forms: ['psychological'],
  referredBy: ['self'],
  consentReporting: true,
};
const contexts = (input: TIncidentInput) => {
  const resolved = resolveCoreType(input);
  return contextsOf(input, 'coreType' in resolved ? resolved.coreType : null);
};

describe('early marriage: a forced marriage of a minor at the time', () => {
  it('is a context of a girl married at 16, not of a woman married at 30', () => {
    expect(contexts({ ...base, age: 16 })).toContain('early_marriage');
    expect(contexts(base)).not.toContain('early_marriage');
  });

  it('reads a minor from the band when only the year of birth is known', () => {
    expect(contexts({ ...base, age: null, birthYear: 2010, ageBand: '12-17' })).toContain('early_marriage');
    expect(contexts({ ...base, age: null, birthYear: 2000, ageBand: '26-40' })).not.toContain(
      'early_marriage',
    );
  });

  it('a child marriage is also a harmful traditional practice', () => {
    const child = { ...base, age: 15, harmfulPractice: true, harmfulPracticeType: 'child_marriage' as const };
    expect(contexts(child)).toEqual(['early_marriage', 'harmful_traditional_practice']);
  });

  it('is never a context of a minor’s other types', () => {
    expect(contexts({ ...base, age: 15, classification: answersFor('psychological_abuse') })).toEqual([]);
  });
});

describe('female genital mutilation, sexual assault in GBVIMS', () => {
  it('on a girl gives child sexual abuse and a harmful practice', () => {
    const fgm = {
      ...base,
      age: 9,
      classification: answersFor('sexual_assault'),
      forms: ['sexual' as const],
      harmfulPractice: true,
      harmfulPracticeType: 'fgm' as const,
    };
    expect(contexts(fgm)).toEqual(['child_sexual_abuse', 'harmful_traditional_practice']);
  });
});

describe('the other contexts', () => {
  const sexual = { ...base, classification: answersFor('rape'), forms: ['sexual' as const] };

  it('sexual exploitation and slavery follow from money exchanged and abduction', () => {
    expect(contexts({ ...sexual, moneyExchanged: 'yes' })).toEqual(['possible_sexual_exploitation']);
    expect(contexts({ ...sexual, moneyExchanged: 'not_known' })).toEqual([]);
    expect(contexts({ ...sexual, abduction: 'trafficked' })).toEqual(['possible_sexual_slavery']);
    expect(contexts({ ...sexual, abduction: 'forced_conscription' })).toEqual(['possible_sexual_slavery']);
    expect(contexts({ ...sexual, abduction: 'other_abduction' })).toEqual(['possible_sexual_slavery']);
    expect(contexts({ ...sexual, abduction: 'none' })).toEqual([]);
    expect(contexts({ ...sexual, abduction: 'not_known' })).toEqual([]);
    // Only for rape or sexual assault.
    expect(contexts({ ...base, moneyExchanged: 'yes', abduction: 'trafficked' })).toEqual([]);
  });

  it('an intimate partner gives intimate partner violence; an incident outside the six types has none', () => {
    expect(contexts({ ...base, authorRelationship: 'former_partner' })).toEqual([
      'intimate_partner_violence',
    ]);
    const sixNo = Object.fromEntries(Object.keys(answersFor('psychological_abuse')).map((k) => [k, false]));
    expect(
      contexts({
        ...base,
        authorRelationship: 'former_partner',
        classification: sixNo,
        nonGbvReason: 'other',
      }),
    ).toEqual([]);
  });
});
