import { eq, sql } from 'drizzle-orm';
import type { TConsent, THousehold, TPerson } from '../../../contracts/households.js';
import { countOf, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { municipalities } from '../../platform/tenancy/tenancy.sql.js';
import { selectPeople, toPerson } from './cases.people.js';
import { displayNames } from './cases.policy.js';
import { consents, personExclusions } from './cases.sql.js';
import { householdMatches, matchedMembers, OWN_HOUSEHOLDS } from './people-search.repository.js';

/**
 * Data access for households and their people: the household list and record, a person, their
 * consents, conflict-of-interest locks and sealed safety columns. Every query runs in the request's
 * scoped transaction, where row-level security limits trama_app; the service keeps the rules.
 */

/**
 * The households of the acting service (and of the services it supervises), newest first; with a
 * search text, those whose code starts with it or with a member matching it (people-search).
 */
export async function pageOfHouseholds({
  tx,
  q,
  page,
  pageSize,
}: {
  tx: Tx;
  q?: string | undefined;
  page: number;
  pageSize: number;
}) {
  const filter = q ? sql`and ${householdMatches(q)}` : sql``;
  const items = await queryRows<{
    id: string;
    code: string;
    municipality: string;
    members: number;
    created_at: Date;
  }>(
    tx,
    sql`select h.id, h.code, h.municipality, h.created_at,
          (select count(*)::int from people p where p.household_id = h.id) as members
        from households h where ${OWN_HOUSEHOLDS} ${filter}
        order by h.created_at desc, h.id limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const total = await countOf(
    tx,
    sql`select count(*)::int as n from households h where ${OWN_HOUSEHOLDS} ${filter}`,
  );
  const matches = q ? await matchedMembers({ tx, householdIds: items.map((h) => h.id), q }) : new Map();
  return {
    items: items.map((h) => ({
      id: h.id,
      code: h.code,
      municipality: h.municipality,
      memberCount: h.members,
      createdAt: new Date(h.created_at).toISOString(),
      matches: matches.get(h.id) ?? [],
    })),
    page,
    pageSize,
    total,
  };
}

/** The household with its people and their consents, or null when the viewer cannot see it. */
export async function findHousehold({ tx, id }: { tx: Tx; id: string }): Promise<THousehold | null> {
  const [h] = await queryRows<{
    id: string;
    code: string;
    municipality: string;
    district_id: string | null;
    owner_service_id: string;
    owner: string;
    created_at: Date;
  }>(
    tx,
    sql`select h.id, h.code, h.municipality, h.district_id, h.owner_service_id, s.name as owner, h.created_at
        from households h join services s on s.id = h.owner_service_id where h.id = ${id}`,
  );
  if (!h) return null;
  const members = await selectPeople({ tx, where: sql`p.household_id = ${id}` });
  const consentRows = await consentsOf({ tx, personIds: members.map((m) => m.id) });
  return {
    id: h.id,
    code: h.code,
    municipality: h.municipality,
    districtId: h.district_id,
    ownerServiceId: h.owner_service_id,
    ownerServiceName: h.owner,
    createdAt: new Date(h.created_at).toISOString(),
    members: members.map(toPerson),
    consents: consentRows,
  };
}

/** The household when the acting service owns it (only the owner adds people or refers them). */
export async function findOwnHousehold({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select id from households where id = ${id} and owner_service_id = (select trama_service())`,
  );
  return row ?? null;
}

export async function findMunicipality({ tx, istatCode }: { tx: Tx; istatCode: string }) {
  const [place] = await tx
    .select({ districtId: municipalities.districtId })
    .from(municipalities)
    .where(eq(municipalities.istatCode, istatCode));
  return place ?? null;
}

/** How many people the household has: the next person's position. */
export async function countPeople({ tx, householdId }: { tx: Tx; householdId: string }) {
  return countOf(tx, sql`select count(*)::int as n from people where household_id = ${householdId}`);
}

export async function findPerson({ tx, id }: { tx: Tx; id: string }): Promise<TPerson | null> {
  const [p] = await selectPeople({ tx, where: sql`p.id = ${id}` });
  return p ? toPerson(p) : null;
}

export async function consentsOf({ tx, personIds }: { tx: Tx; personIds: string[] }): Promise<TConsent[]> {
  if (personIds.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    person_id: string;
    given_by: TConsent['givenBy'];
    representative_name: string | null;
    purpose: TConsent['purpose'];
    recipient_service_id: string | null;
    recipient_name: string | null;
    sections: TConsent['sections'];
    given_on: string;
    expires_on: string | null;
    method: TConsent['method'];
    witness_name: string | null;
    court_order_reference: string | null;
    revoked_at: Date | null;
    expired: boolean;
  }>(
    tx,
    sql`select c.id, c.person_id, c.given_by, c.representative_name, c.purpose, c.recipient_service_id,
          s.name as recipient_name, c.sections, to_char(c.given_on, 'YYYY-MM-DD') as given_on,
          to_char(c.expires_on, 'YYYY-MM-DD') as expires_on, c.method, c.witness_name, c.court_order_reference,
          c.revoked_at, (c.expires_on is not null and c.expires_on < current_date) as expired
        from consents c left join services s on s.id = c.recipient_service_id
        where c.person_id in (${uuidList(personIds)}) order by c.given_on desc, c.created_at desc`,
  );
  return rows.map((c) => ({
    id: c.id,
    personId: c.person_id,
    givenBy: c.given_by,
    representativeName: c.representative_name,
    purpose: c.purpose,
    recipientServiceId: c.recipient_service_id,
    recipientServiceName: c.recipient_name,
    sections: c.sections,
    givenOn: c.given_on,
    expiresOn: c.expires_on,
    method: c.method,
    witnessName: c.witness_name,
    courtOrderReference: c.court_order_reference,
    revokedAt: c.revoked_at ? new Date(c.revoked_at).toISOString() : null,
    state: c.revoked_at ? 'revoked' : c.expired ? 'expired' : 'active',
  }));
}

/** Whose consent it is and whether it is already revoked. */
export async function findConsent({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await tx
    .select({ personId: consents.personId, revokedAt: consents.revokedAt })
    .from(consents)
    .where(eq(consents.id, id));
  return row ?? null;
}

/**
 * The person as the caller may handle their safety data and consents: the household's own service
 * or the clinical team of one of their cases. A recipient of a pending referral sees the person
 * but not this.
 */
export async function findPersonInCare({ tx, personId }: { tx: Tx; personId: string }) {
  const [row] = await queryRows<{
    id: string;
    owner: boolean;
    case_role: string;
    minor: boolean;
    merged: boolean;
  }>(
    tx,
    // Minor or not by the database's one rule (trama_is_minor, migration 0007), which also keeps
    // minors from the perpetrator's team.
    sql`select p.id, h.owner_service_id = (select trama_service()) as owner, p.case_role,
          trama_is_minor(p.birth_date, p.birth_year, p.case_role) as minor, p.merged_into_id is not null as merged
        from people p join households h on h.id = p.household_id
        where p.id = ${personId} and (h.owner_service_id = (select trama_service()) or p.id in (
          select rp.person_id from referral_people rp join cases c on c.referral_id = rp.referral_id
          where c.id = any((select trama_team_cases('{lead,member}'))::uuid[])))`,
  );
  return row ?? null;
}

/** The person's sealed contact and safe-contact columns, still encrypted. */
export async function findSealedContact({ tx, personId }: { tx: Tx; personId: string }) {
  const [row] = await queryRows<{ contact: string | null; safe: string | null }>(
    tx,
    sql`select contact_encrypted as contact, safe_contact_encrypted as safe from people where id = ${personId}`,
  );
  return row ?? null;
}

type ExclusionRow = typeof personExclusions.$inferSelect;

/** Conflict-of-interest locks as the API shows them: who, why, when; the note stays in the table. */
export async function toExclusions({ tx, rows }: { tx: Tx; rows: ExclusionRow[] }) {
  const names = await displayNames({ tx, ids: rows.map((x) => x.userId) });
  return rows.map((x) => ({
    id: x.id,
    personId: x.personId,
    userId: x.userId,
    userDisplayName: names.get(x.userId)?.name ?? '',
    reason: x.reason as 'relative' | 'same_community' | 'other',
    createdAt: x.createdAt.toISOString(),
  }));
}

export async function exclusionsOf({ tx, personId }: { tx: Tx; personId: string }) {
  const rows = await tx.select().from(personExclusions).where(eq(personExclusions.personId, personId));
  return toExclusions({ tx, rows });
}
