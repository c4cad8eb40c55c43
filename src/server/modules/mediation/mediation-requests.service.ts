import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TMatch, TRequest, TRequestInput, TRequestStatus } from '../../../contracts/mediation.js';
import { MEDIATION_LIMITS } from '../../../contracts/mediation.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { encryptField } from '../../platform/crypto/field-crypto.js';
import { randomTypedCode } from '../../platform/crypto/pseudonyms.js';
import { countOf, queryRows, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { requireCase } from '../cases/cases.policy.js';
import { rankCandidates } from './matching.js';
import { isMediationCoordinator, requireCoordinatedRequest, requireRequest } from './mediation.policy.js';
import { releaseAssignment } from './mediation-booking.js';
import { loadCandidates, matchRequestOf, requestRowOf } from './mediation-candidates.js';
import { loadRequest, loadRequests, type RequestFilter } from './mediation-requests.repository.js';

/** A request's code (`M-` and six symbols), shown to people instead of its id. */
export const newRequestCode = () => randomTypedCode('M', 6);

/** The mediation service a request goes to: the one of the requester's district, else the first. */
async function mediationServiceFor(tx: Tx, serviceId: string | null): Promise<string> {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string }>(
      sys,
      sql`select m.id from services m left join services mine on mine.id = ${serviceId}
           where m.kind = 'mediation_service' and m.active
           order by (m.district_id is not distinct from mine.district_id) desc, m.created_at, m.id limit 1`,
    ),
  );
  if (!row)
    throw problems.conflict({
      it: 'Nessun servizio di mediazione è attivo: chiedi all’amministratore di crearne uno.',
      en: 'No mediation service is active: ask the administrator to create one.',
    });
  return row.id;
}

/** The case, session and person a request names must be the requester's to see, and belong together. */
async function judgeCaseLink(tx: Tx, input: TRequestInput) {
  if (!input.caseId) return;
  await requireCase({ tx, id: input.caseId, needs: ['clinical', 'supervisor', 'referrer'] });
  const [links] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ session_ok: boolean; person_ok: boolean }>(
      sys,
      sql`select (${input.sessionId ?? null}::uuid is null or exists (select 1 from case_sessions s
                    where s.id = ${input.sessionId ?? null} and s.case_id = ${input.caseId})) as session_ok,
                 (${input.personId ?? null}::uuid is null or exists (select 1 from cases c
                    join referral_people rp on rp.referral_id = c.referral_id
                    where c.id = ${input.caseId} and rp.person_id = ${input.personId ?? null})) as person_ok`,
    ),
  );
  if (!links?.session_ok)
    throw problems.field('sessionId', 'not_of_case', {
      it: 'L’incontro non è di questo caso.',
      en: 'The session is not one of this case.',
    });
  if (!links.person_ok)
    throw problems.field('personId', 'not_of_case', {
      it: 'La persona non è di questo caso.',
      en: 'The person is not one of this case.',
    });
}

/**
 * Whether the person mediated is protected: ticked by the requester, or known to the case records
 * (a victim, marked at risk, a minor of a household with a perpetrator). The victim's rules then hold
 * whether or not the box was ticked.
 */
async function isProtectedPerson(tx: Tx, input: TRequestInput): Promise<boolean> {
  if (input.victim) return true;
  if (!input.personId) return false;
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ protected: boolean }>(
      sys,
      sql`select p.case_role = 'victim' or p.at_risk
                 or (trama_is_minor(p.birth_date, p.birth_year, p.case_role) and exists (
                       select 1 from people q where q.household_id = p.household_id and q.case_role = 'perpetrator')) as protected
            from people p where p.id = ${input.personId}`,
    ),
  );
  return row?.protected ?? false;
}

