import type { TPublishedTable, TStatistics } from '../../../contracts/observatory.js';
import {
  codeLabelKeys,
  LABELLED_DIMENSIONS,
  STATISTICS_GROUPS,
} from '../../../contracts/observatory-tables.js';
import { type CellValue, type Sheet, toCsv, toXlsx } from '../../platform/files/spreadsheets.js';
import { appMessage } from '../../platform/i18n/enum-labels.js';

export type StatisticsLayout = 'tables' | 'long';
export type ExportLanguage = 'it' | 'en';

const LOCALE_TAG: Record<ExportLanguage, string> = { it: 'it-IT', en: 'en-GB' };
/** Characters a sheet name may not hold (Excel refuses the workbook otherwise). */
const NOT_IN_SHEET_NAMES = /[[\]:*?/\\]/g;

/**
 * The words of the files: the operator app's own catalogues (the observatory's messages and the
 * code lists), so a file names a table, a code and a hidden count exactly as the screen does.
 */
function wordsFor(statistics: TStatistics, language: ExportLanguage) {
  const maybe = (key: string) => appMessage({ key, language, feature: 'observatory' });
  const text = (key: string, values?: Record<string, string | number>) =>
    appMessage({ key, language, feature: 'observatory', ...(values ? { values } : {}) }) ?? key;
  const month = (code: string) => {
    const [year, m] = code.split('-').map(Number);
    if (!year || !m) return code;
    return new Intl.DateTimeFormat(LOCALE_TAG[language], {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(year, m - 1, 1)));
  };
  /** As the dashboard's `codeLabel` (web/features/observatory/codes.ts), from the same maps. */
  const codeLabel = (dimension: string, code: string) => {
    if (dimension === 'all') return text('observatory.dimensions.all');
    if (dimension === 'month') return month(code);
    const labelled = LABELLED_DIMENSIONS[dimension];
    if (labelled) {
      if (code === 'unknown') return text(`observatory.unknownOf.${labelled}`);
      if (code === 'other') return text(`observatory.other.${labelled}`);
      return statistics.labels[`${labelled}:${code}`]?.[language] ?? code;
    }
    for (const key of codeLabelKeys(dimension, code)) {
      const label = maybe(key);
      if (label !== undefined) return label;
    }
    return code;
  };
  const title = (table: TPublishedTable) => maybe(`observatory.tables.${table.key}`) ?? table.key;
  /** What a table counts, as the dashboard says it under each title. */
  const unitNote = (table: TPublishedTable) => text(`observatory.unit.${table.unit}`);
  const unitName = (table: TPublishedTable) => maybe(`enums.countUnit.${table.unit}`) ?? table.unit;
  // The one neutral mark of the screen, whatever the reason a count is hidden (ADR 0006).
  const hidden = text('observatory.hidden');
  const count = (value: number | null | undefined): CellValue =>
    value === null || value === undefined ? hidden : value;
  return { maybe, text, codeLabel, title, unitNote, unitName, count };
}
type Words = ReturnType<typeof wordsFor>;

/** The published tables in the dashboard's order. */
function inScreenOrder(tables: TPublishedTable[]) {
  const order: string[] = STATISTICS_GROUPS.flatMap((group) => [...group.tables]);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...tables].sort((a, b) => rank(a.key) - rank(b.key));
}

