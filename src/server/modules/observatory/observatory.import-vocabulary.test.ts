import { describe, expect, it } from 'vitest';
import { ZIncidentInputSchema } from '../../../contracts/observatory.js';
import { enumLabel } from '../../platform/i18n/enum-labels.js';
import { monthOf } from './observatory.import.js';
import {
  codedSpelling,
  columnsBySpelling,
  ENTRY_COLUMN,
  importColumns,
  LANGUAGES,
  yesNoSpellings,
} from './observatory.import-vocabulary.js';

describe('the register import\u2019s words', () => {
  it('cover every field a register may carry, and nothing a register must not', () => {
    const importable = Object.keys(ZIncidentInputSchema.shape).filter(
      (f) => f !== 'status' && f !== 'classification',
    );
    expect(
      importColumns()
        .map((c) => c.field)
        .sort(),
    ).toEqual([...importable, ENTRY_COLUMN].sort());
  });

  // Two columns or two values worded alike would make a header or a cell mean either: the import
  // then takes only the code, so a wording change that collides fails here first.
  it('read every column\u2019s label, in both languages, as that column', () => {
    const spellings = columnsBySpelling();
    for (const column of importColumns()) {
      for (const language of LANGUAGES) {
        expect(spellings.codeOf(column.label[language]), column.label[language]).toBe(column.field);
        expect(spellings.codeOf(` ${column.label[language].toUpperCase()} `)).toBe(column.field);
      }
      expect(spellings.codeOf(column.field)).toBe(column.field);
    }
  });

  it('read every option\u2019s word, in both languages, as its code', () => {
    for (const { kind } of importColumns()) {
      if (kind.type !== 'choice' && kind.type !== 'list') continue;
      const spellings = codedSpelling(kind);
      for (const code of kind.codes) {
        for (const language of LANGUAGES) {
          const word = enumLabel(kind.group, code, language);
          expect(word, `${kind.group}.${code}`).not.toBe(code);
          expect(spellings.codeOf(word), word).toBe(code);
        }
        expect(spellings.codeOf(code)).toBe(code);
      }
    }
    // Typed dashes for typographic ones, no accents, any case.
    expect(codedSpelling({ group: 'ageBand', codes: ['26-40'] }).codeOf('26-40 ANNI')).toBe('26-40');
    expect(yesNoSpellings().codeOf('SI')).toBe('yes');
    expect(yesNoSpellings().codeOf('falso')).toBe('no');
    expect(yesNoSpellings().codeOf('forse')).toBeUndefined();
  });
});

describe('a month as registers write it', () => {
  it.each([
    ['2026-03', '2026-03'],
    ['2026/3', '2026-03'],
    ['03/2026', '2026-03'],
    ['3.2026', '2026-03'],
    ['15/03/2026', '2026-03'],
    ['2026-03-15', '2026-03'],
    ['2026-03-15T00:00:00.000Z', '2026-03-15'.slice(0, 7)],
    ['marzo 2026', '2026-03'],
    ['Mar. 2026', '2026-03'],
    ['March 2026', '2026-03'],
    ['dicembre 2025', '2025-12'],
    // Excel's day number of 2026-03-15, as a date cell arrives.
    ['46096', '2026-03'],
  ])('%s is %s', (text, month) => {
    expect(monthOf(text)).toBe(month);
  });

  it.each(['13/2026', 'marzo', '2026', 'primavera 2026', '123', '99999'])('%s is no month', (text) => {
    expect(monthOf(text)).toBeNull();
  });
});
