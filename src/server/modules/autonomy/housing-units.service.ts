import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TUnit,
  ZAddressChangeSchema,
  ZUnitInputSchema,
  ZUnitUpdateSchema,
} from '../../../contracts/housing.js';
import { type AccessContext, actorOf } from '../../platform/access/access-context.js';
import { scoped } from '../../platform/access/access-hook.js';
import { OutOfScope } from '../../platform/access/not-found.js';
import { writeAudit } from '../../platform/audit/audit-writer.js';
import { requireRecentStepUp } from '../../platform/auth/step-up.js';
import { encryptField } from '../../platform/crypto/field-crypto.js';
import { queryRows, sqlArray, type Tx } from '../../platform/db/client.js';
import { unsafeAsSystem } from '../../platform/db/context.js';
import type { Deps } from '../../platform/deps.js';
import { type FieldError, problems } from '../../platform/http/problem.js';
import { actingService } from '../cases/cases.policy.js';
import { autonomyContext } from './autonomy.fields.js';
import { autonomyRoleOf, BLOCKED_HOUSEHOLDS, requireHousingCoordinator } from './autonomy.policy.js';
import { housingUnits } from './housing.sql.js';

/**
 * Protected apartments (issue 20, item 4): the housing team of an autonomy_housing service (its
 * coordinators and practitioners) reads its units and their stays; its coordinators keep them. No
 * answer here carries the address: it is written encrypted and read back only by the reveal
 * (housing-address.service.ts). The households' codes are read as the owner, after RLS has shown
 * the caller the stays (households' own RLS follows the case team, not the housing team).
 */

interface UnitRow {
  id: string;
  service_id: string;
  label: string;
  organisation_id: string;
  organisation_name: string;
  capacity: number;
  accessibility: TUnit['accessibility'];
  district_id: string;
  district_name: string;
  notes: string | null;
  active: boolean;
}

interface OccupancyRow {
  id: string;
  unit_id: string;
  household_id: string;
  people: number;
  starts_on: string;
  ends_on: string | null;
  exit_reason: TUnit['occupancies'][number]['exitReason'];
  today: boolean;
  /** A household with someone the caller is blocked from: its stay counts, its code is withheld. */
  blocked: boolean;
}

/** What a stay of a household the caller is blocked from shows instead of its code. */
export const WITHHELD_HOUSEHOLD = '—';

/** The households with someone the caller is blocked from, read as the caller. */
export async function blockedHouseholdIds(tx: Tx) {
  const [row] = await queryRows<{ ids: string[] }>(tx, sql`select ${BLOCKED_HOUSEHOLDS} as ids`);
  return (row?.ids ?? []).map(String);
}

/**
 * Households' codes by id, read as the owner once the caller was judged (the housing team and
 * finance are not on the households' case teams): codes only.
 */
export async function householdCodes(tx: Tx, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await unsafeAsSystem(tx, (sys) =>
    queryRows<{ id: string; code: string }>(
      sys,
      sql`select id, code from households where id = any (${sqlArray(unique, 'uuid')})`,
    ),
  );
  return new Map(rows.map((h) => [h.id, h.code]));
}

/**
 * The units the caller's housing team reads (all of them, or one), as ZUnitSchema. Anyone outside
 * a housing team gets none: the columns selected here are those granted to trama_app, never the
 * address.
 */
