import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPublishedTable, TStatistics } from '../../src/contracts/observatory.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/**
 * The statistics files read like the dashboard: Italian sheet names and titles, the screen's
 * labels, hidden counts with the screen's one mark, the privacy note; CSV for Italian Excel
 * (semicolons, BOM); the long format for analysts with labels beside codes. On the demo
 * incidents of this year, which have both published and hidden counts.
 */
const YEAR = new Date().getFullYear();
let t: TestApp;
let coordinator: Session;
let stats: TStatistics;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn('coordinatrice');
  stats = (
    await coordinator.request({ method: 'GET', url: `/api/observatory/statistics?year=${YEAR}` })
  ).json() as TStatistics;
});
afterAll(() => t.close());

async function download(query: string) {
  const res = await coordinator.request({
    method: 'GET',
    url: `/api/observatory/statistics/export?year=${YEAR}&${query}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

async function workbookOf(query: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download(query)).rawPayload as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as arrays of values (column A first). */
function rowsOf(sheet: ExcelJS.Worksheet) {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

const table = (key: string) => stats.tables.find((tb) => tb.key === key) as TPublishedTable;
const shown = (value: number | null | undefined, hidden = 'riservato') => value ?? hidden;

describe('statistics export, the tables as on screen (default)', () => {
  it('writes an XLSX with Italian sheet names, the privacy note first, each table with its title, labels, totals and the screen’s mark', async () => {
    expect(stats.underK).toBe(false);
    const workbook = await workbookOf('format=xlsx');
    const names = workbook.worksheets.map((s) => s.name);
    expect(names[0]).toBe('Nota sulla riservatezza');
    expect(names).toContain("Fascia d'età e genere");
    expect(names).toContain('Tipo di violenza per Ambito');
    // No sheet named by an internal key, one sheet per published table, in the dashboard's order.
    for (const tb of stats.tables) expect(names).not.toContain(tb.key);
    expect(names).toHaveLength(stats.tables.length + 1);
    expect(names.slice(1, 5)).toEqual([
      'Forme di violenza',
      'Contesti della violenza',
      'Atti persecutori',
      'Fattori di rischio',
    ]);
    // People: the survivors first, then the incidents' tables.
    expect(names.indexOf('Persone seguite')).toBe(names.indexOf("Fascia d'età e genere") - 1);

    const note = rowsOf(workbook.getWorksheet('Nota sulla riservatezza')!).map((r) => r[0]);
    expect(note[0]).toBe(`Osservatorio sulla violenza di genere — anno ${YEAR}`);
    expect(note.join('\n')).toContain('i conteggi inferiori a 5 non sono mostrati');
    expect(note.join('\n')).toContain('«riservato»');

    // Age by gender, cell by cell against the dashboard's numbers.
    const ages = table('age-by-gender');
    const rows = rowsOf(workbook.getWorksheet("Fascia d'età e genere")!);
    expect(rows[0]).toEqual([`Fascia d'età e genere — ${YEAR}`]);
    expect(rows[1]).toEqual([
      "Unità: episodi. Una persona con più episodi nell'anno è contata per ciascuno.",
    ]);
    expect(rows[3]).toEqual([
      "Fascia d'età",
      'Donna o ragazza',
      'Uomo o ragazzo',
      'Altro',
      'Non dichiarato',
      'Totale',
    ]);
    expect(rows[4]![0]).toBe('0–11 anni');
    ages.rows.forEach((_, r) => {
      expect(rows[4 + r]!.slice(1)).toEqual([
        ...ages.cells[r]!.map((v) => shown(v)),
        shown(ages.rowTotals![r]),
      ]);
    });
    expect(rows[4 + ages.rows.length]).toEqual([
      'Totale',
      ...ages.columnTotals.map((v) => shown(v)),
      shown(ages.total),
    ]);

    // Every hidden count of the dashboard is the one word of the screen in the file, nothing else.
    let hidden = 0;
    let marks = 0;
    for (const tb of stats.tables)
      hidden += [...tb.cells.flat(), ...(tb.columnTotals ?? [])].filter((v) => v === null).length;
    for (const sheet of workbook.worksheets.slice(1)) {
      const rows = rowsOf(sheet);
      // Title (and what a share counts), a blank line, the header, then the table.
      const header = rows.findIndex((row) => row.length === 0) + 1;
      for (const row of rows.slice(header + 1))
        for (const value of row.slice(1)) {
          if (value === 'riservato') marks += 1;
          else expect(typeof value === 'number' || value === undefined, String(value)).toBe(true);
        }
    }
    expect(hidden).toBeGreaterThan(0);
    expect(marks).toBeGreaterThanOrEqual(hidden);
  });

  it('writes a semicolon CSV with a byte-order mark: the note, then each table under its title', async () => {
    const res = await download('format=csv');
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`osservatorio-${YEAR}.csv`);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const { data, errors } = Papa.parse<string[]>(res.body.slice(1), { delimiter: ';' });
    expect(errors).toEqual([]);
    expect(data[0]).toEqual([`Osservatorio sulla violenza di genere — anno ${YEAR}`]);
    expect(data.some((line) => line[0]?.includes('Regola di riservatezza'))).toBe(true);
    const at = data.findIndex((line) => line[0] === `Forme di violenza — ${YEAR}`);
    expect(at).toBeGreaterThan(0);
    // A shares table says its unit and what its values count, then its header and rows in words.
    expect(data[at + 1]![0]).toMatch(/^Unità: episodi\./);
    expect(data[at + 2]![0]).toContain('un episodio può averne più di una');
    expect(data[at + 3]).toEqual(['Forma', 'Episodi']);
    const forms = table('forms');
    expect(data[at + 4]).toEqual(['Violenza fisica', String(shown(forms.cells[0]![0]))]);
    expect(data[at + 4 + forms.rows.length]![0]).toBe('Episodi considerati');
    // Every table says its unit under its title; the survivors' table counts people.
    const people = data.findIndex((line) => line[0] === `Persone seguite nell'anno — ${YEAR}`);
    expect(people).toBeGreaterThan(0);
    expect(data[people + 1]![0]).toBe(
      'Unità: persone seguite (codici distinti per servizio e anno: chi è seguita da due servizi è contata da ciascuno).',
    );
    const followed = table('survivors').total;
    expect(data[people + 2]).toEqual(['Persone seguite', 'Persone']);
    expect(data[people + 3]).toEqual([
      "Persone seguite nell'anno (almeno un episodio registrato e contato)",
      String(shown(followed)),
    ]);
    const units = data.filter((line) => line[0]?.startsWith('Unità: ')).map((line) => line[0]);
    expect(units).toHaveLength(stats.tables.length);
    expect(data.flat()).toContain('riservato');
    expect(res.body).not.toContain('< 5');
  });

  it('writes the file in English when asked: English sheet names, labels and mark', async () => {
    const workbook = await workbookOf('format=xlsx&lang=en');
    const names = workbook.worksheets.map((s) => s.name);
    expect(names[0]).toBe('Privacy note');
    expect(names).toContain('Age band and gender');
    const rows = rowsOf(workbook.getWorksheet('Age band and gender')!);
    expect(rows[1]).toEqual([
      'Unit: incidents. A person with several incidents in the year is counted for each.',
    ]);
    expect(rows[3]).toEqual(['Age band', 'Woman or girl', 'Man or boy', 'Other', 'Not stated', 'Total']);
    expect(rowsOf(workbook.getWorksheet('People followed')!)[1]![0]).toMatch(/^Unit: people followed/);
    const values = workbook.worksheets.flatMap((s) => rowsOf(s).flat());
    expect(values).toContain('suppressed');
    expect(values).not.toContain('riservato');
  });
});

