import { type SQL, sql } from 'drizzle-orm';
import {
  PLAN_LIST_CURSOR_VALUES,
  type TPlanCandidates,
  type TPlanListItem,
  type TPlanListQuery,
  type TPlanPage,
  type TTutorOptions,
} from '../../../contracts/autonomy.js';
import { countOf, queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import {
  defineKeyset,
  keysetAfter,
  keysetOrderBy,
  keysetPage,
  keysetSelect,
} from '../../platform/http/keyset.js';
import { personMatches } from '../cases/people-search.repository.js';

/** Today in Rome, as the database computes it (a review is due on its day). */
const TODAY = sql`(now() at time zone 'Europe/Rome')::date`;

/**
 * The plans list's order: the soonest review first, plans without one last, then by start, ties by
 * id — the order of `autonomy_plans_review_idx` (next_review_on, started_on, id).
 */
const PLAN_LIST_KEYSET = defineKeyset({
  values: PLAN_LIST_CURSOR_VALUES,
  columns: [
    { expr: sql`p.next_review_on`, direction: 'asc' },
    { expr: sql`p.started_on`, direction: 'asc' },
  ],
  id: { expr: sql`p.id`, direction: 'asc' },
});

/**
 * Which plans the list shows: the ones the caller reads (the household's team, its supervisors and
 * the tutor; never a plan of someone the caller is blocked from). The same rule as the RLS policy
 * beneath it, which stays the backstop.
 */
function planListWhere({ userId, query }: { userId: string; query: TPlanListQuery }): SQL {
  const conditions = [sql`p.id = any ((select trama_readable_plans())::uuid[])`];
  if (query.status) conditions.push(sql`p.status = ${query.status}`);
  if (query.mine === 'true') conditions.push(sql`p.tutor_user_id = ${userId}`);
  if (query.reviewDue === 'true')
    conditions.push(
      sql`p.status = 'active' and p.next_review_on is not null and p.next_review_on <= ${TODAY}`,
    );
  return sql.join(conditions, sql` and `);
}

/**
 * A page of plans, read as the caller (RLS applies); then the names of the people, the households'
 * codes and the tutors' names, read as the owner for the plans RLS let through only (a tutor from
 * another service is not on the household's team, so people's RLS would hide the name).
 */
export async function pageOfPlans({
  tx,
  userId,
  query,
}: {
  tx: Tx;
  userId: string;
  query: TPlanListQuery;
}): Promise<TPlanPage> {
  const where = planListWhere({ userId, query });
  const position = query.cursor
    ? sql`and ${keysetAfter(PLAN_LIST_KEYSET, query.cursor)} order by ${keysetOrderBy(PLAN_LIST_KEYSET)} limit ${query.pageSize + 1}`
    : sql`order by ${keysetOrderBy(PLAN_LIST_KEYSET)} limit ${query.pageSize + 1} offset ${(query.page - 1) * query.pageSize}`;
  const found = await queryRows<{
    id: string;
    code: string;
    person_id: string;
    tutor_user_id: string;
    status: TPlanListItem['status'];
    started_on: string;
    next_review_on: string | null;
    review_due: boolean;
    goals_open: number;
    goals_met: number;
    exit_reason: TPlanListItem['exitReason'];
    keyset_id: string;
  }>(
    tx,
    sql`select p.id, p.code, p.person_id, p.tutor_user_id, p.status, p.started_on::text, p.next_review_on::text,
               (p.status = 'active' and p.next_review_on is not null and p.next_review_on <= ${TODAY}) as review_due,
               (select count(*)::int from autonomy_goals g where g.plan_id = p.id and g.status in ('open', 'in_progress')) as goals_open,
               (select count(*)::int from autonomy_goals g where g.plan_id = p.id and g.status = 'met') as goals_met,
               p.exit_reason, ${keysetSelect(PLAN_LIST_KEYSET)}
          from autonomy_plans p
         where ${where} ${position}`,
  );
  const { rows, nextCursor } = keysetPage({
    keyset: PLAN_LIST_KEYSET,
    rows: found,
    pageSize: query.pageSize,
  });
  const total = await countOf(tx, sql`select count(*)::int as n from autonomy_plans p where ${where}`);
  const names = await namesForPlans({
    tx,
    personIds: rows.map((r) => r.person_id),
    tutorIds: rows.map((r) => r.tutor_user_id),
  });
  const items = rows.map((r) => ({
    id: r.id,
    code: r.code,
    personName: names.people.get(r.person_id)?.name ?? '',
    householdCode: names.people.get(r.person_id)?.householdCode ?? '',
    tutorName: names.tutors.get(r.tutor_user_id) ?? '',
    status: r.status,
    startedOn: r.started_on,
    nextReviewOn: r.next_review_on,
    reviewDue: r.review_due,
    goalsOpen: r.goals_open,
    goalsMet: r.goals_met,
    exitReason: r.exit_reason,
  }));
  return { items, page: query.page, pageSize: query.pageSize, total, nextCursor };
}

/** Names only, as the owner, of the people and tutors of plans the caller was shown. */
async function namesForPlans({
  tx,
  personIds,
  tutorIds,
}: {
  tx: Tx;
  personIds: string[];
  tutorIds: string[];
}) {
  if (personIds.length === 0)
    return {
      people: new Map<string, { name: string; householdCode: string }>(),
      tutors: new Map<string, string>(),
    };
  return unsafeAsSystem(tx, async (sys) => {
    const people = await queryRows<{ id: string; name: string; household_code: string }>(
      sys,
      sql`select p.id, p.given_name || ' ' || p.family_name as name, h.code as household_code
            from people p join households h on h.id = p.household_id
           where p.id = any (${sqlArray([...new Set(personIds)], 'uuid')})`,
    );
    const tutors = await queryRows<{ id: string; name: string }>(
      sys,
      sql`select id, display_name as name from users where id = any (${sqlArray([...new Set(tutorIds)], 'uuid')})`,
    );
    return {
      people: new Map(people.map((p) => [p.id, { name: p.name, householdCode: p.household_code }])),
      tutors: new Map(tutors.map((u) => [u.id, u.name])),
    };
  });
}

const CANDIDATES_SHOWN = 20;

/**
 * The people a plan may be opened for: adults of the households the caller's team works whose name
 * (or identifier) matches, read as the caller (people's RLS keeps out whom the caller may not
 * reach), with the household's cases and the referrals that concern them as the caller sees them.
 * Whether each already has an active plan is read as the owner (it may be tutored elsewhere).
 */
export async function findCandidates({ tx, q }: { tx: Tx; q: string }): Promise<TPlanCandidates['items']> {
  const people = await queryRows<{ id: string; name: string; household_id: string; household_code: string }>(
    tx,
    sql`select p.id, p.given_name || ' ' || p.family_name as name, p.household_id, h.code as household_code
          from people p join households h on h.id = p.household_id
         where p.household_id = any ((select trama_worked_households())::uuid[])
           and not trama_is_minor(p.birth_date, p.birth_year, p.case_role)
           and ${personMatches(q)}
         order by p.family_name, p.given_name, p.id limit ${CANDIDATES_SHOWN}`,
  );
  if (people.length === 0) return [];
  const personIds = sqlArray(
    people.map((p) => p.id),
    'uuid',
  );
  const householdIds = sqlArray([...new Set(people.map((p) => p.household_id))], 'uuid');
  // One after the other: the owner's read switches the transaction's role while it runs.
  const withPlan = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ person_id: string }>(
      sys,
      sql`select person_id from autonomy_plans where status = 'active' and person_id = any (${personIds})`,
    ),
  );
  const cases = await queryRows<{ id: string; code: string; household_id: string }>(
    tx,
    sql`select c.id, c.code, c.household_id from cases c
         where c.household_id = any (${householdIds}) order by c.opened_at desc, c.id`,
  );
  const referrals = await queryRows<{
    id: string;
    person_id: string;
    referred_on: string;
    from_service: string;
  }>(
    tx,
    sql`select r.id, rp.person_id, (coalesce(r.sent_at, r.created_at) at time zone 'Europe/Rome')::date::text as referred_on,
               s.name as from_service
          from referrals r join referral_people rp on rp.referral_id = r.id
          join services s on s.id = r.from_service_id
         where rp.person_id = any (${personIds}) order by r.created_at desc, r.id`,
  );
  const active = new Set(withPlan.map((r) => r.person_id));
  return people.map((p) => ({
    personId: p.id,
    name: p.name,
    householdCode: p.household_code,
    hasActivePlan: active.has(p.id),
    cases: cases.filter((c) => c.household_id === p.household_id).map((c) => ({ id: c.id, code: c.code })),
    referrals: referrals
      .filter((r) => r.person_id === p.id)
      .map((r) => ({ id: r.id, on: r.referred_on, fromService: r.from_service })),
  }));
}

