import type { TProcessingActivity } from '../../../contracts/privacy.js';
import { startReport } from '../../platform/files/report-pdf.js';
import { type Sheet, toXlsx } from '../../platform/files/spreadsheets.js';

/**
 * The record of processing as files (issue 23, item 4): a PDF in Italian for the Garante's
 * inspection, and an XLSX with the register and a DPIA worksheet per activity handling special or
 * safety data, prefilled with what the register knows; likelihood, severity and further measures
 * are the DPO's to fill in.
 */
const list = (items: { it: string }[]) => items.map((i) => i.it).join('; ');
const NOT_SET = 'da completare a cura del DPO';

export function registerPdf(
  register: TProcessingActivity[],
  { on, compress = true }: { on: string; compress?: boolean },
) {
  const report = startReport({
    title: 'Registro delle attività di trattamento',
    subtitle: `Art. 30 del Regolamento (UE) 2016/679 — generato da Trama il ${on}`,
    compress,
  });
  for (const a of register) {
    report.section(a.name.it);
    report.note(`Finalità: ${a.purposes.it}`);
    report.note(`Titolare e contitolari: ${a.controller ?? NOT_SET}`);
    report.note('Basi giuridiche:');
    report.lines(
      a.legalBases.map((b) => b.it),
      '—',
    );
    report.note(`Categorie di interessati: ${list(a.subjects)}`);
    report.note('Categorie di dati (colonne):');
    report.lines(
      a.dataCategories.map((c) => `${c.label.it}: ${c.columns}`),
      '—',
    );
    report.note(`Destinatari: ${list(a.recipients)}`);
    report.note(`Responsabili del trattamento: ${a.processors ?? NOT_SET}`);
    report.note(`Trasferimenti fuori dall’UE: ${a.transfers ?? NOT_SET}`);
    report.note('Conservazione:');
    report.lines(
      a.retention.map((r) => r.it),
      '—',
    );
    report.note(`Chi accede (ruoli): ${list(a.readBy) || 'nessun ruolo'}`);
    report.note('Misure di sicurezza (art. 32):');
    report.lines(
      a.measures.map((m) => m.it),
      '—',
    );
    if (a.notes) report.note(`Note del DPO: ${a.notes}`);
  }
  return report.end();
}

const DPIA_RISKS = [
  ['Accesso illegittimo ai dati', 'Esposizione della persona a chi le fa violenza; stigma; discriminazione'],
  ['Modifica indesiderata dei dati', 'Decisioni sulla persona o sui minori prese su dati sbagliati'],
  ['Perdita o indisponibilità dei dati', 'Interruzione della presa in carico e della protezione'],
] as const;

export function registerXlsx(register: TProcessingActivity[], { on }: { on: string }) {
  const sheets: Sheet[] = [
    {
      name: 'Registro',
      notes: ['Registro delle attività di trattamento (art. 30 GDPR)', `Generato da Trama il ${on}`],
      header: [
        'Attività',
        'Finalità',
        'Basi giuridiche',
        'Interessati',
        'Categorie di dati',
        'Destinatari',
        'Conservazione',
        'Ruoli che accedono',
        'Titolare e contitolari',
        'Responsabili',
        'Trasferimenti extra UE',
        'Misure di sicurezza',
        'Note del DPO',
      ],
      rows: register.map((a) => [
        a.name.it,
        a.purposes.it,
        list(a.legalBases),
        list(a.subjects),
        a.dataCategories.map((c) => `${c.label.it}: ${c.columns}`).join('; '),
        list(a.recipients),
        list(a.retention),
        list(a.readBy),
        a.controller ?? NOT_SET,
        a.processors ?? NOT_SET,
        a.transfers ?? NOT_SET,
        list(a.measures),
        a.notes ?? '',
      ]),
    },
  ];
  for (const a of register) {
    const sensitive = a.dataCategories.filter((c) => /art\. 9|sicurezza/i.test(c.label.it));
    if (sensitive.length === 0) continue;
    sheets.push({
      name: `DPIA ${a.key}`,
      notes: [
        `Valutazione d’impatto (art. 35 GDPR): ${a.name.it}`,
        `Dati trattati: ${sensitive.map((c) => c.label.it).join('; ')}`,
        `Interessati: ${list(a.subjects)}`,
        'Probabilità e gravità: da 1 (trascurabile) a 4 (massima), a cura del DPO con i servizi.',
      ],
      header: [
        'Rischio',
        'Impatto sulle persone',
        'Misure esistenti',
        'Probabilità',
        'Gravità',
        'Misure ulteriori',
      ],
      rows: DPIA_RISKS.map(([risk, impact]) => [risk, impact, list(a.measures), null, null, null]),
    });
  }
  return toXlsx(sheets);
}
