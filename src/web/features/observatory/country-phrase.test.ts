import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { ofCountry } from './country-phrase.js';

/** The names Trama's reference data holds (the seed loads them from the same package). */
const it_ = (code: string) => ofCountry({ code, name: countries.getName(code, 'it')!, locale: 'it' });
const en = (code: string) => ofCountry({ code, name: countries.getName(code, 'en')!, locale: 'en' });

describe('a country after "of"', () => {
  it('takes the Italian article of its gender, number and first sound', () => {
    expect(
      ['MA', 'NG', 'AL', 'US', 'PK', 'SN', 'UA', 'IN', 'RO', 'EG', 'YE', 'ZW', 'PS', 'NL', 'AE', 'GB'].map(
        it_,
      ),
    ).toEqual([
      'del Marocco',
      'della Nigeria',
      "dell'Albania",
      "degli Stati Uniti d'America",
      'del Pakistan',
      'del Senegal',
      "dell'Ucraina",
      "dell'India",
      'della Romania',
      "dell'Egitto",
      'dello Yemen',
      'dello Zimbabwe',
      'dello Stato di Palestina',
      'dei Paesi Bassi',
      'degli Emirati Arabi Uniti',
      'del Regno Unito',
    ]);
  });

  it('follows usage where the ending misleads or no article is used', () => {
    expect(['KE', 'GH', 'ZA', 'PH', 'KY', 'CI', 'GW', 'CU', 'SV', 'IL', 'VA', 'PA', 'HN'].map(it_)).toEqual([
      'del Kenya',
      'del Ghana',
      'del Sudafrica',
      'delle Filippine',
      'delle Isole Cayman',
      "della Costa d'Avorio",
      'della Guinea-Bissau',
      'di Cuba',
      'di El Salvador',
      'di Israele',
      'della Città del Vaticano',
      'del Panamá',
      "dell'Honduras",
    ]);
  });

  it('gives every country of the reference data one of the Italian forms', () => {
    for (const code of Object.keys(countries.getNames('it')))
      expect(it_(code)).toMatch(/^(del |dello |della |dell'|dei |degli |delle |di )\S/);
  });

  it('reads "of Morocco", "of the Netherlands" in English', () => {
    expect(['MA', 'NL', 'US', 'GB', 'CD', 'MD', 'MK', 'NG'].map(en)).toEqual([
      'of Morocco',
      'of the Netherlands',
      'of the United States of America',
      'of the United Kingdom',
      'of the Democratic Republic of the Congo',
      'of Moldova',
      'of the Republic of North Macedonia',
      'of Nigeria',
    ]);
  });
});
