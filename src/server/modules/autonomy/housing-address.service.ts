import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ADDRESS_APPROVAL_HOURS } from '../../../contracts/autonomy-codes.js';
import type { TAddressRequest, ZAddressDecisionSchema } from '../../../contracts/housing.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { requireRecentStepUp } from '../../platform/auth/step-up.js';
import { decryptField } from '../../platform/crypto/field-crypto.js';
import { isoTime, queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { HttpProblem, problems } from '../../platform/http/problem.js';
import { displayNames } from '../cases/cases.policy.js';
import { autonomyContext } from './autonomy.fields.js';
import { autonomyRoleOf, BLOCKED_HOUSEHOLDS, requireHousingCoordinator } from './autonomy.policy.js';
import { blockedHouseholdIds } from './housing-units.service.js';

/**
 * The address of a protected apartment, the most dangerous fact in the system (issue 20, item 4).
 * It is read here only, one unit at a time, as the owner (the column is not granted to the request
 * role), after a recent step-up and with a reason kept as the audit event's purpose:
 * - by a housing coordinator of the unit's service;
 * - by anyone else once, with a request of their own that another housing coordinator approved and
 *   that is still unused and in time — consumed by one conditional update, so two reveals at once
 *   cannot both use it.
 * Anyone else gets the same audited 404 as for a unit that does not exist — and so does anyone, its
 * coordinators included, blocked from someone who lives in it now or will (a perpetrator's
 * follower, a conflict-of-interest lock), asked again at each reveal.
 */

interface UnitFacts {
  service_id: string;
  label: string;
}

/** The unit as the owner sees it (its service and label), whoever asks; an audited 404 when missing. */
async function unitFacts(tx: Tx, unitId: string): Promise<UnitFacts> {
  const [unit] = await unsafeAsSystem(tx, (sys) =>
    queryRows<UnitFacts>(sys, sql`select service_id, label from housing_units where id = ${unitId}`),
  );
  if (!unit) throw new OutOfScope('housing_unit', unitId);
  return unit;
}

/**
 * Refuses (the unit's audited 404) a caller blocked from someone of a household that lives in the
 * unit now or will: the address is where that person sleeps. Stays read as the owner, after the
 * caller's own list was read as the caller.
 */
async function refuseIfBlockedFromOccupants(tx: Tx, unitId: string) {
  const blocked = await blockedHouseholdIds(tx);
  if (blocked.length === 0) return;
  const [hosted] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string }>(
      sys,
      sql`select id from housing_occupancies
           where unit_id = ${unitId} and household_id = any (${sqlArray(blocked, 'uuid')})
             and (ends_on is null or ends_on > current_date) limit 1`,
    ),
  );
  if (hosted) throw new OutOfScope('housing_unit', unitId);
}

/** Whether the caller is a housing coordinator of the service that runs the unit. */
async function coordinatesUnit({ tx, ctx, unit }: { tx: Tx; ctx: AccessContext; unit: UnitFacts }) {
  return (await autonomyRoleOf(tx)) === 'coordinator' && ctx.serviceId === unit.service_id;
}

export async function revealAddress({
  deps,
  ctx,
  unitId,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  unitId: string;
  reason: string;
}) {
  requireRecentStepUp({
    ctx,
    why: {
      it: 'L’indirizzo di un appartamento protetto si vede solo dopo aver confermato il codice di autenticazione.',
      en: 'A protected apartment’s address is shown only after you confirm your authentication code.',
    },
  });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const unit = await unitFacts(tx, unitId);
      await refuseIfBlockedFromOccupants(tx, unitId);
      let requestId: string | null = null;
      if (!(await coordinatesUnit({ tx, ctx, unit }))) {
        // One conditional update: used once, by its requester, approved and still in time.
        const [used] = await unsafeAsSystem(tx, (sys) =>
          queryRows<{ id: string }>(
            sys,
            sql`update housing_address_requests set used_at = now()
                 where id = (select r.id from housing_address_requests r
                              where r.unit_id = ${unitId} and r.requested_by = ${ctx.userId} and r.status = 'approved'
                                and r.used_at is null and r.usable_until > now()
                              order by r.usable_until limit 1)
                   and used_at is null and usable_until > now()
                returning id`,
          ),
        );
        if (!used) throw new OutOfScope('housing_unit', unitId);
        requestId = used.id;
      }
      const address = await unsafeAsSystem(tx, async (sys) => {
        const [row] = await queryRows<{ address_encrypted: string }>(
          sys,
          sql`select address_encrypted from housing_units where id = ${unitId}`,
        );
        return decryptField({
          keyring: deps.keyring,
          value: row!.address_encrypted,
          context: autonomyContext('housing_units.address', unitId),
        });
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'housing.address_revealed',
          recordType: 'housing_unit',
          recordId: unitId,
          purpose: reason,
          details: requestId ? { via: 'approved_request', requestId } : { via: 'housing_coordinator' },
        },
      });
      return { unitId, label: unit.label, address };
    },
  });
}

