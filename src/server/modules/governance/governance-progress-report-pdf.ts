import type { TActivityStatus, TWorkPackage } from '../../../contracts/governance-codes.js';
import { dayInWords, euros, monthInWords, startReport, workPackageLabel } from './governance-plan-pdf.js';

/** What the monthly progress report prints (gathered as the caller: governance-progress-report.ts). */
export interface ProgressReport {
  month: string;
  /** The last day the report covers: the month's end, or today for the month under way. */
  asOf: string;
  activitiesDone: { title: string; on: string }[];
  updates: { title: string; status: TActivityStatus; note: string; on: string }[];
  milestonesReached: { title: string; workPackage: TWorkPackage; on: string }[];
  milestonesLate: { title: string; workPackage: TWorkPackage; on: string }[];
  openActions: { title: string; owner: string; dueOn: string; committee: string }[];
  actionsByCommittee: { committee: string; count: number }[];
  /** Complementary resources offered in the month, or null when the reader's role does not read the ledger. */
  resources: { cents: number; count: number } | null;
}

export const ACTIVITY_STATUS_WORDS: Record<TActivityStatus, string> = {
  not_started: 'non avviata',
  on_track: 'in linea con il piano',
  delayed: 'in ritardo',
  done: 'conclusa',
};

export function progressReportPdf(r: ProgressReport, { compress = true } = {}): Promise<Buffer> {
  const pdf = startReport({
    title: `Rapporto mensile di avanzamento — ${monthInWords(r.month)}`,
    subtitle: `Progetto Trama: situazione al ${dayInWords(r.asOf)}`,
    compress,
  });
  pdf.section('Attività concluse nel mese');
  pdf.lines(
    r.activitiesDone.map((a) => `${a.title} (${dayInWords(a.on)})`),
    'Nessuna attività conclusa nel mese.',
  );
  pdf.section('Aggiornamenti di stato del mese');
  pdf.lines(
    r.updates.map((u) => `${dayInWords(u.on)} — ${u.title}: ${ACTIVITY_STATUS_WORDS[u.status]}. ${u.note}`),
    'Nessun aggiornamento nel mese.',
  );
  pdf.section('Milestone raggiunte nel mese');
  pdf.lines(
    r.milestonesReached.map((m) => `${m.title} (${workPackageLabel(m.workPackage)}), ${dayInWords(m.on)}`),
    'Nessuna milestone raggiunta nel mese.',
  );
  pdf.section('Milestone in ritardo a fine mese');
  pdf.lines(
    r.milestonesLate.map(
      (m) =>
        `${m.title} (${workPackageLabel(m.workPackage)}): prevista per il ${dayInWords(m.on)}, non raggiunta`,
    ),
    'Nessuna milestone in ritardo.',
  );
  pdf.section('Azioni aperte a fine mese');
  pdf.note(`Azioni aperte: ${r.openActions.length}.`);
  for (const c of r.actionsByCommittee) pdf.line(`${c.committee}: ${c.count}`);
  pdf.lines(
    r.openActions.map((a) => `${a.title} — ${a.owner}, scadenza ${dayInWords(a.dueOn)} (${a.committee})`),
    'Nessuna azione aperta tra quelle che puoi consultare.',
  );
  pdf.note('Sono elencate le azioni dei comitati che chi ha generato il rapporto può consultare.');
  pdf.section('Indicatori chiave');
  pdf.note(
    r.resources
      ? `Risorse complementari raccolte nel mese: ${euros(r.resources.cents)} (${r.resources.count} registrazioni).`
      : 'Risorse complementari raccolte nel mese: dato non disponibile per il tuo ruolo.',
  );
  pdf.note('Altri indicatori del progetto si aggiungeranno con il modulo di valutazione d’impatto.');
  return pdf.end();
}
