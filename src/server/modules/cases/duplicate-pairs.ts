import { distance } from 'fastest-levenshtein';
import type { TDuplicateSign, TMergeBlock } from '../../../contracts/person-merges.js';

/**
 * Which people of a service look like one person registered twice (issue 22, item 7). Names are
 * compared folded (trama_fold: no accents, no case) with their words in any order, since given and
 * family names are often swapped on foreign documents; spellings of one transliterated name
 * ("Mohammed", "Muhammad") are within two edits. A pair needs the same identifier, or a similar
 * name and a birth that agrees (the same date, day and month swapped, the same year, or unknown
 * on one side when the names are the same). People are compared within a birth year, an
 * identifier or a name, never all against all.
 */
export interface DuplicateCandidate {
  id: string;
  foldedName: string;
  birthYear: number | null;
  birthDate: string | null;
  caseRole: string;
  identifier: string | null;
}

export interface FoundPair {
  a: string;
  b: string;
  signs: TDuplicateSign[];
  blockedBy: TMergeBlock | null;
  score: number;
}

/** Spellings this close (edits on the whole name) are one name written twice. */
const NAME_EDITS = 2;
/** Names shorter than this are too common to be told apart by a couple of letters. */
const SIMILAR_NAME_MIN = 8;

const nameKey = (folded: string) =>
  folded
    .split(/[^a-z]+/)
    .filter(Boolean)
    .sort()
    .join(' ');

function nameSign(a: string, b: string): TDuplicateSign | null {
  if (a === b) return 'same_name';
  if (Math.min(a.length, b.length) >= SIMILAR_NAME_MIN && distance(a, b) <= NAME_EDITS) return 'similar_name';
  return null;
}

function birthSign(a: DuplicateCandidate, b: DuplicateCandidate): TDuplicateSign | 'different' {
  if (a.birthDate && b.birthDate) {
    if (a.birthDate === b.birthDate) return 'same_birth_date';
    const [ya, ma, da] = a.birthDate.split('-');
    const [yb, mb, db] = b.birthDate.split('-');
    return ya === yb && ma === db && da === mb ? 'similar_birth_date' : 'different';
  }
  if (a.birthYear !== null && b.birthYear !== null)
    return a.birthYear === b.birthYear ? 'same_birth_year' : 'different';
  return 'birth_unknown';
}

const SIGN_WEIGHT: Record<TDuplicateSign, number> = {
  same_identifier: 8,
  same_name: 4,
  similar_name: 2,
  same_birth_date: 3,
  similar_birth_date: 2,
  same_birth_year: 1,
  birth_unknown: 0,
};

/** What keeps two records apart even when they look alike. */
export function mergeBlock({
  a,
  b,
  related,
}: {
  a: { caseRole: string };
  b: { caseRole: string };
  related: boolean;
}): TMergeBlock | null {
  if ((a.caseRole === 'perpetrator') !== (b.caseRole === 'perpetrator')) return 'perpetrator';
  if (a.caseRole !== b.caseRole) return 'different_role';
  return related ? 'related' : null;
}

function compare(
  a: DuplicateCandidate,
  b: DuplicateCandidate,
  related: (a: string, b: string) => boolean,
): FoundPair | null {
  const signs: TDuplicateSign[] = [];
  if (a.identifier && a.identifier === b.identifier) signs.push('same_identifier');
  const name = nameSign(nameKey(a.foldedName), nameKey(b.foldedName));
  const birth = birthSign(a, b);
  const alike = name !== null && birth !== 'different' && (birth !== 'birth_unknown' || name === 'same_name');
  if (alike) signs.push(name, birth);
  if (signs.length === 0) return null;
  return {
    a: a.id,
    b: b.id,
    signs,
    blockedBy: mergeBlock({ a, b, related: related(a.id, b.id) }),
    score: signs.reduce((sum, s) => sum + SIGN_WEIGHT[s], 0),
  };
}

export function duplicatePairs({
  people,
  related,
}: {
  people: DuplicateCandidate[];
  related: (a: string, b: string) => boolean;
}): FoundPair[] {
  // Blocks: a birth year, an identifier, a name (which also meets those whose birth is unknown).
  const blocks = new Map<string, DuplicateCandidate[]>();
  const put = (key: string, person: DuplicateCandidate) =>
    blocks.set(key, [...(blocks.get(key) ?? []), person]);
  for (const person of people) {
    const year = person.birthYear ?? (person.birthDate ? Number(person.birthDate.slice(0, 4)) : null);
    if (year !== null) put(`year:${year}`, person);
    if (person.identifier) put(`id:${person.identifier}`, person);
    put(`name:${nameKey(person.foldedName)}`, person);
  }
  const found = new Map<string, FoundPair>();
  for (const block of blocks.values())
    for (let i = 0; i < block.length; i++)
      for (let j = i + 1; j < block.length; j++) {
        const [a, b] = block[i]!.id < block[j]!.id ? [block[i]!, block[j]!] : [block[j]!, block[i]!];
        const key = `${a.id}|${b.id}`;
        if (found.has(key)) continue;
        const pair = compare(a, b, related);
        if (pair) found.set(key, pair);
      }
  return [...found.values()].sort((x, y) => y.score - x.score || x.a.localeCompare(y.a));
}
