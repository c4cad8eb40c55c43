import { type SQL, sql } from 'drizzle-orm';
import { TRANSFER_LIST_LIMIT, type TTransfer } from '../../../contracts/tutela.js';
import { isoTime, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';

/**
 * Data access for transfers between Ambiti (issue 15, item 6). Which transfers a caller sees is
 * row-level security's answer (migration 0021: the case's openers, the receiving service and its
 * coordinator); the case code and the two services' names are then read as the owner for exactly
 * those rows, because the receiving side may not read the case row before it accepts.
 */

/**
 * Whether a transfer is addressed to the caller's service (or one it supervises), on a transfer
 * aliased `t`; never null (an organisation-level coordinator acts for no service).
 */
const INCOMING = sql`(t.to_service_id is not distinct from (select trama_service())
  or t.to_service_id = any((select trama_supervised_services())::uuid[]))`;

type TransferRow = {
  id: string;
  case_id: string;
  code: string;
  from_name: string;
  to_name: string;
  basis: TTransfer['basis'];
  reason: string | null;
  status: TTransfer['status'];
  requested_at: Date;
  answered_at: Date | null;
  refusal_reason: string | null;
};

/** The transfers row-level security lets the caller see, `where` narrowing them, in the given order. */
async function visibleTransfers({ tx, where, order }: { tx: Tx; where: SQL; order: SQL }) {
  const seen = await queryRows<{ id: string; incoming: boolean }>(
    tx,
    sql`select t.id, ${INCOMING} as incoming from case_transfers t where ${where} order by ${order}
        limit ${TRANSFER_LIST_LIMIT}`,
  );
  if (seen.length === 0) return [];
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<TransferRow>(
      sys,
      sql`select t.id, t.case_id, c.code, fs.name as from_name, ts.name as to_name, t.basis, t.reason, t.status,
            t.requested_at, t.answered_at, t.refusal_reason
          from case_transfers t join cases c on c.id = t.case_id
            join services fs on fs.id = t.from_service_id join services ts on ts.id = t.to_service_id
          where t.id in (${uuidList(seen.map((s) => s.id))})`,
    ),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return seen.map((s) => toTransfer(byId.get(s.id)!, s.incoming));
}

function toTransfer(r: TransferRow, incoming: boolean): TTransfer {
  return {
    id: r.id,
    caseId: r.case_id,
    caseCode: r.code,
    fromServiceName: r.from_name,
    toServiceName: r.to_name,
    basis: r.basis,
    reason: r.reason,
    status: r.status,
    requestedAt: isoTime(r.requested_at)!,
    answeredAt: isoTime(r.answered_at),
    refusalReason: r.refusal_reason,
    incoming,
  };
}

/**
 * The caller's transfers: those to its service still waiting for an answer first, then the
 * answered ones, then those of cases it may open, newest first.
 */
export function listTransfers({ tx }: { tx: Tx }) {
  return visibleTransfers({
    tx,
    where: sql`true`,
    order: sql`${INCOMING} desc, (t.status = 'requested') desc, t.requested_at desc, t.id`,
  });
}

/** One transfer as the caller may see it, or null. */
export async function findTransfer({ tx, id }: { tx: Tx; id: string }) {
  const [found] = await visibleTransfers({ tx, where: sql`t.id = ${id}`, order: sql`t.id` });
  return found ?? null;
}

/** The case's open request (at most one), as its team or supervisor sees it, or null. */
export async function openTransferOf({ tx, caseId }: { tx: Tx; caseId: string }) {
  const [found] = await visibleTransfers({
    tx,
    where: sql`t.case_id = ${caseId} and t.status = 'requested'`,
    order: sql`t.requested_at desc`,
  });
  return found ?? null;
}

/**
 * The people of a case, read as the owner: asked right after an acceptance, before the new lead's
 * access is known, to check that no safety rule locks them out of one of them (ids only).
 */
export async function casePersonIds({ tx, caseId }: { tx: Tx; caseId: string }) {
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ person_id: string }>(
      sys,
      sql`select rp.person_id from referral_people rp join cases c on c.referral_id = rp.referral_id
          where c.id = ${caseId}`,
    ),
  );
  return rows.map((r) => r.person_id);
}