interface RequestRow {
  id: string;
  unit_id: string;
  requested_by: string;
  reason: string;
  status: TAddressRequest['status'];
  created_at: Date | string;
  decided_by: string | null;
  decided_at: Date | string | null;
  decision_note: string | null;
  usable_until: Date | string | null;
  used_at: Date | string | null;
}

const REQUEST_COLUMNS = sql`r.id, r.unit_id, r.requested_by, r.reason, r.status, r.created_at, r.decided_by,
  r.decided_at, r.decision_note, r.usable_until, r.used_at`;

/**
 * Requests as ZAddressRequestSchema: the rows the caller read under RLS; the units' labels and the
 * people's names as the owner (a requester outside the team does not read the unit's row).
 */
async function viewsOf({ tx, ctx, rows }: { tx: Tx; ctx: AccessContext; rows: RequestRow[] }) {
  if (rows.length === 0) return [];
  const role = await autonomyRoleOf(tx);
  const unitIds = [...new Set(rows.map((r) => r.unit_id))];
  const units = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; label: string; service_id: string }>(
      sys,
      sql`select id, label, service_id from housing_units where id = any (${sqlArray(unitIds, 'uuid')})`,
    ),
  );
  const unitOf = new Map(units.map((u) => [u.id, u]));
  const names = await displayNames({
    tx,
    ids: rows.flatMap((r) => [r.requested_by, r.decided_by ?? r.requested_by]),
  });
  const nameOf = (id: string) => names.get(id)?.name ?? '—';
  return rows.map((r): TAddressRequest => {
    const unit = unitOf.get(r.unit_id);
    const usable =
      r.status === 'approved' && !r.used_at && r.usable_until && new Date(r.usable_until) > new Date();
    return {
      id: r.id,
      unitId: r.unit_id,
      unitLabel: unit?.label ?? '—',
      requestedBy: { id: r.requested_by, name: nameOf(r.requested_by) },
      reason: r.reason,
      status: r.status,
      requestedAt: isoTime(r.created_at)!,
      decidedBy: r.decided_by ? nameOf(r.decided_by) : null,
      decidedAt: isoTime(r.decided_at),
      decisionNote: r.decision_note,
      usableUntil: usable ? isoTime(r.usable_until) : null,
      used: r.used_at !== null,
      canDecide:
        r.status === 'pending' &&
        r.requested_by !== ctx.userId &&
        role === 'coordinator' &&
        unit?.service_id === ctx.serviceId,
    };
  });
}

async function requestView({ tx, ctx, id }: { tx: Tx; ctx: AccessContext; id: string }) {
  const rows = await queryRows<RequestRow>(
    tx,
    sql`select ${REQUEST_COLUMNS} from housing_address_requests r where r.id = ${id}`,
  );
  const [view] = await viewsOf({ tx, ctx, rows });
  if (!view) throw new OutOfScope('housing_address_request', id);
  return view;
}

/**
 * Someone outside the unit's coordinators asks to see its address once. Only who reads a plan or a
 * household that stayed in the unit (or a practitioner of the housing team that runs it) may ask;
 * anyone else gets the audited 404. Its coordinators do not ask: they reveal it.
 */
