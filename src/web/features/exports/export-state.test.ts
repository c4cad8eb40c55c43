import { describe, expect, it } from 'vitest';
import { ZExportStateSchema } from '../../../contracts/exports.js';
import { exportRequestOf, requestSchemaOf } from './export-kinds.js';
import { errorInLocale, isInProgress, POLL_MS, pollInterval, progressOf, showsBar } from './export-state.js';
import en from './i18n/en.json';
import it_ from './i18n/it.json';

describe('export progress', () => {
  it('is unknown until the rows are counted', () => {
    expect(progressOf({ rowsDone: 0, rowsTotal: null })).toBeNull();
  });

  it('counts rows done of the total, in whole per cent', () => {
    expect(progressOf({ rowsDone: 120, rowsTotal: 500 })).toEqual({ done: 120, total: 500, percent: 24 });
    expect(progressOf({ rowsDone: 2, rowsTotal: 3 })).toEqual({ done: 2, total: 3, percent: 66 });
    expect(progressOf({ rowsDone: 500, rowsTotal: 500 })?.percent).toBe(100);
  });

  it('calls an export of no rows complete, and never goes past the total', () => {
    expect(progressOf({ rowsDone: 0, rowsTotal: 0 })).toEqual({ done: 0, total: 0, percent: 100 });
    expect(progressOf({ rowsDone: 7, rowsTotal: 5 })).toEqual({ done: 5, total: 5, percent: 100 });
  });

  it('draws a bar only while the file is made and when it is ready', () => {
    const bars = ZExportStateSchema.options.filter(showsBar);
    expect(bars).toEqual(['queued', 'running', 'ready']);
  });
});

describe('polling', () => {
  it('asks every second while an export is queued or running, otherwise never', () => {
    expect(ZExportStateSchema.options.filter(isInProgress)).toEqual(['queued', 'running']);
    expect(pollInterval(undefined)).toBe(false);
    expect(pollInterval([])).toBe(false);
    expect(pollInterval([{ state: 'ready' }, { state: 'awaiting_approval' }, { state: 'failed' }])).toBe(
      false,
    );
    expect(pollInterval([{ state: 'downloaded' }, { state: 'running' }])).toBe(POLL_MS);
    expect(pollInterval([{ state: 'queued' }])).toBe(POLL_MS);
  });
});

describe('state in words', () => {
  it('has a word for every state, in both languages', () => {
    for (const state of ZExportStateSchema.options) {
      expect(it_.exports.states[state], state).toBeTruthy();
      expect(en.exports.states[state], state).toBeTruthy();
    }
    expect(it_.exports.states.downloaded).toBe('Scaricato');
  });
});

describe('a job’s error', () => {
  it('shows the half in the user’s language when the server wrote both', () => {
    const error = 'Troppe righe per un foglio XLSX: scegliere CSV. / Too many rows for XLSX: choose CSV.';
    expect(errorInLocale(error, 'it')).toBe('Troppe righe per un foglio XLSX: scegliere CSV.');
    expect(errorInLocale(error, 'en')).toBe('Too many rows for XLSX: choose CSV.');
  });

  it('shows any other message as it is', () => {
    expect(errorInLocale(null, 'it')).toBeNull();
    expect(errorInLocale('connection refused', 'en')).toBe('connection refused');
    expect(errorInLocale('a / b / c', 'en')).toBe('a / b / c');
  });
});

describe('the request the form makes', () => {
  const values = {
    kind: 'observatory.incidents',
    format: 'csv' as const,
    params: { year: '2024', status: 'open' },
  };

  it('sends only the chosen kind’s parameters, as the kind takes them', () => {
    expect(exportRequestOf(values)).toEqual({
      kind: 'observatory.incidents',
      format: 'csv',
      params: { year: 2024 },
    });
    expect(exportRequestOf({ ...values, kind: 'cases.bulk' })).toEqual({
      kind: 'cases.bulk',
      format: 'csv',
      params: { status: 'open' },
    });
  });

  it('leaves an empty parameter out (every year, every status)', () => {
    expect(exportRequestOf({ ...values, params: { year: ' ', status: '' } }).params).toEqual({});
    expect(exportRequestOf({ ...values, kind: 'somebody.else' }).params).toEqual({});
  });

  it('checks the parameters with the contracts’ rules', () => {
    const check = (v: typeof values) => requestSchemaOf(v.kind).safeParse(exportRequestOf(v)).success;
    expect(check(values)).toBe(true);
    expect(check({ ...values, params: { year: '1999', status: '' } })).toBe(false);
    expect(check({ ...values, params: { year: '2024.5', status: '' } })).toBe(false);
    expect(check({ ...values, kind: 'cases.bulk', params: { year: '', status: 'lost' } })).toBe(false);
    expect(check({ ...values, kind: '' })).toBe(false);
  });
});
