import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import type { FieldError } from '../../platform/http/problem.js';

/**
 * Finding people in the acting service's households: search by name (accent- and case-insensitive,
 * partial), codice fiscale, STP or ENI code, and the duplicate check at registration. Both run in
 * the request's scoped transaction: row-level security keeps out what the viewer may not read
 * (conflict-of-interest locks included), and `OWN_HOUSEHOLDS` keeps to the service's own list.
 * Names are folded by one SQL function, trama_fold (migration 0014), on both sides.
 */
export const OWN_HOUSEHOLDS = sql`(h.owner_service_id = (select trama_service()) or h.owner_service_id = any((select trama_supervised_services())::uuid[]))`;

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The condition on `p` (people) for a search text: every word in the name, or the identifier's start. */
export function personMatches(q: string): SQL {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 6);
  const name = sql.join(
    words.map(
      (w) =>
        sql`trama_fold(p.given_name || ' ' || p.family_name) like '%' || trama_fold(${likeEscaped(w)}) || '%' escape '\\'`,
    ),
    sql` and `,
  );
  const identifier = q.replace(/\s+/g, '').toUpperCase();
  const byIdentifier =
    identifier.length >= 4 ? sql` or p.identifier like ${`${likeEscaped(identifier)}%`} escape '\\'` : sql``;
  return sql`((${name})${byIdentifier})`;
}

/** Three characters at least: fewer would list most of the service's people at once. */
const searchesPeople = (q: string) => q.replace(/\s+/g, '').length >= 3;

/** The household's code starts with the text, or one of its members matches it. */
export function householdMatches(q: string): SQL {
  const code = sql`h.code like ${`${likeEscaped(q.toUpperCase())}%`} escape '\\'`;
  if (!searchesPeople(q)) return code;
  return sql`(${code} or exists (select 1 from people p where p.household_id = h.id and ${personMatches(q)}))`;
}

/** The members who matched, per household shown, as their names are registered. */
export async function matchedMembers({ tx, householdIds, q }: { tx: Tx; householdIds: string[]; q: string }) {
  if (householdIds.length === 0 || !searchesPeople(q)) return new Map<string, MatchedMember[]>();
  const rows = await queryRows<{ household_id: string } & MatchedRow>(
    tx,
    sql`select p.household_id, p.given_name, p.family_name, p.birth_year from people p
        where p.household_id in (${uuidList(householdIds)}) and ${personMatches(q)}
        order by p.household_id, p.position, p.id`,
  );
  const byHousehold = new Map<string, MatchedMember[]>();
  for (const r of rows) {
    const list = byHousehold.get(r.household_id) ?? [];
    list.push({ givenName: r.given_name, familyName: r.family_name, birthYear: r.birth_year });
    byHousehold.set(r.household_id, list);
  }
  return byHousehold;
}
interface MatchedRow {
  given_name: string;
  family_name: string;
  birth_year: number | null;
}
export interface MatchedMember {
  givenName: string;
  familyName: string;
  birthYear: number | null;
}

/** Who a new or edited person is, for the duplicate check. */
export interface IdentityOf {
  givenName: string;
  familyName: string;
  birthYear: number | null;
  identifierType: string;
  identifier: string | null;
}

/**
 * Possible duplicates among the service's households: the same identifier, or the same name and
 * birth year. Each becomes a field error pointing to the household where the person already is.
 */
export async function duplicateProblems({
  tx,
  people,
  prefix,
  exceptPersonId,
}: {
  tx: Tx;
  people: IdentityOf[];
  prefix: (index: number) => string;
  exceptPersonId?: string;
}): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [index, person] of people.entries()) {
    const sameIdentifier =
      person.identifierType !== 'none' && person.identifier
        ? sql`(p.identifier_type = ${person.identifierType} and p.identifier = ${person.identifier})`
        : sql`false`;
    const sameNameAndYear =
      person.birthYear !== null
        ? sql`(trama_fold(p.given_name) = trama_fold(${person.givenName})
              and trama_fold(p.family_name) = trama_fold(${person.familyName}) and p.birth_year = ${person.birthYear})`
        : sql`false`;
    // A duplicate already merged into someone is not a second match (its kept record is).
    const except = exceptPersonId
      ? sql`and p.id <> ${exceptPersonId} and p.merged_into_id is null`
      : sql`and p.merged_into_id is null`;
    const found = await queryRows<{ household_id: string; code: string; by_identifier: boolean }>(
      tx,
      sql`select p.household_id, h.code, ${sameIdentifier} as by_identifier
          from people p join households h on h.id = p.household_id
          where ${OWN_HOUSEHOLDS} and (${sameIdentifier} or ${sameNameAndYear}) ${except}
          order by by_identifier desc, h.created_at limit 3`,
    );
    for (const match of found)
      errors.push({
        field: `${prefix(index)}${match.by_identifier ? 'identifier' : 'familyName'}`,
        code: 'possible_duplicate',
        message: match.by_identifier
          ? {
              it: `Una persona con questo codice è già registrata nel nucleo ${match.code}.`,
              en: `A person with this code is already registered in household ${match.code}.`,
            }
          : {
              it: `Una persona con questo nome e anno di nascita è già registrata nel nucleo ${match.code}.`,
              en: `A person with this name and birth year is already registered in household ${match.code}.`,
            },
        relatedRecord: { type: 'household', id: match.household_id, code: match.code },
      });
  }
  return errors;
}
