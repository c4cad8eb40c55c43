import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZOccupancyEndSchema, ZOccupancyInputSchema } from '../../../contracts/housing.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { queryRows } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { problems } from '../../platform/http/problem.js';
import { planStayMessages } from './housing-messages.js';
import {
  blockedHouseholdIds,
  loadUnit,
  lockUnit,
  peakPeople,
  requireManagedUnit,
} from './housing-units.service.js';

/**
 * Stays in a protected apartment (issue 20, item 4): a housing coordinator records who lives in a
 * unit, from when to when. Seats are counted under the unit's row lock: the most people hosted on
 * any day of the new stay (overlapping stays, an open-ended one to infinity), plus the newcomers,
 * never over the capacity — whatever number of requests arrive at once.
 */

const overCapacity = (free: number) =>
  problems.field(
    'people',
    'over_capacity',
    {
      it: `L’appartamento non ha posti sufficienti in quel periodo: nel giorno più pieno restano ${free} posti liberi.`,
      en: `The apartment has too few places over that period: on its fullest day ${free} places are free.`,
    },
    409,
  );

export async function startOccupancy({
  deps,
  ctx,
  unitId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  unitId: string;
  input: z.output<typeof ZOccupancyInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const unit = await requireManagedUnit({ tx, unitId });
      if (!unit.active)
        throw problems.conflict({
          it: 'L’appartamento non è in uso: riattivalo prima di registrare un inserimento.',
          en: 'The apartment is not in use: make it active before recording a stay.',
        });
      // Households with someone the coordinator is blocked from, as the caller: placing one of them
      // is refused like an unknown code (nothing says it exists).
      const blocked = new Set(await blockedHouseholdIds(tx));
      // The household by its code, as the owner: the housing team is not on its case team.
      const householdId = await unsafeAsSystem(tx, async (sys) => {
        const [found] = await queryRows<{ id: string }>(
          sys,
          sql`select id from households where code = ${input.householdCode}`,
        );
        if (!found || blocked.has(found.id))
          throw problems.field('householdCode', 'unknown', {
            it: 'Nessun nucleo con questo codice.',
            en: 'No household has this code.',
          });
        const capacity = await lockUnit(sys, unitId);
        const [twice] = await queryRows<{ id: string }>(
          sys,
          sql`select id from housing_occupancies
               where unit_id = ${unitId} and household_id = ${found.id}
                 and starts_on < coalesce(${input.endsOn}::date, 'infinity'::date)
                 and (ends_on is null or ends_on > ${input.startsOn}::date)`,
        );
        if (twice)
          throw problems.field(
            'householdCode',
            'already_hosted',
            {
              it: 'Il nucleo è già ospitato in questo appartamento in quel periodo.',
              en: 'The household already stays in this apartment over that period.',
            },
            409,
          );
        const peak = await peakPeople({ tx: sys, unitId, from: input.startsOn, to: input.endsOn });
        if (peak + input.people > capacity) throw overCapacity(Math.max(capacity - peak, 0));
        return found.id;
      });
      const [row] = await queryRows<{ id: string }>(
        tx,
        sql`insert into housing_occupancies (unit_id, household_id, people, starts_on, ends_on, created_by)
            values (${unitId}, ${householdId}, ${input.people}, ${input.startsOn}, ${input.endsOn}, ${ctx.userId})
            returning id`,
      );
      const occupancyId = row!.id;
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'housing.occupancy_started',
          recordType: 'housing_unit',
          recordId: unitId,
          details: { occupancyId, people: input.people },
        },
      });
      await planStayMessages({ deps, ctx, tx, occupancyId });
      return loadUnit({ tx, ctx, unitId });
    },
  });
}

export async function endOccupancy({
  deps,
  ctx,
  occupancyId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  occupancyId: string;
  input: z.output<typeof ZOccupancyEndSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      // RLS: the housing team sees the stays of their own service's units only.
      const [stay] = await queryRows<{
        unit_id: string;
        people: number;
        starts_on: string;
        ends_on: string | null;
        exit_reason: string | null;
      }>(
        tx,
        sql`select unit_id, people, starts_on::text, ends_on::text, exit_reason
              from housing_occupancies where id = ${occupancyId}`,
      );
      if (!stay) throw new OutOfScope('housing_occupancy', occupancyId);
      await requireManagedUnit({ tx, unitId: stay.unit_id });
      if (stay.exit_reason)
        throw problems.conflict({ it: 'La permanenza è già conclusa.', en: 'The stay has already ended.' });
      if (input.endsOn <= stay.starts_on)
        throw problems.field('endsOn', 'before_start', {
          it: 'L’uscita viene dopo l’ingresso.',
          en: 'The end comes after the start.',
        });
      // A later end than planned takes seats again: counted like a new stay over the added days.
      if (stay.ends_on && input.endsOn > stay.ends_on) {
        const from = stay.ends_on;
        await unsafeAsSystem(tx, async (sys) => {
          const capacity = await lockUnit(sys, stay.unit_id);
          const peak = await peakPeople({
            tx: sys,
            unitId: stay.unit_id,
            from,
            to: input.endsOn,
            exceptId: occupancyId,
          });
          if (peak + stay.people > capacity)
            throw problems.field(
              'endsOn',
              'over_capacity',
              {
                it: `Fino a quella data l’appartamento non ha posto: nel giorno più pieno restano ${Math.max(capacity - peak, 0)} posti liberi.`,
                en: `The apartment has no room until that date: on its fullest day ${Math.max(capacity - peak, 0)} places are free.`,
              },
              409,
            );
        });
      }
      // Conditional: of two requests at once, the second finds it ended.
      const [ended] = await queryRows<{ id: string }>(
        tx,
        sql`update housing_occupancies set ends_on = ${input.endsOn}, exit_reason = ${input.exitReason}, ended_by = ${ctx.userId}
             where id = ${occupancyId} and exit_reason is null returning id`,
      );
      if (!ended)
        throw problems.conflict({ it: 'La permanenza è già conclusa.', en: 'The stay has already ended.' });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'housing.occupancy_ended',
          recordType: 'housing_unit',
          recordId: stay.unit_id,
          details: { occupancyId, exitReason: input.exitReason },
        },
      });
      return loadUnit({ tx, ctx, unitId: stay.unit_id });
    },
  });
}
