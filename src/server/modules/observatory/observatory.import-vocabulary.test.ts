import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES, ZIncidentInputSchema } from '../../../contracts/observatory.js';
import { enumLabel } from '../../platform/i18n/enum-labels.js';
import { importKeyOf, monthOf, type ParsedRow, parseRegister } from './observatory.import.js';
import type { ImportIssue } from './observatory.import-errors.js';
import {
  codedSpelling,
  columnLabel,
  columnsBySpelling,
  ENTRY_COLUMN,
  importColumns,
  LANGUAGES,
  LEGACY_FIRST_CONTACT_COLUMN,
  LEGACY_RISK_COLUMN,
  RISK_COLUMNS,
  templateColumns,
  yesNoSpellings,
} from './observatory.import-vocabulary.js';
import { incidentValues, type ObservatoryReference } from './observatory.records.js';

describe('the register import\u2019s words', () => {
  it('cover every field a register may carry, and nothing a register must not', () => {
    // The risk assessment is six list columns (a level and a period each); the old risk list and
    // first contact are still read from registers written before.
    const importable = Object.keys(ZIncidentInputSchema.shape).filter(
      (f) => f !== 'status' && f !== 'classification' && f !== 'riskAssessment',
    );
    expect(
      importColumns()
        .map((c) => c.field)
        .sort(),
    ).toEqual(
      [
        ...importable,
        ...RISK_COLUMNS.map((c) => c.field),
        LEGACY_RISK_COLUMN,
        LEGACY_FIRST_CONTACT_COLUMN,
        ENTRY_COLUMN,
      ].sort(),
    );
    expect(templateColumns().map((c) => c.field)).not.toContain(LEGACY_RISK_COLUMN);
    expect(templateColumns().map((c) => c.field)).not.toContain(LEGACY_FIRST_CONTACT_COLUMN);
    expect(templateColumns()).toHaveLength(importColumns().length - 2);
  });

  it('read the headers and words of registers written before, without shadowing a label', () => {
    const spellings = columnsBySpelling();
    expect(spellings.codeOf('Minori presenti')).toBe('childrenPresent');
    expect(spellings.codeOf('Minori testimoni della violenza (violenza assistita)')).toBe(
      'childrenWitnessed',
    );
    expect(spellings.codeOf('Pratica tradizionale dannosa')).toBe('harmfulPractice');
    expect(spellings.codeOf('Indicatori di rischio di nuova violenza')).toBe(LEGACY_RISK_COLUMN);
    expect(spellings.codeOf('Primo servizio a cui la persona si è rivolta')).toBe(
      LEGACY_FIRST_CONTACT_COLUMN,
    );
    const gender = codedSpelling({ group: 'gender', codes: ['female', 'male', 'other', 'not_stated'] });
    expect(gender.codeOf('Donna')).toBe('female');
    expect(gender.codeOf('uomo')).toBe('male');
    expect(gender.codeOf(enumLabel('gender', 'female', 'it'))).toBe('female');
    const types = codedSpelling({ group: 'coreType', codes: INCIDENT_TYPES });
    expect(types.codeOf('Non rientra nei sei tipi GBVIMS')).toBe('non_gbv');
    expect(types.codeOf('Outside the six GBVIMS types')).toBe('non_gbv');
    expect(types.codeOf('non-GBV')).toBe('non_gbv');
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

/** A register's rows through the import's reading, with no reference lists (no citizenship or comune columns). */
function parsed(table: string[][]) {
  return parseRegister({ table, reference: { countries: [], languages: [], municipalities: [] } });
}
const rowsOf = (table: string[][]) => {
  const result = parsed(table);
  if ('issues' in result) throw new Error(JSON.stringify(result.issues.map((i) => i.problem.en)));
  return result.rows;
};
const issuesOf = (table: string[][]): ImportIssue[] => {
  const result = parsed(table);
  if (!('issues' in result)) throw new Error('the register was read without problems');
  return result.issues;
};

/** A register written before issue 16, in the form's words then (no age, no "who sent her"). */
const OLD_HEADER = [
  'Numero di registro del servizio',
  "Fascia d'età",
  'Genere',
  'Serviva un interprete o un mediatore?',
  "Mese dell'episodio",
  'Tipo (GBVIMS)',
  'Forme di violenza',
  'Minori testimoni della violenza (violenza assistita)',
  "Relazione dell'autore con la persona",
  'Indicatori di rischio di nuova violenza',
  'Primo servizio a cui la persona si è rivolta',
  "La persona acconsente a essere conteggiata nelle statistiche dell'Osservatorio",
];
const OLD_ROW = [
  'CAV/2019-7',
  '26–40 anni',
  'Donna',
  'No',
  '03/2019',
  'Aggressione fisica',
  'Violenza fisica; violenza psicologica',
  'Sì',
  'Coniuge o partner convivente',
  'Minacce di morte; Violenze precedenti',
  'Pronto soccorso o servizi sanitari',
  'Sì',
];
const REFERENCE: ObservatoryReference = {
  countries: new Map(),
  languages: new Set(),
  municipalities: new Map(),
};
const SERVICE = '00000000-0000-4000-8000-000000000001';
function keyOf(row: ParsedRow) {
  const result = incidentValues({
    input: row.input,
    ref: REFERENCE,
    serviceId: SERVICE,
    createdBy: '00000000-0000-4000-8000-000000000002',
    survivorCode: 'S-TEST',
  });
  if ('errors' in result) throw new Error(JSON.stringify(result.errors));
  return importKeyOf({ values: result.values, entry: row.entry });
}
/**
 * The key the import gave this row before issue 16: its values then, sorted by name, hashed. With
 * `changes`, the key it gave the row with those values.
 */
const keyBefore = (changes: Record<string, unknown> = {}) =>
  createHash('sha256')
    .update(
      JSON.stringify(
        Object.entries({
          serviceId: SERVICE,
          status: 'recorded',
          survivorCode: 'S-TEST',
          incidentMonth: '2019-03',
          ageBand: '26-40',
          birthYear: null,
          gender: 'female',
          citizenship: null,
          citizenshipGroup: 'unknown',
          yearsInItaly: null,
          language: null,
          interpreterNeeded: false,
          interpreterUsed: false,
          municipality: null,
          districtId: null,
          coreType: 'physical_assault',
          forms: ['physical', 'psychological'],
          stalking: false,
          // Then, children who witnessed were counted as present when the cell was empty.
          childrenPresent: true,
          childrenWitnessed: true,
          authorRelationship: 'spouse_partner',
          riskIndicators: ['threats_to_kill', 'previous_violence'],
          harmfulPractice: false,
          contexts: ['intimate_partner_violence'],
          firstContact: 'health_emergency',
          referredTo: [],
          servicesProvided: [],
          consentReporting: true,
          ...changes,
        }).sort(([a], [b]) => a.localeCompare(b)),
      ),
    )
    .digest('base64url');

describe('a register written before issue 16', () => {
  it('is refused as it was, before its rows are read: who sent her, and the age or the year of birth', () => {
    const issues = issuesOf([OLD_HEADER, OLD_ROW]);
    expect(issues.every((i) => i.row === 1)).toBe(true);
    expect(issues.map((i) => i.problem.it)).toEqual([
      `Manca la colonna «${columnLabel('referredBy').it}», che serve per registrare gli episodi.`,
      `Manca la colonna «${columnLabel('age').it}» (oppure «${columnLabel('birthYear').it}»), che serve per registrare gli episodi.`,
    ]);
  });

  it('with those two columns added, reads the old risk list and first contact into the new fields', () => {
    const [row] = rowsOf([
      [...OLD_HEADER, 'Chi l’ha inviata al servizio', 'age'],
      [...OLD_ROW, enumLabel('referrer', 'self', 'it'), '30'],
    ]);
    expect(row!.input).toMatchObject({
      gender: 'female',
      age: 30,
      referredBy: ['self'],
      childrenWitnessed: true,
      // Threats to kill were present at intake; previous violence is the past.
      riskAssessment: { threats_to_kill: { now: 'present' }, previous_violence: { past: 'present' } },
    });
    // "Emergency room or health services" may have been a GP: whom she turned to stays unsaid.
    expect(row!.input.soughtHelpFrom ?? []).toEqual([]);
    expect(row!.input.childrenPresent).toBeUndefined();
    // And gives the key it gave then: the columns a register must now add do not enter it.
    expect(keyOf(row!)).toBe(keyBefore());
  });

  it('maps a first contact only where the answer says whom she turned to; never a guess', () => {
    const header = [...OLD_HEADER, 'referredBy', 'birthYear'];
    const first = OLD_HEADER.indexOf('Primo servizio a cui la persona si è rivolta');
    const with_ = (service: string) => {
      const row = [...OLD_ROW, 'self', '1990'];
      row[first] = enumLabel('pathwayService', service, 'it');
      return row;
    };
    const rows = rowsOf([
      header,
      with_('police'),
      with_('legal'),
      with_('anti_violence_centre'),
      with_('school'),
    ]);
    expect(rows.map((r) => r.input.soughtHelpFrom)).toEqual([['police'], ['lawyers'], undefined, undefined]);
  });

  it('names the column to add when an old harmful practice has no kind', () => {
    const issues = issuesOf([
      [...OLD_HEADER, 'referredBy', 'age', 'Pratica tradizionale dannosa'],
      [...OLD_ROW, 'self', '30', 'Sì'],
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 2, field: 'harmfulPracticeType', column: null });
    expect(issues[0]!.problem.it).toMatch(
      new RegExp(
        `^Manca la colonna «${columnLabel('harmfulPracticeType').it}», che serve per registrare questo episodio`,
      ),
    );
    expect(issues[0]!.problem.it).toContain(enumLabel('harmfulPracticeType', 'fgm', 'it'));
    expect(issues[0]!.problem.en).toContain(
      `The column "${columnLabel('harmfulPracticeType').en}" is missing`,
    );
  });

  it('with a harmful practice, gives the key it gave then once the kind and who sent her are added', () => {
    const [row] = rowsOf([
      [
        ...OLD_HEADER,
        'Pratica tradizionale dannosa',
        'age',
        'referredBy',
        'referredByServices',
        'harmfulPracticeType',
      ],
      [...OLD_ROW, 'Sì', '30', 'service', 'police', enumLabel('harmfulPracticeType', 'honour_crime', 'it')],
    ]);
    expect(row!.input).toMatchObject({
      harmfulPractice: true,
      harmfulPracticeType: 'honour_crime',
      referredBy: ['service'],
      referredByServices: ['police'],
    });
    // The kind the row must now state is no part of the key: imported again, the row is recognised.
    expect(keyOf(row!)).toBe(
      keyBefore({
        harmfulPractice: true,
        contexts: ['intimate_partner_violence', 'harmful_traditional_practice'],
      }),
    );
  });
});

describe('the import key', () => {
  const HEADER = [
    'survivorReference',
    'age',
    'gender',
    'interpreterNeeded',
    'incidentMonth',
    'coreType',
    'forms',
    'authorRelationship',
    'referredBy',
    'consentReporting',
  ];
  const ROW = [
    'CAV/2024-1',
    '34',
    'female',
    'no',
    '2024-05',
    'psychological_abuse',
    'psychological',
    'former_partner',
    'self',
    'yes',
  ];
  const key = (header: string[], row: string[]) => keyOf(rowsOf([header, row])[0]!);

  it('does not change with empty new columns, and changes with a stated one', () => {
    const plain = key(HEADER, ROW);
    expect(key([...HEADER, 'disability', 'riskPresentNow', 'soughtHelpFrom'], [...ROW, '', '', ''])).toBe(
      plain,
    );
    expect(key([...HEADER, 'disability'], [...ROW, 'yes'])).not.toBe(plain);
    expect(key([...HEADER, 'riskPresentNow'], [...ROW, 'weapon'])).not.toBe(plain);
    // A factor present now is not the same assessment as one possibly present now.
    expect(key([...HEADER, 'riskPossibleNow'], [...ROW, 'weapon'])).not.toBe(
      key([...HEADER, 'riskPresentNow'], [...ROW, 'weapon']),
    );
    // The same assessment written in another column order is the same key.
    expect(key([...HEADER, 'riskPresentPast', 'riskPresentNow'], [...ROW, 'escalation', 'weapon'])).toBe(
      key([...HEADER, 'riskPresentNow', 'riskPresentPast'], [...ROW, 'weapon', 'escalation']),
    );
  });

  it('reads whether there was a harmful practice, never its kind, which a register before could not write', () => {
    const practice = (kind: string) =>
      key([...HEADER, 'harmfulPractice', 'harmfulPracticeType'], [...ROW, 'yes', kind]);
    expect(practice('honour_crime')).toBe(practice('other'));
    expect(practice('other')).not.toBe(key(HEADER, ROW));
  });

  it('is the register’s own number when the file has one', () => {
    expect(key([...HEADER, 'registerEntry'], [...ROW, 'E/1'])).toBe(
      key([...HEADER, 'registerEntry', 'disability'], [...ROW, 'e/1', 'yes']),
    );
  });
});

describe('the risk assessment columns', () => {
  const HEADER = [
    'survivorReference',
    'birthYear',
    'ageBand',
    'gender',
    'interpreterNeeded',
    'incidentMonth',
    'coreType',
    'forms',
    'authorRelationship',
    'referredBy',
    'consentReporting',
  ];
  const ROW = [
    'CAV/2024-2',
    '1990',
    '26-40',
    'female',
    'no',
    '2024-05',
    'physical_assault',
    'physical',
    'spouse_partner',
    'self',
    'yes',
  ];
  const risk = RISK_COLUMNS.map((c) => columnLabel(c.field).it);

  it('give each factor its level, now and in the past', () => {
    const [row] = rowsOf([
      [...HEADER, ...risk],
      [
        ...ROW,
        enumLabel('riskFactor', 'escalation', 'it'),
        `${enumLabel('riskFactor', 'belief_could_kill', 'it')}; weapon`,
        'strangulation',
        'previous_violence',
        'escalation',
        'weapon',
      ],
    ]);
    expect(row!.input.riskAssessment).toEqual({
      escalation: { now: 'present', past: 'possible' },
      weapon: { now: 'possible', past: 'absent' },
      belief_could_kill: { now: 'possible' },
      previous_violence: { past: 'present' },
      strangulation: { now: 'absent' },
    });
  });

  it('refuse a factor in two columns of one period, and the old list beside the new columns', () => {
    const issues = issuesOf([
      [...HEADER, risk[0]!, risk[1]!, 'riskIndicators'],
      [...ROW, 'weapon', 'weapon', ''],
      [...ROW.map((v, i) => (i === 0 ? 'CAV/2024-3' : v)), 'weapon', '', 'escalation'],
    ]);
    expect(issues.map((i) => [i.row, i.field])).toEqual([
      [2, 'riskPossibleNow'],
      [3, 'riskIndicators'],
    ]);
    expect(issues[0]!.problem.it).toBe(
      `«${enumLabel('riskFactor', 'weapon', 'it')}» è già nella colonna «${risk[0]}»: per ogni periodo un fattore sta in una sola colonna.`,
    );
  });
});