/** The privacy note every file carries: what the file is, the disclosure rule, when it was made. */
function privacyNote(statistics: TStatistics, words: Words, language: ExportLanguage) {
  const date = new Intl.DateTimeFormat(LOCALE_TAG[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(new Date(statistics.generatedAt));
  const k = statistics.rule.k;
  return [
    words.text('observatory.export.title', { year: statistics.year }),
    words.text('observatory.intro'),
    words.text('observatory.rule', { k }),
    ...(statistics.underK ? [words.text('observatory.underK', { year: statistics.year, k })] : []),
    words.text('observatory.export.generated', { date }),
  ];
}

interface ShownTable {
  sheetName: string;
  /** The table's title (as the screen's caption), its unit and, for shares, what the values count. */
  notes: string[];
  header: string[];
  rows: CellValue[][];
  footer: CellValue[][];
}

/** One table as the dashboard shows it (StatTable's `Crosstab`): labels, counts, totals. */
function shown(statistics: TStatistics, table: TPublishedTable, words: Words): ShownTable {
  const single = table.columns.length === 1;
  // A one-column table's row totals repeat its cells; only a real crosstab gets a total column.
  const rowTotals = !single && table.rowTotals ? table.rowTotals : null;
  const title = words.title(table);
  const sheetName = words.maybe(`observatory.sheets.${table.key}`) ?? title;
  const totalLabel = words.text('observatory.total');
  return {
    sheetName,
    notes: [
      `${title} — ${statistics.year}`,
      words.unitNote(table),
      ...(table.kind === 'shares' ? [words.text('observatory.sharesNote')] : []),
    ],
    header: [
      words.maybe(`observatory.dimensions.${table.rowDimension}`) ?? '',
      ...table.columns.map((column) => words.codeLabel(table.columnDimension, column)),
      ...(rowTotals ? [totalLabel] : []),
    ],
    rows: table.rows.map((row, r) => [
      words.codeLabel(table.rowDimension, row),
      ...table.columns.map((_, c) => words.count(table.cells[r]?.[c])),
      ...(rowTotals ? [words.count(rowTotals[r])] : []),
    ]),
    footer: [
      [
        table.kind === 'shares' ? words.text('observatory.population') : totalLabel,
        ...table.columns.map((_, c) => words.count(table.columnTotals[c])),
        ...(rowTotals ? [words.count(table.total)] : []),
      ],
    ],
  };
}

/** Sheet names are unique, at most 31 characters, without the characters Excel refuses. */
function uniqueNames(names: string[]) {
  const used = new Set<string>();
  return names.map((name) => {
    const base = name.replace(NOT_IN_SHEET_NAMES, ' ').trim().slice(0, 31) || 'Tabella';
    let unique = base;
    for (let n = 2; used.has(unique.toLowerCase()); n += 1) unique = `${base.slice(0, 27)} (${n})`;
    used.add(unique.toLowerCase());
    return unique;
  });
}

/**
 * For analysts: one line per published value (totals included), each label beside its code, with
 * the unit the table counts (incidents or survivors) on every line.
 */
function longLines(statistics: TStatistics, words: Words): CellValue[][] {
  const lines: CellValue[][] = [];
  for (const table of inScreenOrder(statistics.tables)) {
    const title = words.title(table);
    const unit = words.unitName(table);
    const row = (r: number | 'total') =>
      r === 'total'
        ? [
            table.kind === 'shares' ? words.text('observatory.population') : words.text('observatory.total'),
            'total',
          ]
        : [words.codeLabel(table.rowDimension, table.rows[r]!), table.rows[r]!];
    const column = (c: number | 'total') =>
      c === 'total'
        ? [words.text('observatory.total'), 'total']
        : [words.codeLabel(table.columnDimension, table.columns[c]!), table.columns[c]!];
    const line = (r: number | 'total', c: number | 'total', value: number | null | undefined) => {
      lines.push([title, table.key, unit, table.unit, ...row(r), ...column(c), words.count(value)]);
    };
    table.cells.forEach((cells, r) => {
      cells.forEach((value, c) => {
        line(r, c, value);
      });
      if (table.rowTotals) line(r, 'total', table.rowTotals[r]);
    });
    table.columnTotals.forEach((value, c) => {
      line('total', c, value);
    });
    line('total', 'total', table.total);
  }
  return lines;
}

/**
 * The year's published statistics as a file. By default the tables as the dashboard shows them
 * (one sheet, or one section of the CSV, per table, in the screen's order and words, hidden
 * counts with the screen's one mark), after a privacy note; `long` gives analysts one line per
 * value with labels and codes. A year under k carries the note only: nothing else is published.
 */
export async function statisticsFile({
  statistics,
  format,
  layout,
  language,
}: {
  statistics: TStatistics;
  format: 'csv' | 'xlsx';
  layout: StatisticsLayout;
  language: ExportLanguage;
}) {
  const words = wordsFor(statistics, language);
  const note = privacyNote(statistics, words, language);
  const tables = statistics.underK ? [] : inScreenOrder(statistics.tables);
  const suffix = layout === 'long' ? '-formato-lungo' : '';
  const filename = `osservatorio-${statistics.year}${suffix}.${format}`;
  const noteSheet: Sheet = {
    name: words.text('observatory.export.privacySheet'),
    notes: note,
    header: [],
    rows: [],
  };
  const longHeader = [
    'table',
    'tableCode',
    'unit',
    'unitCode',
    'row',
    'rowCode',
    'column',
    'columnCode',
    'value',
  ].map((key) => words.text(`observatory.export.columns.${key}`));

  if (layout === 'long') {
    const lines = statistics.underK ? [] : longLines(statistics, words);
    if (format === 'csv') {
      // Notes as comment lines: R, pandas and Stata skip lines starting with # when asked to.
      // A note holding the delimiter or a quote would be quoted and no longer start with #.
      const comments = [...note, words.text('observatory.export.longNote')].map((line) => [
        `# ${line.replaceAll(';', ',').replaceAll('"', "'")}`,
      ]);
      return { filename, body: toCsv({ rows: [...comments, longHeader, ...lines] }) };
    }
    const data: Sheet = {
      name: words.text('observatory.export.longSheet'),
      notes: [],
      header: longHeader,
      rows: lines,
    };
    return { filename, body: await toXlsx(statistics.underK ? [noteSheet] : [noteSheet, data]) };
  }

  const shownTables = tables.map((table) => shown(statistics, table, words));
  if (format === 'csv') {
    const rows: CellValue[][] = note.map((line) => [line]);
    for (const table of shownTables)
      rows.push([], ...table.notes.map((line) => [line]), table.header, ...table.rows, ...table.footer);
    return { filename, body: toCsv({ rows }) };
  }
  const names = uniqueNames([noteSheet.name, ...shownTables.map((table) => table.sheetName)]);
  const sheets: Sheet[] = [
    { ...noteSheet, name: names[0]! },
    ...shownTables.map((table, i) => ({
      name: names[i + 1]!,
      notes: table.notes,
      header: table.header,
      rows: table.rows,
      footer: table.footer,
    })),
  ];
  return { filename, body: await toXlsx(sheets) };
}
