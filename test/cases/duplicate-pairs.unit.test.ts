import { describe, expect, it } from 'vitest';
import { type DuplicateCandidate, duplicatePairs } from '../../src/server/modules/cases/duplicate-pairs.js';

const person = (id: string, extra: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  id,
  foldedName: 'fatima zahra',
  birthYear: 1990,
  birthDate: null,
  caseRole: 'victim',
  identifier: null,
  ...extra,
});
const find = (people: DuplicateCandidate[], related = () => false) =>
  duplicatePairs({ people, related }).map((p) => [p.a, p.b, p.signs, p.blockedBy]);

describe('duplicate pairs', () => {
  it('meet names in any order, a couple of letters apart, with day and month swapped', () => {
    expect(
      find([
        person('1', { birthDate: '1990-04-03' }),
        person('2', { foldedName: 'zahra fatema', birthDate: '1990-03-04' }),
      ]),
    ).toEqual([['1', '2', ['similar_name', 'similar_birth_date'], null]]);
  });

  it('keep apart different births, short names a letter apart, and an unknown birth with a different name', () => {
    expect(find([person('1'), person('2', { birthYear: 1991 })])).toEqual([]);
    expect(find([person('1', { foldedName: 'ali sa' }), person('2', { foldedName: 'ali se' })])).toEqual([]);
    expect(
      find([person('1', { birthYear: null }), person('2', { foldedName: 'fatima zahraa', birthYear: null })]),
    ).toEqual([]);
    expect(find([person('1', { birthYear: null }), person('2')])).toEqual([
      ['1', '2', ['same_name', 'birth_unknown'], null],
    ]);
  });

  it('pair the same identifier whatever the name, and say what forbids a merge', () => {
    const code = 'codice_fiscale:RSSMRA85T10A562S';
    expect(
      find([
        person('1', { identifier: code, foldedName: 'mario rossi' }),
        person('2', { identifier: code, birthYear: 1985 }),
      ]),
    ).toEqual([['1', '2', ['same_identifier'], null]]);
    expect(find([person('1'), person('2', { caseRole: 'perpetrator' })])[0]![3]).toBe('perpetrator');
    expect(find([person('1'), person('2', { caseRole: 'other' })])[0]![3]).toBe('different_role');
    expect(find([person('1'), person('2')], () => true)[0]![3]).toBe('related');
  });
});
