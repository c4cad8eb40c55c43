import { sql } from 'drizzle-orm';
import type { TLocalizedText } from '../../../contracts/common.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { isMediationCoordinator } from './mediation.policy.js';

/**
 * Who may do what in the library and the glossary (the same rules as 0034_mediation_rls, which backs
 * them), and the words of each refusal: every member of staff reads materials, the versions in use
 * and the glossary; mediators and the mediation coordinator write; the coordinator of the service
 * that keeps a material creates it, changes it and reviews its versions, never one of their own.
 */

const forbidden = (detail: TLocalizedText) =>
  new HttpProblem(403, 'forbidden', { it: 'Operazione non consentita', en: 'Not allowed' }, detail);

export const libraryRefusals = {
  notWriter: () =>
    forbidden({
      it: 'Scrivono nella biblioteca e nel glossario solo i mediatori e il referente del servizio di mediazione.',
      en: 'Only mediators and the coordinator of the mediation service write in the library and the glossary.',
    }),
  notCoordinator: () =>
    forbidden({
      it: 'Solo il referente del servizio di mediazione che cura il materiale può farlo.',
      en: 'Only the coordinator of the mediation service that keeps the material can do this.',
    }),
  ownVersion: () =>
    forbidden({
      it: 'Chi ha scritto una versione non può approvarla: serve lo sguardo di una seconda persona.',
      en: 'Whoever wrote a version cannot approve it: it needs a second person’s review.',
    }),
  notAuthor: () =>
    forbidden({
      it: 'Una bozza la modifica o la invia in revisione solo chi l’ha scritta, oppure il referente della mediazione.',
      en: 'Only the author of a draft, or the mediation coordinator, edits it or sends it for review.',
    }),
  notDraft: () =>
    problems.conflict({
      it: 'Si può modificare o inviare in revisione solo una bozza.',
      en: 'Only a draft can be edited or sent for review.',
    }),
  notInReview: () =>
    problems.conflict({
      it: 'Questa versione non è in revisione: forse qualcun altro l’ha già approvata o restituita.',
      en: 'This version is not in review: someone may have approved or returned it already.',
    }),
  notApproved: () =>
    problems.conflict({
      it: 'Si scarica in PDF solo una versione approvata, in uso.',
      en: 'Only an approved version, in use, can be downloaded as PDF.',
    }),
  openDraft: () =>
    problems.field(
      'language',
      'open_draft',
      {
        it: 'In questa lingua c’è già una bozza o una versione in revisione: completa quella.',
        en: 'There is already a draft or a version in review in this language: finish that one.',
      },
      409,
    ),
  raced: () =>
    problems.conflict({
      it: 'Qualcun altro ha appena cambiato questo materiale: ricarica la pagina e riprova.',
      en: 'Someone else has just changed this material: reload the page and try again.',
    }),
  unknownLanguage: (field: string) =>
    problems.field(field, 'unknown', { it: 'Lingua sconosciuta.', en: 'Unknown language.' }),
  commentNeeded: () =>
    problems.field('comment', 'required', {
      it: 'Scrivi che cosa va corretto: l’autore lo leggerà.',
      en: 'Say what needs correcting: the author will read it.',
    }),
};

/** Mediators and the mediation coordinator write (RLS: the same test). */
export async function requireLibraryWriter(tx: Tx) {
  const [row] = await queryRows<{ yes: boolean }>(
    tx,
    sql`select (trama_role() = 'mediator' or trama_is_mediation_coordinator()) as yes`,
  );
  if (!row?.yes) throw libraryRefusals.notWriter();
}

/** The acting mediation coordinator of the service that keeps the material, or a 403. */
export async function requireMaterialKeeper(tx: Tx, ownerServiceId: string) {
  if (!(await isMediationCoordinator(tx))) throw libraryRefusals.notCoordinator();
  const [row] = await queryRows<{ yes: boolean }>(
    tx,
    sql`select ${ownerServiceId}::uuid = trama_service() as yes`,
  );
  if (!row?.yes) throw libraryRefusals.notCoordinator();
}

export async function requireLanguage(tx: Tx, code: string, field: string) {
  const [row] = await queryRows<{ rtl: boolean }>(tx, sql`select rtl from languages where code = ${code}`);
  if (!row) throw libraryRefusals.unknownLanguage(field);
  return row;
}