async function loadUnits({
  tx,
  ctx,
  unitId,
}: {
  tx: Tx;
  ctx: AccessContext;
  unitId?: string;
}): Promise<TUnit[]> {
  const role = await autonomyRoleOf(tx);
  if (role !== 'coordinator' && role !== 'practitioner') return [];
  const units = await queryRows<UnitRow>(
    tx,
    sql`select u.id, u.service_id, u.label, u.managing_organisation_id as organisation_id, o.name as organisation_name,
               u.capacity, u.accessibility, u.district_id, d.name as district_name, u.notes, u.active
          from housing_units u
          join organisations o on o.id = u.managing_organisation_id
          join districts d on d.id = u.district_id
         where u.service_id = ${ctx.serviceId} ${unitId ? sql`and u.id = ${unitId}` : sql``}
         order by u.active desc, u.label, u.id`,
  );
  if (units.length === 0) return [];
  const ids = units.map((u) => u.id);
  const stays = await queryRows<OccupancyRow>(
    tx,
    sql`select o.id, o.unit_id, o.household_id, o.people, o.starts_on::text, o.ends_on::text, o.exit_reason,
               (o.starts_on <= current_date and (o.ends_on is null or o.ends_on > current_date)) as today,
               (o.household_id = any ${BLOCKED_HOUSEHOLDS}) as blocked
          from housing_occupancies o
         where o.unit_id = any (${sqlArray(ids, 'uuid')})
         order by o.starts_on desc, o.id`,
  );
  const codes = await householdCodes(
    tx,
    stays.filter((s) => !s.blocked).map((s) => s.household_id),
  );
  const approved = new Set(
    (
      await queryRows<{ unit_id: string }>(
        tx,
        sql`select r.unit_id from housing_address_requests r
             where r.requested_by = ${ctx.userId} and r.status = 'approved' and r.used_at is null
               and r.usable_until > now() and r.unit_id = any (${sqlArray(ids, 'uuid')})`,
      )
    ).map((r) => r.unit_id),
  );
  return units.map((u) => {
    const own = stays.filter((s) => s.unit_id === u.id);
    return {
      id: u.id,
      label: u.label,
      managingOrganisation: { id: u.organisation_id, name: u.organisation_name },
      capacity: u.capacity,
      accessibility: u.accessibility,
      district: { id: u.district_id, name: u.district_name },
      notes: u.notes,
      active: u.active,
      occupiedToday: own.filter((s) => s.today).reduce((sum, s) => sum + s.people, 0),
      occupancies: own.map((s) => ({
        id: s.id,
        unitId: s.unit_id,
        householdCode: s.blocked ? WITHHELD_HOUSEHOLD : (codes.get(s.household_id) ?? '—'),
        people: s.people,
        startsOn: s.starts_on,
        endsOn: s.ends_on,
        exitReason: s.exit_reason,
      })),
      addressAccess:
        role === 'coordinator' && u.service_id === ctx.serviceId
          ? 'reveal'
          : approved.has(u.id)
            ? 'approved_request'
            : 'request',
      canManage: role === 'coordinator',
    };
  });
}

/** One unit of the caller's housing team, or an audited 404. */
export async function loadUnit({ tx, ctx, unitId }: { tx: Tx; ctx: AccessContext; unitId: string }) {
  const [unit] = await loadUnits({ tx, ctx, unitId });
  if (!unit) throw new OutOfScope('housing_unit', unitId);
  return unit;
}

/**
 * A unit the caller manages (a housing coordinator of its service). Outside the housing team the
 * unit is an audited 404 (RLS shows the team only its own service's units); inside it, a
 * practitioner is told that its coordinators manage it.
 */
export async function requireManagedUnit({ tx, unitId }: { tx: Tx; unitId: string }) {
  const [row] = await queryRows<{ id: string; active: boolean }>(
    tx,
    sql`select id, active from housing_units where id = ${unitId}`,
  );
  if (!row) throw new OutOfScope('housing_unit', unitId);
  await requireHousingCoordinator(tx);
  return row;
}

/**
 * The most people hosted on any single day of [from, to) (`to` null: open-ended), counting every
 * stay that overlaps it (an open-ended stay counts to infinity), leaving out `exceptId`. The count
 * only rises on the day a stay starts, so the days to look at are `from` and every start inside.
 * Read as the owner, under the unit's row lock the caller took.
 */
export async function peakPeople({
  tx,
  unitId,
  from,
  to,
  exceptId,
}: {
  tx: Tx;
  unitId: string;
  from: string;
  to: string | null;
  exceptId?: string;
}) {
  const [row] = await queryRows<{ peak: number }>(
    tx,
    sql`with stays as (
          select o.people, o.starts_on, o.ends_on from housing_occupancies o
           where o.unit_id = ${unitId} ${exceptId ? sql`and o.id <> ${exceptId}` : sql``}
             and o.starts_on < coalesce(${to}::date, 'infinity'::date)
             and (o.ends_on is null or o.ends_on > ${from}::date)),
        days as (select ${from}::date as d union select s.starts_on from stays s where s.starts_on > ${from}::date)
        select coalesce(max((select coalesce(sum(s.people), 0) from stays s
                              where s.starts_on <= days.d and (s.ends_on is null or s.ends_on > days.d))), 0)::int as peak
          from days`,
  );
  return Number(row?.peak ?? 0);
}

/**
 * Locks the unit's row (as the owner) so that seats are counted by one writer at a time; answers
 * its capacity as it stands once the lock is held (a concurrent change of it has committed by then).
 */
export async function lockUnit(sys: Tx, unitId: string) {
  const [row] = await queryRows<{ capacity: number }>(
    sys,
    sql`select capacity from housing_units where id = ${unitId} for update`,
  );
  return Number(row!.capacity);
}

async function referencesProblems({
  tx,
  organisationId,
  districtId,
}: {
  tx: Tx;
  organisationId: string;
  districtId: string;
}) {
  const [row] = await queryRows<{ organisation: boolean; district: boolean }>(
    tx,
    sql`select exists (select 1 from organisations where id = ${organisationId}) as organisation,
               exists (select 1 from districts where id = ${districtId}) as district`,
  );
  const errors: FieldError[] = [];
  if (!row?.organisation)
    errors.push({
      field: 'managingOrganisationId',
      code: 'unknown',
      message: { it: 'Ente non trovato.', en: 'Organisation not found.' },
    });
  if (!row?.district)
    errors.push({
      field: 'districtId',
      code: 'unknown',
      message: { it: 'Ambito non trovato.', en: 'District not found.' },
    });
  if (errors.length > 0) throw problems.fields(errors);
}

