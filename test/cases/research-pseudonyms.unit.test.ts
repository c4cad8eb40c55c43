import { describe, expect, it } from 'vitest';
import { pseudonymiseText } from '../../src/server/modules/cases/research-pseudonyms.js';

const family = [
  { code: 'P-AAAAA-BBBBB', givenName: 'Fatima', familyName: 'Zahra' },
  { code: 'P-CCCCC-DDDDD', givenName: 'Omar', familyName: 'Zahra' },
];

describe('pseudonymised research notes', () => {
  it('replace full names, names in either order, any case and accents, by the person’s code', () => {
    expect(
      pseudonymiseText(
        'FATIMA  zahra racconta; Fàtima dice che Omar dorme poco. Zahra Fatima annuisce.',
        family,
      ),
    ).toBe(
      'P-AAAAA-BBBBB racconta; P-AAAAA-BBBBB dice che P-CCCCC-DDDDD dorme poco. P-AAAAA-BBBBB annuisce.',
    );
  });

  it('leave words that only contain a name alone', () => {
    expect(pseudonymiseText('Omaretto e zahratina non sono nomi della famiglia.', family)).toBe(
      'Omaretto e zahratina non sono nomi della famiglia.',
    );
  });
});
