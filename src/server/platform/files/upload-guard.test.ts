import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { partOf, xlsxBomb, xlsxOf, zipOf } from '../../../../test/harness/zip-bomb.js';
import { HttpProblem } from '../http/problem.js';
import { countedInflation, openArchive } from './archive-guard.js';
import { readCsvRows } from './csv-reader.js';
import { FILE_LIMITS } from './file-limits.js';
import { readUploadedTable } from './upload-guard.js';
import { readXlsxRows } from './xlsx-reader.js';

const GiB = 1024 * 1024 * 1024;

/** The refusal a call ends with: a problem naming the field "file". */
async function refusalOf(run: () => unknown) {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(HttpProblem);
    const problem = error as HttpProblem;
    expect(problem.errors?.[0]?.field).toBe('file');
    expect(problem.errors?.[0]?.message.it).toBeTruthy();
    expect(problem.errors?.[0]?.message.en).toBeTruthy();
    return { status: problem.status, code: problem.errors![0]!.code };
  }
  throw new Error('expected a refusal');
}

/** Runs `work` and reports how long it took and how far the heap grew above where it started. */
async function measured(work: () => Promise<unknown>) {
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 2);
  const began = performance.now();
  try {
    const result = await refusalOf(work);
    const ms = performance.now() - began;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const heapMiB = (peak - start) / 2 ** 20;
    // Reported so a run shows the numbers; asserted only loosely (a reader that kept the
    // strings would grow by the gigabyte).
    console.info(`${result.code}: ${ms.toFixed(0)} ms, heap growth ${heapMiB.toFixed(1)} MiB`);
    expect(heapMiB).toBeLessThan(64);
    return { result, ms };
  } finally {
    clearInterval(sampler);
  }
}

describe('the upload guard on a zip bomb', () => {
  // One megabyte that unpacks to a gigabyte of shared strings: the attack of the issue.
  const bomb = xlsxBomb({ size: GiB });

  it('refuses an XLSX that unpacks to a gigabyte from its directory, fast and without inflating it', async () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const { result, ms } = await measured(() => readXlsxRows({ data: bomb }));
    expect(result).toEqual({ status: 413, code: 'file_unpacks_too_large' });
    expect(ms).toBeLessThan(5_000);
  });

  it('refuses the same bomb when its headers lie about its size, while inflating it', async () => {
    // The directory says the shared strings are 4 KiB; only inflating can tell they are a gigabyte.
    const lying = xlsxBomb({ size: GiB, declaredSize: 4096 });
    const { result, ms } = await measured(() => readXlsxRows({ data: lying }));
    expect(result.status).toBe(422);
    expect(ms).toBeLessThan(5_000);
    // Lying just under the part bound: refused long before the gigabyte, whichever bound trips first.
    const nearly = xlsxBomb({ size: GiB, declaredSize: FILE_LIMITS.archive.maxPartBytes - 1024 });
    const second = await measured(() => readXlsxRows({ data: nearly }));
    expect([413, 422]).toContain(second.result.status);
  });

  it('refuses an archive for its declared ratio, its part count and its total', async () => {
    const ratio = zipOf([partOf('a.xml', Buffer.alloc(4 * 1024 * 1024, 'a'))]);
    expect(await refusalOf(() => openArchive({ data: ratio }))).toEqual({
      status: 422,
      code: 'file_suspicious_compression',
    });
    const many = zipOf(Array.from({ length: 12 }, (_, i) => partOf(`p${i}.xml`, '<a/>')));
    const limits = { ...FILE_LIMITS.archive, maxEntries: 10 };
    expect(await refusalOf(() => openArchive({ data: many, limits }))).toEqual({
      status: 413,
      code: 'file_too_many_parts',
    });
    const two = zipOf([partOf('a.xml', 'x'.repeat(600)), partOf('b.xml', 'y'.repeat(600))]);
    const small = { ...FILE_LIMITS.archive, maxTotalBytes: 1000 };
    expect(await refusalOf(() => openArchive({ data: two, limits: small }))).toEqual({
      status: 413,
      code: 'file_unpacks_too_large',
    });
  });

  it('stops inflating at the bound even when nothing else checks the size', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 'a'));
      },
    });
    const limits = { ...FILE_LIMITS.archive, maxPartBytes: 1024 * 1024, maxRatio: 1e9 };
    const counted = countedInflation({
      raw: endless,
      entry: { compressedSize: 1 },
      inflated: { total: 0 },
      limits,
    });
    expect(
      await refusalOf(async () => {
        for await (const _ of counted);
      }),
    ).toEqual({ status: 413, code: 'file_unpacks_too_large' });
    expect(produced).toBeLessThan(4 * 1024 * 1024);
    expect(endless.destroyed).toBe(true);
  });

  it('refuses damaged, duplicated, symbolic-link and non-ZIP input as 422', async () => {
    expect((await refusalOf(() => openArchive({ data: Buffer.from('not a zip') }))).status).toBe(422);
    const twice = zipOf([partOf('xl/workbook.xml', '<a/>'), partOf('xl/workbook.xml', '<b/>')]);
    expect(await refusalOf(() => openArchive({ data: twice }))).toEqual({
      status: 422,
      code: 'file_damaged',
    });
    const link = zipOf([{ ...partOf('xl/workbook.xml', '/etc/passwd'), symlink: true }]);
    expect(await refusalOf(() => openArchive({ data: link }))).toEqual({ status: 422, code: 'file_damaged' });
  });
});

