import { sql } from 'drizzle-orm';
import { queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import type { RecordErasure, RetentionCandidate } from '../../platform/retention/record-erasure.js';
import { findPerson, subjectAccess } from './cases.subject-access.js';
import { isRestricted, rectify, restrict } from './cases.subject-rights.js';

/**
 * What the retention run does to a household of case management (issue 23, ADR 0026): once every
 * case of it has been closed for longer than its organisation's period, it is anonymised. Kept, for
 * the statistics and the indicators: the household's comune and district, its cases' services,
 * dates, statuses and outcomes, the people's gender, birth year, citizenship, languages and roles.
 * Erased: names, birth dates, identifiers, contacts and safe-contact rules, free text of the case
 * file, referrals, consents, exclusions, sessions and placements, every note and its versions,
 * messages and stored documents; the household's key is destroyed (crypto-shredding) by the caller.
 */

const ANONYMOUS = { given: 'Persona', family: 'anonimizzata' } as const;

/** The records a household's stored files hang on (case-documents.service.ts: household, case, consultation). */
const householdRecordIds = (householdId: unknown) => sql`(
  select ${householdId}::uuid union all select id from cases where household_id = ${householdId}
  union all select id from consultations where household_id = ${householdId})`;

async function candidates({ tx, asOf }: { tx: Tx; asOf: string }): Promise<RetentionCandidate[]> {
  const rows = await queryRows<{
    household_id: string;
    household_code: string;
    organisation_id: string;
    last_closed_on: string;
    cases: number;
    people: number;
    notes: number;
    documents: number;
  }>(
    tx,
    sql`with closed as (
          select h.id, h.code, s.organisation_id, max(c.closed_at)::date as last_closed_on, count(*)::int as cases
            from households h
            join services s on s.id = h.owner_service_id
            join cases c on c.household_id = h.id
           where h.anonymised_at is null
           group by h.id, h.code, s.organisation_id
          having bool_and(c.status = 'closed' and c.closed_at is not null)
        )
        select cl.id as household_id, cl.code as household_code, cl.organisation_id,
               cl.last_closed_on::text, cl.cases,
               (select count(*)::int from people p where p.household_id = cl.id) as people,
               (select count(*)::int from session_notes n join case_sessions cs on cs.id = n.session_id
                  join cases c on c.id = cs.case_id where c.household_id = cl.id) as notes,
               (select count(*)::int from stored_files f where f.module = 'cases' and f.deleted_at is null
                  and f.record_id in ${householdRecordIds(sql`cl.id`)}) as documents
          from closed cl
         where cl.last_closed_on < ${asOf}::date
           -- A new request for the family (a referral not yet answered) keeps it open to the services.
           and not exists (select 1 from referrals r where r.household_id = cl.id and r.status in ('draft', 'sent'))
         order by cl.last_closed_on, cl.code`,
  );
  return rows.map((r) => ({
    recordId: r.household_id,
    recordCode: r.household_code,
    organisationId: r.organisation_id,
    eventOn: r.last_closed_on,
    counts: { cases: r.cases, people: r.people, notes: r.notes, documents: r.documents },
  }));
}

/** Anonymises one household, as the system, in the caller's transaction; returns the files' storage keys to remove. */
async function anonymise({ tx, recordId }: { tx: Tx; recordId: string }) {
  const householdId = recordId;
  const people = sql`(select id from people where household_id = ${householdId})`;
  const caseIds = sql`(select id from cases where household_id = ${householdId})`;
  const sessionIds = sql`(select id from case_sessions where case_id in ${caseIds})`;
  // The merge guard keeps a merged duplicate read-only for people, not for this erasure (migration 0052).
  await tx.execute(sql`select set_config('trama.retention_erasing', 'on', true)`);
  await tx.execute(sql`delete from session_note_versions where note_id in
      (select id from session_notes where session_id in ${sessionIds})`);
  await tx.execute(sql`delete from session_notes where session_id in ${sessionIds}`);
  await tx.execute(sql`update case_sessions set status_reason = null where id in ${sessionIds}`);
  await tx.execute(sql`delete from person_messages where person_id in ${people}`);
  await tx.execute(sql`delete from person_changes where person_id in ${people}`);
  await tx.execute(sql`update consents set representative_name = null, witness_name = null,
      court_order_reference = null, revocation_reason = null where person_id in ${people}`);
  await tx.execute(sql`update person_exclusions set note = null where person_id in ${people}`);
  await tx.execute(sql`update referrals set message = '', consent_override_reason = null, decline_reason = null,
      revocation_reason = null where household_id = ${householdId}`);
  await tx.execute(sql`update case_files set intake = null, assessment = null, plan = null, closure_reason = null
      where case_id in ${caseIds}`);
  await tx.execute(sql`update case_status_changes set reason = null where case_id in ${caseIds}`);
  await tx.execute(sql`update cases set transferred_to = null where household_id = ${householdId}`);
  await tx.execute(sql`update placement_visits set note = null where placement_id in
      (select id from placements where case_id in ${caseIds})`);
  await tx.execute(
    sql`update placements set address_encrypted = null, provider_name = '' where case_id in ${caseIds}`,
  );
  await tx.execute(sql`update people set given_name = ${ANONYMOUS.given}, family_name = ${ANONYMOUS.family},
      birth_date = null, identifier_type = 'none', identifier = null, contact_encrypted = null,
      safe_contact_encrypted = null, municipality = null, updated_at = now()
      where household_id = ${householdId}`);
  const files = await queryRows<{ storage_key: string }>(
    tx,
    sql`update stored_files set deleted_at = now(), data_key_sealed = null
         where module = 'cases' and deleted_at is null
           and record_id in ${householdRecordIds(householdId)}
        returning storage_key`,
  );
  await tx.execute(sql`update households set anonymised_at = now() where id = ${householdId}`);
  await tx.execute(sql`select set_config('trama.retention_erasing', 'off', true)`);
  return { storageKeys: files.map((f) => f.storage_key) };
}

/** The households a legal hold may name: by the household's code or one of its cases'. */
async function findByCode({ tx, code }: { tx: Tx; code: string }) {
  const [row] = await queryRows<{ id: string; code: string }>(
    tx,
    sql`select h.id, h.code from households h where h.code = ${code}
        union all
        select h.id, h.code from cases c join households h on h.id = c.household_id where c.code = ${code}
        limit 1`,
  );
  return row ?? null;
}

async function codesOf({ tx, ids }: { tx: Tx; ids: readonly string[] }) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await queryRows<{ id: string; code: string }>(
    tx,
    sql`select id, code from households where id in (${uuidList(ids)})`,
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** The distinct households of audited records (household, person, consent, referral, case, session). */
async function recordsReached({ tx, records }: { tx: Tx; records: readonly { type: string; id: string }[] }) {
  const ids = (type: string) => records.filter((r) => r.type === type).map((r) => r.id);
  const list = (type: string) => (ids(type).length ? uuidList(ids(type)) : sql`null::uuid`);
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(distinct household_id)::int as n from (
          select id as household_id from households where id in (${list('household')})
          union all select household_id from people where id in (${list('person')})
          union all select p.household_id from consents c join people p on p.id = c.person_id where c.id in (${list('consent')})
          union all select household_id from referrals where id in (${list('referral')})
          union all select household_id from cases where id in (${list('case')})
          union all select c.household_id from case_sessions s join cases c on c.id = s.case_id where s.id in (${list('session')})
        ) reached`,
  );
  return row?.n ?? 0;
}

export const CASES_ERASURE: RecordErasure = {
  findPerson,
  subjectAccess,
  rectify,
  restrict,
  isRestricted,
  recordsReached,
  retentionClass: 'case_record',
  scope: 'household',
  candidates,
  anonymise,
  findByCode,
  codesOf,
};
