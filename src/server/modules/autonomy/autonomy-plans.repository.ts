import { sql } from 'drizzle-orm';
import type { TPlan } from '../../../contracts/autonomy.js';
import type { Keyring } from '../../platform/crypto/field-crypto.js';
import { decryptField } from '../../platform/crypto/field-crypto.js';
import { isoTime, queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import { autonomyContext } from './autonomy.fields.js';
import { BLOCKED_HOUSEHOLDS, type PlanAccess } from './autonomy.policy.js';

/**
 * The plan as its readers see it: one function, so every route answers the same shape. Called
 * after `requirePlan` judged the caller a reader. The person's name and the household's code are
 * read as the owner (a tutor from another service is not on the household's team, and people's
 * RLS would hide them); everything else is read as the caller, under RLS. Sealed notes are read
 * as the caller too: RLS shows them only to their author and the clinicians who read the plan.
 * The household's stays (apartment and district) are left out for a reader blocked from someone of
 * the household: a plan of one member is no way to where another, protected from them, lives.
 */

export async function loadPlanView({
  tx,
  keyring,
  plan,
}: {
  tx: Tx;
  keyring: Keyring;
  plan: PlanAccess;
}): Promise<TPlan> {
  const [row] = await queryRows<{
    code: string;
    service_id: string;
    tutor_id: string;
    origin: TPlan['origin'];
    origin_case_id: string | null;
    origin_referral_id: string | null;
    status: TPlan['status'];
    started_on: string;
    next_review_on: string | null;
    exit_reason: NonNullable<TPlan['exit']>['reason'] | null;
    exit_on: string | null;
    exit_note: string | null;
  }>(
    tx,
    sql`select p.code, p.service_id, p.tutor_user_id as tutor_id, p.origin, p.origin_case_id, p.origin_referral_id, p.status, p.started_on::text, p.next_review_on::text,
               p.exit_reason, p.exit_on::text, p.exit_note
          from autonomy_plans p where p.id = ${plan.id}`,
  );
  if (!row) throw new Error('loadPlanView after requirePlan: the plan must be readable');
  const [household] = await queryRows<{ blocked: boolean }>(
    tx,
    sql`select ${plan.householdId}::uuid = any ${BLOCKED_HOUSEHOLDS} as blocked`,
  );
  const owner = await unsafeAsSystem(tx, async (sys) => {
    const [who] = await queryRows<{ name: string; household_code: string; case_code: string | null }>(
      sys,
      sql`select p.given_name || ' ' || p.family_name as name, h.code as household_code,
                 (select c.code from cases c where c.id = ${row.origin_case_id}) as case_code
            from people p join households h on h.id = p.household_id where p.id = ${plan.personId}`,
    );
    const housing = household?.blocked
      ? []
      : await queryRows<{
          unit_id: string;
          label: string;
          district: string;
          starts_on: string;
          ends_on: string | null;
        }>(
          sys,
          sql`select u.id as unit_id, u.label, d.name as district, o.starts_on::text, o.ends_on::text
                from housing_occupancies o join housing_units u on u.id = o.unit_id join districts d on d.id = u.district_id
               where o.household_id = ${plan.householdId} order by o.starts_on desc`,
        );
    return { who: who!, housing };
  });
  const goals = await queryRows<{
    id: string;
    area: TPlan['goals'][number]['area'];
    description: string;
    target_on: string | null;
    status: TPlan['goals'][number]['status'];
  }>(
    tx,
    sql`select id, area, description, target_on::text, status from autonomy_goals
         where plan_id = ${plan.id} order by created_at, id`,
  );
  const steps = await queryRows<{
    id: string;
    goal_id: string;
    description: string;
    due_on: string | null;
    done_on: string | null;
  }>(
    tx,
    sql`select id, goal_id, description, due_on::text, done_on::text from autonomy_steps
         where plan_id = ${plan.id} order by created_at, id`,
  );
  const enrolments = await queryRows<{
    id: string;
    offer_id: string;
    offer_title: string;
    offer_kind: TPlan['enrolments'][number]['offerKind'];
    status: TPlan['enrolments'][number]['status'];
    certificate: boolean;
    enrolled_on: string;
    outcome_on: string | null;
  }>(
    tx,
    sql`select e.id, e.offer_id, o.title as offer_title, o.kind as offer_kind, e.status, e.certificate,
               e.enrolled_on::text, e.outcome_on::text
          from autonomy_enrolments e join autonomy_offers o on o.id = e.offer_id
         where e.plan_id = ${plan.id} order by e.enrolled_on desc, e.id`,
  );
  const meetings = await queryRows<{
    id: string;
    kind: TPlan['meetings'][number]['kind'];
    held_on: string;
    minutes: number;
    author_id: string;
    sealed: boolean;
    note_encrypted: string | null;
    sealed_note: string | null;
  }>(
    tx,
    sql`select m.id, m.kind, m.held_on::text, m.minutes, m.author_id, m.sealed,
               m.note_encrypted, n.note_encrypted as sealed_note
          from autonomy_meetings m
          left join autonomy_sealed_notes n on n.meeting_id = m.id
         where m.plan_id = ${plan.id} order by m.held_on desc, m.created_at desc`,
  );
  const [skills] = await queryRows<{
    languages: { language: string; level: NonNullable<TPlan['skills']>['languages'][number]['level'] }[];
    education_level: NonNullable<TPlan['skills']>['educationLevel'];
    education_country: string | null;
    education_recognition: NonNullable<TPlan['skills']>['educationRecognition'];
    work_history: string | null;
    driving_licence: NonNullable<TPlan['skills']>['drivingLicence'];
    notes: string | null;
    updated_at: Date;
    updated_by: string;
  }>(
    tx,
    sql`select k.languages, k.education_level, k.education_country, k.education_recognition, k.work_history,
               k.driving_licence, k.notes, k.updated_at, k.updated_by
          from autonomy_skills k where k.plan_id = ${plan.id}`,
  );
  const placements = await loadJobPlacements({ tx, planId: plan.id });
  // Colleagues of other organisations (the tutor, authors) are not in the caller's users RLS.
  const names = await namesOf({
    tx,
    userIds: [row.tutor_id, ...meetings.map((m) => m.author_id), ...(skills ? [skills.updated_by] : [])],
    serviceId: row.service_id,
  });
  return {
    id: plan.id,
    code: row.code,
    person: { id: plan.personId, name: owner.who.name },
    household: { id: plan.householdId, code: owner.who.household_code },
    service: { id: row.service_id, name: names.service },
    tutor: { id: row.tutor_id, name: names.users.get(row.tutor_id) ?? '' },
    status: row.status,
    origin: row.origin,
    originCase:
      row.origin_case_id && owner.who.case_code
        ? { id: row.origin_case_id, code: owner.who.case_code }
        : null,
    originReferralId: row.origin_referral_id,
    startedOn: row.started_on,
    nextReviewOn: row.next_review_on,
    exit:
      row.exit_reason && row.exit_on
        ? { reason: row.exit_reason, exitOn: row.exit_on, note: row.exit_note }
        : null,
    goals: goals.map((g) => ({
      id: g.id,
      area: g.area,
      description: g.description,
      targetOn: g.target_on,
      status: g.status,
      steps: steps
        .filter((s) => s.goal_id === g.id)
        .map((s) => ({ id: s.id, description: s.description, dueOn: s.due_on, doneOn: s.done_on })),
    })),
    enrolments: enrolments.map((e) => ({
      id: e.id,
      offerId: e.offer_id,
      offerTitle: e.offer_title,
      offerKind: e.offer_kind,
      status: e.status,
      certificate: e.certificate,
      enrolledOn: e.enrolled_on,
      outcomeOn: e.outcome_on,
    })),
    meetings: meetings.map((m) => {
      const sealedReadable = m.sealed && m.sealed_note !== null;
      const note = m.sealed
        ? sealedReadable
          ? decryptField({
              keyring,
              value: m.sealed_note!,
              context: autonomyContext('autonomy_sealed_notes.note', m.id),
            })
          : null
        : m.note_encrypted
          ? decryptField({
              keyring,
              value: m.note_encrypted,
              context: autonomyContext('autonomy_meetings.note', m.id),
            })
          : null;
      return {
        id: m.id,
        kind: m.kind,
        heldOn: m.held_on,
        minutes: m.minutes,
        author: { id: m.author_id, name: names.users.get(m.author_id) ?? '' },
        sealed: m.sealed,
        note,
        noteHidden: m.sealed && !sealedReadable,
      };
    }),
    skills: skills
      ? {
          languages: skills.languages,
          educationLevel: skills.education_level,
          educationCountry: skills.education_country,
          educationRecognition: skills.education_recognition,
          workHistory: skills.work_history,
          drivingLicence: skills.driving_licence,
          notes: skills.notes,
          updatedAt: isoTime(skills.updated_at)!,
          updatedBy: names.users.get(skills.updated_by) ?? '',
        }
      : null,
    placements,
    housing: owner.housing.map((h) => ({
      unitId: h.unit_id,
      unitLabel: h.label,
      district: h.district,
      startsOn: h.starts_on,
      endsOn: h.ends_on,
    })),
    canWrite: plan.writable,
  };
}

/** Display names of users and a service's name, read as the owner (names only). */
async function namesOf({ tx, userIds, serviceId }: { tx: Tx; userIds: string[]; serviceId: string }) {
  return unsafeAsSystem(tx, async (sys) => {
    const users = await queryRows<{ id: string; name: string }>(
      sys,
      sql`select id, display_name as name from users where id = any (${sqlArray([...new Set(userIds)], 'uuid')})`,
    );
    const [service] = await queryRows<{ name: string }>(
      sys,
      sql`select name from services where id = ${serviceId}`,
    );
    return { users: new Map(users.map((u) => [u.id, u.name])), service: service?.name ?? '' };
  });
}

/** A plan's job placements with their follow-ups and which are due (6 and 12 months after the start). */
async function loadJobPlacements({ tx, planId }: { tx: Tx; planId: string }): Promise<TPlan['placements']> {
  const rows = await queryRows<{
    id: string;
    employer_id: string;
    employer_name: string;
    initiative_id: string | null;
    initiative_name: string | null;
    kind: TPlan['placements'][number]['kind'];
    status: TPlan['placements'][number]['status'];
    starts_on: string;
    ends_on: string | null;
    hours_per_week: string;
    wage_band: TPlan['placements'][number]['wageBand'];
    employer_tutor_name: string | null;
    end_note: string | null;
    follow_ups: {
      months: number;
      outcome: TPlan['placements'][number]['followUps'][number]['outcome'];
      recorded_on: string;
    }[];
    due: number[];
  }>(
    tx,
    sql`select j.id, h.id as employer_id, h.name as employer_name, i.id as initiative_id, i.name as initiative_name,
               j.kind, j.status, j.starts_on::text, j.ends_on::text, j.hours_per_week::text, j.wage_band,
               j.employer_tutor_name, j.end_note,
               coalesce((select json_agg(json_build_object('months', f.months, 'outcome', f.outcome, 'recorded_on', f.recorded_on::text)
                                         order by f.months)
                           from autonomy_placement_follow_ups f where f.placement_id = j.id), '[]'::json) as follow_ups,
               array(select m from unnest(array[6, 12]) m
                      where j.status in ('active', 'ended') and j.starts_on + make_interval(months => m) <= current_date
                        and not exists (select 1 from autonomy_placement_follow_ups f where f.placement_id = j.id and f.months = m)) as due
          from autonomy_job_placements j
          join community_holders h on h.id = j.employer_holder_id
          left join autonomy_initiatives i on i.id = j.initiative_id
         where j.plan_id = ${planId}
         order by j.starts_on desc, j.id`,
  );
  return rows.map((j) => ({
    id: j.id,
    planId,
    employer: { id: j.employer_id, name: j.employer_name },
    initiative: j.initiative_id ? { id: j.initiative_id, name: j.initiative_name! } : null,
    kind: j.kind,
    status: j.status,
    startsOn: j.starts_on,
    endsOn: j.ends_on,
    hoursPerWeek: Number(j.hours_per_week),
    wageBand: j.wage_band,
    employerTutorName: j.employer_tutor_name,
    endNote: j.end_note,
    followUps: j.follow_ups.map((f) => ({ months: f.months, outcome: f.outcome, recordedOn: f.recorded_on })),
    followUpsDue: j.due.map(Number),
  }));
}
