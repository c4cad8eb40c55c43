import { type SQL, sql } from 'drizzle-orm';
import { ATTENDED_STATUSES } from '../../../contracts/gatherings.js';
import {
  STRANDS,
  TRAINING_TARGETS,
  type TStrand,
  type TTrainingDashboard,
} from '../../../contracts/training.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { type Queryable, queryRows } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { roundHours, sessionHours } from '../../platform/gatherings/hours.js';
import { enumLabel } from '../../platform/i18n/enum-labels.js';

/**
 * The training dashboard (issue 17 §7) and the numbers behind the impact module's indicators. It
 * counts professionals trained — people who work in the services, not people the services serve —
 * so no disclosure control applies (platform/disclosure is for counts of people served). A
 * professional is counted once: a Trama user by their account, an external participant by their
 * e-mail address in lower case; "completed" means holding a live (unrevoked) certificate.
 *
 * The period, both ends included and both optional, is of dates in Italian time: a completion
 * counts on the day its certificate was issued, a session on the day it started, an edition's
 * completion rate in the period its last session ended. Only sessions already over are "held".
 */
export interface DashboardPeriod {
  from?: string | undefined;
  to?: string | undefined;
}

const inPeriod = (day: SQL, { from, to }: DashboardPeriod) =>
  sql`${from ? sql`${day} >= ${from}::date` : sql`true`} and ${to ? sql`${day} <= ${to}::date` : sql`true`}`;
const romeDay = (column: SQL) => sql`(${column} at time zone 'Europe/Rome')::date`;

/** The person a registration is: the account, or the external participant's e-mail address. */
const PERSON = sql`coalesce(p.user_id::text, 'external:' || lower(p.external_email))`;

export interface Completion {
  person: string;
  strand: TStrand;
  profession: string;
  service_kind: string;
  district_id: string | null;
  district_name: string | null;
}

/**
 * One row per live certificate issued in the period, with who (the person key, never shown) and
 * the slices the dashboard counts by. `strand` narrows to one strand (the indicators).
 */
export function completions({
  on,
  period,
  strand,
}: {
  on: Queryable;
  period: DashboardPeriod;
  strand?: TStrand;
}): Promise<Completion[]> {
  return queryRows<Completion>(
    on,
    sql`select ${PERSON} as person, co.strand, p.profession,
               case when p.user_id is null then 'external' else coalesce(s.kind, 'other') end as service_kind,
               d.id as district_id, d.name as district_name
          from training_certificates c
          join gathering_places p on p.id = c.place_id
          join training_editions e on e.id = c.edition_id
          join training_courses co on co.id = e.course_id
          left join services s on s.id = p.participant_service_id
          left join organisations o on o.id = s.organisation_id
          left join districts d on d.id = coalesce(s.district_id, o.district_id)
         where c.revoked_at is null and ${inPeriod(sql`c.issued_on`, period)}
           ${strand ? sql`and co.strand = ${strand}` : sql``}
         order by c.id`,
  );
}

/** Hours of training sessions already held in the period, and the editions they belong to. */
export async function hoursDelivered({ on, period }: { on: Queryable; period: DashboardPeriod }) {
  const rows = await queryRows<{ edition_id: string; hours: string | number }>(
    on,
    sql`select e.id as edition_id, sum(${sessionHours('s')}) as hours
          from gathering_sessions s join training_editions e on e.gathering_id = s.gathering_id
         where s.ends_at <= now() and ${inPeriod(romeDay(sql`s.starts_at`), period)}
         group by e.id order by e.id`,
  );
  return {
    hours: roundHours(rows.reduce((sum, r) => sum + Number(r.hours), 0)),
    editionIds: rows.map((r) => r.edition_id),
  };
}

const attended = sql.raw(ATTENDED_STATUSES.map((s) => `'${s}'`).join(', '));

async function participantHours({ on, period }: { on: Queryable; period: DashboardPeriod }) {
  const [row] = await queryRows<{ hours: string | number | null }>(
    on,
    sql`select sum(${sessionHours('s')}) as hours
          from gathering_attendance a join gathering_sessions s on s.id = a.session_id
          join training_editions e on e.gathering_id = s.gathering_id
         where a.status in (${attended}) and s.ends_at <= now() and ${inPeriod(romeDay(sql`s.starts_at`), period)}`,
  );
  return roundHours(Number(row?.hours ?? 0));
}

