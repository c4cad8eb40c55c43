import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TMediator, TMediatorInput, ZAbsenceInputSchema } from '../../../contracts/mediation.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows, sqlArray, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import {
  isMediationCoordinator,
  requireMediationCoordinator,
  requireMyMediator,
} from './mediation.policy.js';
import { releaseUnsuitable } from './mediation-booking.js';

/** The registry (issue 18, item 1), kept by the mediation coordinator; a mediator reads their own row. */

const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

interface MediatorRow {
  id: string;
  user_id: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
  gender: TMediator['gender'];
  modes: TMediator['modes'];
  countries: string[];
  own_community: string | null;
  district_ids: string[];
  municipalities: string[];
  base_municipality: string;
  certifications: string[];
  active: boolean;
  languages: TMediator['languages'] | null;
  availability: { weekday: number; from_minute: number; to_minute: number }[] | null;
  absences: { id: string; from: string; to: string }[] | null;
}

/** Mediators as the caller may read them (RLS: the coordinator all, a mediator their own). */
async function loadMediators(tx: Tx, ids?: readonly string[]): Promise<TMediator[]> {
  const coordinator = await isMediationCoordinator(tx);
  const rows = await queryRows<MediatorRow>(
    tx,
    sql`select m.id, m.user_id, u.display_name, m.organisation_id, o.name as organisation_name, m.gender, m.modes,
               m.countries, m.own_community, m.district_ids, m.municipalities, m.base_municipality, m.certifications,
               m.active,
               (select json_agg(json_build_object('language', l.language, 'dialect', l.dialect, 'level', l.level,
                        'written', l.written) order by l.language, l.dialect) from mediator_languages l
                 where l.mediator_id = m.id) as languages,
               (select json_agg(json_build_object('weekday', a.weekday, 'from_minute', a.from_minute,
                        'to_minute', a.to_minute) order by a.weekday, a.from_minute) from mediator_availability a
                 where a.mediator_id = m.id) as availability,
               (select json_agg(json_build_object('id', x.id, 'from', x.from_date, 'to', x.to_date) order by x.from_date)
                  from mediator_absences x where x.mediator_id = m.id and x.to_date >= current_date - 30) as absences
          from mediators m join users u on u.id = m.user_id join organisations o on o.id = m.organisation_id
         where true ${ids ? sql`and m.id in (${uuidList(ids)})` : sql``}
         order by u.display_name, m.id limit 5000`,
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    displayName: r.display_name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    gender: r.gender,
    modes: r.modes,
    languages: (r.languages ?? []).map((l) => ({ ...l, dialect: l.dialect ?? null })),
    countries: r.countries,
    ownCommunity: coordinator ? r.own_community : null,
    districtIds: r.district_ids,
    municipalities: r.municipalities,
    baseMunicipality: r.base_municipality,
    availability: (r.availability ?? []).map((a) => ({
      weekday: a.weekday,
      from: toHhmm(a.from_minute),
      to: toHhmm(a.to_minute),
    })),
    certifications: r.certifications,
    active: r.active,
    absences: r.absences ?? [],
  }));
}

/**
 * The people who hold the mediator role, wherever they work (a cooperative, an association), for
 * the mediation coordinator's registry form: the users list shows a coordinator only their own
 * organisation's staff. Names and organisations only; anyone else gets an empty list.
 */
export async function mediatorAccounts({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      if (!(await isMediationCoordinator(tx))) return { items: [] };
      const rows = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ id: string; display_name: string; organisation_name: string | null }>(
          sys,
          sql`select distinct on (u.display_name, u.id) u.id, u.display_name, o.name as organisation_name
                from memberships m join users u on u.id = m.user_id
                left join services s on s.id = m.service_id
                left join organisations o on o.id = coalesce(m.organisation_id, s.organisation_id)
               where m.role = 'mediator' and u.disabled_at is null
               order by u.display_name, u.id limit 2000`,
        ),
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          displayName: r.display_name,
          organisationName: r.organisation_name,
        })),
      };
    },
  });
}

export async function listMediators({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // Row-level security shows the registry to the mediation coordinator only: another
      // coordinator holds the permission and sees an empty registry, not a refusal.
      const items = await loadMediators(tx);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.registry_listed', details: { count: items.length } },
      });
      return { items };
    },
  });
}