/** For a victim with no stated preference: the mediator gender she or he asked for, else their own. */
async function victimGenderDefault(tx: Tx, input: TRequestInput): Promise<'female' | 'male' | null> {
  if (!input.victim) return null;
  if (input.victimMediatorGender) return input.victimMediatorGender;
  if (input.personId) {
    const [p] = await unsafeAsSystem(tx, (sys) =>
      queryRows<{ gender: string; preferred: string }>(
        sys,
        sql`select gender, preferred_mediator_gender as preferred from people where id = ${input.personId}`,
      ),
    );
    if (p?.preferred === 'female' || p?.preferred === 'male') return p.preferred;
    if (p?.gender === 'female' || p?.gender === 'male') return p.gender;
  }
  throw problems.field('victimMediatorGender', 'required', {
    it: 'Indica il genere del mediatore che la persona ha chiesto (di solito il suo).',
    en: 'Say which mediator gender the person asked for (usually their own).',
  });
}

async function judgeReferences(tx: Tx, input: TRequestInput) {
  const [row] = await queryRows<{ language: boolean; municipality: boolean }>(
    tx,
    sql`select exists (select 1 from languages where code = ${input.language}) as language,
               (${input.municipality ?? null}::text is null
                 or exists (select 1 from municipalities where istat_code = ${input.municipality ?? null})) as municipality`,
  );
  if (!row?.language)
    throw problems.field('language', 'unknown', { it: 'Lingua sconosciuta.', en: 'Unknown language.' });
  if (!row.municipality)
    throw problems.field('municipality', 'unknown', {
      it: 'Comune sconosciuto.',
      en: 'Unknown municipality.',
    });
  if (new Date(input.startsAt).getTime() < Date.now() - 60 * 60_000)
    throw problems.field('startsAt', 'past', {
      it: 'La mediazione non può essere nel passato.',
      en: 'The mediation cannot be in the past.',
    });
}

/** The ranked suitable mediators for a request, read as the owner after the caller was judged. */
export async function matchesFor(tx: Tx, requestId: string): Promise<TMatch[]> {
  return unsafeAsSystem(tx, async (sys) => {
    const request = await requestRowOf(sys, requestId);
    if (!request) return [];
    const candidates = await loadCandidates({ sys, request });
    return rankCandidates(await matchRequestOf(sys, request), candidates, MEDIATION_LIMITS.matches);
  });
}

export async function createRequest({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: TRequestInput;
}) {
  if (!ctx.serviceId) throw problems.forbidden();
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await judgeReferences(tx, input);
      await judgeCaseLink(tx, input);
      input = { ...input, victim: await isProtectedPerson(tx, input) };
      const victimMediatorGender = await victimGenderDefault(tx, input);
      const id = randomUUID();
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
      await tx.execute(
        sql`insert into mediation_requests (id, code, mediation_service_id, service_id, requester_id, language, dialect,
              starts_at, ends_at, duration_minutes, mode, municipality, place_encrypted, purpose, urgency,
              gender_preference, victim, victim_mediator_gender, community, avoid_same_community, work_package,
              case_id, session_id, person_id, requester_contact, notes)
            values (${id}, ${newRequestCode()}, ${await mediationServiceFor(tx, ctx.serviceId)}, ${ctx.serviceId},
              ${ctx.userId}, ${input.language}, ${input.dialect ?? null}, ${startsAt}, ${endsAt}, ${input.durationMinutes},
              ${input.mode}, ${input.municipality ?? null},
              ${input.place ? encryptField({ keyring: deps.keyring, plaintext: input.place, context: `mediation_requests.place:${id}` }) : null},
              ${input.purpose}, ${input.urgency}, ${input.genderPreference}, ${input.victim}, ${victimMediatorGender},
              ${input.community ?? null}, ${input.avoidSameCommunity}, ${input.workPackage}, ${input.caseId ?? null},
              ${input.sessionId ?? null}, ${input.personId ?? null}, ${input.requesterContact}, ${input.notes ?? null})`,
      );
      // Nobody suitable now: accepted, and flagged for the coordinator and the indicators.
      const matches = await matchesFor(tx, id);
      if (matches.length === 0)
        await unsafeAsSystem(tx, (sys) =>
          sys.execute(sql`update mediation_requests set unmatched = true where id = ${id}`),
        );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.request_created',
          recordType: 'mediation_request',
          recordId: id,
          details: { unmatched: matches.length === 0 },
        },
      });
      return loadRequest({ tx, keyring: deps.keyring, id });
    },
  });
}

