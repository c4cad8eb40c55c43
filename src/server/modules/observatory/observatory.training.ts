import type { TStatistics, TTrainingReport } from '../../../contracts/observatory.js';

type Finding = TTrainingReport['findings'][number];

/**
 * Turns the published statistics into orientation for training (WP1, WP2). It reads only
 * numbers already published (a suppressed cell is never cited), so the report can reveal
 * nothing the dashboard does not. Findings are ordered by how many incidents stand behind them.
 */
export function trainingFindings(statistics: TStatistics): Finding[] {
  const table = (key: string) => statistics.tables.find((t) => t.key === key);
  // Every finding counts incidents: its share is of the incidents counted.
  const total = table('age-by-gender')?.total ?? null;
  const shareOf = (value: number, of: number | null) => (of ? Math.round((value / of) * 1000) / 10 : null);
  const findings: Finding[] = [];

  const fromColumn = (key: string, topic: Finding['topic'], skip: string[] = []) => {
    const t = table(key);
    if (!t) return;
    t.rows.forEach((row, r) => {
      // One-column tables give the cell; the country table (countries by group) its row total.
      const value = t.rowTotals && t.columns.length > 1 ? t.rowTotals[r] : t.cells[r]?.[0];
      if (value === null || value === undefined || value === 0 || skip.includes(row)) return;
      findings.push({
        topic,
        subject: row,
        evidence: { table: key, row, column: t.columns.length > 1 ? 'total' : t.columns[0]!, value },
        share: shareOf(value, total),
      });
    });
  };
  fromColumn('forms', 'violence_form');
  fromColumn('contexts', 'context');
  fromColumn('country', 'community', ['IT', 'unknown', 'other']);
  // The services that send women here (who sent her: herself and her relatives are no service).
  fromColumn('referred-by', 'service', ['self', 'relatives_friends', 'other']);

  // Interpreters: where they were needed and missing, by language and by district.
  const byLanguage = table('language-by-interpreter');
  if (byLanguage) {
    const missing = byLanguage.columns.indexOf('missing');
    const provided = byLanguage.columns.indexOf('provided');
    byLanguage.rows.forEach((row, r) => {
      const value = byLanguage.cells[r]?.[missing];
      if (!value || row === 'unknown' || row === 'other') return;
      const given = byLanguage.cells[r]?.[provided];
      findings.push({
        topic: 'language_interpreter',
        subject: row,
        evidence: { table: byLanguage.key, row, column: 'missing', value },
        share: given === null || given === undefined ? null : shareOf(value, value + given),
      });
    });
  }
  const byDistrict = table('interpreter-by-district');
  if (byDistrict) {
    const missing = byDistrict.rows.indexOf('missing');
    const provided = byDistrict.rows.indexOf('provided');
    byDistrict.columns.forEach((column, c) => {
      const value = byDistrict.cells[missing]?.[c];
      if (!value) return;
      const given = byDistrict.cells[provided]?.[c];
      findings.push({
        topic: 'district_interpreter',
        subject: column,
        evidence: { table: byDistrict.key, row: 'missing', column, value },
        share: given === null || given === undefined ? null : shareOf(value, value + given),
      });
    });
  }
  return findings.sort((a, b) => b.evidence.value - a.evidence.value);
}