/**
 * Which memberships may tutor: a membership `m` (with its service `s`, left-joined) holding a
 * tutoring role (practitioner, clinician, coordinator) in the caller's organisation, in an
 * autonomy_housing service, or in the caller's district (the partners of one
 * Ambito: the ethnoclinical team's clinician tutors a case of the district). The list below and the
 * check of a named tutor (autonomy-plans.service.ts) share it: naming a tutor gives them the plan,
 * the person's name and the household's code, so the server holds the line the list draws, and
 * organisations of another district stay out (ASVS 8.4.1).
 */
export const tutorScope = ({
  organisationId,
  districtId,
}: {
  organisationId: string | null;
  districtId: string | null;
}) =>
  sql`m.role in ('practitioner', 'clinician', 'coordinator')
      and (coalesce(m.organisation_id, s.organisation_id) = ${organisationId} or s.kind = 'autonomy_housing'
       or coalesce(s.district_id, (select o.district_id from organisations o
                                    where o.id = coalesce(m.organisation_id, s.organisation_id))) = ${districtId})`;

/**
 * Who may be named tutor: active users with a tutoring role in the caller's organisation or
 * district, or in any autonomy_housing service (so a case team can name the autonomy service's
 * tutor). Names and services only, read as the owner (colleagues of other organisations are outside
 * the users' RLS).
 */
export function tutorOptions({
  tx,
  organisationId,
  districtId,
}: {
  tx: Tx;
  organisationId: string | null;
  districtId: string | null;
}): Promise<TTutorOptions['items']> {
  return unsafeAsSystem(tx, async (sys) => {
    const rows = await queryRows<{ id: string; name: string; service: string | null }>(
      sys,
      sql`select u.id, u.display_name as name, string_agg(distinct coalesce(s.name, o.name), ', ') as service
            from users u join memberships m on m.user_id = u.id
            left join services s on s.id = m.service_id
            left join organisations o on o.id = m.organisation_id
           where u.disabled_at is null and ${tutorScope({ organisationId, districtId })}
           group by u.id, u.display_name
           order by u.display_name, u.id limit 500`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, service: r.service ?? '' }));
  });
}
