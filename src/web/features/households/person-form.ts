import { z } from 'zod';
import { type TPerson, ZPersonInputSchema } from '../../../contracts/index.js';
import { contractResolver } from '../../ui/forms/contract-resolver.js';
import { orNull } from '../../ui/forms/values.js';

/** A person as the form holds it: strings, flags and the list of language codes. */
export interface PersonFormValues {
  givenName: string;
  familyName: string;
  relationship: string;
  caseRole: string;
  birthYear: string;
  birthDate: string;
  gender: string;
  citizenship: string;
  languages: string[];
  preferredLanguage: string;
  interpreterNeeded: boolean;
  atRisk: boolean;
  /** The checkbox says "lives in another home": the contract's `livesInHousehold`, inverted. */
  livesElsewhere: boolean;
  preferredMediatorGender: string;
  municipality: string;
  identifierType: string;
  identifier: string;
}

/** The household form and the "add a member" form share one shape: a comune and a list of people. */
export interface PeopleFormValues {
  municipality: string;
  members: PersonFormValues[];
}

export function newPersonValues(first: boolean, municipality = ''): PersonFormValues {
  return {
    givenName: '',
    familyName: '',
    relationship: first ? 'reference_person' : '',
    caseRole: first ? 'victim' : '',
    birthYear: '',
    birthDate: '',
    gender: '',
    citizenship: '',
    languages: [],
    preferredLanguage: '',
    interpreterNeeded: false,
    atRisk: false,
    livesElsewhere: false,
    preferredMediatorGender: 'any',
    municipality,
    identifierType: 'none',
    identifier: '',
  };
}

/** A registered person as the form holds them, to correct their details. */
export function personFormValues(person: TPerson): PersonFormValues {
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    relationship: person.relationship,
    caseRole: person.caseRole,
    birthYear: person.birthYear === null ? '' : String(person.birthYear),
    birthDate: person.birthDate ?? '',
    gender: person.gender,
    citizenship: person.citizenship ?? '',
    languages: person.languages,
    preferredLanguage: person.preferredLanguage ?? '',
    interpreterNeeded: person.interpreterNeeded,
    atRisk: person.atRisk,
    livesElsewhere: !person.livesInHousehold,
    preferredMediatorGender: person.preferredMediatorGender,
    municipality: person.municipality ?? '',
    identifierType: person.identifierType,
    identifier: person.identifier ?? '',
  };
}

/** The body of a correction: the same fields, without the at-risk mark (it has its own route). */
export function personToUpdate(values: PersonFormValues, acknowledgeDuplicates: boolean) {
  const { atRisk: _atRisk, ...fields } = personToInput(values);
  return { ...fields, acknowledgeDuplicates };
}

/** The contract's input; codes arrive as the selects' strings and the schema checks every one. */
export function personToInput(values: PersonFormValues) {
  const birthYear = values.birthYear.trim();
  const noIdentifier = values.identifierType === 'none';
  return {
    givenName: values.givenName,
    familyName: values.familyName,
    relationship: values.relationship,
    caseRole: values.caseRole,
    birthYear: birthYear === '' ? null : Number(birthYear),
    birthDate: orNull(values.birthDate),
    gender: values.gender,
    citizenship: orNull(values.citizenship),
    languages: values.languages,
    // The preferred language is one of those spoken; if it was unticked it is dropped.
    preferredLanguage: values.languages.includes(values.preferredLanguage) ? values.preferredLanguage : null,
    interpreterNeeded: values.interpreterNeeded,
    atRisk: values.atRisk,
    livesInHousehold: !values.livesElsewhere,
    preferredMediatorGender: values.preferredMediatorGender,
    municipality: orNull(values.municipality),
    identifierType: values.identifierType,
    identifier: noIdentifier ? null : orNull(values.identifier),
  };
}

export function peopleToInput(values: PeopleFormValues) {
  return { municipality: values.municipality, members: values.members.map(personToInput) };
}

const ZPeopleSchema = z.object({ municipality: z.string(), members: z.array(ZPersonInputSchema).min(1) });

/** For "add a member": the comune is the household's and is not sent. */
export const peopleResolver = contractResolver<PeopleFormValues>(ZPeopleSchema, peopleToInput);