export async function listRequests({
  deps,
  ctx,
  status,
  unmatched,
  page,
  pageSize,
}: {
  deps: Deps;
  ctx: AccessContext;
  status?: TRequestStatus;
  unmatched?: boolean;
  page: number;
  pageSize: number;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // A mediation coordinator's list is their service's queue; anyone else's, what RLS shows them.
      const filter: RequestFilter = { status, unmatched, page, pageSize };
      if (await isMediationCoordinator(tx)) filter.mediationServiceId = ctx.serviceId ?? undefined;
      const items = await loadRequests({ tx, keyring: deps.keyring, filter });
      const total = await countOf(
        tx,
        sql`select count(*)::int as n from mediation_requests r where true
             ${filter.mediationServiceId ? sql`and r.mediation_service_id = ${filter.mediationServiceId}` : sql``}
             ${status ? sql`and r.status = ${status}` : sql``} ${unmatched ? sql`and r.unmatched` : sql``}`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.requests_listed', details: { count: items.length } },
      });
      return { items, page, pageSize, total };
    },
  });
}

export async function getRequest({
  deps,
  ctx,
  id,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
}): Promise<TRequest> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireRequest({ tx, id });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.request_read', recordType: 'mediation_request', recordId: id },
      });
      return loadRequest({ tx, keyring: deps.keyring, id });
    },
  });
}

/** The ranked matches with their reasons: for the requester and the mediation coordinator. */
export async function requestMatches({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const request = await requireRequest({ tx, id });
      const coordinator = await isMediationCoordinator(tx);
      if (request.requester_id !== ctx.userId && !coordinator) throw problems.forbidden();
      const items = await matchesFor(tx, id);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.matches_read',
          recordType: 'mediation_request',
          recordId: id,
          details: { count: items.length },
        },
      });
      return { items };
    },
  });
}

/** The requester or the mediation coordinator cancels; a live assignment ends with it. */
export async function cancelRequest({
  deps,
  ctx,
  id,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string;
  reason: string | null;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const seen = await requireRequest({ tx, id });
      if (seen.requester_id !== ctx.userId) await requireCoordinatedRequest({ tx, id });
      const request = await requireRequest({ tx, id, lock: true });
      if (request.status === 'completed' || request.status === 'cancelled')
        throw problems.conflict({
          it: 'La richiesta è già conclusa o annullata.',
          en: 'The request is already completed or cancelled.',
        });
      // Once it has started the mediator logs what happened (a no-show included): never unpaid by a late cancel.
      if (
        new Date(request.starts_at).getTime() <= Date.now() &&
        ['assigned', 'confirmed'].includes(request.status)
      )
        throw problems.conflict({
          it: 'La mediazione è già iniziata: il mediatore ne registra l’esito (anche l’assenza della persona).',
          en: 'The mediation has already started: the mediator logs how it went (the person’s absence included).',
        });
      await releaseAssignment({ tx, requestId: id, to: 'cancelled', reason });
      await unsafeAsSystem(tx, async (sys) => {
        await sys.execute(
          sql`update mediation_requests set status = 'cancelled', cancel_reason = ${reason}, updated_at = now()
               where id = ${id}`,
        );
        await sys.execute(
          sql`update mediation_offers set status = 'withdrawn', answered_at = now()
               where request_id = ${id} and status = 'pending'`,
        );
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.request_cancelled', recordType: 'mediation_request', recordId: id },
      });
      return loadRequest({ tx, keyring: deps.keyring, id });
    },
  });
}
