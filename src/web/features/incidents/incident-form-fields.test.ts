import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  HARMFUL_PRACTICE_TYPES,
  type TIncident,
  ZIncidentCorrectionSchema,
  ZIncidentInputSchema,
} from '../../../contracts/index.js';
import {
  asksAgeBand,
  FIELD_ELEMENT_IDS,
  FORM_FIELDS,
  fgmConflict,
  harmfulPracticeChoices,
  type IncidentFormValues,
  incidentToValues,
  incidentTypeOf,
  neverAskedOf,
  newIncidentValues,
  valuesToInput,
  withExclusive,
} from './incident-form-values.js';

/**
 * The incident form's error summary names every field by its label and links to its element:
 * a renamed id or a missing label would leave a link that goes nowhere or an API name on screen.
 */
const directory = new URL('./', import.meta.url);
const source = readdirSync(directory)
  .filter((file) => file.endsWith('.tsx'))
  .map((file) => readFileSync(new URL(file, directory), 'utf8'))
  .join('\n');
const catalogue = (language: string) =>
  JSON.parse(readFileSync(new URL(`i18n/${language}.json`, import.meta.url), 'utf8')).incidents.form;

describe('the incident form’s error summary', () => {
  it('links every field to an element the form renders', () => {
    for (const field of FORM_FIELDS) expect(source, field).toContain(`id="${FIELD_ELEMENT_IDS[field]}"`);
  });

  it('has a label for every field in both languages', () => {
    for (const language of ['it', 'en'])
      for (const field of FORM_FIELDS)
        expect(catalogue(language)[field], `${language} ${field}`).toBeTruthy();
  });

  it('has the same words in both languages', () => {
    const keys = (node: object, prefix = ''): string[] =>
      Object.entries(node).flatMap(([key, value]) =>
        typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    expect(keys(catalogue('en')).sort()).toEqual(keys(catalogue('it')).sort());
  });
});

const NOW_MONTH = '2026-10';
/** A complete record as a practitioner fills the form in: sexual assault (FGM), age known. */
function filled(changes: Partial<IncidentFormValues> = {}): IncidentFormValues {
  const values = newIncidentValues();
  return {
    ...values,
    survivorReference: 'CAV/2026-001',
    age: '15',
    gender: 'female',
    interpreterNeeded: 'no',
    incidentMonth: NOW_MONTH,
    classification: { ...values.classification, penetration: 'no', sexualContact: 'yes' },
    harmfulPractice: 'yes',
    harmfulPracticeType: 'fgm',
    forms: ['sexual'],
    authorRelationship: 'parent',
    referredBy: ['service'],
    referredByServices: ['school'],
    consentReporting: true,
    ...changes,
  };
}

describe('the form’s values as the request body', () => {
  it('builds a complete record the contract accepts', () => {
    const parsed = ZIncidentInputSchema.safeParse(valuesToInput(filled(), 'recorded'));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('sends the age and lets the server derive the band; the band only without an age', () => {
    expect(valuesToInput(filled({ ageBand: '26-40' }), 'draft')).toMatchObject({ age: 15, ageBand: null });
    expect(valuesToInput(filled({ age: '', birthYear: '2011', ageBand: '12-17' }), 'draft')).toMatchObject({
      age: null,
      birthYear: 2011,
      ageBand: '12-17',
    });
  });

  it('asks the band only when the birth year, not the age, is known', () => {
    expect(asksAgeBand({ age: '', birthYear: '', ageBand: '' })).toBe(false);
    expect(asksAgeBand({ age: '30', birthYear: '1996', ageBand: '' })).toBe(false);
    expect(asksAgeBand({ age: '', birthYear: '1996', ageBand: '' })).toBe(true);
  });

  it('keeps the two children facts apart: witnessing does not tick presence', () => {
    const input = valuesToInput(filled({ childrenWitnessed: true }), 'draft');
    expect(input).toMatchObject({ childrenPresent: false, childrenWitnessed: true });
  });

  it('sends the reason only after six "no", and which services only when a service sent her', () => {
    const sixNo = Object.fromEntries(
      Object.keys(newIncidentValues().classification).map((key) => [key, 'no']),
    ) as IncidentFormValues['classification'];
    const nonGbv = valuesToInput(
      filled({ classification: sixNo, harmfulPractice: 'no', forms: [], nonGbvReason: 'other' }),
      'recorded',
    );
    expect(nonGbv).toMatchObject({ nonGbvReason: 'other' });
    expect(ZIncidentInputSchema.safeParse(nonGbv).success).toBe(true);
    expect(valuesToInput(filled({ nonGbvReason: 'other' }), 'draft').nonGbvReason).toBeNull();
    expect(valuesToInput(filled({ referredBy: ['self'] }), 'draft').referredByServices).toEqual([]);
  });

  it('leaves out the risk factors not assessed and keeps each rating given', () => {
    const values = filled();
    values.riskAssessment.weapon = { now: 'present', past: '' };
    values.riskAssessment.previous_violence = { now: '', past: 'possible' };
    expect(valuesToInput(values, 'draft').riskAssessment).toEqual({
      weapon: { now: 'present' },
      previous_violence: { past: 'possible' },
    });
  });

  it('sends an old record’s "kind not recorded" back as it is, and a kind chosen in its place', () => {
    const kept = valuesToInput(filled({ harmfulPracticeType: 'not_recorded' }), 'recorded');
    expect(kept.harmfulPracticeType).toBe('not_recorded');
    // Accepted as a correction (the server checks the record has it stored), never as a new record.
    expect(ZIncidentCorrectionSchema.safeParse(kept).error?.issues ?? []).toEqual([]);
    const asNew = ZIncidentInputSchema.safeParse(kept);
    expect(asNew.error?.issues.map((i) => i.path.join('.'))).toContain('harmfulPracticeType');
    expect(valuesToInput(filled({ harmfulPracticeType: 'other' }), 'recorded').harmfulPracticeType).toBe(
      'other',
    );
    // No practice: no kind, whatever the select still holds.
    const none = valuesToInput(
      filled({ harmfulPractice: 'no', harmfulPracticeType: 'not_recorded' }),
      'recorded',
    );
    expect(none.harmfulPracticeType).toBeNull();
  });
});

describe('the form’s rules said before saving', () => {
  it('keeps "nobody" and "none" alone, whichever was chosen last', () => {
    expect(withExclusive(['family', 'nobody'], ['family'], 'nobody')).toEqual(['nobody']);
    expect(withExclusive(['nobody', 'police'], ['nobody'], 'nobody')).toEqual(['police']);
    expect(withExclusive(['family', 'police'], ['family'], 'nobody')).toEqual(['family', 'police']);
    expect(withExclusive(['none'], [], 'none')).toEqual(['none']);
  });

  it('says the FGM rule when the answers give a type other than rape or sexual assault', () => {
    const values = { harmfulPractice: 'yes' as const, harmfulPracticeType: 'fgm' };
    expect(fgmConflict(values, 'physical_assault')).toBe(true);
    expect(fgmConflict(values, 'non_gbv')).toBe(true);
    expect(fgmConflict(values, 'sexual_assault')).toBe(false);
    expect(fgmConflict(values, 'rape')).toBe(false);
    expect(fgmConflict(values, null)).toBe(false);
    expect(fgmConflict({ ...values, harmfulPracticeType: 'child_marriage' }, 'forced_marriage')).toBe(false);
  });

  it('reads the type the answers give, non-GBV after six "no"', () => {
    const answers = newIncidentValues().classification;
    expect(incidentTypeOf(answers)).toBeNull();
    expect(incidentTypeOf({ ...answers, penetration: 'no', sexualContact: 'yes' })).toBe('sexual_assault');
    const sixNo = Object.fromEntries(Object.keys(answers).map((key) => [key, 'no'])) as typeof answers;
    expect(incidentTypeOf(sixNo)).toBe('non_gbv');
  });
});

describe('a stored incident in the form', () => {
  const stored: TIncident = {
    id: '00000000-0000-4000-8000-000000000001',
    status: 'recorded',
    survivorCode: 'S-AAAAA-BBBBB',
    incidentMonth: '2024-05',
    age: null,
    ageBand: '26-40',
    birthYear: null,
    gender: 'female',
    citizenship: null,
    citizenshipGroup: 'unknown',
    yearsInItaly: null,
    language: null,
    disability: null,
    interpreterNeeded: false,
    interpreterUsed: false,
    municipality: null,
    districtId: null,
    coreType: 'non_gbv',
    nonGbvReason: 'conflict_without_abuse',
    forms: [],
    stalking: false,
    childrenPresent: false,
    childrenWitnessed: true,
    authorRelationship: 'former_partner',
    authorAddictions: [],
    authorPreviousComplaints: null,
    protectionOrders: [],
    riskAssessment: { escalation: { now: 'present', past: null } },
    harmfulPractice: true,
    harmfulPracticeType: 'not_recorded',
    moneyExchanged: null,
    abduction: null,
    contexts: [],
    soughtHelpFrom: [],
    referredBy: [],
    referredByServices: [],
    referredTo: [],
    servicesProvided: [],
    consentReporting: true,
    serviceId: '00000000-0000-4000-8000-000000000002',
    createdAt: '2024-05-01T00:00:00Z',
    updatedAt: '2024-05-01T00:00:00Z',
  };

  it('shows an old record as stored: six "no", the kind not recorded, its band, its risk rating', () => {
    const values = incidentToValues(stored);
    expect(Object.values(values.classification)).toEqual(['no', 'no', 'no', 'no', 'no', 'no']);
    expect(values.nonGbvReason).toBe('conflict_without_abuse');
    expect(values.harmfulPractice).toBe('yes');
    expect(values.harmfulPracticeType).toBe('not_recorded');
    expect(values.ageBand).toBe('26-40');
    expect(values.riskAssessment.escalation).toEqual({ now: 'present', past: '' });
    expect(values.riskAssessment.weapon).toEqual({ now: '', past: '' });
  });

  it('knows what an old record was never asked, and asks a new incident or a draft everything', () => {
    expect(neverAskedOf(stored)).toEqual(['age', 'referredBy', 'harmfulPracticeType']);
    expect(neverAskedOf({ ...stored, birthYear: 1990 })).toEqual(['referredBy', 'harmfulPracticeType']);
    expect(
      neverAskedOf({ ...stored, age: 34, referredBy: ['self'], harmfulPracticeType: 'child_marriage' }),
    ).toEqual([]);
    expect(neverAskedOf({ ...stored, status: 'draft' })).toEqual([]);
    expect(neverAskedOf(null)).toEqual([]);
  });

  it('offers "kind not recorded" only on the record that has it stored', () => {
    expect(harmfulPracticeChoices(neverAskedOf(stored))).toEqual([...HARMFUL_PRACTICE_TYPES, 'not_recorded']);
    expect(harmfulPracticeChoices(neverAskedOf({ ...stored, harmfulPracticeType: 'fgm' }))).toEqual([
      ...HARMFUL_PRACTICE_TYPES,
    ]);
    expect(harmfulPracticeChoices(neverAskedOf(null))).not.toContain('not_recorded');
  });

  it('saves a correction of an old record without asking what it was never asked', () => {
    const body = valuesToInput({ ...incidentToValues(stored), incidentMonth: '2024-06' }, 'recorded');
    expect(body).toMatchObject({
      age: null,
      birthYear: null,
      ageBand: '26-40',
      referredBy: [],
      harmfulPractice: true,
      harmfulPracticeType: 'not_recorded',
    });
    expect(ZIncidentCorrectionSchema.safeParse(body).error?.issues ?? []).toEqual([]);
  });
});
