import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TMediator,
  TMediatorInput,
  ZAbsenceInputSchema,
  ZConflictInputSchema,
  ZRateInputSchema,
} from '../../../contracts/mediation.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { decryptField, encryptField } from '../../platform/crypto/field-crypto.js';
import { isoTime, queryRows, sqlArray, type Tx, uuidList } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import {
  isMediationCoordinator,
  requireMediationCoordinator,
  requireMyMediator,
} from './mediation.policy.js';

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

export async function listMediators({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireMediationCoordinator(tx);
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
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.mediator_saved', recordType: 'mediator', recordId: mediatorId },
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
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.absence_recorded', recordType: 'mediator', recordId: id },
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

/** Declared conflicts: the mediation coordinator only. Subjects are shown by code, never by name. */
export async function listConflicts({
  deps,
  ctx,
  mediatorId,
}: {
  deps: Deps;
  ctx: AccessContext;
  mediatorId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireMediationCoordinator(tx);
      // Judged: the coordinator reads the codes of households they may not otherwise see (never names).
      const rows = await unsafeAsSystem(tx, (sys) =>
        queryRows<{
          id: string;
          kind: 'person' | 'household' | 'community';
          subject: string | null;
          note_encrypted: string | null;
          declared_at: Date;
        }>(
          sys,
          sql`select k.id, k.kind, k.note_encrypted, k.declared_at,
                   case k.kind when 'community' then (select name_it from countries where code = k.country)
                               else trama_household_code(coalesce(k.household_id,
                                      (select p.household_id from people p where p.id = k.person_id))) end as subject
              from mediator_conflicts k where k.mediator_id = ${mediatorId} order by k.declared_at, k.id`,
        ),
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.conflicts_read', recordType: 'mediator', recordId: mediatorId },
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          subject: r.subject ?? '—',
          note: r.note_encrypted
            ? decryptField({
                keyring: deps.keyring,
                value: r.note_encrypted,
                context: `mediator_conflicts.note:${r.id}`,
              })
            : null,
          declaredAt: isoTime(r.declared_at)!,
        })),
      };
    },
  });
}

export async function declareConflict({
  deps,
  ctx,
  mediatorId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  mediatorId: string;
  input: z.infer<typeof ZConflictInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireMediationCoordinator(tx);
      const [known] = await unsafeAsSystem(tx, (sys) =>
        queryRows<{ mediator: boolean; subject: boolean; household_id: string | null }>(
          sys,
          sql`select exists (select 1 from mediators where id = ${mediatorId}) as mediator,
                     (select id from households where code = ${input.householdCode ?? null}) as household_id,
                     case ${input.kind} when 'person' then exists (select 1 from people where id = ${input.personId ?? null})
                       when 'household' then exists (select 1 from households where code = ${input.householdCode ?? null})
                       else exists (select 1 from countries where code = ${input.country ?? null}) end as subject`,
        ),
      );
      if (!known?.mediator) throw new OutOfScope('mediator', mediatorId);
      const field = { person: 'personId', household: 'householdCode', community: 'country' }[input.kind];
      if (!known.subject) throw problems.field(field, 'unknown', { it: 'Non trovato.', en: 'Not found.' });
      const id = randomUUID();
      await tx.execute(
        sql`insert into mediator_conflicts (id, mediator_id, kind, person_id, household_id, country, note_encrypted, declared_by)
            values (${id}, ${mediatorId}, ${input.kind}, ${input.kind === 'person' ? input.personId : null},
                    ${input.kind === 'household' ? known.household_id : null}, ${input.kind === 'community' ? input.country : null},
                    ${input.note ? encryptField({ keyring: deps.keyring, plaintext: input.note, context: `mediator_conflicts.note:${id}` }) : null},
                    ${ctx.userId})`,
      );
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.conflict_declared', recordType: 'mediator', recordId: mediatorId },
      });
      return { id };
    },
  });
}

export async function removeConflict({
  deps,
  ctx,
  conflictId,
}: {
  deps: Deps;
  ctx: AccessContext;
  conflictId: string;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireMediationCoordinator(tx);
      const gone = await queryRows<{ mediator_id: string }>(
        tx,
        sql`delete from mediator_conflicts where id = ${conflictId} returning mediator_id`,
      );
      if (!gone[0]) throw problems.notFound();
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'mediation.conflict_removed',
          recordType: 'mediator',
          recordId: gone[0].mediator_id,
        },
      });
    },
  });
}

/** Rates: the mediation coordinator all of them; a cooperative's coordinator their own (RLS). */
export async function listRates({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const rows = await queryRows<{
        organisation_id: string;
        organisation_name: string;
        in_person_cents: number;
        remote_cents: number;
        travel_cents_per_km: number;
        valid_from: string;
      }>(
        tx,
        sql`select r.organisation_id, o.name as organisation_name, r.in_person_cents, r.remote_cents,
                   r.travel_cents_per_km, r.valid_from::text as valid_from
              from mediation_rates r join organisations o on o.id = r.organisation_id
             order by o.name, r.valid_from desc`,
      );
      return {
        items: rows.map((r) => ({
          organisationId: r.organisation_id,
          organisationName: r.organisation_name,
          inPersonCents: r.in_person_cents,
          remoteCents: r.remote_cents,
          travelCentsPerKm: r.travel_cents_per_km,
          validFrom: r.valid_from,
        })),
      };
    },
  });
}

export async function setRate({
  deps,
  ctx,
  organisationId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  organisationId: string;
  input: z.infer<typeof ZRateInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireMediationCoordinator(tx);
      const [org] = await queryRows<{ id: string }>(
        tx,
        sql`select id from organisations where id = ${organisationId}`,
      );
      if (!org) throw problems.notFound();
      const added = await queryRows<{ id: string }>(
        tx,
        sql`insert into mediation_rates (organisation_id, in_person_cents, remote_cents, travel_cents_per_km, valid_from, created_by)
            values (${organisationId}, ${input.inPersonCents}, ${input.remoteCents}, ${input.travelCentsPerKm},
                    ${input.validFrom}, ${ctx.userId})
            on conflict (organisation_id, valid_from) do nothing returning id`,
      );
      // A rate once in force is never rewritten: logged hours keep theirs, a change starts on a new date.
      if (!added[0])
        throw problems.field('validFrom', 'exists', {
          it: 'Esiste già una tariffa da questa data: indicane una nuova.',
          en: 'A rate from this date exists already: give a new date.',
        });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'mediation.rate_set', details: { organisationId, validFrom: input.validFrom } },
      });
      return { organisationId, ...input };
    },
  });
}