/** One mediator: the coordinator, or the mediator themselves (`id` = 'me'). */
export async function getMediator({ deps, ctx, id }: { deps: Deps; ctx: AccessContext; id: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const mediatorId = id === 'me' ? await requireMyMediator(tx) : id;
      const [mediator] = await loadMediators(tx, [mediatorId]);
      if (!mediator) throw new OutOfScope('mediator', mediatorId);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.mediator_read', recordType: 'mediator', recordId: mediatorId },
      });
      return mediator;
    },
  });
}

async function judgeMediatorInput(tx: Tx, input: TMediatorInput) {
  const [row] = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ mediator_role: boolean; organisation: boolean; base: boolean; languages: string[] }>(
      sys,
      sql`select exists (select 1 from memberships ms where ms.user_id = ${input.userId} and ms.role = 'mediator') as mediator_role,
                 exists (select 1 from organisations where id = ${input.organisationId}) as organisation,
                 exists (select 1 from municipalities where istat_code = ${input.baseMunicipality}) as base,
                 coalesce((select array_agg(code) from languages
                            where code in (${sql.join(
                              input.languages.map((l) => sql`${l.language}`),
                              sql`, `,
                            )})), '{}') as languages`,
    ),
  );
  if (!row?.mediator_role)
    throw problems.field('userId', 'not_mediator', {
      it: 'Questa persona non ha il ruolo di mediatore.',
      en: 'This person does not hold the mediator role.',
    });
  if (!row.organisation)
    throw problems.field('organisationId', 'unknown', {
      it: 'Ente sconosciuto.',
      en: 'Unknown organisation.',
    });
  if (!row.base)
    throw problems.field('baseMunicipality', 'unknown', {
      it: 'Comune sconosciuto.',
      en: 'Unknown municipality.',
    });
  const unknown = input.languages.findIndex((l) => !row.languages.includes(l.language));
  if (unknown >= 0)
    throw problems.field(`languages.${unknown}.language`, 'unknown', {
      it: 'Lingua sconosciuta.',
      en: 'Unknown language.',
    });
  const seen = new Set<string>();
  const twice = input.languages.findIndex((l) => {
    const key = `${l.language}|${(l.dialect ?? '').trim().toLowerCase()}`;
    return seen.has(key) || !seen.add(key);
  });
  if (twice >= 0)
    throw problems.field(`languages.${twice}.language`, 'duplicate', {
      it: 'Questa lingua (con questo dialetto) è già nell’elenco.',
      en: 'This language (with this dialect) is already listed.',
    });
  await judgeReferences(tx, input);
}

/** The districts, comuni and countries named must exist: an unknown one is a field error, not a silent row. */
async function judgeReferences(tx: Tx, input: TMediatorInput) {
  const lists = [
    { field: 'districtIds', values: input.districtIds, table: sql`districts`, key: sql`id::text` },
    {
      field: 'municipalities',
      values: input.municipalities,
      table: sql`municipalities`,
      key: sql`istat_code`,
    },
    { field: 'countries', values: input.countries, table: sql`countries`, key: sql`code` },
    {
      field: 'ownCommunity',
      values: input.ownCommunity ? [input.ownCommunity] : [],
      table: sql`countries`,
      key: sql`code`,
    },
  ];
  for (const { field, values, table, key } of lists) {
    if (values.length === 0) continue;
    const found = await queryRows<{ k: string }>(
      tx,
      sql`select ${key} as k from ${table} where ${key} = any (${sqlArray(values)})`,
    );
    const known = new Set(found.map((f) => f.k));
    const bad = values.findIndex((v) => !known.has(v));
    if (bad >= 0)
      throw problems.field(field === 'ownCommunity' ? field : `${field}.${bad}`, 'unknown', {
        it: 'Valore sconosciuto.',
        en: 'Unknown value.',
      });
  }
}

