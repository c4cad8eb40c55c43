import { ZRequestInputSchema } from '../../../contracts/mediation.js';
import { orNull, toInstant } from '../../ui/forms/values.js';

/**
 * A request for a mediator as its form holds it (strings and flags, as inputs do); the contract
 * (`ZRequestInputSchema`) checks the body it makes, and the form's names follow the contract's keys
 * so each error lands on its field.
 */
export interface RequestValues {
  language: string;
  dialect: string;
  /** A local date and time (`datetime-local`). */
  startsAt: string;
  durationMinutes: string;
  mode: string;
  municipality: string;
  place: string;
  purpose: string;
  urgency: string;
  genderPreference: string;
  victim: boolean;
  /** The person's own gender: for a victim, the mediator's gender unless she or he asked otherwise. */
  victimGender: string;
  victimMediatorGender: string;
  community: string;
  avoidSameCommunity: boolean;
  workPackage: string;
  caseId: string;
  sessionId: string;
  requesterContact: string;
  notes: string;
}

export function newRequestValues(contact = ''): RequestValues {
  return {
    language: '',
    dialect: '',
    startsAt: '',
    durationMinutes: '60',
    mode: 'in_person',
    municipality: '',
    place: '',
    purpose: '',
    urgency: 'routine',
    genderPreference: 'any',
    victim: false,
    victimGender: '',
    victimMediatorGender: '',
    community: '',
    avoidSameCommunity: false,
    workPackage: 'wp1',
    caseId: '',
    sessionId: '',
    requesterContact: contact,
    notes: '',
  };
}

const toNumber = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value));

/**
 * The request body the form's values make. What only one choice needs goes only with it: the comune
 * and place only in person, the victim's choices only for a victim, the session only with its case;
 * so a field left filled after a change of mind is never sent.
 */
export function requestToInput(v: RequestValues) {
  const inPerson = v.mode === 'in_person';
  const caseId = orNull(v.caseId);
  return {
    language: v.language,
    dialect: orNull(v.dialect),
    startsAt: toInstant(v.startsAt),
    durationMinutes: toNumber(v.durationMinutes),
    mode: v.mode,
    municipality: inPerson ? orNull(v.municipality) : null,
    place: inPerson ? orNull(v.place) : null,
    purpose: v.purpose,
    urgency: v.urgency,
    genderPreference: v.victim ? 'any' : v.genderPreference,
    victim: v.victim,
    // Empty means "her (his) own": the person's gender, which the form asks only to fill this default.
    victimMediatorGender: v.victim ? (orNull(v.victimMediatorGender) ?? orNull(v.victimGender)) : null,
    community: orNull(v.community),
    avoidSameCommunity: v.victim && v.avoidSameCommunity,
    workPackage: v.workPackage,
    caseId,
    sessionId: caseId ? orNull(v.sessionId) : null,
    requesterContact: v.requesterContact.trim(),
    notes: orNull(v.notes),
  };
}

/** A rule checked whatever else is wrong, so the form names every missing field at once. */
const always = { when: () => true };

/**
 * The contract, with its rules that tie one field to another checked alongside the others (the
 * contract checks them only once the rest is valid, which would make the user submit twice), and
 * one rule of the form's own: for a victim, the mediator's gender she or he asked for, or else her
 * (his) own, must be known here, since the form names no person whose record the service could
 * read it from.
 */
export const ZRequestFormSchema = ZRequestInputSchema.refine(
  (r) => r.mode !== 'in_person' || !!r.municipality,
  {
    path: ['municipality'],
    message: 'required in person',
    ...always,
  },
)
  .refine((r) => !r.avoidSameCommunity || !!r.community, {
    path: ['community'],
    message: 'required to avoid the community',
    ...always,
  })
  .refine((r) => !r.victim || !!r.victimMediatorGender, {
    path: ['victimMediatorGender'],
    message: 'required for a victim',
    ...always,
  });

/** The requester's rating of a mediation that took place, as its form holds it. */
export interface RatingValues {
  rating: string;
  comment: string;
}

export function ratingToInput(v: RatingValues) {
  return { rating: v.rating === '' ? Number.NaN : Number(v.rating), comment: orNull(v.comment) };
}
