import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The platform rule (README.md beside this file): every file input goes through
 * platform/files/upload-guard.ts. Outside platform/files no server code may take a raw body,
 * open an archive, inflate or parse uploaded XML/CSV itself: a new upload route that tried would
 * skip every bound, so this test names the file that does.
 */
const SERVER = join(import.meta.dirname, '../..');
const FILES = 'platform/files/';

/** Reference data shipped with the app is parsed at seed time, never uploaded. */
const SHIPPED_DATA_READERS = new Set(['seed/reference.ts']);

const FORBIDDEN: { what: string; pattern: RegExp; allowedIn: (path: string) => boolean }[] = [
  {
    what: 'a raw-body parser (use acceptRawUploads)',
    pattern: /parseAs:\s*['"]buffer['"]/,
    allowedIn: (path) => path === `${FILES}upload-guard.ts`,
  },
  {
    what: 'a ZIP, XML or CSV reader (use the upload guard’s readers)',
    pattern:
      /from ['"](yauzl|saxes|unzipper|jszip|adm-zip|fflate|sax|fast-xml-parser|xml2js|csv-parse[^'"]*)['"]/,
    allowedIn: (path) => path.startsWith(FILES) || SHIPPED_DATA_READERS.has(path),
  },
  {
    what: 'inflating (use openUploadedArchive)',
    pattern:
      /\b(createInflate|createInflateRaw|createGunzip|createUnzip|inflateSync|inflateRawSync|gunzipSync|unzipSync|createBrotliDecompress|brotliDecompressSync)\b/,
    allowedIn: (path) => path.startsWith(FILES),
  },
  {
    what: 'exceljs reading a file (unbounded: use readUploadedTable)',
    pattern: /WorkbookReader|\.xlsx\.(load|read)\(|\.csv\.read\(/,
    allowedIn: () => false,
  },
];

function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serverSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('every file input goes through the upload guard', () => {
  it('finds no raw-body parser, archive, XML or CSV reading outside platform/files', () => {
    const breaches: string[] = [];
    for (const file of serverSources(SERVER)) {
      const path = relative(SERVER, file).split('\\').join('/');
      const text = readFileSync(file, 'utf8');
      for (const rule of FORBIDDEN) {
        if (rule.pattern.test(text) && !rule.allowedIn(path)) breaches.push(`${path}: ${rule.what}`);
      }
    }
    expect(breaches).toEqual([]);
  });
});
