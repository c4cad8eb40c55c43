import type { TLocalizedText } from '../../../contracts/common.js';
import { quoted, shown } from './observatory.import-errors.js';
import {
  allowedWords,
  type ColumnKind,
  codedSpelling,
  folded,
  type ImportColumn,
  type ReferenceLists,
  Spellings,
} from './observatory.import-vocabulary.js';

/** Reading one cell of the register (observatory.import.ts): its value for the schema, or what is wrong. */

type Cell = { value: unknown } | { problem: TLocalizedText };

/** Month names as people write them ("marzo", "mar", "March"), from the calendar of each language. */
const MONTH_NAMES = (() => {
  const names = new Spellings();
  for (const locale of ['it', 'en']) {
    for (const month of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        const number = String(m + 1).padStart(2, '0');
        names.add(format.format(new Date(Date.UTC(2000, m, 1))).replace(/\.$/, ''), number);
      }
    }
  }
  return names;
})();

/** Excel's day numbers for 2000-01-01 and 2100-12-31: a date cell arrives as one of these. */
const EXCEL_DAYS = { from: 36526, to: 73415 };

/** "2026-03", "03/2026", "15/03/2026", "marzo 2026", or an Excel date → "2026-03". */
export function monthOf(text: string): string | null {
  const t = folded(text).replace(/\.$/, '');
  const month = (year: string, m: string) => {
    const n = Number(m);
    return n >= 1 && n <= 12 ? `${year}-${String(n).padStart(2, '0')}` : null;
  };
  let match = /^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2}(?:[t ][\d:.]+z?)?)?$/.exec(t);
  if (match) return month(match[1]!, match[2]!);
  // Italian order: day (optional), month, year.
  match = /^(?:\d{1,2}[-/.])?(\d{1,2})[-/.](\d{4})$/.exec(t);
  if (match) return month(match[2]!, match[1]!);
  match = /^(\p{L}+)\.?[\s\-/']*(\d{4})$/u.exec(t);
  if (match) {
    const number = MONTH_NAMES.codeOf(match[1]!);
    return number ? `${match[2]}-${number}` : null;
  }
  if (/^\d{5}(\.\d+)?$/.test(t) && Number(t) >= EXCEL_DAYS.from && Number(t) <= EXCEL_DAYS.to) {
    const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(t)) * 86_400_000);
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  return null;
}

/** The dictionaries one import reads values with: fixed words and the reference lists' names. */
export interface Dictionaries {
  reference: ReferenceLists;
  yesNo: Spellings;
  references: Record<keyof ReferenceLists, Spellings>;
}

function notAllowed(raw: string[], column: ImportColumn, d: Dictionaries): TLocalizedText {
  const values = raw.map((r) => quoted({ it: r, en: r }));
  const allowed = allowedWords(column, d.reference);
  const [it, en] = [values.map((v) => v.it).join(', '), values.map((v) => v.en).join(', ')];
  const plural = raw.length > 1;
  const several = column.kind.type === 'list';
  return {
    it: `${it} ${plural ? 'non sono valori ammessi' : 'non è un valore ammesso'}. Valori ammessi${several ? ' (più di uno separati da «;»)' : ''}: ${allowed.it}.`,
    en: `${en} ${plural ? 'are not allowed values' : 'is not an allowed value'}. Allowed values${several ? ' (several separated by ";")' : ''}: ${allowed.en}.`,
  };
}

/** The items of a list cell: split at ";" (or "|"); an item that is no value may be several split at ",". */
function listItems(text: string, spellings: Spellings): string[] {
  // Split, then trim: a pattern with \s* around the separator takes quadratic time on long blanks.
  const split = (value: string, separator: RegExp) =>
    value
      .split(separator)
      .map((item) => item.trim())
      .filter(Boolean);
  return split(text, /[;|]/).flatMap((item) =>
    spellings.codeOf(item) === undefined && item.includes(',') ? split(item, /,/) : [item],
  );
}

/** A coded cell (a value, a list of values, a month, a year) is never longer than this. */
const MAX_CODED_CELL = 500;
/** One cell's value for the schema, or what is wrong with it. Empty is "not stated" (an empty list). */
export function cellOf(column: ImportColumn, raw: string, d: Dictionaries): Cell {
  const text = raw.trim();
  const kind: ColumnKind = column.kind;
  if (kind.type !== 'text' && text.length > MAX_CODED_CELL)
    return {
      problem: {
        it: `Il valore è troppo lungo per questa colonna (più di ${MAX_CODED_CELL} caratteri).`,
        en: `The value is too long for this column (more than ${MAX_CODED_CELL} characters).`,
      },
    };
  if (kind.type === 'list') {
    const spellings = codedSpelling(kind);
    const items = listItems(text, spellings);
    const unknown = items.filter((item) => spellings.codeOf(item) === undefined);
    if (unknown.length > 0) return { problem: notAllowed(unknown, column, d) };
    // The same value twice in a cell says nothing more: it is kept once.
    return { value: [...new Set(items.map((item) => spellings.codeOf(item)!))] };
  }
  if (text === '') return { value: undefined };
  switch (kind.type) {
    case 'choice':
    case 'yesNo':
    case 'flag':
    case 'reference': {
      const spellings =
        kind.type === 'choice'
          ? codedSpelling(kind)
          : kind.type === 'reference'
            ? d.references[kind.list]
            : d.yesNo;
      const code = spellings.codeOf(text);
      if (code === undefined) return { problem: notAllowed([text], column, d) };
      if (kind.type === 'yesNo' || kind.type === 'flag') return { value: code === 'yes' };
      return { value: code };
    }
    case 'month': {
      const month = monthOf(text);
      return month
        ? { value: month }
        : {
            problem: {
              it: `«${shown(text)}» non è un mese. Scrivi mese e anno, ad esempio 03/2026, 2026-03 o marzo 2026.`,
              en: `"${shown(text)}" is not a month. Write month and year, for example 03/2026, 2026-03 or March 2026.`,
            },
          };
    }
    case 'year':
      return /^\d{4}$/.test(text)
        ? { value: Number(text) }
        : {
            problem: {
              it: `«${shown(text)}» non è un anno. Scrivi quattro cifre, ad esempio 1990.`,
              en: `"${shown(text)}" is not a year. Write four digits, for example 1990.`,
            },
          };
    case 'number': {
      // A spreadsheet may hand a whole number over as "34.0".
      const match = /^(\d{1,3})(?:[.,]0+)?$/.exec(text);
      const n = match ? Number(match[1]) : Number.NaN;
      return n >= kind.min && n <= kind.max
        ? { value: n }
        : {
            problem: {
              it: `«${shown(text)}» non è un'età valida. Scrivi gli anni compiuti, un numero intero da ${kind.min} a ${kind.max}.`,
              en: `"${shown(text)}" is not a valid age. Write the completed years, a whole number from ${kind.min} to ${kind.max}.`,
            },
          };
    }
    case 'text':
      return { value: text };
  }
}
