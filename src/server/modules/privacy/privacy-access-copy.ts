import { sql } from 'drizzle-orm';
import type { TRole } from '../../../contracts/roles.js';
import { auditLabelOf } from '../../platform/audit/audit-labels.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { startReport } from '../../platform/files/report-pdf.js';
import { italianDay } from '../../platform/i18n/italian-dates.js';
import type { SubjectCopy } from '../../platform/retention/record-erasure.js';
import { ROLE_WORDS } from './privacy-register-words.js';

/**
 * The person's copy for an access request (GDPR art. 15; issue 23, item 3), in plain Italian: what
 * Trama holds and who consulted the records; and, as a separate file for the DPO only, what was left
 * out of it, each exclusion with the rule that allows it. Accesses name the service, the role, the day and the
 * action, not the operator, as the Garante's guidance on access logs asks (dossier sanitario, 2015):
 * the person learns who handled their data without the staff being exposed by name.
 */
const REASONS: Record<SubjectCopy['withheld'][number]['reason'], string> = {
  third_party: 'dati di altre persone (art. 15, par. 4, GDPR)',
  endangers: 'la comunicazione potrebbe mettere in pericolo qualcuno (art. 2-undecies, d.lgs. 196/2003)',
  court: 'procedimento giudiziario in corso (art. 2-undecies, c. 1, lett. f, d.lgs. 196/2003)',
};
const KIND_WORDS = {
  access: 'accesso',
  rectification: 'rettifica',
  erasure: 'cancellazione',
  restriction: 'limitazione',
  objection: 'opposizione',
} as const;
/**
 * Accesses the copy does not list: they would tell whoever reads it that safe-contact rules or a
 * danger flag exist, which the copy withholds (they reach the person through the service).
 */
const UNLISTED_ACTIONS = ['person.safety_read', 'person.safety_updated', 'person.at_risk_updated'];
/** The accesses a copy lists at most (a long-followed household can have thousands). */
const MAX_ACCESSES = 2000;

const stamp = (d: Date) =>
  new Intl.DateTimeFormat('it-IT', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(d);

/** Who read or changed the records, from the audit trail (the DPO reads it; its own reads excluded). */
async function accessesOf(tx: Tx, records: SubjectCopy['records']) {
  const ids = records.map((r) => r.id);
  if (ids.length === 0) return { rows: [], more: false };
  const rows = await queryRows<{
    occurred_at: Date;
    action: string;
    actor_role: string | null;
    service: string | null;
  }>(
    tx,
    sql`select e.occurred_at, e.action, e.actor_role, s.name as service
          from audit_events e left join services s on s.id = e.acting_service_id
         where e.record_id in (${sql.join(
           ids.map((id) => sql`${id}`),
           sql`, `,
         )}) and e.outcome = 'success' and e.actor_user_id is not null
           and coalesce(e.actor_role, '') <> 'dpo'
           and e.action not in (${sql.join(
             UNLISTED_ACTIONS.map((a) => sql`${a}`),
             sql`, `,
           )})
         order by e.occurred_at desc limit ${MAX_ACCESSES + 1}`,
  );
  return { rows: rows.slice(0, MAX_ACCESSES), more: rows.length > MAX_ACCESSES };
}

/** Which file: the person's copy, or the DPO's list of what was left out of it, to review. */
export type CopyPart = 'person' | 'review';

export async function accessCopyPdf({
  tx,
  request,
  copy,
  part,
  compress = true,
}: {
  tx: Tx;
  request: { subject_name: string; received_on: string; kind: keyof typeof KIND_WORDS };
  copy: SubjectCopy;
  part: CopyPart;
  compress?: boolean;
}) {
  if (part === 'review') {
    // Never handed over: naming what is withheld would disclose it (an open proceeding, a safe contact).
    const review = startReport({
      title: 'Esclusioni da verificare dal DPO',
      subtitle: `Copia dei dati di ${request.subject_name}, richiesta ricevuta il ${italianDay(request.received_on)} — documento interno, da non consegnare`,
      compress,
    });
    review.note(
      'Queste parti non sono nella copia per la persona. Verifica ciascuna esclusione: se non si applica, chiedi al servizio di consegnare quei dati.',
    );
    review.lines(
      copy.withheld.map((w) => `${w.what} — motivo: ${REASONS[w.reason]}`),
      'Nessuna esclusione.',
    );
    return review.end();
  }
  const report = startReport({
    title: `Dati personali di ${request.subject_name}`,
    subtitle: `Risposta alla richiesta di ${KIND_WORDS[request.kind]} ricevuta il ${italianDay(request.received_on)} (art. 15 del Regolamento (UE) 2016/679)`,
    compress,
  });
  for (const section of copy.sections) {
    report.section(section.title);
    report.lines(section.lines, 'Nessun dato registrato.');
  }
  report.section('Chi ha consultato i dati');
  const { rows, more } = await accessesOf(tx, copy.records);
  report.lines(
    rows.map(
      (r) =>
        `${stamp(new Date(r.occurred_at))} — ${r.service ?? 'Amministrazione del sistema'}, ${
          r.actor_role && r.actor_role in ROLE_WORDS
            ? ROLE_WORDS[r.actor_role as TRole].it.toLowerCase()
            : 'ruolo non indicato'
        }: ${auditLabelOf(r.action).it}`,
    ),
    'Nessuna consultazione registrata.',
  );
  if (more) report.note(`Sono elencate le ${MAX_ACCESSES} consultazioni più recenti.`);
  return report.end();
}