describe('statistics export, the long format for analysts', () => {
  it('gives one line per value, each label beside its code, after notes marked with #', async () => {
    const res = await download('format=csv&layout=long');
    expect(res.headers['content-disposition']).toContain(`osservatorio-${YEAR}-formato-lungo.csv`);
    expect(res.body.startsWith('\uFEFF# Osservatorio sulla violenza di genere')).toBe(true);
    // Every note stays a # line, in both languages: a ; or a quote in it would get it quoted.
    for (const body of [res.body, (await download('format=csv&layout=long&lang=en')).body]) {
      const notes = body.slice(1).split('\r\n').slice(0, 5);
      expect(
        notes.every((line) => line.startsWith('# ')),
        notes.join('\n'),
      ).toBe(true);
    }
    const lines = res.body
      .slice(1)
      .split('\r\n')
      .filter((line) => line && !line.startsWith('#'))
      .join('\r\n');
    const { data, errors } = Papa.parse<string[]>(lines, { delimiter: ';' });
    expect(errors).toEqual([]);
    expect(data[0]).toEqual([
      'Tabella',
      'Codice tabella',
      'Unità',
      'Codice unità',
      'Riga',
      'Codice riga',
      'Colonna',
      'Codice colonna',
      'Valore',
    ]);
    const ages = table('age-by-gender');
    const line = data.find((l) => l[1] === 'age-by-gender' && l[5] === '26-40' && l[7] === 'female');
    expect(line).toEqual([
      "Fascia d'età e genere",
      'age-by-gender',
      'Episodi',
      'incidents',
      '26–40 anni',
      '26-40',
      'Donna o ragazza',
      'female',
      String(shown(ages.cells[ages.rows.indexOf('26-40')]![ages.columns.indexOf('female')])),
    ]);
    const total = data.find((l) => l[1] === 'age-by-gender' && l[5] === 'total' && l[7] === 'total');
    expect(total?.slice(4, 8)).toEqual(['Totale', 'total', 'Totale', 'total']);
    expect(data.some((l) => l[8] === 'riservato')).toBe(true);
    // Every line names its unit: the survivors' table counts people, every other table incidents.
    const byUnit = new Map(data.slice(1).map((l) => [l[1], `${l[2]}|${l[3]}`]));
    expect(byUnit.get('survivors')).toBe('Persone|survivors');
    for (const tb of stats.tables)
      expect(byUnit.get(tb.key), tb.key).toBe(
        tb.unit === 'survivors' ? 'Persone|survivors' : 'Episodi|incidents',
      );

    const workbook = await workbookOf('format=xlsx&layout=long');
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Nota sulla riservatezza',
      'Dati (formato lungo)',
    ]);
    expect(rowsOf(workbook.worksheets[1]!).length).toBe(data.length);
  });
});
