import { posix } from 'node:path';
import type { SaxesTagPlain } from 'saxes';
import { type GuardedArchive, openArchive } from './archive-guard.js';
import { FILE_LIMITS, type TableLimits } from './file-limits.js';
import { uploadRefusals } from './upload-refusals.js';
import { readXml, StopReading } from './xml-guard.js';

/**
 * Reads the first sheet of an uploaded XLSX as rows of text, within the limits: the archive is
 * checked by `openArchive`, every part is read through `readXml`, and the shared strings, rows,
 * columns, cells and cell length are counted as they are read. It stops after `maxRows` rows,
 * so a sheet of a million rows costs no more than the rows asked for.
 *
 * Why not exceljs's streaming reader: it reads local headers in file order (what it inflates is
 * not what the central directory says), keeps every shared string with no bound on count or length,
 * and spills sheets that come before the shared strings into temporary files.
 */
export async function readXlsxRows({
  data,
  maxRows = FILE_LIMITS.table.maxRows,
  limits = FILE_LIMITS.table,
}: {
  data: Buffer;
  maxRows?: number;
  limits?: TableLimits;
}): Promise<string[][]> {
  const archive = await openArchive({ data });
  const { sheet, sharedStrings } = await partsOf(archive);
  const strings = sharedStrings ? await readSharedStrings({ archive, name: sharedStrings, limits }) : [];
  return readSheet({ archive, name: sheet, strings, maxRows: Math.min(maxRows, limits.maxRows), limits });
}

class Unreadable extends Error {}

/** The workbook's first sheet (in the order the workbook shows them) and its shared strings. */
async function partsOf(archive: GuardedArchive) {
  const workbook = 'xl/workbook.xml';
  const relsName = 'xl/_rels/workbook.xml.rels';
  let firstSheetId: string | undefined;
  if (archive.has(workbook)) {
    await readXml({
      stream: await archive.open(workbook),
      handlers: {
        open(tag) {
          if (tag.name !== 'sheet') return;
          // The relationship id's prefix is the writer's choice (usually r:id).
          firstSheetId = Object.entries(tag.attributes).find(([key]) => key.endsWith(':id'))?.[1];
          throw new StopReading();
        },
      },
    });
  }
  const targets = new Map<string, string>();
  let sharedStrings: string | undefined;
  if (archive.has(relsName)) {
    await readXml({
      stream: await archive.open(relsName),
      handlers: {
        open(tag) {
          if (tag.name !== 'Relationship') return;
          const { Id: id, Target: target, Type: type } = tag.attributes;
          if (!id || !target) return;
          const path = target.startsWith('/') ? target.slice(1) : posix.join('xl', target);
          targets.set(id, path);
          if (type?.endsWith('/sharedStrings')) sharedStrings = path;
        },
      },
    });
  }
  const sheet =
    (firstSheetId && targets.get(firstSheetId)) ||
    archive.names
      .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))[0];
  if (!sheet || !archive.has(sheet)) throw new Unreadable('no sheet');
  sharedStrings ??= archive.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined;
  return { sheet, sharedStrings: sharedStrings && archive.has(sharedStrings) ? sharedStrings : undefined };
}

/** Each `<si>` is one string: its `<t>` texts joined (rich-text runs), phonetic hints left out. */
async function readSharedStrings({
  archive,
  name,
  limits,
}: {
  archive: GuardedArchive;
  name: string;
  limits: TableLimits;
}) {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  await readXml({
    stream: await archive.open(name),
    handlers: {
      open(tag) {
        if (tag.name === 'si') current = '';
        else if (tag.name === 'rPh') inPhonetic = true;
        else if (tag.name === 't' && !tag.isSelfClosing) inText = !inPhonetic;
      },
      text(text) {
        if (!inText || current === null) return;
        current += text;
        if (current.length > limits.maxCellChars) throw uploadRefusals.cellTooLong(limits.maxCellChars);
      },
      close(tagName) {
        if (tagName === 't') inText = false;
        else if (tagName === 'rPh') inPhonetic = false;
        else if (tagName === 'si' && current !== null) {
          // A sheet cannot use more distinct strings than it has cells.
          if (strings.length >= limits.maxCells) throw uploadRefusals.tooManyCells(limits.maxCells);
          strings.push(current);
          current = null;
        }
      },
    },
  });
  return strings;
}

/** Column number (1-based) of a cell reference such as "AB12". */
function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

interface OpenCell {
  column: number;
  type: string;
  value: string;
  inValue: boolean;
}

function cellText({ type, value }: OpenCell, strings: string[]): string {
  switch (type) {
    case 's':
      return strings[Number.parseInt(value, 10)] ?? '';
    case 'b':
      return String(Number.parseInt(value, 10) !== 0);
    case 'inlineStr':
    case 'str':
    case 'e':
    case 'd':
      return value;
    default: {
      const number = Number.parseFloat(value);
      return Number.isFinite(number) ? String(number) : value;
    }
  }
}

async function readSheet({
  archive,
  name,
  strings,
  maxRows,
  limits,
}: {
  archive: GuardedArchive;
  name: string;
  strings: string[];
  maxRows: number;
  limits: TableLimits;
}): Promise<string[][]> {
  const rows: string[][] = [];
  let row: string[] | null = null;
  let rowNumber = 0;
  let cell: OpenCell | null = null;
  let cells = 0;
  const openRow = (tag: SaxesTagPlain) => {
    const number = tag.attributes.r ? Number.parseInt(tag.attributes.r, 10) : rowNumber + 1;
    if (!Number.isSafeInteger(number) || number <= rowNumber) throw new Unreadable('rows out of order');
    if (number > maxRows) throw new StopReading();
    rowNumber = number;
    // Row numbers in an import report are the sheet's own, so empty rows keep their place.
    while (rows.length < number - 1) rows.push([]);
    row = [];
  };
  const openCell = (tag: SaxesTagPlain) => {
    if (!row) return;
    const column = tag.attributes.r ? columnOf(tag.attributes.r) : row.length + 1;
    if (column < 1) throw new Unreadable('bad cell reference');
    if (column > limits.maxColumns) throw uploadRefusals.tooManyColumns(limits.maxColumns);
    cells += 1;
    if (cells > limits.maxCells) throw uploadRefusals.tooManyCells(limits.maxCells);
    cell = { column, type: tag.attributes.t ?? 'n', value: '', inValue: false };
  };
  await readXml({
    stream: await archive.open(name),
    handlers: {
      open(tag) {
        if (tag.name === 'row') openRow(tag);
        else if (tag.name === 'c') openCell(tag);
        // A cached value <v>, or the text <t> of an inline string (rich runs included); never the formula.
        else if (cell && (tag.name === 'v' || tag.name === 't')) cell.inValue = true;
      },
      text(text) {
        if (!cell?.inValue) return;
        cell.value += text;
        if (cell.value.length > limits.maxCellChars) throw uploadRefusals.cellTooLong(limits.maxCellChars);
      },
      close(tagName) {
        if (cell && (tagName === 'v' || tagName === 't')) cell.inValue = false;
        else if (tagName === 'c' && cell && row) {
          while (row.length < cell.column - 1) row.push('');
          row[cell.column - 1] = cellText(cell, strings);
          cell = null;
        } else if (tagName === 'row' && row) {
          rows.push(row);
          row = null;
        }
      },
    },
  });
  return rows;
}
