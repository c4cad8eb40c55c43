import { sql } from 'drizzle-orm';
import type { TPerson, TPersonInput } from '../../../contracts/households.js';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import { decryptField, encryptField } from '../../platform/crypto/field-crypto.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { rethrowConstraintViolation } from '../../platform/db/pg-errors.js';
import type { FieldError } from '../../platform/http/problem.js';
import { codiceFiscaleProblem } from './cases.identifiers.js';

export interface PersonRow {
  id: string;
  household_id: string;
  given_name: string;
  family_name: string;
  relationship: string;
  case_role: string;
  birth_year: number | null;
  birth_date: string | null;
  gender: string;
  citizenship: string | null;
  eu_member: boolean | null;
  languages: string[];
  preferred_language: string | null;
  interpreter_needed: boolean;
  preferred_mediator_gender: string;
  at_risk: boolean;
  lives_in_household: boolean;
  municipality: string | null;
  identifier_type: string;
  identifier: string | null;
  has_safety: boolean;
  minor: boolean;
  merged_into_id: string | null;
  processing_restricted: boolean;
}

/**
 * The columns of a person as the API shows them; the encrypted safety columns never leave here.
 * Minor or not is the database's one rule (trama_is_minor, migration 0007), the one that keeps
 * minors from the perpetrator's team.
 */
export const PERSON_COLUMNS = sql`p.id, p.household_id, p.given_name, p.family_name, p.relationship, p.case_role,
  p.birth_year, to_char(p.birth_date, 'YYYY-MM-DD') as birth_date, p.gender, p.citizenship, co.eu_member, p.languages,
  p.preferred_language, p.interpreter_needed, p.preferred_mediator_gender, p.at_risk, p.lives_in_household,
  p.municipality, p.identifier_type,
  p.identifier, (p.contact_encrypted is not null or p.safe_contact_encrypted is not null) as has_safety,
  trama_is_minor(p.birth_date, p.birth_year, p.case_role) as minor, p.merged_into_id,
  (p.processing_restricted_at is not null) as processing_restricted`;

export function selectPeople({ tx, where }: { tx: Tx; where: ReturnType<typeof sql> }) {
  return queryRows<PersonRow>(
    tx,
    sql`select ${PERSON_COLUMNS} from people p left join countries co on co.code = p.citizenship
        where ${where} order by p.household_id, p.position, p.created_at, p.id`,
  );
}

export function toPerson(p: PersonRow): TPerson {
  return {
    id: p.id,
    householdId: p.household_id,
    givenName: p.given_name,
    familyName: p.family_name,
    relationship: p.relationship as TPerson['relationship'],
    caseRole: p.case_role as TPerson['caseRole'],
    birthYear: p.birth_year,
    birthDate: p.birth_date,
    minor: p.minor,
    gender: p.gender as TPerson['gender'],
    citizenship: p.citizenship,
    thirdCountryNational: p.citizenship !== null && p.citizenship !== 'IT' && p.eu_member === false,
    languages: p.languages,
    preferredLanguage: p.preferred_language,
    interpreterNeeded: p.interpreter_needed,
    preferredMediatorGender: p.preferred_mediator_gender as TPerson['preferredMediatorGender'],
    atRisk: p.at_risk,
    livesInHousehold: p.lives_in_household,
    municipality: p.municipality,
    identifierType: p.identifier_type as TPerson['identifierType'],
    identifier: p.identifier,
    hasSafetyDetails: p.has_safety,
    mergedIntoId: p.merged_into_id,
    processingRestricted: p.processing_restricted,
  };
}

/** The birth year stated, or the year of the birth date. */
export const birthYearOf = (p: { birthYear?: number | null; birthDate?: string | null }) =>
  p.birthYear ?? (p.birthDate ? Number(p.birthDate.slice(0, 4)) : null);

/** The identifier kept: none when its type is "none". */
export const identifierOf = (p: { identifierType: string; identifier?: string | null }) =>
  p.identifierType === 'none' ? null : (p.identifier ?? null);

export const UNKNOWN_MUNICIPALITY = { it: 'Comune sconosciuto.', en: 'Unknown municipality.' };

/** A write of people refused by the comuni's foreign key names the field; anything else is rethrown. */
export function rethrowUnknownMunicipality(error: unknown): never {
  return rethrowConstraintViolation(error, {
    reference: { field: 'municipality', message: UNKNOWN_MUNICIPALITY },
  });
}

/** What the schema cannot know: the codice fiscale's checksum and coherence. */
export function personProblems(
  input: Pick<TPersonInput, 'identifierType' | 'identifier' | 'birthYear' | 'birthDate' | 'gender'>,
  prefix: string,
): FieldError[] {
  if (input.identifierType !== 'codice_fiscale' || !input.identifier) return [];
  const birthYear = birthYearOf(input);
  const problem = codiceFiscaleProblem({ cf: input.identifier, birthYear, gender: input.gender });
  return problem ? [{ field: `${prefix}identifier`, code: 'invalid_codice_fiscale', message: problem }] : [];
}

export function personValues(input: TPersonInput) {
  return {
    givenName: input.givenName,
    familyName: input.familyName,
    relationship: input.relationship,
    caseRole: input.caseRole,
    birthYear: birthYearOf(input),
    birthDate: input.birthDate ?? null,
    gender: input.gender,
    citizenship: input.citizenship ?? null,
    languages: input.languages,
    preferredLanguage: input.preferredLanguage ?? null,
    interpreterNeeded: input.interpreterNeeded,
    preferredMediatorGender: input.preferredMediatorGender,
    atRisk: input.atRisk,
    livesInHousehold: input.livesInHousehold,
    municipality: input.municipality ?? null,
    identifierType: input.identifierType,
    identifier: identifierOf(input),
  };
}

export const contactContext = (personId: string) => `people.contact:${personId}`;
export const safeContactContext = (personId: string) => `people.safe_contact:${personId}`;

export function sealJson({ keyring, value, context }: { keyring: Keyring; value: unknown; context: string }) {
  return encryptField({ keyring, plaintext: JSON.stringify(value), context });
}

/** What sealJson sealed, or null when nothing was. */
export function openJson<T>({
  keyring,
  value,
  context,
}: {
  keyring: Keyring;
  value: string | null;
  context: string;
}) {
  return value ? (JSON.parse(decryptField({ keyring, value, context })) as T) : null;
}
