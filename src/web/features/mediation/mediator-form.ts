import type { TMediator } from '../../../contracts/mediation.js';
import { orNull } from '../../ui/forms/values.js';

/** A mediator's record as its form holds it; the contract (`ZMediatorInputSchema`) checks the body. */
export interface LanguageValues {
  language: string;
  dialect: string;
  level: string;
  written: boolean;
}
export interface SlotValues {
  weekday: string;
  from: string;
  to: string;
}
export interface MediatorValues {
  userId: string;
  organisationId: string;
  gender: string;
  modes: string[];
  languages: LanguageValues[];
  countries: string[];
  ownCommunity: string;
  districtIds: string[];
  municipalities: string[];
  baseMunicipality: string;
  availability: SlotValues[];
  /** One certification a line. */
  certifications: string;
  active: boolean;
}

export const newLanguage = (): LanguageValues => ({
  language: '',
  dialect: '',
  level: 'fluent',
  written: false,
});
export const newSlot = (): SlotValues => ({ weekday: '1', from: '09:00', to: '13:00' });

export function newMediatorValues(): MediatorValues {
  return {
    userId: '',
    organisationId: '',
    gender: '',
    modes: ['in_person', 'phone', 'video'],
    languages: [newLanguage()],
    countries: [],
    ownCommunity: '',
    districtIds: [],
    municipalities: [],
    baseMunicipality: '',
    availability: [],
    certifications: '',
    active: true,
  };
}

export function mediatorToValues(m: TMediator): MediatorValues {
  return {
    userId: m.userId,
    organisationId: m.organisationId,
    gender: m.gender,
    modes: [...m.modes],
    languages: m.languages.map((l) => ({
      language: l.language,
      dialect: l.dialect ?? '',
      level: l.level,
      written: l.written,
    })),
    countries: [...m.countries],
    ownCommunity: m.ownCommunity ?? '',
    districtIds: [...m.districtIds],
    municipalities: [...m.municipalities],
    baseMunicipality: m.baseMunicipality,
    availability: m.availability.map((s) => ({ weekday: String(s.weekday), from: s.from, to: s.to })),
    certifications: m.certifications.join('\n'),
    active: m.active,
  };
}

/** The request body the form's values make (`ZMediatorInputSchema`). */
export function mediatorToInput(v: MediatorValues) {
  return {
    userId: v.userId,
    organisationId: v.organisationId,
    gender: v.gender,
    modes: v.modes,
    languages: v.languages.map((l) => ({
      language: l.language,
      dialect: orNull(l.dialect),
      level: l.level,
      written: l.written,
    })),
    countries: v.countries,
    ownCommunity: orNull(v.ownCommunity),
    districtIds: v.districtIds,
    municipalities: v.municipalities,
    baseMunicipality: v.baseMunicipality,
    availability: v.availability.map((s) => ({ weekday: Number(s.weekday), from: s.from, to: s.to })),
    certifications: v.certifications
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    active: v.active,
  };
}

/** Euros as typed (a comma or a dot for the decimals) as cents; NaN, for the contract to refuse, when not a number. */
export function euroToCents(value: string): number {
  const text = value.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return Number.NaN;
  return Math.round(Number(text) * 100);
}

/** A cooperative's rates as their form holds them: euros as typed, named as the contract's cents fields. */
export interface RateValues {
  organisationId: string;
  inPersonCents: string;
  remoteCents: string;
  travelCentsPerKm: string;
  validFrom: string;
}

export function rateToInput(v: RateValues) {
  return {
    organisationId: v.organisationId,
    inPersonCents: euroToCents(v.inPersonCents),
    remoteCents: euroToCents(v.remoteCents),
    travelCentsPerKm: euroToCents(v.travelCentsPerKm),
    validFrom: v.validFrom,
  };
}

/** A declared conflict as its form holds it: only the reference its kind needs goes in the body. */
export interface ConflictValues {
  kind: string;
  householdCode: string;
  country: string;
  note: string;
}

export function conflictToInput(v: ConflictValues) {
  return {
    kind: v.kind,
    ...(v.kind === 'household' ? { householdCode: v.householdCode.trim() } : {}),
    ...(v.kind === 'community' ? { country: v.country } : {}),
    note: orNull(v.note),
  };
}
