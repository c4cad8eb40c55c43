import { HIDDEN_COUNT } from '../../../contracts/common.js';
import type { TIndicatorKind } from '../../../contracts/impact.js';
import {
  periodOfKey,
  type ReportingPeriod,
  type TReportContent,
  type TReportRow,
} from '../../../contracts/impact-periods.js';

/** The words of a frozen report's files (PDF and XLSX), in Italian and English. */

export type ReportLanguage = 'it' | 'en';

const TAG = { it: 'it-IT', en: 'en-GB' } as const;

export const dayInWords = (iso: string, lang: ReportLanguage) =>
  new Intl.DateTimeFormat(TAG[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

export const momentInWords = (iso: string, lang: ReportLanguage) =>
  new Intl.DateTimeFormat(TAG[lang], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(new Date(iso));

const ORDINAL = { it: ['1º', '2º', '3º', '4º'], en: ['Q1', 'Q2', 'Q3', 'Q4'] } as const;

/** "3º trimestre 2026" / "Q3 2026", "Intero progetto" / "Whole project". */
export function periodName(period: Pick<ReportingPeriod, 'key' | 'kind'>, lang: ReportLanguage): string {
  const year = period.key.slice(0, 4);
  const n = Number(period.key.slice(-1)) - 1;
  switch (period.kind) {
    case 'quarter':
      return lang === 'it' ? `${ORDINAL.it[n]} trimestre ${year}` : `${ORDINAL.en[n]} ${year}`;
    case 'semester':
      return lang === 'it' ? `${ORDINAL.it[n]} semestre ${year}` : `H${n + 1} ${year}`;
    case 'year':
      return lang === 'it' ? `Anno ${year}` : `Year ${year}`;
    default:
      return lang === 'it' ? 'Intero progetto' : 'Whole project';
  }
}

export const periodNameOfKey = (key: string, lang: ReportLanguage) => {
  const period = periodOfKey(key);
  return period ? periodName(period, lang) : key;
};

const UNITS: Record<TReportRow['unit'], Record<ReportLanguage, string>> = {
  people: { it: 'persone', en: 'people' },
  households: { it: 'nuclei', en: 'households' },
  records: { it: 'casi', en: 'records' },
  days: { it: 'giorni', en: 'days' },
  hours: { it: 'ore', en: 'hours' },
  euro: { it: 'euro', en: 'euro' },
  score: { it: 'punteggio medio su 5', en: 'average score out of 5' },
};
export const unitName = (unit: TReportRow['unit'], lang: ReportLanguage) => UNITS[unit][lang];

/** A value in words: the neutral mark when hidden, never a label that tells why. */
export function valueInWords(
  value: number | null,
  hidden: boolean,
  unit: TReportRow['unit'],
  lang: ReportLanguage,
): string {
  if (hidden) return HIDDEN_COUNT[lang];
  if (value === null) return '—';
  if (unit === 'euro')
    return new Intl.NumberFormat(TAG[lang], { style: 'currency', currency: 'EUR' }).format(value);
  const figure = new Intl.NumberFormat(TAG[lang], { maximumFractionDigits: unit === 'score' ? 1 : 0 }).format(
    value,
  );
  return unit === 'score' ? `${figure} / 5` : `${figure} ${UNITS[unit][lang]}`;
}

export const percent = (share: number, lang: ReportLanguage) =>
  new Intl.NumberFormat(TAG[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);

export const KIND_NAMES: Record<TIndicatorKind, Record<ReportLanguage, string>> = {
  target: { it: 'Obiettivo del progetto', en: 'Project target' },
  outcome: { it: 'Esito', en: 'Outcome' },
  context: { it: 'Contesto', en: 'Context' },
};

export const REPORT_WORDS = {
  it: {
    title: 'Rapporto di monitoraggio dell’impatto',
    draft: 'BOZZA — periodo non chiuso: i valori possono ancora cambiare',
    final: 'Definitivo — periodo approvato e chiuso',
    period: 'Periodo',
    status: 'Stato',
    lockedBy: (by: string, at: string) => `Approvato e chiuso da ${by} il ${at}`,
    generatedBy: (by: string, at: string) => `Generato da ${by} il ${at}`,
    inPeriod: 'Nel periodo',
    cumulative: (to: string) => `Dall’inizio del progetto al ${to}`,
    target: 'Obiettivo',
    progress: 'Avanzamento',
    formula: (v: number) => `Formula versione ${v}`,
    notAvailable: (reason: string) => `Non disponibile: ${reason}`,
    afterLock: (period: string, value: string) => `Registrati dopo la chiusura del ${period}: ${value}`,
    rule: 'Regola di riservatezza applicata',
    verification: 'Verifica',
    hash: 'Impronta SHA-256 del contenuto',
    key: 'Chiave di firma (Ed25519)',
    verifyHow:
      'Il file porta un sigillo firmato: chiunque può controllarlo con `npm run report:verify <file>` o sulla pagina pubblica di verifica. Qualsiasi modifica del file lo invalida.',
    sheetReport: 'Rapporto',
    sheetIndicators: 'Indicatori',
    columns: [
      'Pacchetto di lavoro',
      'Indicatore',
      'Tipo',
      'Unità',
      'Nel periodo',
      'Cumulato',
      'Obiettivo',
      'Avanzamento',
      'Versione della formula',
      'Dopo la chiusura del periodo precedente',
      'Note',
    ],
    yes: 'sì',
  },
  en: {
    title: 'Impact monitoring report',
    draft: 'DRAFT — period not locked: the values may still change',
    final: 'Final — period approved and locked',
    period: 'Period',
    status: 'Status',
    lockedBy: (by: string, at: string) => `Approved and locked by ${by} on ${at}`,
    generatedBy: (by: string, at: string) => `Generated by ${by} on ${at}`,
    inPeriod: 'In the period',
    cumulative: (to: string) => `From the project’s start to ${to}`,
    target: 'Target',
    progress: 'Progress',
    formula: (v: number) => `Formula version ${v}`,
    notAvailable: (reason: string) => `Not available: ${reason}`,
    afterLock: (period: string, value: string) => `Recorded after ${period} was locked: ${value}`,
    rule: 'Rule of suppression applied',
    verification: 'Verification',
    hash: 'SHA-256 fingerprint of the content',
    key: 'Signing key (Ed25519)',
    verifyHow:
      'The file carries a signed seal: anyone can check it with `npm run report:verify <file>` or on the public verification page. Any change to the file breaks it.',
    sheetReport: 'Report',
    sheetIndicators: 'Indicators',
    columns: [
      'Work package',
      'Indicator',
      'Kind',
      'Unit',
      'In the period',
      'Cumulative',
      'Target',
      'Progress',
      'Formula version',
      'After the previous period’s lock',
      'Notes',
    ],
    yes: 'yes',
  },
} as const;

export const periodLine = (content: TReportContent, lang: ReportLanguage) =>
  `${periodName(content.period, lang)} (${dayInWords(content.period.from, lang)} – ${dayInWords(content.period.to, lang)})`;