export async function requestAddress({
  deps,
  ctx,
  unitId,
  reason,
}: {
  deps: Deps;
  ctx: AccessContext;
  unitId: string;
  reason: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const unit = await unitFacts(tx, unitId);
      await refuseIfBlockedFromOccupants(tx, unitId);
      const role = await autonomyRoleOf(tx);
      if (role === 'coordinator' && ctx.serviceId === unit.service_id)
        throw new HttpProblem(
          409,
          'reveal-instead',
          { it: 'Nessuna richiesta necessaria', en: 'No request needed' },
          {
            it: 'Coordini questo appartamento: puoi vederne l’indirizzo direttamente, con una motivazione.',
            en: 'You coordinate this apartment: you may see its address directly, giving a reason.',
          },
        );
      const team = role === 'practitioner' && ctx.serviceId === unit.service_id;
      if (!team) {
        // The households whose plan or record the caller reads, as the caller, leaving out those
        // with someone the caller is blocked from; then, as the owner, whether one stayed in the unit.
        const [mine] = await queryRows<{ ids: string[] }>(
          tx,
          sql`select coalesce(array_agg(distinct x.id), '{}') as ids from (
                select unnest(trama_readable_households()) as id
                union select p.household_id from autonomy_plans p where p.id = any (trama_readable_plans())) x
               where not (x.id = any ${BLOCKED_HOUSEHOLDS})`,
        );
        const ids = (mine?.ids ?? []).map(String);
        const stayed =
          ids.length > 0 &&
          (await unsafeAsSystem(tx, async (sys) => {
            const [row] = await queryRows<{ id: string }>(
              sys,
              sql`select id from housing_occupancies
                   where unit_id = ${unitId} and household_id = any (${sqlArray(ids, 'uuid')}) limit 1`,
            );
            return Boolean(row);
          }));
        if (!stayed) throw new OutOfScope('housing_unit', unitId);
      }
      const [open] = await queryRows<{ id: string }>(
        tx,
        sql`select id from housing_address_requests
             where unit_id = ${unitId} and requested_by = ${ctx.userId}
               and (status = 'pending' or (status = 'approved' and used_at is null and usable_until > now()))`,
      );
      if (open)
        throw problems.conflict({
          it: 'Hai già una richiesta aperta per questo appartamento.',
          en: 'You already have an open request for this apartment.',
        });
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into housing_address_requests (unit_id, requested_by, reason)
            values (${unitId}, ${ctx.userId}, ${reason}) returning id`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'housing.address_requested',
          recordType: 'housing_address_request',
          recordId: row!.id,
          purpose: reason,
          details: { unitId },
        },
      });
      return requestView({ tx, ctx, id: row!.id });
    },
  });
}

/** The caller's own requests, and for a housing coordinator those about their units (RLS). */
export async function listAddressRequests({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<RequestRow>(
        tx,
        sql`select ${REQUEST_COLUMNS} from housing_address_requests r
             order by (r.status = 'pending') desc, r.created_at desc, r.id limit 200`,
      );
      const items = await viewsOf({ tx, ctx, rows });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'housing.address_requests_listed', details: { count: items.length } },
      });
      return { items };
    },
  });
}

/**
 * A housing coordinator of the unit's service decides a request they did not make (the database's
 * CHECK refuses it too, whatever path writes it). An approval lets the requester see the address
 * once within ADDRESS_APPROVAL_HOURS.
 */
export async function decideAddressRequest({
  deps,
  ctx,
  requestId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  requestId: string;
  input: z.output<typeof ZAddressDecisionSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const [request] = await queryRows<{ requested_by: string }>(
        tx,
        sql`select requested_by from housing_address_requests where id = ${requestId}`,
      );
      if (!request) throw new OutOfScope('housing_address_request', requestId);
      if (request.requested_by === ctx.userId)
        throw new HttpProblem(
          403,
          'own-address-request',
          { it: 'Serve un’altra persona', en: 'Another person is needed' },
          {
            it: 'Hai chiesto tu di vedere questo indirizzo: decide un’altra persona che coordina l’appartamento.',
            en: 'You asked to see this address yourself: another coordinator of the apartment decides.',
          },
        );
      await requireHousingCoordinator(tx);
      const [decided] = await queryRows<{ id: string }>(
        tx,
        sql`update housing_address_requests
               set status = ${input.approve ? 'approved' : 'refused'}, decided_by = ${ctx.userId}, decided_at = now(),
                   decision_note = ${input.note},
                   usable_until = ${input.approve ? sql`now() + make_interval(hours => ${ADDRESS_APPROVAL_HOURS})` : sql`null`}
             where id = ${requestId} and status = 'pending' returning id`,
      );
      // Conditional: a request already decided, or decided by someone else at the same time.
      if (!decided)
        throw problems.conflict({
          it: 'La richiesta è già stata decisa.',
          en: 'The request has already been decided.',
        });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'housing.address_request_decided',
          recordType: 'housing_address_request',
          recordId: requestId,
          details: { approved: input.approve },
        },
      });
      return requestView({ tx, ctx, id: requestId });
    },
  });
}
