import { parse } from 'csv-parse/sync';
import type { HttpProblem } from '../http/problem.js';
import { FILE_LIMITS, type TableLimits } from './file-limits.js';
import { uploadRefusals } from './upload-refusals.js';

/** Bytes of the file's start read to tell its separator: a header row fits many times over. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The file's field separator, "," or ";": Italian Excel saves CSV with ";" (the comma is the
 * decimal mark there). The header row decides — the separator that splits it into more fields —
 * since cells below may hold either character. Only the file's start is parsed, so a header of
 * millions of separators cannot cost more than the bounded read below.
 */
export function delimiterOf(data: Buffer): ',' | ';' {
  const head = data.subarray(0, SNIFF_BYTES);
  const fields = (delimiter: string) => {
    try {
      const [first] = parse(head, { bom: true, delimiter, to: 1, relax_column_count: true }) as string[][];
      return first?.length ?? 0;
    } catch {
      // A start cut inside a quoted header, or not CSV at all: the full read below says so.
      return 0;
    }
  };
  return fields(';') > fields(',') ? ';' : ',';
}

/**
 * Reads an uploaded CSV (separated by "," or ";") as rows of text, within the same limits as a spreadsheet: at most
 * `maxRows` rows are read (the rest is not parsed), and each field is checked as the parser
 * finishes it, so "a,a,a,…" cannot turn five megabytes into millions of cells.
 */
export function readCsvRows({
  data,
  maxRows = FILE_LIMITS.table.maxRows,
  limits = FILE_LIMITS.table,
}: {
  data: Buffer;
  maxRows?: number;
  limits?: TableLimits;
}): string[][] {
  if (data.length > FILE_LIMITS.uploadBytes) throw uploadRefusals.bodyTooLarge(FILE_LIMITS.uploadBytes);
  let cells = 0;
  // csv-parse wraps what the cast function throws; the refusal is kept here and thrown as is.
  let refusal: HttpProblem | undefined;
  const refuse = (problem: HttpProblem): never => {
    refusal = problem;
    throw problem;
  };
  try {
    return parse(data, {
      bom: true,
      delimiter: delimiterOf(data),
      skip_empty_lines: false,
      relax_column_count: true,
      to: Math.min(maxRows, limits.maxRows),
      cast: (value, { column }) => {
        if (typeof column === 'number' && column >= limits.maxColumns) {
          refuse(uploadRefusals.tooManyColumns(limits.maxColumns));
        }
        cells += 1;
        if (cells > limits.maxCells) refuse(uploadRefusals.tooManyCells(limits.maxCells));
        if (value.length > limits.maxCellChars) refuse(uploadRefusals.cellTooLong(limits.maxCellChars));
        return value;
      },
    }) as string[][];
  } catch (error) {
    throw refusal ?? error;
  }
}