/** Confirmed and completed registrations of the editions that finished in the period. */
async function completionOf({ on, period }: { on: Queryable; period: DashboardPeriod }) {
  const [row] = await queryRows<{ confirmed: number; completed: number }>(
    on,
    sql`with finished as (
          select e.id, e.gathering_id from training_editions e
            join gathering_sessions s on s.gathering_id = e.gathering_id
           group by e.id, e.gathering_id
          having max(s.ends_at) <= now() and ${inPeriod(romeDay(sql`max(s.ends_at)`), period)})
        select count(*)::int as confirmed,
               count(*) filter (where exists (select 1 from training_certificates c
                                               where c.place_id = p.id and c.revoked_at is null))::int as completed
          from gathering_places p join finished f on f.gathering_id = p.gathering_id
         where p.status = 'confirmed'`,
  );
  const confirmed = row?.confirmed ?? 0;
  const completed = row?.completed ?? 0;
  return { confirmed, completed, rate: confirmed ? Math.round((completed / confirmed) * 1000) / 1000 : null };
}

const UNKNOWN = { it: 'Non noto', en: 'Unknown' };
const EXTERNAL = { it: 'Partecipanti esterni (senza account)', en: 'External participants (no account)' };
const both = (group: string, key: string) => ({
  it: enumLabel(group, key, 'it'),
  en: enumLabel(group, key, 'en'),
});

/** Distinct people per key, largest first; `all` lists keys that stay even at zero. */
function countBy(
  rows: readonly Completion[],
  keyOf: (r: Completion) => string,
  labelOf: (key: string) => { it: string; en: string },
  all: readonly string[] = [],
) {
  const people = new Map<string, Set<string>>(all.map((k) => [k, new Set()]));
  for (const r of rows) {
    const key = keyOf(r);
    if (!people.has(key)) people.set(key, new Set());
    people.get(key)!.add(r.person);
  }
  return [...people]
    .map(([key, set]) => ({ key, label: labelOf(key), count: set.size }))
    .sort((a, b) => (all.length ? 0 : b.count - a.count || a.key.localeCompare(b.key)));
}

/**
 * The dashboard over whatever `tx` may read. The route calls it as the owner (project-wide
 * totals, only counts leave); the impact module calls it on the system connection.
 */
export async function trainingDashboard({
  tx,
  from,
  to,
}: {
  tx: Queryable;
  from?: string | undefined;
  to?: string | undefined;
}): Promise<TTrainingDashboard> {
  const period = { from, to };
  const done = await completions({ on: tx, period });
  const distinct = (strand: TStrand) =>
    new Set(done.filter((r) => r.strand === strand).map((r) => r.person)).size;
  const districts = new Map(done.map((r) => [r.district_id ?? 'unknown', r.district_name]));
  const delivered = await hoursDelivered({ on: tx, period });
  return {
    targets: (['ethnoclinical', 'experiential'] as const).map((strand) => ({
      strand,
      target: TRAINING_TARGETS[strand],
      reached: distinct(strand),
    })),
    byStrand: countBy(
      done,
      (r) => r.strand,
      (k) => both('strand', k),
      STRANDS,
    ),
    byServiceKind: countBy(
      done,
      (r) => r.service_kind,
      (k) => (k === 'external' ? EXTERNAL : both('serviceKind', k)),
    ),
    byProfession: countBy(
      done,
      (r) => r.profession,
      (k) => both('profession', k),
    ),
    byDistrict: countBy(
      done,
      (r) => r.district_id ?? 'unknown',
      (k) => {
        const name = districts.get(k);
        return name ? { it: name, en: name } : UNKNOWN;
      },
    ),
    hoursDelivered: delivered.hours,
    participantHours: await participantHours({ on: tx, period }),
    editions: delivered.editionIds.length,
    completion: await completionOf({ on: tx, period }),
  };
}

/** The dashboard for a coordinator or trainer: project-wide counts, audited. */
export async function readDashboard({
  deps,
  ctx,
  query,
}: {
  deps: Deps;
  ctx: AccessContext;
  query: DashboardPeriod;
}): Promise<TTrainingDashboard> {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // Counts only, of professionals trained: read as the owner so every partner sees the project's totals.
      const dashboard = await unsafeAsSystem(tx, (sys) => trainingDashboard({ tx: sys, ...query }));
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'training.dashboard_read',
          details: { from: query.from ?? null, to: query.to ?? null },
        },
      });
      return dashboard;
    },
  });
}
