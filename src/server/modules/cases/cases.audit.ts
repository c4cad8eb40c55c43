import type { AccessContext } from '../../platform/access/access-context.js';
import { actorOf } from '../../platform/access/access-context.js';
import type { AuditAction, AuditLabels } from '../../platform/audit/audit-events.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import type { Tx } from '../../platform/db/client.js';

/**
 * The audit actions of this module with the words the DPO reads for them, added to the platform's
 * vocabulary (platform/audit/audit-events.ts).
 */
export const CASES_AUDIT_ACTIONS = {
  'household.created': { it: 'Nucleo familiare registrato', en: 'Household registered' },
  'household.read': { it: 'Scheda nucleo consultata', en: 'Household record viewed' },
  'household.listed': { it: 'Elenco dei nuclei consultato', en: 'Household list viewed' },
  'household.searched': { it: 'Nucleo trovato con la ricerca', en: 'Household found by a search' },
  'person.created': { it: 'Persona aggiunta al nucleo', en: 'Person added to the household' },
  'person.updated': { it: 'Dati della persona modificati', en: "Person's details changed" },
  'person.removed': { it: 'Persona tolta dal nucleo', en: 'Person removed from the household' },
  'person.history_read': {
    it: 'Storico delle modifiche della persona consultato',
    en: "Person's change history viewed",
  },
  'person.safety_read': { it: 'Regole di contatto sicuro consultate', en: 'Safe-contact rules viewed' },
  'person.safety_updated': { it: 'Regole di contatto sicuro modificate', en: 'Safe-contact rules changed' },
  'person.at_risk_updated': { it: 'Indicazione di pericolo modificata', en: 'Danger flag changed' },
  'person.excluded': { it: 'Operatore escluso dalla persona', en: 'Staff member excluded from the person' },
  'person.message_planned': {
    it: 'Messaggio alla persona programmato',
    en: 'Message to the person scheduled',
  },
  'person.message_sent': { it: 'Messaggio alla persona inviato', en: 'Message to the person sent' },
  'person.message_withheld': {
    it: 'Messaggio alla persona trattenuto',
    en: 'Message to the person withheld',
  },
  'consent.created': { it: 'Consenso registrato', en: 'Consent recorded' },
  'consent.revoked': { it: 'Consenso revocato', en: 'Consent withdrawn' },
  'referral.created': { it: 'Invio creato', en: 'Referral created' },
  'referral.updated': { it: 'Invio modificato', en: 'Referral changed' },
  'referral.deleted': { it: 'Bozza di invio eliminata', en: 'Draft referral deleted' },
  'referral.sent': { it: 'Invio trasmesso al servizio', en: 'Referral sent to the service' },
  'referral.consent_override': { it: 'Invio trasmesso senza consenso', en: 'Referral sent without consent' },
  'referral.read': { it: 'Invio consultato', en: 'Referral viewed' },
  'referral.listed': { it: 'Elenco degli invii consultato', en: 'Referral list viewed' },
  'referral.accepted': { it: 'Invio accolto', en: 'Referral accepted' },
  'referral.declined': { it: 'Invio non accolto', en: 'Referral declined' },
  'referral.revoked': { it: 'Invio ritirato', en: 'Referral withdrawn' },
  'referral.closed': { it: 'Invio chiuso', en: 'Referral closed' },
  'case.read': { it: 'Caso consultato', en: 'Case viewed' },
  'case.listed': { it: 'Elenco dei casi consultato', en: 'Case list viewed' },
  'case.file_updated': { it: 'Cartella del caso modificata', en: 'Case file changed' },
  'case.plan_submitted': { it: "Piano inviato per l'approvazione", en: 'Plan submitted for approval' },
  'case.plan_approved': { it: 'Piano approvato', en: 'Plan approved' },
  'case.team_updated': { it: 'Équipe del caso modificata', en: 'Case team changed' },
  'case.closure_requested': { it: 'Chiusura del caso richiesta', en: 'Case closure requested' },
  'case.closed': { it: 'Caso chiuso', en: 'Case closed' },
  'case.timeline_viewed': { it: 'Cronologia del caso consultata', en: 'Case timeline viewed' },
  'session.created': { it: 'Incontro registrato', en: 'Session recorded' },
  'session.read': { it: 'Incontro consultato', en: 'Session viewed' },
  'session.listed': { it: 'Elenco degli incontri consultato', en: 'Session list viewed' },
  'session.note_added': { it: "Nota dell'incontro aggiunta", en: 'Session note added' },
} satisfies AuditLabels;

declare module '../../platform/audit/audit-events.js' {
  interface ModuleAuditActions extends Record<keyof typeof CASES_AUDIT_ACTIONS, true> {}
}

/** The records this module's lookups and grants name, and their tables (platform/access/not-found.ts). */
export const CASES_RECORD_TABLES = {
  household: 'households',
  person: 'people',
  consent: 'consents',
  referral: 'referrals',
  case: 'cases',
  session: 'case_sessions',
} as const;

declare module '../../platform/access/not-found.js' {
  interface ModuleRecordTypes extends Record<keyof typeof CASES_RECORD_TABLES, true> {}
}

/** An event on a case by the signed-in user, in the request's transaction: the case names the record. */
export function auditCase({
  tx,
  ctx,
  action,
  caseId,
  details,
}: {
  tx: Tx;
  ctx: AccessContext;
  action: AuditAction;
  caseId: string;
  details?: Record<string, unknown>;
}) {
  return writeAudit({
    tx,
    actor: actorOf(ctx),
    event: { action, recordType: 'case', recordId: caseId, details },
  });
}
