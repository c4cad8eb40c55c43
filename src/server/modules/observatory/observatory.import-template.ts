import ExcelJS from 'exceljs';
import type { TLocalizedText } from '../../../contracts/common.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import type { Deps } from '../../platform/deps.js';
import { neutraliseFormula } from '../../platform/files/spreadsheets.js';
import { MAX_IMPORT_ROWS } from './observatory.import.js';
import {
  allowedWords,
  choiceLabels,
  columnLabel,
  formatWords,
  type ImportColumn,
  importText,
  type Language,
  LEGACY_FIRST_CONTACT_COLUMN,
  LEGACY_RISK_COLUMN,
  loadReferenceLists,
  type ReferenceLists,
  requiredWords,
  SHEETS,
  templateColumns,
  valueWords,
  yesNoLabels,
} from './observatory.import-vocabulary.js';

/**
 * The register template a centre fills in: the form's labels as headers, a drop-down on every
 * coded column, and a legend in words. The import reads it back as it is (observatory.import.ts).
 */

const BOLD = { bold: true } as const;
const WRAP = { wrapText: true, vertical: 'top' } as const;

/** A drop-down's list: where on the «Valori» sheet it is, and its title there. */
interface ValueList {
  title: string;
  values: string[];
}

/** The values of a column's drop-down; columns with the same list share one. */
function listOf(column: ImportColumn, reference: ReferenceLists, language: Language): ValueList | null {
  const { kind } = column;
  const title = column.label[language];
  switch (kind.type) {
    case 'choice':
    case 'list': {
      const values = choiceLabels(kind, language);
      // A list several columns share is titled by what it holds, not by the first column's header.
      if (kind.group === 'riskFactor') return { title: importText('riskFactors')[language], values };
      if (kind.group === 'yesNoUnknown') return { title: values.join(' / '), values };
      return { title, values };
    }
    case 'yesNo':
    case 'flag':
      return { title: yesNoLabels(language).join(' / '), values: yesNoLabels(language) };
    case 'reference':
      return { title, values: reference[kind.list].map((entry) => entry.name[language]) };
    default:
      return null;
  }
}

/** Excel's letters for a 1-based column number. */
function letters(column: number): string {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  }
  return text;
}

/**
 * A range-wide validation: ExcelJS keeps validations by address and accepts a range as the
 * address, which its typings do not declare. One range per column, not one entry per cell.
 */
type WithValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

