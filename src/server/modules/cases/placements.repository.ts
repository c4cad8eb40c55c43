import { sql } from 'drizzle-orm';
import type { TPlacement } from '../../../contracts/tutela.js';
import { decryptField, type Keyring } from '../../platform/crypto/field-crypto.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { displayNames } from './cases.policy.js';

/**
 * Data access for placements (alternative care) and their visits. The address is encrypted with
 * the placement's id as context; whether it leaves the database at all is decided in the SELECT
 * (`showAddress` and the order's protection), so no caller can forget to drop it.
 */

export const placementAddressContext = (placementId: string) => `placements.address:${placementId}`;

/** Protected when its order says so; an order the viewer cannot read counts as protecting it. */
const PROTECTED = sql`coalesce(o.address_protected, pl.order_id is not null)`;

/**
 * The case's placements, newest first (or one of them). `showAddress`: the viewer may see an
 * address the order does not protect (the clinical team, not on a perpetrator's case);
 * `protectAll`: every address counts as protected (a perpetrator's case).
 */
export async function placementsOfCase({
  tx,
  keyring,
  caseId,
  showAddress,
  protectAll,
  placementId,
}: {
  tx: Tx;
  keyring: Keyring;
  caseId: string;
  showAddress: boolean;
  protectAll: boolean;
  placementId?: string;
}): Promise<TPlacement[]> {
  const one = placementId ? sql`and pl.id = ${placementId}` : sql``;
  const rows = await queryRows<{
    id: string;
    person_id: string;
    person_name: string;
    kind: TPlacement['kind'];
    provider_name: string;
    starts_on: string;
    ends_on: string | null;
    order_id: string | null;
    protected: boolean;
    has_address: boolean;
    address_encrypted: string | null;
  }>(
    tx,
    sql`select pl.id, pl.person_id, p.given_name || ' ' || p.family_name as person_name, pl.kind, pl.provider_name,
          to_char(pl.starts_on, 'YYYY-MM-DD') as starts_on, to_char(pl.ends_on, 'YYYY-MM-DD') as ends_on, pl.order_id,
          (${protectAll} or ${PROTECTED}) as protected, pl.address_encrypted is not null as has_address,
          case when ${showAddress} and not ${protectAll} and not ${PROTECTED} then pl.address_encrypted end
            as address_encrypted
        from placements pl
        join people p on p.id = pl.person_id
        left join court_orders o on o.id = pl.order_id
        where pl.case_id = ${caseId} ${one}
        order by pl.starts_on desc, pl.created_at desc, pl.id`,
  );
  const visits = await visitsOf({ tx, placementIds: rows.map((r) => r.id) });
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    kind: r.kind,
    providerName: r.provider_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    orderId: r.order_id,
    address: r.address_encrypted
      ? decryptField({ keyring, value: r.address_encrypted, context: placementAddressContext(r.id) })
      : null,
    addressProtected: r.protected,
    hasAddress: r.has_address,
    visits: visits.get(r.id) ?? [],
  }));
}

async function visitsOf({ tx, placementIds }: { tx: Tx; placementIds: string[] }) {
  const byPlacement = new Map<string, TPlacement['visits']>();
  if (placementIds.length === 0) return byPlacement;
  const rows = await queryRows<{
    id: string;
    placement_id: string;
    visited_on: string;
    note: string | null;
    visited_by: string;
  }>(
    tx,
    sql`select id, placement_id, to_char(visited_on, 'YYYY-MM-DD') as visited_on, note, visited_by
        from placement_visits where placement_id in (${uuidList(placementIds)})
        order by visited_on desc, created_at desc, id`,
  );
  const names = await displayNames({ tx, ids: rows.map((r) => r.visited_by) });
  for (const r of rows) {
    const list = byPlacement.get(r.placement_id) ?? [];
    list.push({
      id: r.id,
      visitedOn: r.visited_on,
      note: r.note,
      by: names.get(r.visited_by)?.name ?? '',
    });
    byPlacement.set(r.placement_id, list);
  }
  return byPlacement;
}

/** One placement of the case with its sealed address (still encrypted) and whether the order protects it. */
export async function findPlacement({
  tx,
  caseId,
  placementId,
}: {
  tx: Tx;
  caseId: string;
  placementId: string;
}) {
  const [row] = await queryRows<{
    id: string;
    starts_on: string;
    ends_on: string | null;
    address_encrypted: string | null;
    protected: boolean;
  }>(
    tx,
    sql`select pl.id, to_char(pl.starts_on, 'YYYY-MM-DD') as starts_on, to_char(pl.ends_on, 'YYYY-MM-DD') as ends_on,
          pl.address_encrypted, ${PROTECTED} as protected
        from placements pl left join court_orders o on o.id = pl.order_id
        where pl.id = ${placementId} and pl.case_id = ${caseId}`,
  );
  return row ?? null;
}

/** The order when it is one of this case, with whether it protects the child's whereabouts. */
export async function orderOfCase({ tx, caseId, orderId }: { tx: Tx; caseId: string; orderId: string }) {
  const [row] = await queryRows<{ address_protected: boolean }>(
    tx,
    sql`select address_protected from court_orders where id = ${orderId} and case_id = ${caseId}`,
  );
  return row ?? null;
}
