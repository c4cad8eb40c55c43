import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  type TMediator,
  ZConflictInputSchema,
  ZMediatorInputSchema,
  ZRatingInputSchema,
  ZRequestInputSchema,
} from '../../../contracts/mediation.js';
import { formatEuro, formatHours, reasonText } from './mediation-words.js';
import {
  conflictToInput,
  euroToCents,
  mediatorToInput,
  mediatorToValues,
  newMediatorValues,
  rateToInput,
} from './mediator-form.js';
import {
  newRequestValues,
  type RequestValues,
  ratingToInput,
  requestToInput,
  ZRequestFormSchema,
} from './request-form.js';

const filled = (over: Partial<RequestValues> = {}): RequestValues => ({
  ...newRequestValues('+39 0363 123456'),
  language: 'ar',
  startsAt: '2027-03-12T10:00',
  purpose: 'interview',
  municipality: '016219',
  place: ' Via Roma 1 ',
  ...over,
});
const issuesAt = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('the request form', () => {
  it('sends the comune and the place in person, as an instant with its offset', () => {
    const body = ZRequestInputSchema.parse(requestToInput(filled()));
    expect(body.municipality).toBe('016219');
    expect(body.place).toBe('Via Roma 1');
    expect(new Date(body.startsAt).getTime()).toBe(new Date('2027-03-12T10:00').getTime());
    expect(body.durationMinutes).toBe(60);
    expect(body.requesterContact).toBe('+39 0363 123456');
  });

  it('has the contract refuse in person without a comune, on the comune', () => {
    const result = ZRequestFormSchema.safeParse(requestToInput(filled({ municipality: '' })));
    expect(result.success).toBe(false);
    expect(issuesAt(result)).toContain('municipality');
  });

  it('leaves out the comune and the place left filled when the mode changes to phone', () => {
    const body = ZRequestInputSchema.parse(requestToInput(filled({ mode: 'phone' })));
    expect(body.municipality).toBeNull();
    expect(body.place).toBeNull();
  });

  it("takes the victim's own gender when no other mediator gender was asked for", () => {
    const own = requestToInput(filled({ victim: true, victimGender: 'male' }));
    expect(own.victimMediatorGender).toBe('male');
    expect(own.genderPreference).toBe('any');
    const asked = requestToInput(
      filled({ victim: true, victimGender: 'male', victimMediatorGender: 'female' }),
    );
    expect(asked.victimMediatorGender).toBe('female');
    expect(ZRequestFormSchema.safeParse(asked).success).toBe(true);
  });

  it('refuses a victim with neither her gender nor the mediator gender she asked for, on that field', () => {
    const result = ZRequestFormSchema.safeParse(requestToInput(filled({ victim: true })));
    expect(result.success).toBe(false);
    expect(issuesAt(result)).toEqual(['victimMediatorGender']);
  });

  it('sends the victim choices only for a victim, even if left ticked', () => {
    const body = ZRequestInputSchema.parse(
      requestToInput(
        filled({
          victim: false,
          victimGender: 'female',
          victimMediatorGender: 'female',
          avoidSameCommunity: true,
          genderPreference: 'male',
        }),
      ),
    );
    expect(body.victimMediatorGender).toBeNull();
    expect(body.avoidSameCommunity).toBe(false);
    expect(body.genderPreference).toBe('male');
  });

  it('needs the community to refuse it', () => {
    const values = filled({ victim: true, victimGender: 'female', avoidSameCommunity: true });
    expect(new Set(issuesAt(ZRequestFormSchema.safeParse(requestToInput(values))))).toEqual(
      new Set(['community']),
    );
    const body = ZRequestFormSchema.parse(requestToInput({ ...values, community: 'MA' }));
    expect(body.avoidSameCommunity).toBe(true);
    expect(body.community).toBe('MA');
  });

  it('sends a session only with its case', () => {
    const id = '5b1f3c1e-2d7a-4f57-9a55-0c9a4b4f6a01';
    expect(requestToInput(filled({ sessionId: id })).sessionId).toBeNull();
    const body = requestToInput(filled({ caseId: id, sessionId: id }));
    expect(body.caseId).toBe(id);
    expect(body.sessionId).toBe(id);
  });

  it('names every missing field at once, those tied to another field too', () => {
    const values = { ...newRequestValues(), victim: true, avoidSameCommunity: true };
    const paths = issuesAt(ZRequestFormSchema.safeParse(requestToInput(values)));
    expect(paths).toEqual(
      expect.arrayContaining([
        'language',
        'startsAt',
        'purpose',
        'requesterContact',
        'municipality',
        'community',
        'victimMediatorGender',
      ]),
    );
  });

  it('leaves an empty length for the contract to refuse rather than sending zero', () => {
    const result = ZRequestFormSchema.safeParse(requestToInput(filled({ durationMinutes: '' })));
    expect(issuesAt(result)).toContain('durationMinutes');
  });

  it('rates from 1 to 5, an empty comment as none', () => {
    expect(ZRatingInputSchema.parse(ratingToInput({ rating: '4', comment: ' ' }))).toEqual({
      rating: 4,
      comment: null,
    });
    expect(ZRatingInputSchema.safeParse(ratingToInput({ rating: '', comment: '' })).success).toBe(false);
  });
});