export async function registerTemplateFile({
  reference,
  language,
}: {
  reference: ReferenceLists;
  language: Language;
}): Promise<Buffer> {
  const columns = templateColumns();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trama';
  const register = workbook.addWorksheet(SHEETS.register[language], {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const legend = workbook.addWorksheet(SHEETS.legend[language]);
  const values = workbook.addWorksheet(SHEETS.values[language]);

  // «Valori»: one column per distinct list, its title on top.
  const ranges = new Map<string, string>();
  for (const column of columns) {
    const list = listOf(column, reference, language);
    if (!list) continue;
    const key = JSON.stringify(list.values);
    if (ranges.has(key)) continue;
    const index = ranges.size + 1;
    const sheetColumn = values.getColumn(index);
    sheetColumn.width = Math.min(48, Math.max(16, ...list.values.map((v) => v.length + 2)));
    values.getCell(1, index).value = neutraliseFormula(list.title);
    values.getCell(1, index).font = BOLD;
    values.getCell(1, index).alignment = WRAP;
    list.values.forEach((value, i) => {
      values.getCell(i + 2, index).value = neutraliseFormula(value);
    });
    const col = letters(index);
    ranges.set(key, `'${SHEETS.values[language]}'!$${col}$2:$${col}$${list.values.length + 1}`);
  }

  // «Registro»: the headers, text cells where a spreadsheet would turn a code or a month into a number.
  const lastRow = MAX_IMPORT_ROWS + 1;
  const validations = (register as unknown as WithValidations).dataValidations;
  columns.forEach((column, i) => {
    const index = i + 1;
    const cell = register.getCell(1, index);
    cell.value = neutraliseFormula(column.label[language]);
    cell.font = BOLD;
    cell.alignment = WRAP;
    const sheetColumn = register.getColumn(index);
    sheetColumn.width = column.kind.type === 'list' ? 36 : 24;
    if (['text', 'month', 'reference'].includes(column.kind.type)) sheetColumn.numFmt = '@';
    const list = listOf(column, reference, language);
    if (!list) return;
    const several = column.kind.type === 'list';
    validations.add(`${letters(index)}2:${letters(index)}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [ranges.get(JSON.stringify(list.values))],
      showInputMessage: several,
      promptTitle: several ? column.label[language].slice(0, 32) : undefined,
      prompt: several
        ? language === 'it'
          ? 'Scegli un valore, o scrivine più di uno separati da «;».'
          : 'Choose a value, or write several separated by ";".'
        : undefined,
      // A list cell holds several values, which no drop-down can check: Excel only suggests.
      showErrorMessage: !several,
      errorStyle: 'stop',
      errorTitle: language === 'it' ? 'Valore non previsto' : 'Value not allowed',
      error:
        language === 'it'
          ? `Scegli un valore dell'elenco (foglio «${SHEETS.values.it}»).`
          : `Choose a value from the list ("${SHEETS.values.en}" sheet).`,
    } as ExcelJS.DataValidation);
  });
  register.getRow(1).height = 64;

  // «Legenda»: each column in words.
  const legendHeader =
    language === 'it'
      ? ['Colonna', 'Obbligatoria', 'Valori ammessi', 'Formato', 'Note']
      : ['Column', 'Required', 'Allowed values', 'Format', 'Notes'];
  legend.addRow(legendHeader).font = BOLD;
  legend.columns = [{ width: 40 }, { width: 18 }, { width: 60 }, { width: 36 }, { width: 60 }];
  for (const column of columns) {
    const row = legend.addRow(
      [
        column.label[language],
        requiredWords(column)[language],
        allowedWords(column, reference)[language],
        formatWords(column)[language],
        column.hint?.[language] ?? '',
      ].map(neutraliseFormula),
    );
    row.alignment = WRAP;
  }
  legend.addRow([]);
  const formerRegisters = formerRegistersNote();
  const notes =
    language === 'it'
      ? [
          `Compila il foglio «${SHEETS.register.it}»: una riga per episodio registrato, a partire dalla riga 2. Non scrivere nomi, indirizzi, telefoni o codici fiscali.`,
          'Le intestazioni e i valori si scrivono con le parole della scheda, senza badare a maiuscole e accenti; le colonne si possono riordinare o togliere, tranne quelle obbligatorie.',
          'Il file si importa per intero o per niente; le righe già importate non si duplicano. Si può salvare anche in CSV, separato da «;» o da «,».',
          formerRegisters.it,
        ]
      : [
          `Fill in the "${SHEETS.register.en}" sheet: one row per recorded incident, from row 2. Do not write names, addresses, phone numbers or tax codes.`,
          'Headers and values are written with the words of the form, whatever the case or accents; columns may be reordered or left out, except the required ones.',
          'The file is imported whole or not at all; rows already imported are not duplicated. It can also be saved as CSV, separated by ";" or ",".',
          formerRegisters.en,
        ];
  for (const note of notes) {
    const row = legend.addRow([neutraliseFormula(note)]);
    legend.mergeCells(row.number, 1, row.number, legendHeader.length);
    row.alignment = { wrapText: true };
    row.height = note === formerRegisters[language] ? 96 : 32;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * How a register written before issue 16 is read: its two old columns, and what it must gain. The
 * columns are named by their headers, the values by their words.
 */
function formerRegistersNote(): TLocalizedText {
  const label = columnLabel;
  const [risk, first, sought, by, age, birth, practice, kind] = [
    label(LEGACY_RISK_COLUMN),
    label(LEGACY_FIRST_CONTACT_COLUMN),
    label('soughtHelpFrom'),
    label('referredBy'),
    label('age'),
    label('birthYear'),
    label('harmfulPractice'),
    label('harmfulPracticeType'),
  ];
  const mapped = ['police', 'social_services', 'legal'].map((code) => valueWords('pathwayService', code));
  const [present, past] = [importText('columns.riskPresentNow'), importText('columns.riskPresentPast')];
  const previous = valueWords('riskIndicator', 'previous_violence');
  return {
    it: `Registri compilati prima: la colonna «${risk.it}» si legge nella valutazione del rischio, come «${present.it}» («${previous.it}»: come «${past.it}»); la colonna «${first.it}» si legge in «${sought.it}» quando il servizio lo dice (${mapped.map((m) => m.it).join(', ')}), altrimenti non dice nulla. Servono anche le colonne «${by.it}» e «${age.it}» (oppure «${birth.it}»), e «${kind.it}» nelle righe dove «${practice.it}» è Sì.`,
    en: `Registers written before: the column "${risk.en}" is read into the risk assessment, as "${present.en}" ("${previous.en}": as "${past.en}"); the column "${first.en}" is read into "${sought.en}" when the service says it (${mapped.map((m) => m.en).join(', ')}), otherwise it says nothing. The columns "${by.en}" and "${age.en}" (or "${birth.en}") are needed too, and "${kind.en}" in the rows where "${practice.en}" is Yes.`,
  };
}

/** The template with the reference lists as the form shows them (read under the user's context). */
export async function registerTemplate({
  deps,
  ctx,
  language,
}: {
  deps: Deps;
  ctx: AccessContext;
  language: Language;
}): Promise<{ filename: string; body: Buffer }> {
  const reference = await scoped({ db: deps.db, ctx, work: (tx) => loadReferenceLists(tx) });
  return {
    filename: language === 'it' ? 'modello-registro-episodi.xlsx' : 'incident-register-template.xlsx',
    body: await registerTemplateFile({ reference, language }),
  };
}
