import { sql } from 'drizzle-orm';
import type { TFamilyNetwork } from '../../../contracts/tutela.js';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';

/**
 * Data access for a household's family network: its people as the viewer may see them, the
 * relations between them and their legal roles. Row-level security (migration 0021) limits every
 * query: a person blocked from the viewer hides the relations and roles that name them.
 */

export interface HouseholdReach {
  id: string;
  /** The household's own service, or the clinical team of one of its cases. */
  writes: boolean;
}

/**
 * How the viewer reaches the household: the same SQL helpers as the policies (who works it, who
 * only reads it: a supervising coordinator, a break-the-glass grant). Null: not at all, and a
 * referrer, a mediator or a pending referral's recipient is not enough.
 */
export async function householdReach({ tx, id }: { tx: Tx; id: string }): Promise<HouseholdReach | null> {
  const [row] = await queryRows<{ id: string; writes: boolean }>(
    tx,
    sql`select h.id, h.id = any((select trama_worked_households())::uuid[]) as writes
        from households h
        where h.id = ${id} and h.id = any((select trama_readable_households())::uuid[])`,
  );
  return row ?? null;
}

/** The ids among `personIds` that are people of the household the viewer can see. */
export async function peopleOfHousehold({
  tx,
  householdId,
  personIds,
}: {
  tx: Tx;
  householdId: string;
  personIds: string[];
}) {
  if (personIds.length === 0) return new Set<string>();
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from people where household_id = ${householdId} and id in (${uuidList(personIds)})`,
  );
  return new Set(rows.map((r) => r.id));
}

export async function networkOf({
  tx,
  householdId,
}: {
  tx: Tx;
  householdId: string;
}): Promise<TFamilyNetwork> {
  const people = await queryRows<{
    id: string;
    given_name: string;
    family_name: string;
    birth_year: number | null;
    gender: string;
    lives_in_household: boolean;
  }>(
    tx,
    sql`select id, given_name, family_name, birth_year, gender, lives_in_household from people
        where household_id = ${householdId} order by position, created_at, id`,
  );
  const relations = await queryRows<{
    id: string;
    from_person_id: string;
    to_person_id: string;
    kind: TFamilyNetwork['relations'][number]['kind'];
  }>(
    tx,
    sql`select id, from_person_id, to_person_id, kind from person_relations
        where household_id = ${householdId} order by created_at, id`,
  );
  // A role whose holder is a person the viewer may not see is left out with that person.
  const roles = await queryRows<{
    id: string;
    person_id: string;
    role: TFamilyNetwork['legalRoles'][number]['role'];
    holder_person_id: string | null;
    holder_name: string | null;
    holder_organisation: string | null;
    order_id: string | null;
    starts_on: string;
    ends_on: string | null;
  }>(
    tx,
    sql`select r.id, r.person_id, r.role, r.holder_person_id, r.holder_name, r.holder_organisation, r.order_id,
          to_char(r.starts_on, 'YYYY-MM-DD') as starts_on, to_char(r.ends_on, 'YYYY-MM-DD') as ends_on
        from legal_roles r
        where r.person_id in (select p.id from people p where p.household_id = ${householdId})
          and (r.holder_person_id is null or r.holder_person_id in (select p.id from people p))
        order by r.starts_on, r.created_at, r.id`,
  );
  return {
    householdId,
    people: people.map((p) => ({
      id: p.id,
      givenName: p.given_name,
      familyName: p.family_name,
      birthYear: p.birth_year,
      gender: p.gender,
      livesInHousehold: p.lives_in_household,
    })),
    relations: relations.map((r) => ({
      id: r.id,
      fromPersonId: r.from_person_id,
      toPersonId: r.to_person_id,
      kind: r.kind,
    })),
    legalRoles: roles.map((r) => ({
      id: r.id,
      personId: r.person_id,
      role: r.role,
      holderPersonId: r.holder_person_id,
      holderName: r.holder_name,
      holderOrganisation: r.holder_organisation,
      orderId: r.order_id,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
    })),
  };
}

/** Whether the same relation (same people, same kind) is already recorded. */
export async function relationExists({
  tx,
  householdId,
  fromPersonId,
  toPersonId,
  kind,
}: {
  tx: Tx;
  householdId: string;
  fromPersonId: string;
  toPersonId: string;
  kind: string;
}) {
  const rows = await queryRows(
    tx,
    sql`select 1 from person_relations where household_id = ${householdId}
          and from_person_id = ${fromPersonId} and to_person_id = ${toPersonId} and kind = ${kind}`,
  );
  return rows.length > 0;
}

/** Whether the order is one of a case of this household, as the viewer can see it. */
export async function orderOfHousehold({
  tx,
  householdId,
  orderId,
}: {
  tx: Tx;
  householdId: string;
  orderId: string;
}) {
  const rows = await queryRows(
    tx,
    sql`select 1 from court_orders o join cases c on c.id = o.case_id
        where o.id = ${orderId} and c.household_id = ${householdId}`,
  );
  return rows.length > 0;
}

/** A legal role of a person of the household, with its start, or null. */
export async function findLegalRole({
  tx,
  householdId,
  roleId,
}: {
  tx: Tx;
  householdId: string;
  roleId: string;
}) {
  const [row] = await queryRows<{ id: string; starts_on: string; ends_on: string | null }>(
    tx,
    sql`select r.id, to_char(r.starts_on, 'YYYY-MM-DD') as starts_on, to_char(r.ends_on, 'YYYY-MM-DD') as ends_on
        from legal_roles r join people p on p.id = r.person_id
        where r.id = ${roleId} and p.household_id = ${householdId}`,
  );
  return row ?? null;
}
