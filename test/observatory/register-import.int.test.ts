import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/platform/db/client.js';
import { createTestApp, type Session, type TestApp } from '../harness/test-app.js';

/*
 * A centre's register written with the incident form's words: headers as the form labels its
 * fields, values as its options show them, in Italian (or English); the API's names and codes still
 * work. Labels are read from the operator app's catalogues, as the form reads them.
 */
type Messages = Record<string, Record<string, string>>;
const catalogue = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const incidents = {
  it: catalogue('src/web/features/incidents/i18n/it.json').incidents as Messages,
  en: catalogue('src/web/features/incidents/i18n/en.json').incidents as Messages,
};
const enums = {
  it: catalogue('src/web/i18n/it.json').enums as Messages,
  en: catalogue('src/web/i18n/en.json').enums as Messages,
};
/** The form's label of a field (the core type is titled as in the list: the form derives it). */
const label = (field: string, language: 'it' | 'en' = 'it') =>
  field === 'coreType' ? incidents[language].columns!.coreType! : incidents[language].form![field]!;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let cav: Session;
beforeAll(async () => {
  t = await createTestApp();
  cav = await t.signIn('operatrice.cav');
});
afterAll(() => t.close());

/** A CSV as Italian Excel saves it: ";" between cells, a byte-order mark, quotes where needed. */
const italianCsv = (rows: string[][]) => `\uFEFF${stringify(rows, { delimiter: ';' })}`;

async function importFile(payload: string | Buffer, contentType = 'text/csv') {
  return cav.request({
    method: 'POST',
    url: '/api/incidents/import',
    payload,
    headers: { 'content-type': contentType },
  });
}

