/**
 * Replaces the family's names in a researcher's note by their research codes (issue 22, item 4),
 * before the note is stored: the note is pseudonymised research data from the start. A name is
 * matched as a whole word, in any case and with or without its accents ("Fàtima" for "Fatima");
 * full names before their parts, so "Fatima Zahra" becomes one code, not two.
 */
export interface NamedPerson {
  code: string;
  givenName: string;
  familyName: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The name as a pattern: each letter may carry combining marks (the text is compared decomposed). */
function namePattern(name: string) {
  const bare = name.normalize('NFD').replace(/\p{M}/gu, '');
  return [...bare].map((c) => (/\s/.test(c) ? '\\s+' : `${escapeRegExp(c)}\\p{M}*`)).join('');
}

export function pseudonymiseText(text: string, people: NamedPerson[]) {
  const terms = people
    .flatMap((p) => [
      { name: `${p.givenName} ${p.familyName}`, code: p.code },
      { name: `${p.familyName} ${p.givenName}`, code: p.code },
      { name: p.givenName, code: p.code },
      { name: p.familyName, code: p.code },
    ])
    .filter((t) => t.name.trim().length >= 2)
    .sort((a, b) => b.name.length - a.name.length);
  let out = text.normalize('NFD');
  for (const term of terms)
    out = out.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${namePattern(term.name.trim())}(?![\\p{L}\\p{N}])`, 'giu'),
      term.code,
    );
  return out.normalize('NFC');
}
