import { randomBytes } from 'node:crypto';
import codiceFiscalePackage from 'codice-fiscale-js';
import type { TLocalizedText } from '../../../contracts/common.js';

// The package is CommonJS: its default export is the module object, which holds the class.
const CodiceFiscale = (codiceFiscalePackage as unknown as { CodiceFiscale: typeof codiceFiscalePackage })
  .CodiceFiscale as unknown as {
  check(cf: string): boolean;
  new (cf: string): { year: number; gender: string };
};

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A random code for a household or a case: readable aloud, says nothing about volume or person. */
export function randomCode(prefix: 'N' | 'C') {
  const bytes = randomBytes(7);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b % 32];
  return `${prefix}-${code}`;
}

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
