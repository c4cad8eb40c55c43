import { sql } from 'drizzle-orm';
import type { TAddressForm } from '../../../contracts/auth.js';
import type { TCaseAccess, TTeamRole } from '../../../contracts/cases.js';
import type { AccessContext } from '../../platform/access/access-context.js';
import type { GrantCheck } from '../../platform/access/break-glass.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { findPersonInCare } from './households.repository.js';

/**
 * The one policy of a case: what the acting user may see of it. Row-level security
 * (migrations 0005_cases_rls, 0007_cases_protected_people) decides whether the row is visible at
 * all — blocked people, conflict-of-interest locks and a lapsed consent hide it — and this function
 * reads the same SQL helpers to tell the clinical team from a supervisor, a break-the-glass grant or
 * the referrer. It checks the blocked cases itself too, so the safety rule does not rest on RLS alone.
 */
export interface CaseAccess {
  id: string;
  access: TCaseAccess;
  teamRole: TTeamRole | null;
  status: 'open' | 'closing' | 'closed';
  serviceId: string;
  householdId: string;
  referralId: string;
  leadUserId: string | null;
}

export async function caseAccessOf({ tx, id }: { tx: Tx; id: string }): Promise<CaseAccess | null> {
  const [row] = await queryRows<{
    id: string;
    status: CaseAccess['status'];
    service_id: string;
    household_id: string;
    referral_id: string;
    lead_user_id: string | null;
    team_role: TTeamRole | null;
    supervises: boolean;
    granted: boolean;
    basis_ok: boolean;
    blocked: boolean;
  }>(
    tx,
    sql`select c.id, c.status, c.service_id, c.household_id, c.referral_id, c.lead_user_id,
          (select t.team_role from case_team t where t.case_id = c.id and t.user_id = (select trama_user())) as team_role,
          c.service_id = any((select trama_supervised_services())::uuid[]) as supervises,
          c.id = any((select trama_granted_ids('case'))::uuid[]) as granted,
          (c.basis_lapsed_at is null and (c.basis_expires_on is null or c.basis_expires_on >= current_date)) as basis_ok,
          c.id = any((select trama_blocked_cases())::uuid[]) as blocked
        from cases c where c.id = ${id}`,
  );
  if (!row || row.blocked) return null;
  const clinical = row.team_role === 'lead' || row.team_role === 'member';
  const access: TCaseAccess | null =
    row.basis_ok && clinical
      ? 'clinical'
      : row.basis_ok && row.supervises
        ? 'supervisor'
        : row.granted
          ? 'break_glass'
          : row.team_role === 'referrer'
            ? 'referrer'
            : null;
  if (!access) return null;
  return {
    id: row.id,
    access,
    teamRole: row.team_role,
    status: row.status,
    serviceId: row.service_id,
    householdId: row.household_id,
    referralId: row.referral_id,
    leadUserId: row.lead_user_id,
  };
}

/** The case as `caseAccessOf` sees it, or an audited 404 (outsiders learn nothing). */
export async function requireCase({
  tx,
  id,
  needs,
}: {
  tx: Tx;
  id: string;
  needs: readonly TCaseAccess[];
}): Promise<CaseAccess> {
  const found = await caseAccessOf({ tx, id });
  if (found && needs.includes(found.access)) return found;
  if (found) throw refused();
  throw new OutOfScope('case', id);
}

/** Seen, but not this action: the team knows the case exists, so a 403 tells nothing new. */
export function refused(detail?: { it: string; en: string }) {
  return new HttpProblem(
    403,
    'forbidden',
    { it: 'Operazione non consentita', en: 'Not allowed' },
    detail ?? {
      it: 'Il tuo ruolo nel caso non consente questa operazione.',
      en: 'Your role in the case does not allow this.',
    },
  );
}

export function requireOpen(found: Pick<CaseAccess, 'status'>, field = 'caseId') {
  if (found.status === 'closed')
    throw new HttpProblem(
      409,
      'case-closed',
      { it: 'Caso chiuso', en: 'Case closed' },
      { it: 'Il caso è chiuso: non si può modificare.', en: 'The case is closed: it cannot be changed.' },
      [{ field, code: 'closed', message: { it: 'Caso chiuso.', en: 'Case closed.' } }],
    );
}

/**
 * Display names of staff the caller already reached through a case (a mediator of another
 * organisation, say): users' rows are scoped to one's organisation, so the names are read as the
 * owner, and only the names.
 */
export async function displayNames({ tx, ids }: { tx: Tx; ids: readonly string[] }) {
  const unique = [...new Set(ids)];
  if (unique.length === 0)
    return new Map<string, { name: string; role: string | null; addressForm: TAddressForm }>();
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; display_name: string; role: string | null; address_form: TAddressForm }>(
      sys,
      sql`select u.id, u.display_name, u.address_form,
            (select m.role from memberships m where m.user_id = u.id order by m.created_at limit 1) as role
          from users u where u.id in (${uuidList(unique)})`,
    ),
  );
  // The form of address names the role as the person chose ("Operatrice"), in the web app.
  return new Map(
    rows.map((r) => [r.id, { name: r.display_name, role: r.role, addressForm: r.address_form }]),
  );
}

/**
 * Whether the case concerns a perpetrator (one of its people is recorded as one): there an order
 * shows only its type and dates and a placement's address never shows. Read as the owner, because
 * under RLS a perpetrator row hidden from the viewer would answer "no" (fail open); only a yes/no,
 * for a case the caller has already reached.
 */
