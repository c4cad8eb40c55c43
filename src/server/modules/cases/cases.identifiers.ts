import codiceFiscalePackage from 'codice-fiscale-js';
import type { TLocalizedText } from '../../../contracts/common.js';
import { randomTypedCode } from '../../platform/crypto/pseudonyms.js';

// The package is CommonJS: its default export is the module object, which holds the class.
const CodiceFiscale = (codiceFiscalePackage as unknown as { CodiceFiscale: typeof codiceFiscalePackage })
  .CodiceFiscale as unknown as {
  check(cf: string): boolean;
  new (cf: string): { year: number; gender: string };
};

/** A random code for a household or a case: readable aloud, says nothing about volume or person. */
export const randomCode = (prefix: 'N' | 'C') => randomTypedCode(prefix, 7);

/**
 * Checks a codice fiscale with the checksum and the coherence of its birth data (a maintained
 * library, not our own table of months and odd/even values). Returns why it fails, or null.
 */
export function codiceFiscaleProblem({
  cf,
  birthYear,
  gender,
}: {
  cf: string;
  birthYear: number | null | undefined;
  gender: string;
}): TLocalizedText | null {
  if (!CodiceFiscale.check(cf))
    return {
      it: 'Codice fiscale non valido (carattere di controllo).',
      en: 'Invalid codice fiscale (check character).',
    };
  const decoded = new CodiceFiscale(cf);
  if (birthYear && decoded.year % 100 !== birthYear % 100)
    return {
      it: "Il codice fiscale non corrisponde all'anno di nascita.",
      en: 'The codice fiscale does not match the birth year.',
    };
  const expected = gender === 'female' ? 'F' : gender === 'male' ? 'M' : null;
  if (expected && decoded.gender !== expected)
    return {
      it: 'Il codice fiscale non corrisponde al genere.',
      en: 'The codice fiscale does not match the gender.',
    };
  return null;
}