/** What a transfer's receiving side is checked against; read under row-level security. */
export async function transferTarget({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await queryRows<{ case_id: string; to_service_id: string; status: TTransfer['status'] }>(
    tx,
    sql`select case_id, to_service_id, status from case_transfers where id = ${id}`,
  );
  return row ?? null;
}

/**
 * The case a transfer is about, read as the owner: only to name it in the audited 404 of someone
 * who may not see the transfer (the answer is the same 404 whether it exists or not).
 */
export async function caseOfTransfer({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ case_id: string }>(sys, sql`select case_id from case_transfers where id = ${id}`),
  );
  return row?.case_id ?? null;
}

/**
 * Why the database refused an acceptance that was addressed to the caller and still open: the
 * case closed or moved, or the basis no longer holds. Read as the owner, for a transfer the
 * caller's service received; only these yes/no answers leave.
 */
export async function whyNotAcceptable({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ case_gone: boolean; household_moves: boolean; basis_holds: boolean }>(
      sys,
      sql`select (c.status = 'closed' or c.service_id <> t.from_service_id) as case_gone,
            trama_household_can_move(c.id) as household_moves,
            case when t.basis = 'court_order'
              then exists (select 1 from court_orders o where o.id = t.order_id and o.case_id = c.id)
              else exists (select 1 from consents k
                join referral_people rp on rp.person_id = k.person_id and rp.referral_id = c.referral_id
                where k.id = t.consent_id and k.recipient_service_id = t.to_service_id and k.revoked_at is null
                  and (k.expires_on is null or k.expires_on >= current_date)) end as basis_holds
          from case_transfers t join cases c on c.id = t.case_id where t.id = ${id}`,
    ),
  );
  return row ?? null;
}

/** A service as the transfer rules need it: kind, district, whether it is active. */
export async function serviceFacts({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await queryRows<{ kind: string; district_id: string | null; active: boolean }>(
    tx,
    sql`select kind, district_id, active from services where id = ${id}`,
  );
  return row ?? null;
}

/**
 * Whether the consent names the receiving service, for being taken into care, is in force and is
 * of one of the case's people; and how many people of the household no consent to that service
 * covers (the whole household moves with the case, so the basis must cover each of them).
 */
export async function consentBasis({
  tx,
  consentId,
  toServiceId,
  referralId,
}: {
  tx: Tx;
  consentId: string;
  toServiceId: string;
  referralId: string;
}) {
  const inForce = sql`k.recipient_service_id = ${toServiceId} and k.purpose = 'taking_into_care'
    and k.revoked_at is null and (k.expires_on is null or k.expires_on >= current_date)`;
  const [row] = await queryRows<{ named: boolean; uncovered: number }>(
    tx,
    sql`select
      exists (select 1 from consents k where k.id = ${consentId} and ${inForce}
        and k.person_id in (select rp.person_id from referral_people rp where rp.referral_id = ${referralId})) as named,
      (select count(*)::int from people p
        where p.household_id = (select household_id from referrals where id = ${referralId})
          and not exists (select 1 from consents k where k.person_id = p.id and ${inForce})) as uncovered`,
  );
  return row!;
}

/** Whether the court order is one of this case's. */
export async function orderOfCase({ tx, orderId, caseId }: { tx: Tx; orderId: string; caseId: string }) {
  const rows = await queryRows(
    tx,
    sql`select 1 from court_orders where id = ${orderId} and case_id = ${caseId}`,
  );
  return rows.length > 0;
}

/** Whether the case's household can move with it (its service owns it, no other case of it open there). */
export async function householdCanMove({ tx, caseId }: { tx: Tx; caseId: string }) {
  const [row] = await queryRows<{ ok: boolean }>(
    tx,
    sql`select trama_household_can_move(${caseId}::uuid) as ok`,
  );
  return row?.ok ?? false;
}
