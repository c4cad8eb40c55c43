import type { TLocalizedText } from '../../../contracts/common.js';
import { type FieldError, HttpProblem } from '../../platform/http/problem.js';

/**
 * What is wrong with a register, said to the person who keeps it: the row as the spreadsheet
 * numbers it, the column by its header's words, and what to write instead. One problem that
 * repeats down a column (a whole column of "F" for the gender) is listed once with its rows.
 */
export interface ImportIssue {
  /** The spreadsheet's row (the header is row 1); null for the file as a whole. */
  row: number | null;
  /** The API field the column holds ("file" for the whole file or an unknown column). */
  field: string;
  /** The column in words, e.g. «Fascia d'età» or "colonna C". */
  column: TLocalizedText | null;
  /** Full sentences: what is wrong and what is allowed. */
  problem: TLocalizedText;
}

/** Problems listed in one answer; the rest are counted. A person fixes the first ones and tries again. */
export const MAX_LISTED_PROBLEMS = 50;
/** Row numbers written out in one problem before "and N more". */
const MAX_LISTED_ROWS = 12;

/** What the file said, quoted in a message: cut short, so a hostile cell cannot swell the answer. */
export const SHOWN_LENGTH = 40;
export const shown = (text: string) =>
  text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}…` : text;
export const quoted = (text: TLocalizedText): TLocalizedText => ({
  it: `«${shown(text.it)}»`,
  en: `"${shown(text.en)}"`,
});

/** "colonna «Fascia d'età»" for a known column. */
export const columnNamed = (label: TLocalizedText): TLocalizedText => ({
  it: `colonna «${label.it}»`,
  en: `column "${label.en}"`,
});

/** "colonna C" for a column the register does not know, by the letter the spreadsheet shows. */
export function columnAt(index: number): TLocalizedText {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return { it: `colonna ${letters}`, en: `column ${letters}` };
}

/** 3, 5, 6, 7, 9 → "3, 5–7, 9"; long lists end with "e altre N" / "and N more". */
function rowsText(rows: number[]): TLocalizedText {
  const runs: [number, number][] = [];
  for (const row of rows) {
    const last = runs.at(-1);
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  const shown = runs.slice(0, MAX_LISTED_ROWS).map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`));
  const hidden = runs.slice(MAX_LISTED_ROWS).reduce((n, [a, b]) => n + b - a + 1, 0);
  const list = shown.join(', ');
  if (rows.length === 1 && rows[0] === 1) return { it: 'Riga 1 (intestazioni)', en: 'Row 1 (headers)' };
  if (rows.length === 1) return { it: `Riga ${list}`, en: `Row ${list}` };
  if (hidden === 0) return { it: `Righe ${list}`, en: `Rows ${list}` };
  return { it: `Righe ${list} e altre ${hidden}`, en: `Rows ${list} and ${hidden} more` };
}

interface Group {
  issue: ImportIssue;
  rows: number[];
}

/** Issues with the same column and the same problem become one, in the order they first occur. */
function grouped(issues: readonly ImportIssue[]): Group[] {
  const groups = new Map<string, Group>();
  for (const issue of issues) {
    const key = JSON.stringify([issue.field, issue.column?.it, issue.problem.it, issue.row === null]);
    const group = groups.get(key);
    if (!group) groups.set(key, { issue, rows: issue.row === null ? [] : [issue.row] });
    else if (issue.row !== null && group.rows.at(-1) !== issue.row) group.rows.push(issue.row);
  }
  // Stable: within a row, problems keep the columns' order.
  return [...groups.values()].sort((a, b) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0));
}

function errorOf({ issue, rows }: Group): FieldError {
  const where = (language: 'it' | 'en') => {
    const parts = [rows.length > 0 ? rowsText(rows)[language] : null, issue.column?.[language]];
    const place = parts.filter(Boolean).join(', ');
    const problem = issue.problem[language];
    // After "Riga 3, colonna «…»:" the sentence goes on in lower case, as Italian and English write it.
    return place ? `${place}: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}` : problem;
  };
  return { field: issue.field, code: 'import', message: { it: where('it'), en: where('en') } };
}

/**
 * The 400 answer for a register that cannot be imported: nothing was written; the first problems
 * are listed in words, and the detail says how many rows are affected and how many are not listed.
 */
export function registerProblem(issues: readonly ImportIssue[], stoppedEarly = false): HttpProblem {
  const groups = grouped(issues);
  const listed = groups.slice(0, MAX_LISTED_PROBLEMS);
  const unlisted = groups.length - listed.length;
  const rows = new Set(issues.flatMap((i) => (i.row !== null && i.row > 1 ? [i.row] : []))).size;
  const detail: TLocalizedText =
    rows > 0
      ? {
          it: `Non è stato importato nulla: ${rows === 1 ? '1 riga ha' : `${rows} righe hanno`} errori. Correggi il file e caricalo di nuovo.`,
          en: `Nothing was imported: ${rows === 1 ? '1 row has' : `${rows} rows have`} errors. Correct the file and upload it again.`,
        }
      : {
          it: 'Non è stato importato nulla. Correggi il file e caricalo di nuovo.',
          en: 'Nothing was imported. Correct the file and upload it again.',
        };
  if (unlisted > 0) {
    detail.it += ` Sono elencati i primi ${listed.length} errori; altri ${unlisted} non sono elencati.`;
    detail.en += ` The first ${listed.length} errors are listed; ${unlisted} more are not.`;
  }
  if (stoppedEarly) {
    detail.it += ' La lettura si è fermata prima della fine del file: troppi errori.';
    detail.en += ' Reading stopped before the end of the file: too many errors.';
  }
  return new HttpProblem(
    400,
    'validation',
    { it: 'Registro non importato', en: 'Register not imported' },
    detail,
    listed.map(errorOf),
  );
}
