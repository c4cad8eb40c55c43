import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressReportPdf } from './governance-progress-report-pdf.js';

const textOf = (pdf: Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), 'progress-')), 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
};

describe('the monthly progress report PDF', () => {
  it('says the month in Italian words, work packages with their titles, and when the ledger is not readable', async () => {
    const text = textOf(
      await progressReportPdf({
        month: '2026-03',
        asOf: '2026-03-31',
        activitiesDone: [{ title: 'Mappa della comunità', on: '2026-03-12' }],
        updates: [],
        milestonesReached: [],
        milestonesLate: [{ title: 'Cinque imprese sociali', workPackage: 'wp5', on: '2026-02-01' }],
        openActions: [
          {
            title: 'Convocare i sindaci',
            owner: 'Anna Rossi',
            dueOn: '2026-04-02',
            committee: 'Cabina di regia',
          },
        ],
        actionsByCommittee: [{ committee: 'Cabina di regia', count: 1 }],
        resources: null,
      }),
    );
    expect(text).toContain('marzo 2026');
    expect(text).toContain('12 marzo 2026');
    expect(text).toContain('WP5 — Autonomia, lavoro e abitare');
    expect(text).toContain('Convocare i sindaci — Anna Rossi');
    expect(text).toContain('non disponibile per il tuo ruolo');
    expect(text).toContain('Nessun aggiornamento nel mese.');
  });
});
