import { problems } from '../http/problem.js';

/**
 * Why an uploaded file is refused: a problem+json naming the field "file", in Italian and English.
 * 413 for a file over a size bound (the person can split it), 422 for a file that is not what it
 * claims (damaged, lying about its sizes, built to unpack far beyond its size).
 */
const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const n = (value: number) => value.toLocaleString('it-IT');
const nEn = (value: number) => value.toLocaleString('en-GB');

function refusal(status: 413 | 422, code: string, it: string, en: string) {
  return problems.field('file', code, { it, en }, status);
}

export const uploadRefusals = {
  bodyTooLarge: (limit: number) =>
    refusal(413, 'file_too_large', `Il file supera ${mb(limit)}.`, `The file is over ${mb(limit)}.`),
  tooManyParts: (limit: number) =>
    refusal(
      413,
      'file_too_many_parts',
      `Il file contiene più di ${n(limit)} parti.`,
      `The file contains more than ${nEn(limit)} parts.`,
    ),
  partTooLarge: (limit: number) =>
    refusal(
      413,
      'file_unpacks_too_large',
      `Una parte del file, decompressa, supera ${mb(limit)}: dividi il file in più file.`,
      `A part of the file unpacks to more than ${mb(limit)}: split it into smaller files.`,
    ),
  totalTooLarge: (limit: number) =>
    refusal(
      413,
      'file_unpacks_too_large',
      `Il file, decompresso, supera ${mb(limit)}: dividi il file in più file.`,
      `The file unpacks to more than ${mb(limit)}: split it into smaller files.`,
    ),
  suspiciousRatio: () =>
    refusal(
      422,
      'file_suspicious_compression',
      'Il file si espande in modo anomalo quando viene decompresso e non viene letto.',
      'The file expands abnormally when unpacked and is not read.',
    ),
  damaged: () =>
    refusal(
      422,
      'file_damaged',
      'Il file è danneggiato, cifrato o dichiara dimensioni non vere.',
      'The file is damaged, encrypted or declares sizes that are not true.',
    ),
  markupTooComplex: () =>
    refusal(
      422,
      'file_markup_too_complex',
      'Il contenuto del file ha una struttura anomala (annidamento, attributi o testi troppo lunghi) e non viene letto.',
      'The file’s content has an abnormal structure (nesting, attributes or texts too long) and is not read.',
    ),
  tooManyColumns: (limit: number) =>
    refusal(
      413,
      'file_too_many_columns',
      `Il file ha più di ${n(limit)} colonne.`,
      `The file has more than ${nEn(limit)} columns.`,
    ),
  tooManyCells: (limit: number) =>
    refusal(
      413,
      'file_too_many_cells',
      `Il file ha più di ${n(limit)} celle: dividilo in più file.`,
      `The file has more than ${nEn(limit)} cells: split it into smaller files.`,
    ),
  cellTooLong: (limit: number) =>
    refusal(
      413,
      'file_cell_too_long',
      `Una cella supera ${n(limit)} caratteri.`,
      `A cell is longer than ${nEn(limit)} characters.`,
    ),
};