/** Creates (no id) or replaces a mediator's record; languages and weekly hours are replaced whole. */
export async function saveMediator({
  deps,
  ctx,
  id,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  id: string | null;
  input: TMediatorInput;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireMediationCoordinator(tx);
      if (input.userId === ctx.userId)
        throw problems.field('userId', 'self', {
          it: 'Non puoi iscrivere te stessa o te stesso nel registro: lo fa un’altra persona del coordinamento.',
          en: 'You cannot add yourself to the registry: another coordinator does it.',
        });
      await judgeMediatorInput(tx, input);
      const values = sql`${input.organisationId}, ${input.gender}, ${sqlArray(input.modes)},
        ${sqlArray(input.countries)}, ${input.ownCommunity ?? null}, ${sqlArray(input.districtIds, 'uuid')},
        ${sqlArray(input.municipalities)}, ${input.baseMunicipality}, ${sqlArray(input.certifications)},
        ${input.active}`;
      let mediatorId = id;
      if (mediatorId) {
        const updated = await queryRows<{ id: string }>(
          tx,
          sql`update mediators set (organisation_id, gender, modes, countries, own_community, district_ids,
                 municipalities, base_municipality, certifications, active, updated_at) = (${values}, now())
               where id = ${mediatorId} and user_id = ${input.userId} returning id`,
        );
        if (!updated[0]) throw new OutOfScope('mediator', mediatorId);
        await tx.execute(sql`delete from mediator_languages where mediator_id = ${mediatorId}`);
        await tx.execute(sql`delete from mediator_availability where mediator_id = ${mediatorId}`);
      } else {
        const [taken] = await unsafeAsSystem(tx, (sys) =>
          queryRows<{ id: string }>(sys, sql`select id from mediators where user_id = ${input.userId}`),
        );
        if (taken)
          throw problems.field('userId', 'already_registered', {
            it: 'Questa persona è già nel registro.',
            en: 'This person is already in the registry.',
          });
        mediatorId = randomUUID();
        await tx.execute(
          sql`insert into mediators (id, user_id, organisation_id, gender, modes, countries, own_community, district_ids,
                municipalities, base_municipality, certifications, active)
              values (${mediatorId}, ${input.userId}, ${values})`,
        );
      }
      for (const l of input.languages)
        await tx.execute(
          sql`insert into mediator_languages (mediator_id, language, dialect, level, written)
              values (${mediatorId}, ${l.language}, ${l.dialect ?? null}, ${l.level}, ${l.written})`,
        );
      for (const a of input.availability)
        await tx.execute(
          sql`insert into mediator_availability (mediator_id, weekday, from_minute, to_minute)
              values (${mediatorId}, ${a.weekday}, ${toMinute(a.from)}, ${toMinute(a.to)})`,
        );
      // A deactivation, a language or hours removed: what the mediator held and no longer may is released.
      const released = id ? await releaseUnsuitable(tx, mediatorId) : 0;
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.mediator_saved',
          recordType: 'mediator',
          recordId: mediatorId,
          details: { released },
        },
      });
      return (await loadMediators(tx, [mediatorId]))[0]!;
    },
  });
}

/** An absence: the coordinator for anyone, a mediator for themselves (`mediatorId` = 'me'). */
export async function addAbsence({
  deps,
  ctx,
  mediatorId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  mediatorId: string;
  input: z.infer<typeof ZAbsenceInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const id = mediatorId === 'me' ? await requireMyMediator(tx) : mediatorId;
      const [seen] = await queryRows<{ id: string }>(tx, sql`select id from mediators where id = ${id}`);
      if (!seen) throw new OutOfScope('mediator', id);
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into mediator_absences (mediator_id, from_date, to_date) values (${id}, ${input.from}, ${input.to})
            returning id`,
      );
      const released = await releaseUnsuitable(tx, id);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.absence_recorded',
          recordType: 'mediator',
          recordId: id,
          details: { released },
        },
      });
      return { id: row!.id, from: input.from, to: input.to };
    },
  });
}

export async function removeAbsence({
  deps,
  ctx,
  absenceId,
}: {
  deps: Deps;
  ctx: AccessContext;
  absenceId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const gone = await queryRows<{ mediator_id: string }>(
        tx,
        sql`delete from mediator_absences where id = ${absenceId} returning mediator_id`,
      );
      if (!gone[0]) throw problems.notFound();
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.absence_removed', recordType: 'mediator', recordId: gone[0].mediator_id },
      });
    },
  });
}
