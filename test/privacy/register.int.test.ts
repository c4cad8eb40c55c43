import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TProcessingActivity } from '../../src/contracts/privacy.js';
import { casesTestKit } from '../cases/support.js';
import { pdfText } from '../harness/pdf-text.js';

/**
 * The record of processing (issue 23, item 4): generated from the modules' declarations (purposes,
 * legal bases), their field and retention classes and the roles holding their permissions,
 * completed by the DPO, exported as PDF and as XLSX with a DPIA worksheet per sensitive activity.
 */
const { call, ok, fields } = casesTestKit();

describe('record of processing', () => {
  it('lists each module’s activity with what its tables and permissions say', async () => {
    const register = await ok<TProcessingActivity[]>('dpo', 'GET', '/api/privacy/processing');
    const keys = register.map((a) => a.key);
    expect(keys).toEqual(
      expect.arrayContaining(['platform', 'cases', 'observatory', 'training', 'mediation', 'privacy']),
    );
    const cases = register.find((a) => a.key === 'cases')!;
    expect(cases.legalBases.map((b) => b.it).join(' ')).toContain('Art. 9(2)(g)');
    expect(cases.dataCategories.map((c) => c.label.en)).toEqual(
      expect.arrayContaining([
        'Identifying data',
        'Safety data, encrypted (protected addresses, safe contacts)',
      ]),
    );
    expect(cases.readBy.map((r) => r.en)).toEqual(expect.arrayContaining(['Clinician', 'Coordinator']));
    expect(cases.readBy.map((r) => r.en)).not.toContain('Fundraiser');
    expect(cases.retention.map((r) => r.it).join(' ')).toContain('(120 mesi)');
    expect(cases.controller).toBeNull();
    expect((await call('coordinatrice', 'GET', '/api/privacy/processing')).statusCode).toBe(403);
  });

  it('takes the DPO’s completions and exports the register as PDF and XLSX with DPIA sheets', async () => {
    const bad = await call('dpo', 'PUT', '/api/privacy/processing/cases', { controller: '' });
    expect(fields(bad)).toEqual(['controller']);
    expect(
      (await call('dpo', 'PUT', '/api/privacy/processing/nothing', { controller: 'x' })).statusCode,
    ).toBe(404);
    const completed = await ok<TProcessingActivity>('dpo', 'PUT', '/api/privacy/processing/cases', {
      controller: 'Comune di Treviglio, capofila dell’Ambito',
      transfers: 'Nessun trasferimento fuori dall’UE',
    });
    expect(completed).toMatchObject({
      controller: 'Comune di Treviglio, capofila dell’Ambito',
      updatedBy: 'Davide Protezione Dati',
    });

    const pdf = await call('dpo', 'GET', '/api/privacy/processing/export?format=pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(
      /^attachment; filename="registro-trattamenti-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Registro delle attività di trattamento');
    expect(text).toContain('Presa in carico sociale ed etnoclinica dei nuclei');
    expect(text).toContain('Comune di Treviglio, capofila dell’Ambito');
    expect(text).toContain('da completare a cura del DPO');

    const xlsx = await call('dpo', 'GET', '/api/privacy/processing/export?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const names = book.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Registro');
    expect(names).toEqual(expect.arrayContaining(['DPIA cases', 'DPIA observatory']));
    expect(names).not.toContain('DPIA governance');
    const dpia = book.getWorksheet('DPIA cases')!;
    const cells = dpia.getSheetValues().flat().map(String).join(' ');
    expect(cells).toContain('Accesso illegittimo ai dati');
    expect((await call('responsabile', 'GET', '/api/privacy/processing/export?format=xlsx')).statusCode).toBe(
      403,
    );
  });
});