const mediator: TMediator = {
  id: '0f6c9a3e-1b2d-4c5e-8f90-1a2b3c4d5e6f',
  userId: '1f6c9a3e-1b2d-4c5e-8f90-1a2b3c4d5e6f',
  displayName: 'Amina Mediatrice',
  organisationId: '2f6c9a3e-1b2d-4c5e-8f90-1a2b3c4d5e6f',
  organisationName: 'Cooperativa sociale Il Cerchio',
  gender: 'female',
  modes: ['in_person', 'phone'],
  languages: [
    { language: 'ar', dialect: 'darija', level: 'native', written: true },
    { language: 'fr', dialect: null, level: 'fluent', written: false },
  ],
  countries: ['MA'],
  ownCommunity: 'MA',
  districtIds: [],
  municipalities: ['016219'],
  baseMunicipality: '016219',
  availability: [{ weekday: 3, from: '09:00', to: '13:00' }],
  certifications: ['Corso regionale di mediazione', 'B2 francese'],
  active: true,
  absences: [],
};

describe('the mediator form', () => {
  it('gives back the record it was opened with', () => {
    const body = ZMediatorInputSchema.parse(mediatorToInput(mediatorToValues(mediator)));
    const { id: _i, displayName: _d, organisationName: _o, absences: _a, ...input } = mediator;
    expect(body).toEqual(input);
  });

  it('reads one certification a line and drops the empty lines', () => {
    const values = { ...mediatorToValues(mediator), certifications: ' Uno \n\n Due ' };
    expect(mediatorToInput(values).certifications).toEqual(['Uno', 'Due']);
  });

  it('has the contract refuse a slot ending before it starts, on its end', () => {
    const values = {
      ...mediatorToValues(mediator),
      availability: [{ weekday: '2', from: '14:00', to: '10:00' }],
    };
    const result = ZMediatorInputSchema.safeParse(mediatorToInput(values));
    expect(issuesAt(result)).toContain('availability.0.to');
  });

  it('needs a person, a cooperative, a gender, a language and a base comune', () => {
    const result = ZMediatorInputSchema.safeParse(mediatorToInput(newMediatorValues()));
    expect(issuesAt(result)).toEqual(
      expect.arrayContaining([
        'userId',
        'organisationId',
        'gender',
        'languages.0.language',
        'baseMunicipality',
      ]),
    );
  });
});

describe('rates and conflicts', () => {
  it('turns euros as typed into cents, refusing what is not an amount', () => {
    expect(euroToCents('24,50')).toBe(2450);
    expect(euroToCents(' 24.5 ')).toBe(2450);
    expect(euroToCents('0,35')).toBe(35);
    expect(euroToCents('24,555')).toBeNaN();
    expect(euroToCents('')).toBeNaN();
    expect(euroToCents('-3')).toBeNaN();
    expect(
      rateToInput({
        organisationId: 'x',
        inPersonCents: '24',
        remoteCents: '20,00',
        travelCentsPerKm: '0,4',
        validFrom: '2026-01-01',
      }),
    ).toMatchObject({ inPersonCents: 2400, remoteCents: 2000, travelCentsPerKm: 40 });
  });

  it('sends only the reference the kind of conflict needs', () => {
    const values = { kind: 'household', householdCode: ' n-abcdefg ', country: 'MA', note: '' };
    const body = ZConflictInputSchema.parse(conflictToInput(values));
    expect(body).toEqual({ kind: 'household', householdCode: 'N-ABCDEFG', note: null });
    expect(conflictToInput({ ...values, kind: 'community' })).toEqual({
      kind: 'community',
      country: 'MA',
      note: null,
    });
    expect(
      issuesAt(ZConflictInputSchema.safeParse(conflictToInput({ ...values, householdCode: '' }))),
    ).toContain('householdCode');
  });
});

describe('words', () => {
  it('writes euros and hours as the statements do', () => {
    expect(formatEuro(123456, 'it')).toBe('€ 1.234,56');
    expect(formatEuro(2400, 'it')).toBe('€ 24,00');
    expect(formatEuro(123456, 'en')).toBe('€ 1,234.56');
    expect(formatHours(90, 'it')).toBe('1,5');
    expect(formatHours(20, 'en')).toBe('0.3');
  });

  it('says each reason in words, the level by its word and distances with one decimal', () => {
    const t = ((key: string, options?: { value?: string }) =>
      options?.value === undefined ? key : `${key}(${options.value})`) as unknown as TFunction;
    expect(reasonText(t, 'it', { code: 'language_level', value: 'native', points: 30 })).toBe(
      'mediationWords.reason.language_level(mediationWords.level.native)',
    );
    expect(reasonText(t, 'it', { code: 'distance', value: 4.25, points: 15 })).toBe(
      'mediationWords.reason.distance(4,3)',
    );
    expect(reasonText(t, 'en', { code: 'workload', value: 6, points: 4 })).toBe(
      'mediationWords.reason.workload(6.0)',
    );
    expect(reasonText(t, 'it', { code: 'remote', value: 'phone', points: 0 })).toBe(
      'mediationWords.reason.remote',
    );
  });
});