describe('the bounded spreadsheet reader', () => {
  it('reads an honest sheet: shared and inline strings, numbers, booleans, gaps kept', async () => {
    const data = xlsxOf({
      strings: ['survivorReference', 'R-1', 'a &amp; b'],
      sheet:
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3"><v>1985</v></c><c r="D3" t="b"><v>1</v></c>' +
        '<c r="E3" t="inlineStr"><is><t>sì</t></is></c><c r="F3" t="s"><v>2</v></c></row>',
    });
    expect(await readXlsxRows({ data })).toEqual([
      ['survivorReference'],
      [],
      ['R-1', '', '1985', 'true', 'sì', 'a & b'],
    ]);
    // Rows past the caller's limit are not read at all.
    expect(await readXlsxRows({ data, maxRows: 1 })).toEqual([['survivorReference']]);
  });

  it('refuses a short sheet whose one cell sits in column 16,384 (millions of empty cells)', async () => {
    const rows = Array.from(
      { length: 10 },
      (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`,
    );
    const data = xlsxOf({ strings: [], sheet: rows.join('') });
    expect(await refusalOf(() => readXlsxRows({ data }))).toEqual({
      status: 413,
      code: 'file_too_many_columns',
    });
  });

  it('refuses too many shared strings, a cell too long, deep nesting and a DOCTYPE', async () => {
    const limits = { ...FILE_LIMITS.table, maxCells: 100, maxCellChars: 50 };
    const many = xlsxOf({ strings: Array.from({ length: 101 }, (_, i) => `s${i}`), sheet: '' });
    expect(await refusalOf(() => readXlsxRows({ data: many, limits }))).toEqual({
      status: 413,
      code: 'file_too_many_cells',
    });
    const long = xlsxOf({ strings: ['x'.repeat(51)], sheet: '' });
    expect(await refusalOf(() => readXlsxRows({ data: long, limits }))).toEqual({
      status: 413,
      code: 'file_cell_too_long',
    });
    const deep = xlsxOf({ strings: [], sheet: `${'<x>'.repeat(100)}${'</x>'.repeat(100)}` });
    expect(await refusalOf(() => readXlsxRows({ data: deep }))).toEqual({
      status: 422,
      code: 'file_markup_too_complex',
    });
    const doctype = zipOf([
      partOf('xl/workbook.xml', '<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook/>'),
      partOf('xl/worksheets/sheet1.xml', '<worksheet/>'),
    ]);
    expect((await refusalOf(() => readXlsxRows({ data: doctype }))).code).toBe('file_markup_too_complex');
  });
});

describe('the bounded CSV reader', () => {
  it('reads rows up to the limit asked for', () => {
    const data = Buffer.from('\uFEFFa,b\n1,2\n3,4\n5,6\n');
    expect(readCsvRows({ data, maxRows: 2 })).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads ";" as the separator when the header is split by it (Italian Excel), "," otherwise', () => {
    // Cells below the header may hold the other character: a list, or a decimal comma.
    const italian = Buffer.from(
      '\uFEFFGenere;Forme di violenza\nDonna;"Violenza fisica; Violenza sessuale"\nDonna;1,5\n',
    );
    expect(readCsvRows({ data: italian })).toEqual([
      ['Genere', 'Forme di violenza'],
      ['Donna', 'Violenza fisica; Violenza sessuale'],
      ['Donna', '1,5'],
    ]);
    const comma = Buffer.from('gender,forms\nfemale,physical;sexual\n');
    expect(readCsvRows({ data: comma })).toEqual([
      ['gender', 'forms'],
      ['female', 'physical;sexual'],
    ]);
    // A header that names things with commas in them, quoted, is still one field each.
    const quoted = Buffer.from('"Negazione di risorse, opportunità";Genere\nsì;Donna\n');
    expect(readCsvRows({ data: quoted })[0]).toEqual(['Negazione di risorse, opportunità', 'Genere']);
  });

  it('refuses too many columns, a field too long and too many cells', async () => {
    const wide = Buffer.from(`${','.repeat(FILE_LIMITS.table.maxColumns)}\n`);
    expect(await refusalOf(() => readCsvRows({ data: wide }))).toEqual({
      status: 413,
      code: 'file_too_many_columns',
    });
    const long = Buffer.from(`a\n${'x'.repeat(FILE_LIMITS.table.maxCellChars + 1)}\n`);
    expect(await refusalOf(() => readUploadedTable({ data: long, format: 'csv', maxRows: 10 }))).toEqual({
      status: 413,
      code: 'file_cell_too_long',
    });
    const cells = Buffer.from('a,b,c\n'.repeat(40));
    const limits = { ...FILE_LIMITS.table, maxCells: 100 };
    expect(await refusalOf(() => readCsvRows({ data: cells, limits }))).toEqual({
      status: 413,
      code: 'file_too_many_cells',
    });
  });
});