async function incidentCount() {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from incidents`);
  return row!.n;
}

const FIELDS = [
  'survivorReference',
  'incidentMonth',
  'ageBand',
  'gender',
  'citizenship',
  'language',
  'interpreterNeeded',
  'interpreterUsed',
  'municipality',
  'coreType',
  'forms',
  'childrenWitnessed',
  'authorRelationship',
  'riskIndicators',
  'firstContact',
  'referredTo',
  'consentReporting',
];

/** One incident in the form's Italian words, and the same one in the API's codes. */
const IN_WORDS = [
  'CAV/2019-7',
  '03/2019',
  '26-40 anni',
  'Donna',
  'Marocco',
  'arabo',
  'Sì',
  'no',
  'Treviglio',
  'Aggressione fisica',
  'Violenza fisica; violenza psicologica',
  'SI',
  'Coniuge o partner convivente',
  'Minacce di morte',
  'Pronto soccorso o servizi sanitari',
  'Centro antiviolenza; Avvocato o servizi legali',
  'Sì',
];
const IN_CODES = [
  'CAV/2019-7',
  '2019-03',
  '26-40',
  'female',
  'MA',
  'ar',
  'yes',
  'no',
  '016219',
  'physical_assault',
  'physical;psychological',
  'true',
  'spouse_partner',
  'threats_to_kill',
  'health_emergency',
  'anti_violence_centre;legal',
  'yes',
];

describe('a register in the form\u2019s words', () => {
  it('imports Italian headers and values (";" CSV), stored as the same codes as a register in codes', async () => {
    const header = FIELDS.map((f) => label(f));
    // Headers compared without case, accents or typographic apostrophes, as people retype them.
    header[2] = "FASCIA D'ETA";
    header[8] = header[8]!.replace("'", '\u2019');
    const res = await importFile(italianCsv([header, IN_WORDS]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 1, created: 1, alreadyPresent: 0 });

    const [stored] = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`select incident_month, age_band, gender, citizenship, language, interpreter_needed,
                 interpreter_used, municipality, core_type, forms, children_present, children_witnessed,
                 author_relationship, risk_indicators, first_contact, referred_to, consent_reporting
          from incidents where import_key is not null order by created_at desc limit 1`,
    );
    expect(stored).toEqual({
      incident_month: '2019-03',
      age_band: '26-40',
      gender: 'female',
      citizenship: 'MA',
      language: 'ar',
      interpreter_needed: true,
      interpreter_used: false,
      municipality: '016219',
      core_type: 'physical_assault',
      forms: ['physical', 'psychological'],
      children_present: true,
      children_witnessed: true,
      author_relationship: 'spouse_partner',
      risk_indicators: ['threats_to_kill'],
      first_contact: 'health_emergency',
      referred_to: ['anti_violence_centre', 'legal'],
      consent_reporting: true,
    });

    // The API's names and codes, comma-separated: the very same incident, so nothing new.
    const inCodes = await importFile(stringify([FIELDS, IN_CODES]));
    expect(inCodes.statusCode, inCodes.body).toBe(200);
    expect(inCodes.json()).toEqual({ rows: 1, created: 0, alreadyPresent: 1 });
  });

  it('reads English labels and an Excel date and yes/no cell in an XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow(FIELDS.map((f) => label(f, 'en')));
    const english = FIELDS.map((field, i) => {
      if (field === 'incidentMonth') return new Date(Date.UTC(2019, 4, 17));
      if (field === 'childrenWitnessed') return false;
      if (field === 'survivorReference') return 'CAV/2019-8';
      const group: Record<string, [string, string]> = {
        ageBand: ['ageBand', '26-40'],
        gender: ['gender', 'female'],
        coreType: ['coreType', 'physical_assault'],
        authorRelationship: ['authorRelationship', 'former_partner'],
        firstContact: ['pathwayService', 'police'],
      };
      const coded = group[field];
      if (coded) return enums.en[coded[0]]![coded[1]]!;
      if (field === 'citizenship') return 'Morocco';
      if (field === 'language') return 'Arabic';
      if (field === 'forms') return `${enums.en.violenceForm!.physical}; ${enums.en.violenceForm!.economic}`;
      return IN_CODES[i]!;
    });
    sheet.addRow(english);
    const res = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(1);
    const [stored] = await queryRows<{ incident_month: string; forms: string[]; children_present: boolean }>(
      t.database.db,
      sql`select incident_month, forms, children_present from incidents
          where import_key is not null order by created_at desc limit 1`,
    );
    expect(stored).toEqual({
      incident_month: '2019-05',
      forms: ['physical', 'economic'],
      children_present: false,
    });
  });
});

describe('a register with mistakes', () => {
  const header = FIELDS.map((f) => label(f));
  const withCell = (field: string, value: string, reference: string) =>
    IN_WORDS.map((v, i) => (FIELDS[i] === field ? value : i === 0 ? reference : v));

  it('names the spreadsheet row, the column in words and the allowed values; imports nothing', async () => {
    const before = await incidentCount();
    const res = await importFile(
      italianCsv([
        header,
        withCell('survivorReference', 'E-1', 'E-1'),
        withCell('ageBand', '70-80', 'E-2'),
        withCell('gender', 'F', 'E-3'),
        withCell('gender', 'F', 'E-4'),
        withCell('gender', 'F', 'E-5'),
        withCell('municipality', 'Milano', 'E-6'),
        withCell('forms', 'Violenza psicologica', 'E-7'),
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(await incidentCount()).toBe(before);
    const body = res.json() as {
      detail: string;
      errors: { field: string; message: { it: string; en: string } }[];
    };
    const it = body.errors.map((e) => e.message.it);
    const ageBands = Object.values(enums.it.ageBand!).join('; ');
    expect(it).toContain(
      `Riga 3, colonna «${label('ageBand')}»: «70-80» non è un valore ammesso. Valori ammessi: ${ageBands}.`,
    );
    // One mistake repeated down a column is one problem, with its rows.
    expect(it).toContain(
      `Righe 4–6, colonna «${label('gender')}»: «F» non è un valore ammesso. Valori ammessi: ${Object.values(enums.it.gender!).join('; ')}.`,
    );
    const comune = it.find((m) => m.startsWith('Riga 7'))!;
    expect(comune).toContain(`colonna «${label('municipality')}»: «Milano» non è un valore ammesso`);
    expect(comune).toContain('Caravaggio; ');
    expect(comune).toContain('codice ISTAT');
    expect(it.find((m) => m.startsWith('Riga 8'))).toBe(
      `Riga 8, colonna «${label('forms')}»: deve comprendere «${enums.it.violenceForm!.physical}», la forma implicata dal tipo «${enums.it.coreType!.physical_assault}».`,
    );
    expect(
      res.json().errors.find((e: { message: { en: string } }) => e.message.en.startsWith('Row 3'))?.message
        .en,
    ).toContain(`column "${label('ageBand', 'en')}"`);
    // Words for people, never the API's names or codes.
    for (const message of body.errors.flatMap((e) => [e.message.it, e.message.en])) {
      expect(message).not.toMatch(/ageBand|gender|municipality|physical_assault|\b26-40\b/);
    }
    expect(body.errors.map((e) => e.field)).toEqual(['ageBand', 'gender', 'municipality', 'forms']);
    expect(body.detail).toContain('6 righe hanno errori');
  });

  it('refuses an unknown or missing column before reading the rows', async () => {
    const unknown = await importFile(
      italianCsv([
        [...header, 'nome'],
        [...IN_WORDS, 'Fatima'],
      ]),
    );
    expect(unknown.statusCode).toBe(400);
    const [first] = unknown.json().errors;
    expect(first.message.it).toMatch(
      /^Riga 1 \(intestazioni\), colonna R: «nome» non è una colonna del registro/,
    );
    const missing = await importFile(italianCsv([header.slice(1), IN_WORDS.slice(1)]));
    expect(missing.json().errors[0].message.it).toBe(
      `Riga 1 (intestazioni): manca la colonna «${label('survivorReference')}», che serve per registrare gli episodi.`,
    );
  });

  it('lists the first 50 problems and counts the rest', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [
      ...withCell('survivorReference', `R-${i}`, ''),
      `anno ${i}`,
    ]);
    const res = await importFile(italianCsv([[...header, label('birthYear')], ...rows]));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors).toHaveLength(50);
    expect(body.errors[0].message.it).toBe(
      `Riga 2, colonna «${label('birthYear')}»: «anno 0» non è un anno. Scrivi quattro cifre, ad esempio 1990.`,
    );
    expect(body.localized.it.detail).toBe(
      'Non è stato importato nulla: 60 righe hanno errori. Correggi il file e caricalo di nuovo. Sono elencati i primi 50 errori; altri 10 non sono elencati.',
    );
    expect(body.localized.en.detail).toContain('The first 50 errors are listed; 10 more are not.');
  });
  it('answers a hostile file briefly: long cells are not echoed, and reading stops at the problem cap', async () => {
    const long = `a${' '.repeat(2_000)}a`;
    const rows = Array.from({ length: 1100 }, (_, i) => withCell('forms', i < 50 ? long : 'zzz', `H-${i}`));
    const res = await importFile(italianCsv([header, ...rows]));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors[0].message.it).toContain('troppo lungo');
    expect(res.body.length).toBeLessThan(60_000);
    expect(res.body).not.toContain(' '.repeat(100));
    expect(body.localized.it.detail).toContain('La lettura si è fermata prima della fine del file');
  });
});

describe('the register template', () => {
  async function template(query = '') {
    const res = await cav.request({ method: 'GET', url: `/api/incidents/import/template${query}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return { workbook, payload: res.rawPayload };
  }

  /** The values a cell's drop-down offers, read from the sheet its formula points to. */
  function dropDown(workbook: ExcelJS.Workbook, cell: ExcelJS.Cell): string[] {
    expect(cell.dataValidation?.type).toBe('list');
    const match = /^'?([^'!]+)'?!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(
      String(cell.dataValidation.formulae[0]),
    );
    expect(match).not.toBeNull();
    const [, sheetName, column, from, to] = match!;
    const sheet = workbook.getWorksheet(sheetName!)!;
    const values: string[] = [];
    for (let row = Number(from); row <= Number(to); row++)
      values.push(String(sheet.getCell(`${column}${row}`).value));
    return values;
  }

  it('has the form\u2019s Italian headers, drop-downs in words and a legend', async () => {
    const { workbook } = await template();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Registro', 'Legenda', 'Valori']);
    const register = workbook.getWorksheet('Registro')!;
    const headers = (register.getRow(1).values as unknown[]).slice(1) as string[];
    expect(headers[0]).toBe(label('survivorReference'));
    for (const field of ['ageBand', 'gender', 'interpreterNeeded', 'coreType', 'forms', 'consentReporting']) {
      expect(headers).toContain(label(field));
    }
    const columnOf = (field: string) => headers.indexOf(label(field)) + 1;
    expect(dropDown(workbook, register.getCell(2, columnOf('ageBand')))).toEqual(
      Object.values(enums.it.ageBand!),
    );
    expect(dropDown(workbook, register.getCell(400, columnOf('interpreterNeeded')))).toEqual(['Sì', 'No']);
    expect(dropDown(workbook, register.getCell(2, columnOf('citizenship')))).toContain('Marocco');

    const legend = workbook.getWorksheet('Legenda')!;
    const rows: string[][] = [];
    legend.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    expect(rows[0]).toEqual(['Colonna', 'Obbligatoria', 'Valori ammessi', 'Formato', 'Note']);
    const ageBand = rows.find((r) => r[0] === label('ageBand'))!;
    expect(ageBand[1]).toBe('Sì');
    expect(ageBand[2]).toBe(Object.values(enums.it.ageBand!).join('; '));
    const birthYear = rows.find((r) => r[0] === label('birthYear'))!;
    expect(birthYear[1]).toBe('No');
    expect(birthYear[3]).toMatch(/anno/i);
  });

  it('filled in with words from its own lists, imports', async () => {
    const { workbook } = await template();
    const register = workbook.getWorksheet('Registro')!;
    const headers = (register.getRow(1).values as unknown[]).slice(1) as string[];
    const fill: Record<string, string> = {
      [label('survivorReference')]: 'T/2019-1',
      [label('incidentMonth')]: '2019-06',
      [label('ageBand')]: enums.it.ageBand!['41-60']!,
      [label('gender')]: enums.it.gender!.female!,
      [label('interpreterNeeded')]: 'No',
      [label('coreType')]: enums.it.coreType!.psychological_abuse!,
      [label('forms')]: enums.it.violenceForm!.psychological!,
      [label('authorRelationship')]: enums.it.authorRelationship!.former_partner!,
      [label('firstContact')]: enums.it.pathwayService!.help_desk!,
      [label('municipality')]: "Arzago d'Adda",
      [label('consentReporting')]: 'Sì',
    };
    headers.forEach((header, i) => {
      if (fill[header]) register.getCell(2, i + 1).value = fill[header];
    });
    const res = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 1, created: 1, alreadyPresent: 0 });
  });

  it('comes in English when asked', async () => {
    const { workbook } = await template('?lang=en');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Register', 'Legend', 'Values']);
    expect(workbook.getWorksheet('Register')!.getCell(1, 1).value).toBe(label('survivorReference', 'en'));
  });
});
