import type { FastifyInstance } from 'fastify';
import { problems } from '../http/problem.js';
import { unsafeCellErrors } from '../http/unsafe-text.js';
import { type GuardedArchive, openArchive } from './archive-guard.js';
import { readCsvRows } from './csv-reader.js';
import { FILE_LIMITS } from './file-limits.js';
import { readXlsxRows } from './xlsx-reader.js';

/**
 * The one way into the server for an uploaded file (README.md beside this file): the raw body is
 * taken with the upload byte limit, and its content is read only through the bounded readers
 * below. Each refuses with a problem+json naming "file" (413 over a bound, 422 for a file that is
 * not what it claims) before the file can cost more memory or time than FILE_LIMITS allow.
 */
export { FILE_LIMITS } from './file-limits.js';
export type { GuardedArchive };

/** The byte limit for a route that takes an upload (Fastify's `bodyLimit`). */
export const UPLOAD_BODY_LIMIT = FILE_LIMITS.uploadBytes;

/**
 * Takes these content types as a raw body (a Buffer) of at most the upload byte limit; a larger
 * body is refused by Fastify (413) as it streams in, before it is held.
 */
export function acceptRawUploads({ app, contentTypes }: { app: FastifyInstance; contentTypes: string[] }) {
  app.addContentTypeParser(
    contentTypes,
    { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
}

export type TableFormat = 'csv' | 'xlsx';

/** Rows of text of an uploaded table: at most `maxRows` are read, so a longer file can be reported. */
export async function readUploadedTable({
  data,
  format,
  maxRows,
}: {
  data: Buffer;
  format: TableFormat;
  maxRows: number;
}): Promise<string[][]> {
  const table =
    format === 'xlsx' ? await readXlsxRows({ data, maxRows }) : await readCsvRows({ data, maxRows });
  // NUL, control characters, lone surrogates: the same rule as every JSON field (platform/http),
  // for every table any module imports, named by row and column.
  const unsafe = unsafeCellErrors(table);
  if (unsafe.length > 0) throw problems.fields(unsafe);
  return table;
}

/** An uploaded ZIP container (DOCX, ODT, …), checked before any part is inflated. */
export function openUploadedArchive({ data }: { data: Buffer }): Promise<GuardedArchive> {
  return openArchive({ data });
}
