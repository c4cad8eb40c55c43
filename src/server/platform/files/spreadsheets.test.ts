import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv, toXlsx } from './spreadsheets.js';
import { readXlsxRows } from './xlsx-reader.js';

describe('files out', () => {
  it('neutralises every text a spreadsheet would run, and leaves numbers alone', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '|x']) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    }
    expect(neutraliseFormula('< 5')).toBe('< 5');
    expect(neutraliseFormula(-3)).toBe(-3);
    expect(toCsv({ header: ['a'], rows: [['=HYPERLINK("x")']] })).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes CSV as Italian Excel opens it: byte-order mark, semicolons, CRLF, lines of any length', () => {
    expect(toCsv({ header: ['a', 'b'], rows: [[1, 'x;y'], [null]] })).toBe('\uFEFFa;b\r\n1;"x;y"\r\n\r\n');
    expect(toCsv({ rows: [['titolo'], ['a', 2]] })).toBe('\uFEFFtitolo\r\na;2\r\n');
  });

  it('writes a sheet of notes only, and totals in bold under the table', async () => {
    const data = await toXlsx([
      { name: 'nota', notes: ['Titolo', 'Regola'], header: [], rows: [] },
      { name: 't', notes: ['Titolo'], header: ['Riga', 'n'], rows: [['a', 5]], footer: [['Totale', 5]] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    const [note, table] = workbook.worksheets;
    expect(note!.rowCount).toBe(2);
    expect(note!.getRow(1).font?.bold).toBe(true);
    expect(table!.getRow(5).values).toEqual([undefined, 'Totale', 5]);
    expect(table!.getRow(5).font?.bold).toBe(true);
  });

  it('writes XLSX without formulas and reads it back', async () => {
    const data = await toXlsx([{ name: 't', notes: ['=note'], header: ['a', 'b'], rows: [['=1+1', 7]] }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getRow(4).getCell(1);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe("'=1+1");
    const rows = await readXlsxRows({ data });
    expect(rows[0]).toEqual(["'=note"]);
    expect(rows[3]).toEqual(["'=1+1", '7']);
  });
});
