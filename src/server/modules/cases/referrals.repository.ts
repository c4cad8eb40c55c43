import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TReferral, TReferralListItem, ZReferralListQuerySchema } from '../../../contracts/referrals.js';
import { countOf, isoTime, queryRows, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { selectPeople } from './cases.people.js';
import { caseAccessOf } from './cases.policy.js';

/**
 * Data access for referrals: the outbox and inbox lists, one referral as its viewer may see it, and
 * the reads the sending rules need. Every query runs in the request's scoped transaction (RLS).
 */
export interface ReferralRow {
  id: string;
  household_id: string;
  household_code: string;
  status: TReferral['status'];
  purpose: TReferral['purpose'];
  court_investigation: boolean;
  urgency: TReferral['urgency'];
  sections: TReferral['status'][];
  message: string;
  from_service_id: string;
  from_name: string;
  to_service_id: string;
  to_name: string;
  sent_at: Date | null;
  answered_at: Date | null;
  due_by: Date | null;
  legal_basis: TReferral['legalBasis'];
  decline_reason: string | null;
  created_by: string;
  overdue: boolean;
  basis_ok: boolean;
  mine: boolean;
  parent_case_id: string | null;
}

const SELECT_REFERRAL = sql`select r.id, r.household_id, trama_household_code(r.household_id) as household_code,
    r.status, r.purpose, r.court_investigation, r.urgency, r.sections, r.message, r.from_service_id,
    fs.name as from_name, r.to_service_id, ts.name as to_name, r.sent_at, r.answered_at, r.due_by, r.legal_basis,
    r.decline_reason, r.created_by, r.parent_case_id, (r.status = 'sent' and r.due_by < now()) as overdue,
    (r.basis_lapsed_at is null and (r.basis_expires_on is null or r.basis_expires_on >= current_date)) as basis_ok,
    (r.from_service_id = (select trama_service()) or r.from_service_id = any((select trama_supervised_services())::uuid[])) as mine
  from referrals r
  join services fs on fs.id = r.from_service_id
  join services ts on ts.id = r.to_service_id`;

export async function findReferral({ tx, id }: { tx: Tx; id: string }) {
  // An own case's intake is the case's record: only those who may open the case read it.
  const [row] = await queryRows<ReferralRow>(
    tx,
    sql`${SELECT_REFERRAL} where r.id = ${id}
          and (r.origin = 'service' or r.id in (select o.referral_id from openable_cases o))`,
  );
  return row ?? null;
}

type ReferralListQuery = z.infer<typeof ZReferralListQuerySchema>;

/** The sent box (what the acting service, or one it supervises, sent) or the received box (never drafts). */
export async function pageOfReferrals({
  tx,
  box,
  status,
  overdue,
  page,
  pageSize,
}: {
  tx: Tx;
  box: ReferralListQuery['box'];
  status?: ReferralListQuery['status'];
  overdue?: ReferralListQuery['overdue'];
  page: number;
  pageSize: number;
}) {
  const boxFilter =
    box === 'sent'
      ? sql`(r.from_service_id = (select trama_service()) or r.from_service_id = any((select trama_supervised_services())::uuid[]))`
      : sql`(r.to_service_id = (select trama_service()) or r.to_service_id = any((select trama_supervised_services())::uuid[])) and r.status <> 'draft'`;
  const statusFilter = status ? sql`and r.status = ${status}` : sql``;
  const overdueFilter = overdue === 'true' ? sql`and r.status = 'sent' and r.due_by < now()` : sql``;
  // A case the mandated service opened itself keeps its intake on a referral row (origin ≠ service):
  // it is the case's record, not a referral between services, so the referral lists leave it out.
  const where = sql`where r.origin = 'service' and ${boxFilter} ${statusFilter} ${overdueFilter}`;
  const rows = await queryRows<ReferralRow>(
    tx,
    sql`${SELECT_REFERRAL} ${where} order by coalesce(r.sent_at, r.created_at) desc, r.id
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const total = await countOf(tx, sql`select count(*)::int as n from referrals r ${where}`);
  const items: TReferralListItem[] = rows.map((r) => ({
    id: r.id,
    householdCode: r.household_code,
    status: r.status,
    purpose: r.purpose,
    urgency: r.urgency,
    fromServiceName: r.from_name,
    toServiceName: r.to_name,
    sentAt: isoTime(r.sent_at),
    dueBy: isoTime(r.due_by),
    overdue: r.overdue,
  }));
  return { items, page, pageSize, total };
}

/** The people a referral names (and its case, once accepted, holds). */
export async function referralPersonIds({ tx, referralId }: { tx: Tx; referralId: string }) {
  const rows = await queryRows<{ person_id: string }>(
    tx,
    sql`select person_id from referral_people where referral_id = ${referralId}`,
  );
  return rows.map((p) => p.person_id);
}

/** The referral as this viewer may see it: the sender everything it sent, the recipient the content while it waits. */
export async function toReferral({ tx, row }: { tx: Tx; row: ReferralRow }): Promise<TReferral> {
  const view = row.mine ? 'sender' : 'recipient';
  const showContent = view === 'sender' || (row.status === 'sent' && row.basis_ok);
  const [linked] = await queryRows<{ id: string }>(
    tx,
    sql`select id from cases where referral_id = ${row.id}`,
  );
  const caseAccess = linked ? await caseAccessOf({ tx, id: linked.id }) : null;
  // The outcome is what the sender may know of the case, whoever of its service asks.
  const [outcome] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ status: string; closure_outcome: string | null; closed_at: Date | null }>(
      sys,
      sql`select status, closure_outcome, closed_at from cases where referral_id = ${row.id}`,
    ),
  );
  let content: TReferral['content'] = null;
  if (showContent) {
    const personIds = await referralPersonIds({ tx, referralId: row.id });
    const sharesLanguages = row.sections.includes('languages' as never);
    const people =
      personIds.length > 0
        ? await selectPeople({
            tx,
            where: sql`p.id in (${uuidList(personIds)})`,
          })
        : [];
    // Before sending, the sender learns whose consent is missing (migration 0010); once sent, the
    // basis is decided and kept on the referral.
    const withoutConsent =
      view === 'sender' && row.status === 'draft'
        ? ((
            await queryRows<{ ids: string[] }>(
              tx,
              sql`select referral_people_without_consent(${row.id}) as ids`,
            )
          )[0]?.ids ?? [])
        : [];
    content = {
      message: row.message,
      sections: row.sections as never,
      personIds,
      withoutConsent,
      people: people.map((p) => ({
        id: p.id,
        givenName: p.given_name,
        familyName: p.family_name,
        caseRole: p.case_role as never,
        birthYear: p.birth_year,
        gender: p.gender as never,
        citizenship: p.citizenship,
        ...(sharesLanguages
          ? {
              languages: p.languages,
              preferredLanguage: p.preferred_language,
              interpreterNeeded: p.interpreter_needed,
            }
          : {}),
      })),
    };
  }
  return {
    id: row.id,
    householdId: row.household_id,
    householdCode: row.household_code,
    status: row.status,
    purpose: row.purpose,
    courtInvestigation: row.court_investigation,
    urgency: row.urgency,
    fromServiceName: row.from_name,
    toServiceId: row.to_service_id,
    toServiceName: row.to_name,
    sentAt: isoTime(row.sent_at),
    answeredAt: isoTime(row.answered_at),
    dueBy: isoTime(row.due_by),
    overdue: row.overdue,
    legalBasis: row.legal_basis,
    declineReason: row.decline_reason,
    outcome: outcome
      ? {
          caseStatus: outcome.status,
          closureOutcome: outcome.closure_outcome,
          closedAt: isoTime(outcome.closed_at),
        }
      : null,
    caseId: caseAccess ? caseAccess.id : null,
    parentCaseId: view === 'sender' ? row.parent_case_id : null,
    view,
    content,
  };
}

export async function findActiveService({ tx, id }: { tx: Tx; id: string }) {
  const [row] = await queryRows<{ id: string }>(tx, sql`select id from services where id = ${id} and active`);
  return row ?? null;
}

/** The household's people among personIds, each with whether the perpetrator may harm them. */
export async function householdPeopleAmong({
  tx,
  householdId,
  personIds,
}: {
  tx: Tx;
  householdId: string;
  personIds: string[];
}) {
  return queryRows<{ id: string; case_role: string; protected: boolean }>(
    tx,
    sql`select id, case_role, trama_is_protected(case_role, at_risk, birth_date, birth_year) as protected
        from people where household_id = ${householdId} and id in (${uuidList(personIds)})`,
  );
}

/** The legal basis referral_basis() finds for sending this referral now. */
export async function referralBasis({ tx, id }: { tx: Tx; id: string }) {
  const [basis] = await queryRows<{ ok: boolean; basis: string; expires_on: string | null }>(
    tx,
    sql`select ok, basis, to_char(expires_on, 'YYYY-MM-DD') as expires_on from referral_basis(${id})`,
  );
  return basis!;
}
