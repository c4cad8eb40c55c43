import { sql } from 'drizzle-orm';
import type { TDuplicatePerson, TPersonMerge } from '../../../contracts/person-merges.js';
import { isoTime, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { displayNames } from './cases.policy.js';

/**
 * Reads for duplicates and merges, in the request's scoped transaction: row-level security keeps
 * people to what the viewer may read; OWN decides which households the service may merge in.
 */
const OWN = sql`h.owner_service_id = (select trama_service())`;

/** Everyone the service may merge (its own households), not already merged into someone. */
export async function mergeablePeople({ tx }: { tx: Tx }) {
  return queryRows<{
    id: string;
    household_id: string;
    household_code: string;
    given_name: string;
    family_name: string;
    folded: string;
    birth_year: number | null;
    birth_date: string | null;
    case_role: TDuplicatePerson['caseRole'];
    identifier: string | null;
  }>(
    tx,
    sql`select p.id, p.household_id, h.code as household_code, p.given_name, p.family_name,
          trama_fold(p.given_name || ' ' || p.family_name) as folded, p.birth_year,
          to_char(p.birth_date, 'YYYY-MM-DD') as birth_date, p.case_role,
          case when p.identifier_type <> 'none' then p.identifier_type || ':' || p.identifier end as identifier
        from people p join households h on h.id = p.household_id
        where ${OWN} and p.merged_into_id is null`,
  );
}

/** Pairs of these people the family network records as related: two people, by the record. */
export async function relatedPairs({ tx, ids }: { tx: Tx; ids: string[] }) {
  if (ids.length === 0) return new Set<string>();
  const rows = await queryRows<{ a: string; b: string }>(
    tx,
    sql`select from_person_id as a, to_person_id as b from person_relations
        where from_person_id in (${uuidList(ids)}) and to_person_id in (${uuidList(ids)})`,
  );
  return new Set(rows.flatMap((r) => [`${r.a}|${r.b}`, `${r.b}|${r.a}`]));
}

/** A person the service owns, locked, with what the merge rules read; null when not its own. */
export async function ownPersonForMerge({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await queryRows<{
    id: string;
    household_id: string;
    case_role: string;
    merged_into_id: string | null;
    keeps_others: boolean;
  }>(
    tx,
    sql`select p.id, p.household_id, p.case_role, p.merged_into_id,
          exists (select 1 from people o where o.merged_into_id = p.id) as keeps_others
        from people p join households h on h.id = p.household_id where p.id = ${id} and ${OWN}
        for update of p`,
  );
  return row ?? null;
}

export async function areRelated({ tx, a, b }: { tx: Tx; a: string; b: string }) {
  return (await relatedPairs({ tx, ids: [a, b] })).has(`${a}|${b}`);
}

/** Merges the viewer may read, by a condition on `m` (person_merges). */
export async function selectMerges({
  tx,
  where,
}: {
  tx: Tx;
  where: ReturnType<typeof sql>;
}): Promise<TPersonMerge[]> {
  const rows = await queryRows<{
    id: string;
    kept_id: string;
    kept_name: string;
    kept_household_id: string;
    kept_household_code: string;
    merged_id: string;
    merged_name: string;
    merged_household_id: string;
    merged_household_code: string;
    reason: string;
    filled: TPersonMerge['filled'];
    merged_by: string;
    merged_at: Date;
    reverted_by: string | null;
    reverted_at: Date | null;
    revert_reason: string | null;
    own: boolean;
  }>(
    tx,
    sql`select m.id, k.id as kept_id, k.given_name || ' ' || k.family_name as kept_name,
          k.household_id as kept_household_id, kh.code as kept_household_code,
          d.id as merged_id, d.given_name || ' ' || d.family_name as merged_name,
          d.household_id as merged_household_id, dh.code as merged_household_code,
          m.reason, m.filled, m.merged_by, m.merged_at, m.reverted_by, m.reverted_at, m.revert_reason,
          kh.owner_service_id = (select trama_service()) and dh.owner_service_id = (select trama_service()) as own
        from person_merges m
        join people k on k.id = m.kept_person_id join households kh on kh.id = k.household_id
        join people d on d.id = m.merged_person_id join households dh on dh.id = d.household_id
        where ${where} order by m.merged_at desc, m.id`,
  );
  const names = await displayNames({
    tx,
    ids: rows.flatMap((r) => (r.reverted_by ? [r.merged_by, r.reverted_by] : [r.merged_by])),
  });
  return rows.map((r) => ({
    id: r.id,
    kept: {
      id: r.kept_id,
      name: r.kept_name,
      householdId: r.kept_household_id,
      householdCode: r.kept_household_code,
    },
    merged: {
      id: r.merged_id,
      name: r.merged_name,
      householdId: r.merged_household_id,
      householdCode: r.merged_household_code,
    },
    reason: r.reason,
    filled: r.filled,
    mergedBy: names.get(r.merged_by)?.name ?? '—',
    mergedAt: isoTime(r.merged_at)!,
    revertedBy: r.reverted_by ? (names.get(r.reverted_by)?.name ?? '—') : null,
    revertedAt: isoTime(r.reverted_at),
    revertReason: r.revert_reason,
    canRevert: r.own && r.reverted_at === null,
  }));
}
