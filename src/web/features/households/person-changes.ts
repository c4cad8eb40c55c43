import type { TFunction } from 'i18next';
import type { TLocale, TPersonChange } from '../../../contracts/index.js';
import { formatDay } from '../../ui/format.js';

/** Names of reference data in the UI language (from `useReferenceOptions`). */
export interface ReferenceNames {
  countryName: (code: string | null | undefined) => string;
  languageName: (code: string | null | undefined) => string;
  municipalityName: (code: string | null | undefined) => string;
}

/** The code lists of a person's record, by field, and the catalogue that names their values. */
const ENUM_FIELDS: Record<string, string> = {
  relationship: 'enums.relationship',
  caseRole: 'enums.caseRole',
  gender: 'enums.gender',
  identifierType: 'enums.identifierType',
  preferredMediatorGender: 'enums.mediatorGender',
};

/** The fields the server records in a person's history, named as the form names them. */
const FIELD_LABELS: Record<string, string> = {
  givenName: 'households.person.givenName',
  familyName: 'households.person.familyName',
  relationship: 'households.person.relationship',
  caseRole: 'households.person.caseRole',
  birthYear: 'households.person.birthYear',
  birthDate: 'households.person.birthDate',
  gender: 'households.person.gender',
  citizenship: 'households.person.citizenship',
  languages: 'households.person.languages',
  preferredLanguage: 'households.person.preferredLanguage',
  interpreterNeeded: 'households.history.interpreterNeeded',
  livesInHousehold: 'householdFamily.person.livesInHousehold',
  preferredMediatorGender: 'households.person.preferredMediatorGender',
  municipality: 'households.person.municipality',
  identifierType: 'households.person.identifierType',
  identifier: 'households.person.identifier',
};

const EMPTY = '—';

function valueInWords(
  field: string,
  value: unknown,
  { t, names, locale }: { t: TFunction; names: ReferenceNames; locale: TLocale },
): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value)) {
    const items = value.map((item) => valueInWords(field, item, { t, names, locale }));
    return items.length === 0 ? EMPTY : items.join(', ');
  }
  if (typeof value === 'boolean') return value ? t('households.history.yes') : t('households.history.no');
  const text = String(value);
  const enumKey = ENUM_FIELDS[field];
  if (enumKey) return t(`${enumKey}.${text}`, { defaultValue: EMPTY });
  switch (field) {
    case 'citizenship':
      return names.countryName(text);
    case 'languages':
    case 'preferredLanguage':
      return names.languageName(text);
    case 'municipality':
      return names.municipalityName(text);
    case 'birthDate':
      return formatDay(text, locale);
    default:
      return text;
  }
}

/**
 * One change of a person's record in words: the field as the form labels it, the values before and
 * after as the page shows them (a relationship, a country, a comune by name), never a code.
 */
export function changeInWords(
  change: TPersonChange['changes'][number],
  context: { t: TFunction; names: ReferenceNames; locale: TLocale },
): { field: string; from: string; to: string } {
  const label = FIELD_LABELS[change.field];
  return {
    field: label ? context.t(label) : context.t('households.history.otherField'),
    from: valueInWords(change.field, change.from, context),
    to: valueInWords(change.field, change.to, context),
  };
}
