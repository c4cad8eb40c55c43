import { type SQL, sql } from 'drizzle-orm';
import type { TAuditRecord } from '../../../contracts/audit.js';
import { type Queryable, queryRows, uuidList } from '../../platform/db/client.js';

/**
 * Records in the DPO's words: a case by its code (C-…), a household by its code (N-…), a person, a
 * consent or a referral by the code of their household, a session by the code of its case, a user
 * by name. Every lookup runs in the caller's transaction, as the caller. The DPO may not read the
 * case records themselves, so their codes come from three DPO-only functions (migration 0014:
 * trama_audit_record_codes, trama_audit_records_with_code, trama_audit_code_suggestions) that
 * return codes and nothing else; a record nobody can name is "not visible", never its database id.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Resolver {
  /** Whether the record ids are UUIDs (most) or text keys (a municipality's ISTAT code). */
  uuidIds: boolean;
  /** `id, label` of the given records the caller can read. */
  labels: (ids: SQL) => SQL;
}

/** A case record read by its code, through the DPO-only function (its household's or case's code). */
const caseRecordCode = (kind: string): Resolver => ({
  uuidIds: true,
  labels: (ids) =>
    sql`select id::text as id, code as label from trama_audit_record_codes(${kind}, array[${ids}]::uuid[])`,
});

const RESOLVERS: Readonly<Record<string, Resolver>> = {
  user: {
    uuidIds: true,
    labels: (ids) => sql`select id::text as id, display_name as label from users where id in (${ids})`,
  },
  household: caseRecordCode('household'),
  case: caseRecordCode('case'),
  person: caseRecordCode('person'),
  consent: caseRecordCode('consent'),
  referral: caseRecordCode('referral'),
  session: caseRecordCode('session'),
  study: {
    uuidIds: true,
    labels: (ids) => sql`select id::text as id, code as label from studies where id in (${ids})`,
  },
  membership: {
    uuidIds: true,
    labels: (ids) => sql`select m.id::text as id, u.display_name as label from memberships m
      join users u on u.id = m.user_id where m.id in (${ids})`,
  },
  role_grant: {
    uuidIds: true,
    labels: (ids) => sql`select g.id::text as id, u.display_name as label from role_grants g
      join users u on u.id = g.user_id where g.id in (${ids})`,
  },
  district: {
    uuidIds: true,
    labels: (ids) => sql`select id::text as id, name as label from districts where id in (${ids})`,
  },
  organisation: {
    uuidIds: true,
    labels: (ids) => sql`select id::text as id, name as label from organisations where id in (${ids})`,
  },
  service: {
    uuidIds: true,
    labels: (ids) => sql`select id::text as id, name as label from services where id in (${ids})`,
  },
  municipality: {
    uuidIds: false,
    labels: (ids) =>
      sql`select istat_code as id, name as label from municipalities where istat_code in (${ids})`,
  },
};

const keyOf = (type: string, id: string) => `${type}\u0000${id}`;

/**
 * How each record named by a page of events reads, by type and id (`recordKey`). One query per
 * kind of record on the page. Kinds without a code (an anonymous incident, an export, a file) read
 * as their kind alone.
 */
export async function describeRecords(
  tx: Queryable,
  refs: readonly { type: string; id: string }[],
): Promise<Map<string, TAuditRecord>> {
  const byType = new Map<string, Set<string>>();
  for (const { type, id } of refs) byType.set(type, (byType.get(type) ?? new Set()).add(id));
  const described = new Map<string, TAuditRecord>();
  for (const [type, idSet] of byType) {
    const resolver = RESOLVERS[type];
    const ids = [...idSet];
    if (!resolver) {
      for (const id of ids) described.set(keyOf(type, id), { type, label: null, visible: true });
      continue;
    }
    const readable = resolver.uuidIds ? ids.filter((id) => UUID.test(id)) : ids;
    const rows = readable.length
      ? await queryRows<{ id: string; label: string }>(
          tx,
          resolver.labels(
            resolver.uuidIds
              ? uuidList(readable)
              : sql.join(
                  readable.map((id) => sql`${id}`),
                  sql`, `,
                ),
          ),
        )
      : [];
    const labels = new Map(rows.map((r) => [r.id, r.label]));
    for (const id of ids) {
      const label = labels.get(id);
      described.set(keyOf(type, id), { type, label: label ?? null, visible: label !== undefined });
    }
  }
  return described;
}

export function recordKey(type: string, id: string) {
  return keyOf(type, id);
}

/** Codes are written in capitals (C-…, N-…, a study's code); sign-in names in small letters. */
function codeForms(code: string) {
  return { upper: code.trim().toUpperCase(), lower: code.trim().toLowerCase() };
}

/**
 * `(type, id)` of every record that reads with this code, as the caller can see them: the household
 * and its people, their consents and its referrals; the case and its sessions; a study; a user
 * (by sign-in name) and their roles. For `(record_type, record_id) in (…)`.
 */
export function recordsWithCode(code: string): SQL {
  const { upper, lower } = codeForms(code);
  return sql`select type, id::text from trama_audit_records_with_code(${upper})
    union all select 'study', s.id::text from studies s where s.code = ${upper}
    union all select 'user', u.id::text from users u where u.username = ${lower}
    union all select 'membership', m.id::text from memberships m join users u on u.id = m.user_id where u.username = ${lower}
    union all select 'role_grant', g.id::text from role_grants g join users u on u.id = g.user_id where u.username = ${lower}`;
}

/** The one record a code names (a household, a case, a study, a user), if the caller can see it. */
export async function findByCode(
  tx: Queryable,
  code: string,
): Promise<{ type: string; id: string } | undefined> {
  const { upper, lower } = codeForms(code);
  const [found] = await queryRows<{ type: string; id: string }>(
    tx,
    sql`select type, id::text as id from trama_audit_records_with_code(${upper}) where type in ('household', 'case')
      union all select 'study', id::text from studies where code = ${upper}
      union all select 'user', id::text from users where username = ${lower}
      limit 1`,
  );
  return found;
}

/** `%` and `_` typed by the DPO are letters, not wildcards. */
export function likePattern(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Records whose code starts with what the DPO typed, as the caller can see them (at most 10). */
export function suggestRecords(tx: Queryable, typed: string) {
  const { upper, lower } = codeForms(typed);
  return queryRows<{ type: string; code: string; name: string | null }>(
    tx,
    sql`select * from (
        select type, code, null::text as name from trama_audit_code_suggestions(${upper})
        union all select 'study', code, null from studies where code like ${`${likePattern(upper)}%`}
        union all select 'user', username, display_name from users where username like ${`${likePattern(lower)}%`}
      ) found order by code limit 10`,
  );
}

/** Users whose name or sign-in name contains what the DPO typed, accents ignored (at most 10). */
export function suggestActors(tx: Queryable, typed: string) {
  return queryRows<{ id: string; name: string; username: string }>(
    tx,
    sql`select id::text as id, display_name as name, username from users
      where ${actorMatches(typed)} order by display_name limit 10`,
  );
}

/** A user matching a typed name: part of the name (folded by trama_fold) or of the sign-in name. */
export function actorMatches(typed: string, table: SQL = sql`users`) {
  const pattern = `%${likePattern(typed.trim())}%`;
  return sql`(trama_fold(${table}.display_name) like trama_fold(${pattern}) escape '\\'
    or ${table}.username like lower(${pattern}) escape '\\')`;
}
