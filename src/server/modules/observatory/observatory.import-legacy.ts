import type { TLocalizedText } from '../../../contracts/common.js';
import { LEGACY_RISK_INDICATORS, RISK_FACTORS } from '../../../contracts/observatory.js';
import {
  columnLabel,
  type ImportColumn,
  importColumns,
  LEGACY_FIRST_CONTACT_COLUMN,
  LEGACY_RISK_COLUMN,
  RISK_COLUMNS,
  valueWords,
} from './observatory.import-vocabulary.js';

/** The level a column gave a factor for one period, and which column gave it (to name it). */
type Rating = { level: string; column: ImportColumn };

/**
 * The columns read into one field: the six risk columns into the assessment, the old risk list
 * into it too (LEGACY_RISK_INDICATORS), the old first contact into whom she turned to where the
 * answer says it. A factor rated twice for one period, or the old and the new columns both filled
 * in one row, is a problem named by its columns.
 */
export function mergedColumns(
  record: Record<string, unknown>,
  issue: (column: ImportColumn, problem: TLocalizedText) => void,
) {
  const column = (field: string) => importColumns().find((c) => c.field === field)!;
  const filled = (field: string) => Array.isArray(record[field]) && (record[field] as unknown[]).length > 0;
  const legacyRisk = filled(LEGACY_RISK_COLUMN) ? (record[LEGACY_RISK_COLUMN] as string[]) : [];
  const ratings = new Map<string, Rating>();
  let newRisk = false;
  for (const { field, when, level } of RISK_COLUMNS) {
    const factors = (record[field] as string[] | undefined) ?? [];
    delete record[field];
    if (factors.length > 0) newRisk = true;
    for (const factor of factors) {
      const earlier = ratings.get(`${factor}|${when}`);
      if (earlier) {
        const word = valueWords('riskFactor', factor);
        issue(column(field), {
          it: `«${word.it}» è già nella colonna «${earlier.column.label.it}»: per ogni periodo un fattore sta in una sola colonna.`,
          en: `"${word.en}" is already in the column "${earlier.column.label.en}": for each period a factor goes in one column only.`,
        });
      } else ratings.set(`${factor}|${when}`, { level, column: column(field) });
    }
  }
  delete record[LEGACY_RISK_COLUMN];
  if (legacyRisk.length > 0 && newRisk) {
    const first = columnLabel(RISK_COLUMNS[0].field);
    issue(column(LEGACY_RISK_COLUMN), {
      it: `Questa è la colonna dei registri precedenti: in una riga scrivi i fattori o qui o nelle colonne della valutazione del rischio (come «${first.it}»), non in entrambe.`,
      en: `This is the column of earlier registers: in one row write the factors either here or in the risk assessment's columns (such as "${first.en}"), not in both.`,
    });
  } else {
    for (const code of legacyRisk) {
      const legacy = LEGACY_RISK_INDICATORS[code]!;
      ratings.set(`${legacy.factor}|${legacy.when}`, {
        level: 'present',
        column: column(LEGACY_RISK_COLUMN),
      });
    }
  }
  if (ratings.size > 0) {
    const assessment: Record<string, Record<string, string>> = {};
    // In the list's order, now before past: the same assessment is always written the same way.
    for (const factor of RISK_FACTORS) {
      for (const when of ['now', 'past']) {
        const rating = ratings.get(`${factor}|${when}`);
        if (rating) assessment[factor] = { ...assessment[factor], [when]: rating.level };
      }
    }
    record.riskAssessment = assessment;
  }

  const firstContact = (record[LEGACY_FIRST_CONTACT_COLUMN] as string | undefined) ?? null;
  delete record[LEGACY_FIRST_CONTACT_COLUMN];
  if (firstContact !== null && filled('soughtHelpFrom')) {
    const sought = columnLabel('soughtHelpFrom');
    issue(column(LEGACY_FIRST_CONTACT_COLUMN), {
      it: `Questa è la colonna dei registri precedenti: in una riga scrivi o questa o «${sought.it}», non entrambe.`,
      en: `This is the column of earlier registers: in one row write either this one or "${sought.en}", not both.`,
    });
  } else if (firstContact !== null && FIRST_CONTACT_HELP[firstContact]) {
    record.soughtHelpFrom = [FIRST_CONTACT_HELP[firstContact]];
  }
  return { riskIndicators: legacyRisk, firstContact, newRisk };
}

/**
 * The old "first service she turned to" as whom she turned to before, where the answer says it
 * (as migration 0025 reads old records); any other service says nothing of it, and nothing is guessed
 * ("emergency room or health services" may have been a GP).
 */
const FIRST_CONTACT_HELP: Record<string, string> = {
  police: 'police',
  social_services: 'social_services',
  legal: 'lawyers',
};