export async function isPerpetratorCase({ tx, caseId }: { tx: Tx; caseId: string }) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ yes: boolean }>(
      sys,
      sql`select exists (select 1 from cases c join referral_people rp on rp.referral_id = c.referral_id
            join people p on p.id = rp.person_id and p.case_role = 'perpetrator' where c.id = ${caseId}) as yes`,
    ),
  );
  return row?.yes ?? false;
}

/** Whether a user must never reach these people (conflict of interest, follows the perpetrator). */
export async function isBlockedFrom({
  tx,
  userId,
  personIds,
}: {
  tx: Tx;
  userId: string;
  personIds: string[];
}) {
  if (personIds.length === 0) return false;
  const [row] = await queryRows<{ blocked: boolean }>(
    tx,
    sql`select trama_is_blocked_from(${userId}::uuid, array[${uuidList(personIds)}]::uuid[]) as blocked`,
  );
  return row?.blocked ?? false;
}

/**
 * Whether a user now stands on both sides: follows a perpetrator (clinical team of his case, or a
 * live break-the-glass grant into it) while on the team of, or holding a grant into, a case of
 * someone protected from him (a victim, a minor of the household, anyone marked at risk). Asked
 * after the write, in its transaction: whichever side came first, the second is refused.
 */
export async function straddlesPerpetrator({ tx, userId }: { tx: Tx; userId: string }) {
  const [row] = await queryRows<{ straddles: boolean }>(
    tx,
    sql`select trama_straddles_perpetrator(${userId}::uuid) as straddles`,
  );
  return row?.straddles ?? false;
}

/** Why someone else cannot join the perpetrator's team (a field error of the team update). */
export const STRADDLES_MESSAGE = {
  it: 'Lavora con una persona che l’autore di violenza può colpire (vittima, minore, persona a rischio): non può seguire anche l’autore.',
  en: 'They work with someone the perpetrator may harm (a victim, a minor, a person at risk): they cannot also follow the perpetrator.',
};

/** The same refusal to the user themselves: accepting the perpetrator's referral or a grant into his case. */
export function followsPerpetratorRefused() {
  return new HttpProblem(
    403,
    'follows-perpetrator',
    { it: 'Accesso escluso', en: 'Access excluded' },
    {
      it: 'Lavori con una persona che l’autore di violenza può colpire (vittima, minore, persona a rischio): non puoi seguire anche l’autore.',
      en: 'You work with someone the perpetrator may harm (a victim, a minor, a person at risk): you cannot also follow the perpetrator.',
    },
  );
}

/** The service one acts for: households, consents and referrals belong to a service, not a person. */
export function actingService(ctx: AccessContext) {
  if (ctx.serviceId) return ctx.serviceId;
  throw new HttpProblem(
    403,
    'service-required',
    { it: 'Serve un servizio', en: 'A service is needed' },
    {
      it: 'Per registrare nuclei e consensi scegli il servizio con cui operi.',
      en: 'To record households and consents, act for a service.',
    },
  );
}

/** The person in the caller's care (`findPersonInCare`), or an audited 404 once the transaction has rolled back. */
export async function requirePersonInCare({ tx, personId }: { tx: Tx; personId: string }) {
  const person = await findPersonInCare({ tx, personId });
  if (!person) throw new OutOfScope('person', personId);
  return person;
}

/** A duplicate merged into another record takes no new data: the kept record does (ADR 0025). */
export function refuseMerged(person: { merged: boolean }) {
  if (person.merged)
    throw problems.field(
      'personId',
      'merged',
      {
        it: 'Questa scheda è stata unita a quella della stessa persona: registra i dati sulla scheda tenuta, o annulla l’unione.',
        en: 'This record was merged into the same person’s record: record the data on the kept record, or undo the merge.',
      },
      409,
    );
}

/** Only the household's own service writes a person's safety details and at-risk mark; never on a merged duplicate. */
export async function requireOwnPerson({ tx, personId }: { tx: Tx; personId: string }) {
  const person = await requirePersonInCare({ tx, personId });
  if (!person.owner) throw new OutOfScope('person', personId);
  refuseMerged(person);
  return person;
}

/**
 * Nobody opens by emergency a case they are locked out of: a conflict of interest, or the case of
 * someone the perpetrator they follow may harm (row-level security would hide it anyway; this says
 * so). Nor does a grant into the perpetrator's case go to someone working with a person he may
 * harm: asked with the grant already written, so it counts as following him (break-the-glass
 * asks it through the module's descriptor, `grantChecks`).
 */
export const refuseBlockedCaseGrant: GrantCheck = async ({ tx, recordId: caseId, userId }) => {
  const [row] = await queryRows<{ blocked: boolean; straddles: boolean }>(
    tx,
    sql`select ${caseId}::uuid = any(trama_blocked_cases()) as blocked,
          trama_straddles_perpetrator(${userId}::uuid) as straddles`,
  );
  if (row?.straddles && !row.blocked)
    throw new HttpProblem(
      403,
      'follows-perpetrator',
      { it: 'Accesso escluso', en: 'Access excluded' },
      {
        it: 'Lavori con una persona che l’autore di violenza può colpire (vittima, minore, persona a rischio): non puoi aprire anche il caso dell’autore.',
        en: 'You work with someone the perpetrator may harm (a victim, a minor, a person at risk): you cannot also open the perpetrator’s case.',
      },
    );
  if (row?.blocked)
    throw new HttpProblem(
      403,
      'case-locked',
      { it: 'Accesso escluso', en: 'Access excluded' },
      {
        it: 'Una regola di sicurezza o di conflitto di interessi ti esclude da questo caso.',
        en: 'A safety or conflict-of-interest rule excludes you from this case.',
      },
    );
};
