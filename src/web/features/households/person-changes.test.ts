import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import sharedEn from '../../i18n/en.json';
import sharedIt from '../../i18n/it.json';
import en from './i18n/en.json';
import familyEn from './i18n/family.en.json';
import familyIt from './i18n/family.it.json';
import it_ from './i18n/it.json';
import { changeInWords, type ReferenceNames } from './person-changes.js';

// The shared and the households catalogues, as the app merges them, in a private i18next instance.
let tIt: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: {
      it: { translation: { ...sharedIt, ...it_, ...familyIt } },
      en: { translation: { ...sharedEn, ...en, ...familyEn } },
    },
    lng: 'it',
    fallbackLng: 'it',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  tIt = instance.getFixedT('it');
  tEn = instance.getFixedT('en');
});

const names: ReferenceNames = {
  countryName: (code) => ({ MA: 'Marocco', TN: 'Tunisia' })[code ?? ''] ?? '—',
  languageName: (code) => ({ ar: 'Arabo', fr: 'Francese', it: 'Italiano' })[code ?? ''] ?? '—',
  municipalityName: (code) => ({ '016219': 'Treviglio' })[code ?? ''] ?? '—',
};
const inItalian = (field: string, from: unknown, to: unknown) =>
  changeInWords({ field, from, to }, { t: tIt, names, locale: 'it' });

describe('a person’s change history in words', () => {
  it('names code lists, countries, languages and comuni, never their codes', () => {
    expect(inItalian('relationship', 'child', 'other_relative')).toEqual({
      field: 'Relazione con la persona di riferimento',
      from: 'Figlia o figlio',
      to: 'Altro familiare',
    });
    expect(inItalian('citizenship', 'MA', 'TN')).toMatchObject({ field: 'Cittadinanza', to: 'Tunisia' });
    expect(inItalian('languages', ['ar', 'fr'], ['ar', 'fr', 'it'])).toMatchObject({
      from: 'Arabo, Francese',
      to: 'Arabo, Francese, Italiano',
    });
    expect(inItalian('municipality', null, '016219')).toMatchObject({ from: '—', to: 'Treviglio' });
    expect(inItalian('identifierType', 'none', 'stp').to).toBe('Codice STP');
    expect(inItalian('preferredMediatorGender', 'any', 'female').to).toBe('Una mediatrice');
  });

  it('says yes/no, dates and empty values as words', () => {
    expect(inItalian('interpreterNeeded', false, true)).toMatchObject({ from: 'No', to: 'Sì' });
    expect(inItalian('livesInHousehold', true, false)).toEqual({
      field: 'Vive nel nucleo',
      from: 'Sì',
      to: 'No',
    });
    expect(inItalian('birthDate', null, '2016-03-05')).toMatchObject({ from: '—', to: '5 mar 2016' });
    expect(inItalian('languages', [], ['ar']).from).toBe('—');
    expect(
      changeInWords({ field: 'gender', from: 'female', to: 'male' }, { t: tEn, names, locale: 'en' }),
    ).toMatchObject({ field: 'Gender', from: 'Woman or girl', to: 'Man or boy' });
  });

  it('never shows the API’s name of a field it does not know', () => {
    expect(inItalian('somethingNew', 'a', 'b').field).toBe('Altro dato');
  });
});