export async function listUnits({ deps, ctx }: { deps: Deps; ctx: AccessContext }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const items = await loadUnits({ tx, ctx });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'housing.units_listed', details: { count: items.length } },
      });
      return { items };
    },
  });
}

export async function getUnit({ deps, ctx, unitId }: { deps: Deps; ctx: AccessContext; unitId: string }) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      const unit = await loadUnit({ tx, ctx, unitId });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: { action: 'housing.unit_read', recordType: 'housing_unit', recordId: unitId },
      });
      return unit;
    },
  });
}

export async function createUnit({
  deps,
  ctx,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  input: z.output<typeof ZUnitInputSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireHousingCoordinator(tx);
      const serviceId = actingService(ctx);
      await referencesProblems({
        tx,
        organisationId: input.managingOrganisationId,
        districtId: input.districtId,
      });
      const id = crypto.randomUUID();
      // No RETURNING: the address column is not the request role's to read back.
      await tx.insert(housingUnits).values({
        id,
        serviceId,
        label: input.label,
        managingOrganisationId: input.managingOrganisationId,
        capacity: input.capacity,
        accessibility: [...new Set(input.accessibility)],
        districtId: input.districtId,
        addressEncrypted: encryptField({
          keyring: deps.keyring,
          plaintext: input.address,
          context: autonomyContext('housing_units.address', id),
        }),
        notes: input.notes,
        createdBy: ctx.userId,
      });
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'housing.unit_saved',
          recordType: 'housing_unit',
          recordId: id,
          details: { created: true, capacity: input.capacity },
        },
      });
      return loadUnit({ tx, ctx, unitId: id });
    },
  });
}

export async function updateUnit({
  deps,
  ctx,
  unitId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  unitId: string;
  input: z.output<typeof ZUnitUpdateSchema>;
}) {
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireManagedUnit({ tx, unitId });
      if (input.capacity !== undefined) {
        const capacity = input.capacity;
        // Under the row lock a new stay waits for this change, and this change for it.
        const booked = await unsafeAsSystem(tx, async (sys) => {
          await lockUnit(sys, unitId);
          const [today] = await queryRows<{ d: string }>(sys, sql`select current_date::text as d`);
          return peakPeople({ tx: sys, unitId, from: today!.d, to: null });
        });
        if (capacity < booked)
          throw problems.field(
            'capacity',
            'below_booked',
            {
              it: `Da oggi in poi l’appartamento ospita fino a ${booked} persone: la capienza non può scendere sotto.`,
              en: `From today on the apartment hosts up to ${booked} people: the capacity cannot go below that.`,
            },
            409,
          );
      }
      const set = {
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        ...(input.accessibility !== undefined ? { accessibility: [...new Set(input.accessibility)] } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      };
      if (Object.keys(set).length > 0)
        await tx
          .update(housingUnits)
          .set({ ...set, updatedAt: new Date() })
          .where(sql`${housingUnits.id} = ${unitId}`);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'housing.unit_saved',
          recordType: 'housing_unit',
          recordId: unitId,
          details: { changed: Object.keys(set) },
        },
      });
      return loadUnit({ tx, ctx, unitId });
    },
  });
}

/**
 * A new address for a unit: its housing coordinator, after a recent step-up, with a reason kept
 * as the audit event's purpose. The audit names neither the old address nor the new one.
 */
export async function changeAddress({
  deps,
  ctx,
  unitId,
  input,
}: {
  deps: Deps;
  ctx: AccessContext;
  unitId: string;
  input: z.output<typeof ZAddressChangeSchema>;
}) {
  requireRecentStepUp({
    ctx,
    why: {
      it: 'L’indirizzo di un appartamento protetto si cambia solo dopo aver confermato il codice di autenticazione.',
      en: 'A protected apartment’s address is changed only after you confirm your authentication code.',
    },
  });
  return scoped({
    db: deps.db,
    ctx,
    work: async (tx) => {
      await requireManagedUnit({ tx, unitId });
      await tx
        .update(housingUnits)
        .set({
          addressEncrypted: encryptField({
            keyring: deps.keyring,
            plaintext: input.address,
            context: autonomyContext('housing_units.address', unitId),
          }),
          updatedAt: new Date(),
        })
        .where(sql`${housingUnits.id} = ${unitId}`);
      await writeAudit({
        tx,
        actor: actorOf(ctx),
        event: {
          action: 'housing.address_changed',
          recordType: 'housing_unit',
          recordId: unitId,
          purpose: input.reason,
        },
      });
      return loadUnit({ tx, ctx, unitId });
    },
  });
}
